// The deputy head's month in Chromium: the «Сводка» sidebar beside the grid, the report panel's
// comparisons, the summary dialog at 500 generated organisations in a 1280×720 window, and the
// district report as printed (A4 landscape, fit to width) at 12 and at 500 organisations.
import type { Browser, Page } from 'playwright-core';
import { seedDistrict } from '../../src/dev/district/seed';
import { createEmulator } from '../../src/dev/emulator';
import { PRINTABLE_WIDTH, printHtml } from '../../src/dev/preview/print';
import { SUMMARY_DIALOG_SIZE } from '../../src/server/ui/summaryDialog';
import { artifactPath, launchBrowser } from '../support/browser';
import { bigDistrict } from '../support/bigDistrict';
import { OWNER, type District } from '../support/district';
import { openSidebar } from '../support/sidebar';

jest.setTimeout(240_000);

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const idle = (page: Page) => page.waitForFunction(() => !document.body.hasAttribute('aria-busy'));

/** A district of `organisations` generated, invented organisations (three months), driven like district(). */
function generated(organisations: number): District {
  const em = createEmulator();
  const { documentId } = seedDistrict(em, { organisations, months: 3 }, OWNER);
  const run = (user: string, fn: string, ...args: unknown[]) =>
    em.runFromClient(fn, args, { user, documentId, authMode: 'FULL' });
  return {
    em,
    doc: documentId,
    run,
    call: (user: string, fn: string, ...args: unknown[]) => {
      const r = run(user, fn, ...args);
      if (!r.ok) throw new Error(r.error?.message);
      return r.value;
    },
  } as unknown as District;
}

/** Prints the report sheet `name` as the preview's print view does and screenshots its pages. */
async function printReport(d: District, name: string, shot: string): Promise<{ pages: number; widths: number[] }> {
  const info = d.em.store.spreadsheets.getSpreadsheet(d.doc)!;
  const sheet = info.sheets.find((s) => s.name === name)!;
  const page = await browser.newPage({ viewport: { width: 1160, height: 840 } });
  await page.setContent(printHtml(d.em.store, d.doc, sheet.sheetId)!);
  await page.waitForSelector('body[data-pages]');
  const pages = Number(await page.getAttribute('body', 'data-pages'));
  // The width each page's table takes on paper (zoomed to fit the printable width).
  const widths = await page.$$eval('.page table', (tables) => tables.map((t) => t.getBoundingClientRect().width));
  await page.locator('.page[data-page="1"]').screenshot({ path: artifactPath(`${shot}-page1.png`) });
  if (pages > 1)
    await page.locator(`.page[data-page="${pages}"]`).screenshot({ path: artifactPath(`${shot}-last.png`) });
  await page.close();
  return { pages, widths };
}

test('the sidebar shows the share reported first, lists to act on with one-click remind and accept, figures vs targets', async () => {
  const d = bigDistrict();
  const s = await openSidebar(browser, d, OWNER, 'Summary', 300);
  const { page } = s;
  await page.waitForSelector('#lists section');
  await idle(page);
  expect(s.calls.map((c) => [c.fn, ...c.args])).toEqual([['getDistrictSummary', null]]);
  expect(await page.inputValue('#period')).toBe('2024-01');
  expect(await page.textContent('#reported')).toBe('Сдали отчёт: 7 из 12 (58,3 %)');
  const teachers = await page.textContent('#figures [data-coverage="teachers"]');
  expect(teachers).toMatch(/цель 100 %/);
  expect(teachers).toContain('по сдавшим 7 из 12');
  const titles = await page.$$eval('#lists h2', (h) => h.map((x) => x.textContent));
  expect(titles).toEqual([
    'Не сдали (5)',
    'Возвращены (0)',
    'Ждут решения (7)',
    'Изменены вручную (0)',
    'Сданы с опозданием (0)',
  ]);
  // No horizontal scrolling at 300 px.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(300);
  await page.screenshot({ path: artifactPath('summary-sidebar.png'), fullPage: true });
  // One click reminds one organisation (through the reminders' ledger).
  await page.click('#list-overdue li[data-org="SCH-04"] button.remind');
  await idle(page);
  expect(s.calls.at(-1)).toEqual({ fn: 'remindSelected', args: [['SCH-04']] });
  expect(d.em.store.mail.sent().some((m) => m.to.includes('coord.sch04@example.org'))).toBe(true);
  // One click accepts a report awaiting a decision; the lists are redrawn.
  await page.click('#list-review li[data-org="SCH-03"] button.accept');
  await idle(page);
  expect(s.calls.at(-2)).toEqual({ fn: 'reviewReport', args: ['SCH-03', '2024-01', 1, 'accept', ''] });
  expect(await page.textContent('#status')).toContain('принят');
  expect(await page.locator('#list-review li[data-org="SCH-03"]').count()).toBe(0);
  // Open: the report in the sidebar's panel; the full dialog from the button.
  await page.click('#list-review li[data-org="SCH-01"] button.open');
  await page.waitForSelector('#report:not([hidden]) #reportTitle');
  expect(await page.textContent('#reportTitle')).toContain('отчёт за январь 2024');
  await page.click('#reportClose');
  await page.click('#openDialog');
  await idle(page);
  expect(s.calls.at(-1)!.fn).toBe('showSummaryDialog');
  expect(await page.textContent('#status')).toBe('Полная сводка открыта в отдельном окне.');
});

test('the report panel compares with last month, shows 12 months, two versions’ difference, and reopens', async () => {
  const d = bigDistrict();
  d.em.setNow(Date.UTC(2024, 1, 15, 9));
  const s = await openSidebar(browser, d, OWNER, 'Admin', SUMMARY_DIALOG_SIZE.width);
  const { page } = s;
  await page.waitForSelector('#table tbody tr');
  await page.selectOption('#period', '2023-12');
  await idle(page);
  await page.click('#table tr[data-org="SCH-01"] button.open');
  await page.waitForSelector('#report:not([hidden]) table.compare');
  const flagged = await page.$$eval('#report table.compare tr.flagged th', (th) => th.map((x) => x.textContent));
  expect(flagged).toContain('Всего педагогов');
  expect(await page.textContent('#report table.compare tr.flagged td:last-child')).toMatch(
    /^\+\d+ \(\+\d+(,\d)? %\) !$/,
  );
  await page.click('#report details.history summary');
  await page.waitForSelector('#report details.history svg');
  expect(await page.$$eval('#report table.history tbody tr', (r) => r.length)).toBe(2);
  await page.screenshot({ path: artifactPath('report-panel-comparison.png') });
  await page.click('#reportClose');
  // November's accepted report: reopened with a reason.
  await page.selectOption('#period', '2023-11');
  await idle(page);
  await page.click('#table tr[data-org="SCH-01"] button.open');
  await page.waitForSelector('#report:not([hidden]) #reopen');
  await page.click('#reopen');
  expect(await page.textContent('#returnTitle')).toBe('Вернуть принятый отчёт на доработку');
  await page.fill('#returnReason', 'Уточните число родителей');
  await page.click('#returnConfirm');
  await idle(page);
  expect(s.calls.at(-2)).toEqual({
    fn: 'reviewReport',
    args: ['SCH-01', '2023-11', 1, 'return', 'Уточните число родителей'],
  });
  expect(await page.textContent('#table tr[data-org="SCH-01"] .pill')).toBe('возвращён');
});

test('at 500 organisations the dialog fits 1280×720: search, filters, every column sorts, abbreviations explained', async () => {
  const d = generated(500);
  const s = await openSidebar(browser, d, OWNER, 'Admin', SUMMARY_DIALOG_SIZE.width);
  const { page } = s;
  await page.setViewportSize({ width: SUMMARY_DIALOG_SIZE.width, height: SUMMARY_DIALOG_SIZE.height });
  await page.waitForSelector('#table tbody tr');
  await idle(page);
  expect(await page.$$eval('#table tbody tr', (r) => r.length)).toBe(500);
  expect(await page.textContent('#shown')).toBe('Показано 500 из 500');
  // The share reported first, figures with their base.
  const first = await page.$eval('#totals .card', (c) => c.getAttribute('data-coverage'));
  expect(first).toBe('reported');
  expect(await page.textContent('#totals [data-coverage="teachers"] .detail')).toMatch(/ — по сдавшим \d+ из 500$/);
  // Nothing wider than the dialog.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    SUMMARY_DIALOG_SIZE.width,
  );
  await page.screenshot({ path: artifactPath('admin-summary-500.png') });
  // Search by code, then by part of a name.
  const code = await page.$eval('#table tbody tr', (r) => r.getAttribute('data-org')!);
  await page.fill('#search', code);
  await page.waitForFunction(() => document.querySelectorAll('#table tbody tr').length === 1);
  await page.fill('#search', '');
  await page.waitForFunction(() => document.querySelectorAll('#table tbody tr').length === 500);
  // Filters: type, status, failed check — each row shown passes them.
  await page.selectOption('#filterType', 'дошкольная');
  const types = await page.$$eval('#table tbody td.org small', (s) => [
    ...new Set(s.map((x) => x.textContent!.split(' · ')[1])),
  ]);
  expect(types).toEqual(['дошкольная']);
  await page.selectOption('#filterType', '');
  await page.selectOption('#filterCheck', 'teachersCoverage');
  const marks = await page.$$eval('#table tbody button[data-check="teachersCoverage"]', (b) =>
    b.map((x) => x.textContent),
  );
  expect(marks.length).toBeGreaterThan(0);
  expect(new Set(marks)).toEqual(new Set(['✗']));
  await page.selectOption('#filterCheck', '');
  await page.selectOption('#filterStatus', 'overdue');
  const statuses = await page.$$eval('#table tbody tr', (r) => [
    ...new Set(r.map((x) => x.getAttribute('data-status'))),
  ]);
  expect(statuses.length === 0 || (statuses.length === 1 && statuses[0] === 'overdue')).toBe(true);
  await page.selectOption('#filterStatus', '');
  // Every column sorts; every abbreviated heading says what it means (tooltip and legend).
  const sortable = await page.$$eval('#table thead button.sort', (b) => b.map((x) => x.id));
  expect(sortable).toEqual(
    expect.arrayContaining([
      'sort-name',
      'sort-status',
      'sort-submitted',
      'sort-flags',
      'sort-teachersCoverage',
      'sort-submittedOnTime',
    ]),
  );
  expect(sortable).toHaveLength(4 + 12);
  await page.click('#sort-teachersCoverage');
  const firstMark = await page.$eval('#table tbody tr button[data-check="teachersCoverage"]', (b) => b.textContent);
  expect(firstMark).toBe('✗');
  expect(await page.getAttribute('#table thead th[aria-sort="ascending"] button', 'id')).toBe('sort-teachersCoverage');
  await page.click('#sort-name');
  const names = await page.$$eval('#table tbody td.org', (t) => t.slice(0, 20).map((x) => x.firstChild!.textContent!));
  expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'ru')));
  const titles = await page.$$eval('#table thead th.check button', (b) => b.map((x) => x.getAttribute('title')));
  expect(titles.every((t) => t !== null && t.length > 10)).toBe(true);
  await page.click('#legendTitle');
  const legend = await page.$$eval('#legendList dt', (d) => d.map((x) => x.textContent));
  expect(legend).toEqual(expect.arrayContaining(['Пед.', 'Обуч.', 'Род.', 'МШ', 'Мин. п. 4']));
  await page.screenshot({ path: artifactPath('admin-summary-500-legend.png') });
});

test('the district report prints on A4 landscape within the page width at 12 and at 500 organisations', async () => {
  const small = bigDistrict();
  small.call(OWNER, 'generateDistrictReport', '2023-12');
  const twelve = await printReport(small, 'Сводный отчёт декабрь 2023', 'district-report-print-12');
  expect(twelve.pages).toBeGreaterThanOrEqual(1);
  for (const w of twelve.widths) expect(w).toBeLessThanOrEqual(PRINTABLE_WIDTH + 1);

  const big = generated(500);
  const months = big.call<{ periods: { key: string }[] }>(OWNER, 'getDistrictSummary', null).periods;
  const period = months[1]?.key ?? months[0]!.key;
  const result = big.call<{ sheetName: string; organisations: number }>(OWNER, 'generateDistrictReport', period);
  expect(result.organisations).toBe(500);
  const five = await printReport(big, result.sheetName, 'district-report-print-500');
  // Wraps only downwards: many pages, each within the page width.
  expect(five.pages).toBeGreaterThan(10);
  for (const w of five.widths) expect(w).toBeLessThanOrEqual(PRINTABLE_WIDTH + 1);
});
