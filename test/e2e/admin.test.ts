// The built admin dialog («Сводка по округу») in Chromium against the built bundle in the emulator.
import type { Browser, Page } from 'playwright-core';
import { artifactPath, launchBrowser } from '../support/browser';
import { bigDistrict, EXPECTED, HOSTILE_EXPLANATION, HOSTILE_NAME } from '../support/bigDistrict';
import { COORD_A, OWNER } from '../support/district';
import { openSidebar, type SidebarSession } from '../support/sidebar';
import { domainSummary, dumpSheet } from '../support/summarySupport';
import { printHtml } from '../../src/dev/preview/print';

// Each test builds the 12-organisation district through the bundle: slow on a loaded 2-core machine.
jest.setTimeout(120_000);

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const statuses = (page: Page): Promise<Record<string, string>> =>
  page.$$eval('#table tbody tr', (rows) =>
    Object.fromEntries(rows.map((r) => [r.getAttribute('data-org'), r.querySelector('.pill')!.textContent])),
  );

async function openAdmin(d: ReturnType<typeof bigDistrict>, width = 1200, user = OWNER): Promise<SidebarSession> {
  const s = await openSidebar(browser, d, user, 'Admin', width);
  await s.page.waitForSelector('#table tbody tr, #status.error');
  return s;
}

test('the summary shows each month’s statuses, totals, trend and marks; sorts by status; screenshots', async () => {
  const d = bigDistrict();
  const s = await openAdmin(d);
  const { page } = s;
  expect(s.calls.map((c) => c.fn)).toEqual(['getDistrictSummary']);
  expect(await statuses(page)).toEqual(EXPECTED['2024-01']);
  await page.selectOption('#period', '2023-12');
  await page.waitForFunction(
    () => document.querySelector('#table tbody tr[data-org="DOU-10"] .pill')?.textContent === 'просрочен',
  );
  expect(await statuses(page)).toEqual(EXPECTED['2023-12']);
  // Totals agree with the domain summary.
  const s12 = domainSummary(d, '2023-12');
  const teachers = await page.textContent('[data-coverage="teachers"] .label:last-child');
  const reported = 12 - s12.missingOrgIds.length;
  expect(teachers).toBe(
    `${s12.totals.teachersConnected} из ${s12.totals.teachersTotal} — по сдавшим ${reported} из 12`,
  );
  // Trend: an SVG with a line per coverage.
  expect(await page.locator('#trend svg path').count()).toBeGreaterThanOrEqual(4);
  // Sorted by status: problems first.
  const order = await page.$$eval('#table tbody tr', (rows) => rows.map((r) => r.getAttribute('data-status')));
  const rank = ['overdue', 'returned', 'not-submitted', 'late', 'on-time', 'accepted'];
  expect(order.map((x) => rank.indexOf(x!))).toEqual([...order.map((x) => rank.indexOf(x!))].sort((a, b) => a - b));
  await page.click('#sort-status');
  const reversed = await page.$$eval('#table tbody tr', (rows) => rows.map((r) => r.getAttribute('data-status')));
  expect(reversed[0]).toBe('accepted');
  await page.click('#sort-status');
  // A mark shows its value on tap.
  await page.click('#table tr[data-org="SCH-01"] button[data-check="teachersCoverage"]');
  expect(await page.textContent('#hint')).toMatch(
    /^Педагоги подключены к Сферуму \(п\. 3\.2\): \d+(,\d)? % \(цель 100 %\)$/,
  );
  // Hostile text from the registry and a report stays text.
  await page.selectOption('#period', '2023-11');
  await page.waitForSelector('#table tr[data-org="SCH-07"] .flag.foreign');
  expect(await page.textContent('#table tr[data-org="SCH-07"] td.org')).toContain(HOSTILE_NAME);
  expect(await page.locator('#table tr[data-org="SCH-07"] td.org b').count()).toBe(0);
  await page.click('#table tr[data-org="SCH-07"] .flag.foreign');
  expect(await page.textContent('#hint')).toBe(`Иностранные мессенджеры используются: ${HOSTILE_EXPLANATION}`);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  await page.click('body', { position: { x: 5, y: 5 } });
  await page.selectOption('#period', '2023-12');
  await page.waitForFunction(
    () => document.querySelector('#table tbody tr[data-org="DOU-10"] .pill')?.textContent === 'просрочен',
  );
  await page.screenshot({ path: artifactPath('admin-summary.png'), fullPage: true });
  // At sidebar width the dialog still works: the table scrolls, the chart fits.
  const narrow = await openAdmin(d, 300);
  const svgWidth = await narrow.page.$eval('#trend svg', (svg) => Number(svg.getAttribute('width')));
  expect(svgWidth).toBeLessThanOrEqual(300);
  await narrow.page.screenshot({ path: artifactPath('admin-summary-300px.png'), fullPage: true });
});

test('other months still owing are noticed above the table; a notice switches to its month', async () => {
  const d = bigDistrict();
  const s = await openAdmin(d);
  const { page } = s;
  expect(await page.inputValue('#period')).toBe('2024-01');
  const notices = (): Promise<string[]> =>
    page.$$eval('#backlog button', (buttons) => buttons.map((b) => b.textContent!));
  expect(await notices()).toEqual(['За декабрь 2023: не сдали 2', 'За ноябрь 2023: не сдали 1, возвращено 1']);
  // Above the table, and visible without scrolling at the dialog's size.
  const [notice, table] = await Promise.all([
    page.locator('#backlog').boundingBox(),
    page.locator('#table').boundingBox(),
  ]);
  expect(notice!.y).toBeLessThan(table!.y);
  await page.click('#backlog button[data-period="2023-12"]');
  await page.waitForFunction(
    () =>
      (document.getElementById('period') as HTMLSelectElement).value === '2023-12' &&
      !document.body.hasAttribute('aria-busy'),
  );
  expect(await statuses(page)).toEqual(EXPECTED['2023-12']);
  expect(await notices()).toEqual(['За ноябрь 2023: не сдали 1, возвращено 1']);
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('period');
  expect(s.calls.map((c) => [c.fn, ...c.args])).toEqual([
    ['getDistrictSummary', null],
    ['getDistrictSummary', '2023-12'],
  ]);
  await page.screenshot({ path: artifactPath('admin-summary-backlog.png') });
});

test('accept and return work, with spinner and disabled buttons; a return needs a reason and e-mails the coordinator', async () => {
  const d = bigDistrict();
  const s = await openAdmin(d);
  const { page } = s;
  await page.selectOption('#period', '2023-12');
  await page.waitForFunction(
    () => document.querySelector('#table tbody tr[data-org="DOU-10"] .pill')?.textContent === 'просрочен',
  );
  // Accept DOU-02.
  await page.click('#table tr[data-org="DOU-02"] button.open');
  await page.waitForSelector('#report:not([hidden]) #accept');
  expect(await page.textContent('#reportTitle')).toBe('МБДОУ «Детский сад „Ромашка“» — отчёт за декабрь 2023');
  s.hold();
  await page.click('#accept');
  await page.waitForSelector('#status .spinner');
  expect(await page.isDisabled('#accept')).toBe(true);
  expect(await page.isDisabled('#generate')).toBe(true);
  expect(await page.textContent('#status')).toBe('Отчёт принимается…');
  s.release();
  await page.waitForSelector('#status.ok');
  expect(await page.textContent('#status')).toBe('Отчёт за декабрь 2023 принят: МБДОУ «Детский сад „Ромашка“».');
  expect((await statuses(page))['DOU-02']).toBe('принят');
  expect(await page.isHidden('#report')).toBe(true);
  // Return SCH-03: the empty reason is refused in the page, without a server call.
  await page.click('#table tr[data-org="SCH-03"] button.open');
  await page.waitForSelector('#report:not([hidden]) #return');
  await page.click('#return');
  await page.waitForSelector('#returnDialog:not([hidden])');
  const callsBefore = s.calls.length;
  await page.click('#returnConfirm');
  expect(await page.textContent('#returnError')).toBe('Укажите причину возврата.');
  expect(s.calls.length).toBe(callsBefore);
  await page.fill('#returnReason', 'Не указаны чаты <b>5 «А»</b>');
  await page.click('#returnConfirm');
  await page.waitForSelector('#status.ok');
  expect((await statuses(page))['SCH-03']).toBe('возвращён');
  const audit = d.sheet('Журнал изменений').map((r) => String(r[2]));
  expect(audit.filter((a) => a === 'Отчёт принят').length).toBeGreaterThanOrEqual(6);
  expect(audit.filter((a) => a === 'Отчёт возвращён')).toHaveLength(2);
  const mail = d.em.store.mail.sent().filter((m) => m.to.includes('coord.sch03@example.org'));
  expect(mail).toHaveLength(1);
  expect(mail[0]!.body).toContain('Не указаны чаты <b>5 «А»</b>');
  expect(mail[0]!.htmlBody).toContain('&lt;b&gt;5 «А»&lt;/b&gt;');
  // The coordinator sees the reason in the report's history (the admin's drawer shows it too).
  await page.click('#table tr[data-org="SCH-03"] button.open');
  await page.waitForSelector('#report:not([hidden]) .reason');
  expect(await page.textContent('#report .reason')).toBe('Причина возврата: Не указаны чаты <b>5 «А»</b>');
});

test('Escape closes the report drawer; after «Принять» or «Вернуть» the focus goes to the row’s action, never to <body>', async () => {
  const d = bigDistrict();
  const s = await openAdmin(d);
  const { page } = s;
  const focused = (): Promise<string> =>
    page.evaluate(() => {
      const a = document.activeElement;
      if (!a || a === document.body) return 'body';
      const row = a.closest('tr[data-org]');
      return row ? `${row.getAttribute('data-org')} ${a.className}` : '#' + a.id;
    });
  await page.selectOption('#period', '2023-12');
  await page.waitForFunction(
    () => document.querySelector('#table tbody tr[data-org="DOU-10"] .pill')?.textContent === 'просрочен',
  );
  // Escape closes the drawer and gives the focus back to the row that opened it.
  await page.focus('#table tr[data-org="DOU-02"] button.open');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#report:not([hidden]) #accept');
  expect(await focused()).toBe('#reportClose');
  await page.keyboard.press('Escape');
  expect(await page.isHidden('#report')).toBe(true);
  expect(await focused()).toBe('DOU-02 open');
  // «Принять»: the drawer closes, the table is redrawn, the focus lands on the row's «Открыть».
  await page.click('#table tr[data-org="DOU-02"] button.open');
  await page.waitForSelector('#report:not([hidden]) #accept');
  await page.click('#accept');
  await page.waitForSelector('#status.ok');
  expect((await statuses(page))['DOU-02']).toBe('принят');
  expect(await focused()).toBe('DOU-02 open');
  // «Вернуть»: Escape in the reason dialog closes only the dialog (focus back on «Вернуть»), then the return.
  await page.click('#table tr[data-org="SCH-03"] button.open');
  await page.waitForSelector('#report:not([hidden]) #return');
  await page.click('#return');
  await page.waitForSelector('#returnDialog:not([hidden])');
  await page.keyboard.press('Escape');
  expect(await page.isHidden('#returnDialog')).toBe(true);
  expect(await page.isVisible('#report')).toBe(true);
  expect(await focused()).toBe('#return');
  await page.click('#return');
  await page.fill('#returnReason', 'Не указаны чаты.');
  await page.click('#returnConfirm');
  await page.waitForSelector('#status.ok');
  expect((await statuses(page))['SCH-03']).toBe('возвращён');
  expect(await page.isHidden('#report')).toBe(true);
  expect(await focused()).toBe('SCH-03 open');
});

test('the district report sheet is generated with the right totals and a chart; screenshot of the sheet', async () => {
  const d = bigDistrict();
  const s = await openAdmin(d);
  await s.page.selectOption('#period', '2023-12');
  await s.page.waitForFunction(
    () => document.querySelector('#table tbody tr[data-org="DOU-10"] .pill')?.textContent === 'просрочен',
  );
  await s.page.click('#generate');
  await s.page.waitForSelector('#status.ok');
  expect(await s.page.textContent('#status')).toBe(
    'Лист «Сводный отчёт декабрь 2023» сформирован: 12 организаций. Откройте его, чтобы распечатать.',
  );
  const sheet = dumpSheet(d, 'Сводный отчёт декабрь 2023');
  const summary = domainSummary(d, '2023-12');
  const reported = 12 - summary.missingOrgIds.length;
  const total = sheet.values.find((r) => r[2] === `Итого по округу — по сдавшим ${reported} из 12`)!;
  expect(total[6]).toBeCloseTo(summary.coverage.teachers!);
  expect(sheet.charts).toHaveLength(1);
  // The sheet as the preview prints it (A4 landscape, fit to width), chart drawn.
  const info = d.em.store.spreadsheets.getSpreadsheet(d.doc)!;
  const id = info.sheets.find((x) => x.name === 'Сводный отчёт декабрь 2023')!.sheetId;
  const page = await browser.newPage({ viewport: { width: 1160, height: 840 } });
  await page.setContent(printHtml(d.em.store, d.doc, id)!);
  await page.waitForSelector('body[data-pages] .page img.chart');
  await page.screenshot({ path: artifactPath('district-report.png'), fullPage: true });
});

test('the checklist and the registry tabs: add an organisation with validation and audit', async () => {
  const d = bigDistrict();
  const s = await openAdmin(d);
  const { page } = s;
  await page.click('#tab-checklist');
  // The checklist is loaded with its own call when its tab is first opened.
  await page.waitForSelector('#checklist tbody tr');
  expect(s.calls.map((c) => c.fn)).toEqual(['getDistrictSummary', 'getSetupChecklist']);
  expect(await page.locator('#checklist tbody tr').count()).toBe(12);
  expect(await page.textContent('#panel-checklist h2')).toBe('Разовые мероприятия приказа: срок 21.11.2023');
  await page.screenshot({ path: artifactPath('admin-checklist.png'), fullPage: true });
  await page.click('#tab-registry');
  await page.waitForSelector('#registry tbody tr');
  expect(await page.locator('#registry tbody tr').count()).toBe(12);
  await page.click('#registryAdd');
  await page.fill('#reg-id', 'SCH-14');
  await page.fill('#reg-name', 'МБОУ «Лесная ООШ»');
  await page.fill('#reg-coordinatorEmails', 'not-an-email');
  await page.click('#registrySave');
  await page.waitForSelector('#status.error');
  expect(await page.textContent('#reg-coordinatorEmails-error')).toContain('не похоже на адрес e-mail');
  await page.fill('#reg-coordinatorEmails', 'coord.sch14@example.org');
  await page.fill('#reg-appointmentOrderDate', '18.11.2023');
  await page.fill('#reg-appointmentOrderNumber', '7-од');
  await page.click('#registrySave');
  await page.waitForSelector('#registry tbody tr[data-org="SCH-14"]');
  await page.waitForSelector('#status.ok');
  expect(await page.textContent('#status')).toBe('Сохранено: МБОУ «Лесная ООШ».');
  expect(d.sheet('Журнал изменений').map((r) => r[2])).toContain('Организация добавлена в реестр');
  // Added in February, it reports from February: January's summary does not list it.
  expect(await page.textContent('#registry tr[data-org="SCH-14"]')).toContain('февраль 2024');
  await page.click('#tab-summary');
  expect(await page.locator('#table tbody tr').count()).toBe(12);
});

/** Whether every `selector` button lies inside its scrolling table box and is the element at its centre (not covered). */
const actionsVisible = (page: Page, selector: string): Promise<{ all: number; visible: number }> =>
  page.$$eval(selector, (buttons) => {
    const visible = buttons.filter((b) => {
      const box = b.getBoundingClientRect();
      const wrap = b.closest('.tablewrap')!.getBoundingClientRect();
      const x = box.left + box.width / 2;
      const y = box.top + box.height / 2;
      const hit = y >= 0 && y < innerHeight ? document.elementFromPoint(x, y) : b;
      return (
        box.width > 0 && box.left >= wrap.left - 0.5 && box.right <= wrap.right + 0.5 && (hit === b || b.contains(hit))
      );
    });
    return { all: buttons.length, visible: visible.length };
  });

test('the action column stays in view: «Изменить» in the registry and «Открыть» in the summary, at 1200 and at 300 px', async () => {
  const d = bigDistrict();
  for (const width of [1200, 300]) {
    const s = await openAdmin(d, width);
    const { page } = s;
    expect(await actionsVisible(page, '#table tbody button.open')).toEqual({ all: 12, visible: 12 });
    await page.click('#tab-registry');
    await page.waitForSelector('#registry tbody tr');
    expect(await actionsVisible(page, '#registry tbody button.edit')).toEqual({ all: 12, visible: 12 });
    // Scrolled all the way either side, the action stays put and works.
    await page.$eval('#panel-registry .tablewrap', (w) => (w.scrollLeft = w.scrollWidth));
    expect(await actionsVisible(page, '#registry tbody button.edit')).toEqual({ all: 12, visible: 12 });
    await page.$eval('#panel-registry .tablewrap', (w) => (w.scrollLeft = 0));
    await page.click('#registry tr[data-org="DOD-13"] button.edit');
    await page.waitForSelector('#registryForm');
    expect(await page.inputValue('#reg-id')).toBe('DOD-13');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('reg-name');
    await page.screenshot({ path: artifactPath(`admin-registry-${width}px.png`) });
    await page.close();
  }
});

test('«Напомнить выбранным» asks first, then sends one e-mail per organisation through the reminders’ ledger', async () => {
  const d = bigDistrict();
  const s = await openAdmin(d);
  const { page } = s;
  await page.selectOption('#period', '2023-12');
  await page.waitForFunction(
    () => document.querySelector('#table tbody tr[data-org="DOU-10"] .pill')?.textContent === 'просрочен',
  );
  expect(await page.isDisabled('#remind')).toBe(true);
  await page.check('#table tr[data-org="SCH-08"] input.select');
  await page.check('#table tr[data-org="DOU-10"] input.select');
  expect(await page.textContent('#remind')).toBe('Напомнить выбранным (2)');
  const mailBefore = d.em.store.mail.sent().length; // the notice of November's return
  // The in-page confirmation names the organisations; Escape (or «Отмена») sends nothing.
  await page.click('#remind');
  await page.waitForSelector('#confirmDialog:not([hidden])');
  expect(await page.textContent('#confirmTitle')).toBe('Отправить напоминания 2 организациям?');
  expect(await page.$$eval('#confirmList li', (items) => items.map((li) => li.textContent))).toEqual([
    'МБОУ «Стрелихинская ООШ»',
    'МБДОУ «Детский сад „Колосок“»',
  ]);
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('confirmOk');
  await page.keyboard.press('Escape');
  expect(await page.isHidden('#confirmDialog')).toBe(true);
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('remind');
  await page.click('#remind');
  await page.click('#confirmCancel');
  expect(await page.isHidden('#confirmDialog')).toBe(true);
  expect(s.calls.some((c) => c.fn === 'remindSelected')).toBe(false);
  expect(d.em.store.mail.sent()).toHaveLength(mailBefore);
  await page.click('#remind');
  await page.click('#confirmOk');
  await page.waitForSelector('#status.ok, #status.error');
  expect(await page.textContent('#status')).toBe('Напомнили 2 организациям.');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('status');
  // SCH-08 owes three months, DOU-10 two: two e-mails, not five.
  expect(
    d.em.store.mail
      .sent()
      .slice(mailBefore)
      .map((m) => `${m.to.join(',')} → ${m.subject}`),
  ).toEqual([
    'coord.sch08@example.org → Несданные отчёты (3): январь 2024, декабрь 2023, ноябрь 2023 — МБОУ «Стрелихинская ООШ»',
    'coord.dou10@example.org → Несданные отчёты (2): январь 2024, декабрь 2023 — МБДОУ «Детский сад „Колосок“»',
  ]);
  expect(s.calls.filter((c) => c.fn === 'remindSelected').map((c) => c.args)).toEqual([[['SCH-08', 'DOU-10']]]);
  expect(d.sheet('Журнал напоминаний')).toHaveLength(3);
});

test('a coordinator opening the admin dialog gets the Russian refusal', async () => {
  const d = bigDistrict();
  const s = await openAdmin(d, 1200, COORD_A);
  await s.page.waitForSelector('#status.error');
  expect(await s.page.textContent('#status')).toContain('только администраторам округа');
});
