// The local preview (`npm start`) in headless Chromium: the demo district's grid, menus from the real
// onOpen per user, sidebar and dialogs bridged to dist/Code.js, clock, daily trigger, outbox, .xlsx, restart.
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { DEMO_OWNER, DEMO_STRANGER, msk } from '../../src/dev/preview/demo';
import { startPreview, type RunningPreview } from '../../src/dev/preview/server';
import { artifactPath, launchBrowser } from '../support/browser';

jest.setTimeout(180_000);

const COORDINATOR = 'lugovaya.school@example.org'; // МБОУ «Луговая средняя школа», January 2024 not yet submitted
const LATE_KINDERGARTEN = 'kolokolchik.dou@example.org'; // never submits January: gets the overdue reminder

let browser: Browser;
let preview: RunningPreview;
let page: Page;
let dataDir: string;
const log: string[] = [];

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'preview-test-'));
  [browser, preview] = await Promise.all([launchBrowser(), startPreview({ port: 0, dataDir, log: (l) => log.push(l) })]);
  page = await browser.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true, locale: 'ru-RU', timezoneId: 'Europe/Moscow' });
  await page.goto(preview.url);
  await page.waitForSelector('#grid table');
});

afterAll(async () => {
  await browser?.close();
  await preview?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

/** data-fn of every item in the add-on menu, as drawn. */
const drawnMenu = (p: Page) => p.$$eval('#addon-menu .menu-item', (items) => items.map((i) => i.getAttribute('data-fn')));
/** The function names of the add-on menu the real onOpen stored for `user`. */
function onOpenMenu(user: string): string[] {
  const addon = preview.session.em.store.ui.getMenus(preview.session.doc, user).find((m) => m.key === 'addon');
  return (addon?.items ?? []).filter((i) => i.kind === 'item').map((i) => i.functionName ?? '');
}

async function switchUser(email: string): Promise<void> {
  await page.selectOption('#user-select', email);
  await page.waitForFunction((e) => document.querySelector('#status')?.textContent?.includes(e || 'без e-mail'), email);
}

async function menuItem(fn: string): Promise<void> {
  await page.click('#extensions-button');
  await page.click('#addon-entry');
  await page.click(`#addon-menu .menu-item[data-fn="${fn}"]`);
}

async function setToday(ms: number): Promise<void> {
  const local = new Date(ms + 3 * 3600_000).toISOString().slice(0, 16);
  await page.fill('#clock-input', local);
  await page.click('#clock-set');
  await page.waitForFunction(() => document.querySelector('#status')?.textContent?.startsWith('Часы переставлены'));
}

async function openSheet(name: string): Promise<void> {
  await page.click(`#tabs .tab:text-is("${name}")`);
  await page.waitForSelector(`#grid table[data-sheet-name="${name}"]`);
}

const gridText = (p: Page) => p.locator('#grid table').innerText();

test('the grid shows the demo district as Sheets displays it', async () => {
  const tabs = await page.$$eval('#tabs .tab', (t) => t.map((x) => x.textContent));
  expect(tabs).toEqual(expect.arrayContaining(['Настройки', 'Реестр организаций', 'Отчёты', 'Журнал изменений']));
  await openSheet('Реестр организаций');
  const registry = await gridText(page);
  expect(registry).toContain('Код организации');
  for (const org of ['МБОУ «Заречная средняя школа»', 'МБДОУ «Детский сад „Солнышко“»', 'МБУ ДО «Дом детского творчества»']) expect(registry).toContain(org);
  await openSheet('Отчёты');
  const reports = await gridText(page);
  // Display values: dates as the number format shows them, not serial numbers.
  expect(reports).toMatch(/\d{2}\.\d{2}\.20\d{2} \d{2}:\d{2}/);
  for (const status of ['принят', 'возвращён', 'сдан']) expect(reports).toContain(status);
  expect(await page.textContent('#today-text')).toBe('20.02.2024, 12:00');
  expect(log.some((l) => l.includes('onOpen · ' + DEMO_OWNER))).toBe(true);
});

test('the menu is the one the real onOpen built, and changes with the user', async () => {
  const admin = await drawnMenu(page);
  expect(admin).toEqual(onOpenMenu(DEMO_OWNER));
  expect(admin).toContain('setupWorkbook');
  await switchUser(COORDINATOR);
  const coordinator = await drawnMenu(page);
  expect(coordinator).toEqual(onOpenMenu(COORDINATOR));
  expect(coordinator).not.toEqual(admin);
  expect(coordinator).not.toContain('setupWorkbook');
  await switchUser(DEMO_STRANGER);
  expect(await drawnMenu(page)).toEqual(onOpenMenu(DEMO_STRANGER));
  expect(await drawnMenu(page)).toContain('showAccessHelp');
  await menuItem('showAccessHelp');
  await page.waitForSelector('#modal:not([hidden]) .message');
  expect(await page.textContent('#modal .message')).toContain(DEMO_STRANGER);
  await page.click('#modal .buttons button');
  expect(await page.isHidden('#modal')).toBe(true);
});

test('a dialog opens as a modal with the real HTML and google.script.host.close() closes it', async () => {
  await switchUser(COORDINATOR);
  await menuItem('showAbout');
  await page.waitForSelector('#modal:not([hidden]) iframe');
  const about = page.frameLocator('#modal iframe');
  await about.locator('body').waitFor();
  expect(await about.locator('body').innerText()).toContain('Сферум');
  expect(await page.textContent('#modal-title')).toContain('О дополнении');
});

/** The coordinator sidebar in the 300-px panel, ready. */
async function coordinatorSidebar(): Promise<FrameLocator> {
  await menuItem('showReportSidebar');
  await page.waitForSelector('#sidebar:not([hidden]) #sidebar-frame');
  const side = page.frameLocator('#sidebar-frame');
  await side.locator('#report-form').waitFor();
  await page.frame({ url: /\/ui\/\d+$/ })!.waitForFunction(() => document.getElementById('app')?.getAttribute('aria-busy') === 'false');
  return side;
}

test('a coordinator submits in the sidebar; the admin sees it in the summary', async () => {
  await page.click('#modal-close');
  const side = await coordinatorSidebar();
  expect(await page.$eval('#sidebar', (e) => e.getBoundingClientRect().width)).toBe(300);
  expect(await side.locator('#org-name').innerText()).toBe('МБОУ «Луговая средняя школа»');
  expect(await side.locator('#period-picker').inputValue()).toBe('2024-01');
  await page.screenshot({ path: artifactPath('preview-sidebar.png') }); // docs/preview.png is a copy of this one
  const figures: Record<string, number> = {
    teachersTotal: 31, teachersConnected: 30, pupilsTotal: 341, pupilsConnected: 330, parentsTotal: 434, parentsConnected: 400,
    groupsTotal: 10, groupsInSferum: 10, pupilChats: 10, parentChats: 10, teachersMeetingMinimum: 28, mySchoolTeachers: 29,
  };
  for (const [name, value] of Object.entries(figures)) await side.locator('#f-' + name).fill(String(value));
  for (const name of ['staffChat', 'noForeignMessengers']) await side.locator(`#f-${name}-yes`).check();
  await side.locator('#submit').click();
  await side.locator('#status.ok').waitFor();
  expect(await side.locator('#status').innerText()).toContain('Отчёт за январь 2024 сдан');
  await page.screenshot({ path: artifactPath('preview-submitted.png') });
  // The page refreshed the grid after the sidebar's call.
  await openSheet('Отчёты');
  await page.waitForFunction(() => /SCH-02[\s\S]*2024-01/.test(document.querySelector('#grid table')?.textContent ?? ''));
  expect(log.some((l) => l.startsWith('[') && l.includes('google.script.run.submitReport · ' + COORDINATOR))).toBe(true);
  expect(log.some((l) => /google\.script\.run\.submitReport · .* · \d+ мс · \d+ вызов/.test(l))).toBe(true);

  await switchUser(DEMO_OWNER);
  expect(await page.isHidden('#sidebar')).toBe(true);
  await menuItem('showDistrictSummary');
  await page.waitForSelector('#modal:not([hidden]) iframe');
  const summary = page.frameLocator('#modal iframe');
  const row = summary.locator('#table tr', { hasText: 'Луговая' });
  await row.first().waitFor();
  await page.waitForTimeout(300);
  expect(await row.first().innerText()).toMatch(/сдан/);
  expect(await row.first().innerText()).not.toMatch(/не сдан/);
  await page.screenshot({ path: artifactPath('preview-summary.png') });
  await page.click('#modal-close');
});

test('the daily trigger: off until enabled, then past the deadline it e-mails the reminder (outbox + .eml)', async () => {
  await page.click('#trigger-run');
  await page.waitForFunction(() => document.querySelector('#status')?.textContent?.includes('Напоминания выключены'));

  await menuItem('enableReminders');
  await page.waitForSelector('#modal:not([hidden]) .message');
  expect(await page.textContent('#modal .message')).toMatch(/включ/i);
  await page.click('#modal .buttons button');
  expect(await page.textContent('#trigger-info')).toBe(`runDailyReminders: каждый день около 7:00 (${DEMO_OWNER})`);

  await setToday(msk(2024, 3, 1, 12)); // January was due 29.02.2024
  const before = preview.session.em.store.mail.sent().length;
  await page.click('#trigger-run');
  await page.waitForFunction(() => document.querySelector('#status')?.textContent?.startsWith('Ежедневный триггер выполнен'));
  const sent = preview.session.em.store.mail.sent().slice(before);
  expect(sent.length).toBeGreaterThan(0);
  expect(sent.some((m) => m.to.includes(LATE_KINDERGARTEN))).toBe(true);
  expect(sent.some((m) => m.to.includes(COORDINATOR))).toBe(false); // submitted in the sidebar above
  await page.waitForSelector('#outbox:not([hidden])');
  const outbox = await page.locator('#outbox').innerText();
  expect(outbox).toContain(LATE_KINDERGARTEN);
  expect(outbox).toMatch(/Квота писем на сегодня: осталось \d+ из 100/);
  const files = fs.readdirSync(path.join(dataDir, 'outbox'));
  expect(files.length).toBe(preview.session.em.store.mail.sent().length);
  const eml = fs.readFileSync(path.join(dataDir, 'outbox', files[files.length - 1]!), 'utf8');
  expect(eml).toMatch(/^From: .*\r\nTo: .*@example\.org/);
  expect(eml).toContain('Content-Type: text/plain; charset=UTF-8');
  expect(log.some((l) => l.includes('триггер runDailyReminders'))).toBe(true);
});

test('«Скачать .xlsx» gives a workbook ExcelJS reads back', async () => {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#xlsx-link')]);
  const file = path.join(dataDir, 'download.xlsx');
  await download.saveAs(file);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(['Настройки', 'Реестр организаций', 'Отчёты']));
  const reports = wb.getWorksheet('Отчёты')!;
  expect(reports.getCell('A1').value).toBe('Код организации');
  expect(reports.getRow(1).font?.bold ?? reports.getCell('A1').font?.bold).toBe(true);
  const submitted = reports.getColumn(6).values.filter((v) => v instanceof Date);
  expect(submitted.length).toBeGreaterThan(20);
  expect(reports.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
});

test('state persists across a server restart', async () => {
  const mails = preview.session.em.store.mail.sent().length;
  await switchUser(COORDINATOR);
  await preview.close();
  preview = await startPreview({ port: 0, dataDir, log: (l) => log.push(l) });
  expect(log.some((l) => l.startsWith('состояние загружено'))).toBe(true);
  await page.goto(preview.url);
  await page.waitForSelector('#grid table');
  expect(await page.inputValue('#user-select')).toBe(COORDINATOR);
  expect(await page.textContent('#today-text')).toBe('01.03.2024, 12:00');
  expect(await page.textContent('#outbox-count')).toBe(String(mails));
  await openSheet('Отчёты');
  expect(await gridText(page)).toMatch(/SCH-02[\s\S]*2024-01/);
  expect(preview.session.em.store.triggers.list().length).toBe(1);
});
