// The preview session with a small stand-in bundle: menus per user, the question-and-replay of
// prompts and Yes/No alerts, sidebars served with the bridge, persistence and .eml files.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createEmulator, saveStore } from '../../../src/dev/emulator';
import { PreviewSession } from '../../../src/dev/preview/session';

const OWNER = 'owner@example.org';
/** onOpen never sees the e-mail (LIMITED): the stand-in tells its owner by the temporary user key. */
const OWNER_KEY = createHash('sha256').update(`temporary-key:${OWNER}`).digest('base64url').slice(0, 43);
const CODE = `
function onOpen(e) {
  var menu = SpreadsheetApp.getUi().createAddonMenu();
  if (Session.getTemporaryActiveUserKey() === '${OWNER_KEY}') menu.addItem('Спросить', 'askAndWrite');
  menu.addItem('Панель', 'openPanel').addToUi();
}
function askAndWrite() {
  var ui = SpreadsheetApp.getUi();
  ui.alert('Начинаем');
  var name = ui.prompt('Как назвать?', ui.ButtonSet.OK_CANCEL);
  if (name.getSelectedButton() !== ui.Button.OK) return;
  if (ui.alert('Записать «' + name.getResponseText() + '»?', ui.ButtonSet.YES_NO) !== ui.Button.YES) return;
  SpreadsheetApp.getActiveSheet().getRange('A1').setValue(name.getResponseText());
  MailApp.sendEmail('someone@example.org', 'Записано', 'Значение: ' + name.getResponseText());
}
function openPanel() {
  SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutput('<html><head><title>x</title></head><body>Панель</body></html>').setTitle('Панель'));
}
function whoAmI() { return Session.getActiveUser().getEmail(); }
`;

let dataDir: string;
let distDir: string;
const lines: string[] = [];

beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'preview-session-'));
  distDir = fs.mkdtempSync(path.join(os.tmpdir(), 'preview-dist-'));
  fs.writeFileSync(path.join(distDir, 'Code.js'), CODE);
  const em = createEmulator({ now: Date.UTC(2024, 1, 20, 9) });
  em.createSpreadsheet({ name: 'Проба', owner: OWNER });
  saveStore(em.store, path.join(dataDir, 'store.json'));
  lines.length = 0;
});
afterEach(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(distDir, { recursive: true, force: true });
});

const open = () => new PreviewSession({ dataDir, distDir, log: (l) => lines.push(l) });
const cellA1 = (s: PreviewSession) => s.state(null).grid?.rows[0]?.[0]?.t;

test('the menu is what onOpen built for the user; other functions are refused', () => {
  const s = open();
  s.setUser(OWNER);
  expect(s.state(null).menus[0]!.items.map((i) => i.functionName)).toEqual(['askAndWrite', 'openPanel']);
  s.setUser('other@example.org');
  expect(s.state(null).menus[0]!.items.map((i) => i.functionName)).toEqual(['openPanel']);
  expect(() => s.runMenuItem('askAndWrite')).toThrow('В меню текущего пользователя нет пункта');
  expect(lines.filter((l) => l.includes('onOpen · '))).toHaveLength(2);
});

test('a prompt and a Yes/No alert are asked one by one; the item then runs once with the answers', () => {
  const s = open();
  s.setUser(OWNER);
  s.state(null);
  const first = s.runMenuItem('askAndWrite');
  expect(first.question).toMatchObject({ kind: 'prompt', text: 'Как назвать?', buttons: 'OK_CANCEL' });
  expect(cellA1(s)).toBe('');
  const second = s.answer(first.question!.token, { button: 'OK', text: 'Проба пера' });
  expect(second.question).toMatchObject({ kind: 'alert', text: 'Записать «Проба пера»?', buttons: 'YES_NO' });
  expect(s.em.store.mail.sent()).toHaveLength(0); // nothing happened yet: the run was undone
  expect(s.answer(second.question!.token, { button: 'YES' })).toEqual({});
  expect(cellA1(s)).toBe('Проба пера');
  expect(s.em.store.mail.sent()).toHaveLength(1);
  expect(() => s.answer(second.question!.token, { button: 'YES' })).toThrow('неактуален');
  expect(fs.readdirSync(path.join(dataDir, 'outbox'))).toHaveLength(1);
  expect(
    fs.readFileSync(path.join(dataDir, 'outbox', fs.readdirSync(path.join(dataDir, 'outbox'))[0]!), 'utf8'),
  ).toContain('Subject: =?UTF-8?B?');
});

test('answering «Нет» leaves the spreadsheet as it was', () => {
  const s = open();
  s.setUser(OWNER);
  const q1 = s.runMenuItem('askAndWrite').question!;
  const q2 = s.answer(q1.token, { button: 'OK', text: 'x' }).question!;
  s.state(null);
  expect(s.answer(q2.token, { button: 'NO' })).toEqual({});
  // The plain message is shown after the run; the answered questions are not shown again.
  expect(s.state(null).events.map((e) => [e.kind, e.text])).toEqual([['alert', 'Начинаем']]);
  expect(cellA1(s)).toBe('');
});

test('a sidebar is served with the bridge; its calls run as the user who opened it', () => {
  const s = open();
  s.setUser('other@example.org');
  s.runMenuItem('openPanel');
  const [sidebar] = s.state(null).events;
  expect(sidebar).toMatchObject({ kind: 'sidebar', title: 'Панель' });
  const html = s.uiHtml(sidebar!.index)!;
  expect(html).toContain('window.__previewCall');
  expect(html.indexOf('__previewCall')).toBeLessThan(html.indexOf('__gasBridgeConfig'));
  s.setUser(OWNER);
  expect(s.runClient('whoAmI', [], sidebar!.index)).toEqual({ ok: true, value: 'other@example.org' });
  expect(s.runClient('whoAmI', [], null)).toEqual({ ok: true, value: OWNER });
  expect(s.runClient('askAndWrite_', [], null).ok).toBe(false);
});

test('the user, the clock and the spreadsheet survive a restart', () => {
  const s = open();
  s.setUser(OWNER);
  s.setNow(Date.UTC(2024, 2, 1, 9));
  const q1 = s.runMenuItem('askAndWrite').question!;
  const q2 = s.answer(q1.token, { button: 'OK', text: 'сохранено' }).question!;
  s.answer(q2.token, { button: 'YES' });
  const again = open();
  expect(again.user).toBe(OWNER);
  expect(again.em.now()).toBe(Date.UTC(2024, 2, 1, 9));
  expect(cellA1(again)).toBe('сохранено');
  expect(again.runDailyTrigger().message).toContain('Напоминания выключены');
});
