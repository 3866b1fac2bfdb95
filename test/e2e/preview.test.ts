// The local preview (`npm start`) in headless Chromium: the demo district's grid, menus from the real
// onOpen per user, sidebar and dialogs bridged to dist/Code.js, clock, daily trigger, outbox, .xlsx, restart.
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { DEMO_OWNER, DEMO_STRANGER, DEMO_TODAY, msk } from '../../src/dev/preview/demo';
import { formatClock } from '../../src/dev/preview/page/clock';
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
  [browser, preview] = await Promise.all([
    launchBrowser(),
    startPreview({ port: 0, dataDir, log: (l) => log.push(l) }),
  ]);
  page = await browser.newPage({
    viewport: { width: 1440, height: 900 },
    acceptDownloads: true,
    locale: 'ru-RU',
    timezoneId: 'Europe/Moscow',
  });
  await page.goto(preview.url);
  await page.waitForSelector('#grid table');
});

afterAll(async () => {
  await browser?.close();
  await preview?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

/** data-fn of every item in the add-on menu, as drawn. */
const drawnMenu = (p: Page) =>
  p.$$eval('#addon-menu .menu-item', (items) => items.map((i) => i.getAttribute('data-fn')));
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
  await page.fill('#clock-input', formatClock(ms));
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
  expect(tabs).not.toContain('Лист1'); // the owner deleted the new spreadsheet's empty sheet
  await openSheet('Реестр организаций');
  const registry = await gridText(page);
  expect(registry).toContain('Код организации');
  for (const org of [
    'МБОУ «Заречная средняя школа»',
    'МБДОУ «Детский сад „Солнышко“»',
    'МБУ ДО «Дом детского творчества»',
  ])
    expect(registry).toContain(org);
  await openSheet('Отчёты');
  const reports = await gridText(page);
  // Display values: dates as the number format shows them, not serial numbers.
  expect(reports).toMatch(/\d{2}\.\d{2}\.20\d{2} \d{2}:\d{2}/);
  for (const status of ['принят', 'возвращён', 'сдан']) expect(reports).toContain(status);
  expect(await page.textContent('#today-text')).toBe('20.02.2024, 12:00');
  expect(log.some((l) => l.includes('onOpen · ' + DEMO_OWNER))).toBe(true);
});

/** Bounding boxes of the cells of grid row `row` (1-based), keyed by column letter. */
const rowBoxes = (p: Page, row: number) =>
  p.$$eval(`#grid tbody tr:nth-child(${row}) td`, (tds) =>
    tds.map((td) => {
      const r = td.getBoundingClientRect();
      return {
        text: td.textContent ?? '',
        left: r.left,
        right: r.right,
        top: r.top,
        bottom: r.bottom,
        width: r.width,
        span: (td as HTMLTableCellElement).colSpan,
      };
    }),
  );
/** Width on screen of each column header. */
const headerWidths = (p: Page) =>
  p.$$eval('#grid thead th[data-col]', (ths) =>
    Object.fromEntries(ths.map((th) => [th.getAttribute('data-col'), th.getBoundingClientRect().width])),
  );

test("the grid is laid out at the sheet's column widths: long text spills over empty cells, hidden columns are hidden, frozen rows stack", async () => {
  const generated = preview.session.runClient('generateDistrictReport', ['2023-12'], null);
  expect(generated.ok).toBe(true);
  await page.reload();
  await page.waitForSelector('#grid table');
  const name = 'Сводный отчёт декабрь 2023';
  await openSheet(name);
  // The template's widths: A 30, B 58, C 200, … M 92 (978 px, A4 landscape) — not stretched by the title.
  const widths = await headerWidths(page);
  expect(widths).toMatchObject({ A: 30, B: 58, C: 200, D: 42, E: 110, I: 74, J: 80, M: 92 });
  expect(await page.$eval('#grid table', (t) => t.getBoundingClientRect().width)).toBe(46 + 978);
  // The title in A2 spills over the empty B2, C2, … and stays on one line.
  const title = (await rowBoxes(page, 2))[1]!;
  expect(title.text).toContain('Сводный отчёт об использовании');
  expect(title.span).toBeGreaterThan(1);
  expect(title.bottom - title.top).toBeLessThanOrEqual(24);
  // The chart is drawn over the rows left for it, under the district figures.
  const chart = await page.locator('#grid img.chart').boundingBox();
  expect(chart).not.toBeNull();
  expect(await page.getAttribute('#grid img.chart', 'alt')).toBe('Показатели округа и цели приказа');
  await page.screenshot({ path: artifactPath('preview-report-sheet.png') });
  // Frozen rows (the reports sheet's header) stay stacked under the column letters while the rows scroll.
  await openSheet('Отчёты');
  const frozen = preview.session.em.store.spreadsheets
    .getSpreadsheet(preview.session.doc)!
    .sheets.find((s) => s.name === 'Отчёты')!.frozenRows;
  expect(frozen).toBe(1);
  await page.$eval('#grid', (g) => (g.scrollTop = 250));
  await page.waitForTimeout(50);
  const header = await page.$eval('#grid thead th', (th) => th.getBoundingClientRect().bottom);
  let bottom = header;
  for (let r = 1; r <= frozen; r++) {
    const [rownum] = await rowBoxes(page, r);
    expect(rownum!.text).toBe(String(r));
    expect(Math.abs(rownum!.top - bottom)).toBeLessThanOrEqual(1);
    bottom = rownum!.bottom;
  }
  // What shows just under the frozen rows is a scrolled row, not a frozen one drawn over it.
  const under = await page.evaluate((y) => {
    const grid = document.getElementById('grid')!.getBoundingClientRect();
    const cell = document.elementFromPoint(grid.left + 20, y + 3);
    return Number(cell?.closest('tr')?.querySelector('td.rownum')?.textContent);
  }, bottom);
  expect(under).toBeGreaterThan(frozen + 1);
  const rows = await page.evaluate((y) => {
    const grid = document.getElementById('grid')!.getBoundingClientRect();
    const seen: number[] = [];
    for (let at = grid.top + 2; at < y; at += 4) {
      const n = Number(
        document
          .elementFromPoint(grid.left + 20, at)
          ?.closest('tr')
          ?.querySelector('td.rownum')?.textContent ?? 0,
      );
      if (n && seen[seen.length - 1] !== n) seen.push(n);
    }
    return seen;
  }, bottom);
  expect(rows).toEqual([1]);
  await page.$eval('#grid', (g) => (g.scrollTop = 0));

  // Hidden columns (the registry's M, the settings' A) are not drawn; the header marks where they are.
  await openSheet('Реестр организаций');
  const registry = await page.$$eval('#grid thead th[data-col]', (ths) => ths.map((th) => th.textContent));
  expect(registry).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L']);
  expect(await page.getAttribute('#grid thead th[data-col="L"]', 'class')).toContain('hidden-after');
  expect(await headerWidths(page)).toMatchObject({ A: 110, B: 300, J: 120, K: 120, L: 110 });
  await openSheet('Настройки');
  expect(await page.$$eval('#grid thead th[data-col]', (ths) => ths.map((th) => th.textContent))).toEqual(
    expect.not.arrayContaining(['A']),
  );
  expect(await page.getAttribute('#grid thead th[data-col="B"]', 'class')).toContain('hidden-before');
  await openSheet('Отчёты');
});

test('the clock reads ДД.ММ.ГГГГ ЧЧ:ММ whatever the browser locale, and moves only on «Установить»', async () => {
  const other = await browser.newPage({
    viewport: { width: 1440, height: 900 },
    locale: 'en-US',
    timezoneId: 'America/New_York',
  });
  try {
    await other.goto(preview.url);
    await other.waitForSelector('#grid table');
    expect(await other.inputValue('#clock-input')).toBe('20.02.2024 12:00');
    expect(await other.getAttribute('#clock-input', 'type')).toBe('text');
    expect(await other.getAttribute('#clock-input', 'placeholder')).toBe('ДД.ММ.ГГГГ ЧЧ:ММ');
  } finally {
    await other.close();
  }
  await page.fill('#clock-input', '30.02.2024 12:00');
  await page.click('#clock-set');
  await page.waitForFunction(() => document.querySelector('#status.error')?.textContent?.includes('Такой даты нет'));
  expect(await page.textContent('#status')).toBe('Такой даты нет: 30.02.2024 (в этом месяце 29 дней).');
  expect(await page.getAttribute('#clock-input', 'aria-invalid')).toBe('true');
  await page.fill('#clock-input', '02/20/2024, 12:00 PM');
  await page.press('#clock-input', 'Enter');
  await page.waitForFunction(() => document.querySelector('#status.error')?.textContent?.startsWith('Не понял'));
  expect(preview.session.em.now()).toBe(DEMO_TODAY);
  // +1 / +7 only change the field; the clock moves on «Установить».
  await page.fill('#clock-input', formatClock(DEMO_TODAY));
  await page.click('#advance-day');
  await page.click('#advance-week');
  expect(await page.inputValue('#clock-input')).toBe('28.02.2024 12:00');
  expect(await page.textContent('#status')).toContain('нажмите «Установить»');
  expect(preview.session.em.now()).toBe(DEMO_TODAY);
  expect(await page.textContent('#today-text')).toBe('20.02.2024, 12:00');
  await page.click('#clock-set');
  await page.waitForFunction(() => document.querySelector('#status')?.textContent?.startsWith('Часы переставлены'));
  expect(preview.session.em.now()).toBe(msk(2024, 2, 28, 12));
  await setToday(DEMO_TODAY);
  expect(await page.textContent('#today-text')).toBe('20.02.2024, 12:00');
});

test('the menu is the one the real onOpen built: the same for everyone, the role decided on the click', async () => {
  const admin = await drawnMenu(page);
  expect(admin).toEqual(onOpenMenu(DEMO_OWNER));
  expect(admin).toContain('setupWorkbook');
  await switchUser(COORDINATOR);
  expect(await drawnMenu(page)).toEqual(onOpenMenu(COORDINATOR));
  // onOpen never sees the e-mail (AuthMode.LIMITED): nobody's menu can depend on it.
  expect(await drawnMenu(page)).toEqual(admin);
  await switchUser(DEMO_STRANGER);
  expect(await drawnMenu(page)).toEqual(onOpenMenu(DEMO_STRANGER));
  expect(await drawnMenu(page)).toContain('showAccessHelp');
  await menuItem('showAccessHelp');
  await page.waitForSelector('#modal:not([hidden]) .message');
  expect(await page.textContent('#modal .message')).toContain(DEMO_STRANGER);
  await page.click('#modal .buttons button');
  expect(await page.isHidden('#modal')).toBe(true);
});

test('«Проверка установки» runs in the preview and shows its report as copyable text', async () => {
  await switchUser(DEMO_OWNER);
  await menuItem('runSetupCheck');
  await page.waitForSelector('#modal:not([hidden]) iframe');
  const report = page.frameLocator('#modal iframe').locator('#report');
  await report.waitFor();
  const text = await report.inputValue();
  expect(text).toContain('Проверка установки');
  expect(text).toContain('сборка bound');
  expect(text).toContain('✓ Текст «=1+1» остался текстом.');
  expect(text).toMatch(/Итог: /);
  fs.writeFileSync(artifactPath('setup-check.txt'), text);
  await page.click('#modal-close');
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
  await page
    .frame({ url: /\/ui\/\d+$/ })!
    .waitForFunction(() => document.getElementById('app')?.getAttribute('aria-busy') === 'false');
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
    teachersTotal: 31,
    teachersConnected: 30,
    pupilsTotal: 341,
    pupilsConnected: 330,
    parentsTotal: 434,
    parentsConnected: 400,
    groupsTotal: 10,
    groupsInSferum: 10,
    pupilChats: 10,
    parentChats: 10,
    teachersMeetingMinimum: 28,
    mySchoolTeachers: 29,
  };
  for (const [name, value] of Object.entries(figures)) await side.locator('#f-' + name).fill(String(value));
  for (const name of ['staffChat', 'noForeignMessengers']) await side.locator(`#f-${name}-yes`).check();
  await side.locator('#submit').click();
  await side.locator('#status.ok').waitFor();
  expect(await side.locator('#status').innerText()).toContain('Отчёт за январь 2024 сдан');
  await page.screenshot({ path: artifactPath('preview-submitted.png') });
  // The page refreshed the grid after the sidebar's call.
  await openSheet('Отчёты');
  await page.waitForFunction(() =>
    /SCH-02\s*МБОУ «Луговая средняя школа»\s*январь 2024/.test(
      document.querySelector('#grid table')?.textContent ?? '',
    ),
  );
  expect(log.some((l) => l.startsWith('[') && l.includes('google.script.run.submitReport · ' + COORDINATOR))).toBe(
    true,
  );
  expect(log.some((l) => /google\.script\.run\.submitReport · .* · \d+ мс · \d+ вызов/.test(l))).toBe(true);

  await switchUser(DEMO_OWNER);
  expect(await page.isHidden('#sidebar')).toBe(true);
  // The admin's menu opens the «Сводка» sidebar beside the grid; its button opens the full dialog.
  await menuItem('showDistrictSummary');
  await page.waitForSelector('#sidebar:not([hidden]) iframe');
  const sidebar = page.frameLocator('#sidebar iframe');
  await sidebar.locator('#lists section').first().waitFor();
  await page.screenshot({ path: artifactPath('preview-summary-sidebar.png') });
  await sidebar.locator('#openDialog').click();
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

test('keyboard: the preview toolbar comes before the sheet and the sidebar; tabbing out of the sidebar and pressing Enter leaves the clock alone', async () => {
  await switchUser(COORDINATOR);
  const side = await coordinatorSidebar();
  // Tab order of the page: the toolbar, then the add-on menu and the sheet, the sidebar last.
  const order = await page.$$eval('button, select, input, a[href], iframe, [tabindex]', (els) =>
    els
      .filter(
        (e) =>
          (e as HTMLElement).tabIndex >= 0 &&
          !(e as HTMLButtonElement).disabled &&
          (e as HTMLElement).offsetParent !== null,
      )
      .map((e) => e.id || e.tagName.toLowerCase()),
  );
  const at = (id: string) => order.indexOf(id);
  for (const id of ['user-select', 'clock-input', 'advance-day', 'advance-week', 'clock-set', 'trigger-run']) {
    expect(at(id)).toBeGreaterThanOrEqual(0);
    expect(at(id)).toBeLessThan(at('extensions-button'));
  }
  expect(at('extensions-button')).toBeLessThan(at('sidebar-frame'));
  expect(order[order.length - 1]).toBe('sidebar-frame');
  expect(at('clock-set')).toBeGreaterThan(at('advance-week'));
  // From the sidebar's last control, Tab leaves the page (or wraps to its start): never onto a clock button.
  const frame = page.frame({ url: /\/ui\/\d+$/ })!;
  await frame.evaluate(() => {
    const all = Array.from(document.querySelectorAll<HTMLElement>('button, input, select, textarea, a[href]')).filter(
      (e) => !(e as HTMLButtonElement).disabled && e.offsetParent !== null,
    );
    all[all.length - 1]!.focus();
  });
  const before = preview.session.em.now();
  const landed: string[] = [];
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press('Tab');
    landed.push(
      await page.evaluate(() =>
        document.activeElement === document.body
          ? 'body'
          : document.activeElement?.id || document.activeElement?.tagName || '',
      ),
    );
    await page.keyboard.press('Enter');
    await page.waitForTimeout(150);
    expect(preview.session.em.now()).toBe(before);
  }
  expect(landed).not.toEqual(expect.arrayContaining(['clock-set', 'advance-day', 'advance-week']));
  expect(await page.textContent('#today-text')).toBe('20.02.2024, 12:00');
  expect(await side.locator('#report-form').count()).toBe(1);
  await page.keyboard.press('Escape');
  await page.click('#sidebar-close');
  await switchUser(DEMO_OWNER);
});

test('the daily trigger: off until enabled, then past the deadline it e-mails the reminder (outbox + .eml)', async () => {
  await page.click('#trigger-run');
  await page.waitForFunction(() => document.querySelector('#status')?.textContent?.includes('Напоминания выключены'));

  await menuItem('enableReminders');
  await page.waitForSelector('#modal:not([hidden]) .message');
  expect(await page.textContent('#modal .message')).toMatch(/включ/i);
  await page.click('#modal .buttons button');
  expect(await page.textContent('#trigger-info')).toBe(`runDailyReminders: каждые 1 ч (${DEMO_OWNER})`);

  await setToday(msk(2024, 3, 1, 12)); // January was due 29.02.2024
  const before = preview.session.em.store.mail.sent().length;
  await page.click('#trigger-run');
  await page.waitForFunction(() =>
    document.querySelector('#status')?.textContent?.startsWith('Ежедневный триггер выполнен'),
  );
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
  expect(wb.worksheets.map((w) => w.name)).toEqual(
    expect.arrayContaining(['Настройки', 'Реестр организаций', 'Отчёты']),
  );
  const reports = wb.getWorksheet('Отчёты')!;
  expect(reports.getCell('A1').value).toBe('Код организации');
  expect(reports.getRow(1).font?.bold ?? reports.getCell('A1').font?.bold).toBe(true);
  const submitted = reports.getColumn(7).values.filter((v) => v instanceof Date);
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
  expect(await gridText(page)).toMatch(/SCH-02\s*МБОУ «Луговая средняя школа»\s*январь 2024/);
  expect(preview.session.em.store.triggers.list().length).toBe(1);
});
