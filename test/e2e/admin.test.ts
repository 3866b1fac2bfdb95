// The built admin dialog («Сводка по округу») in Chromium against the built bundle in the emulator.
import type { Browser, Page } from 'playwright-core';
import { artifactPath, launchBrowser } from '../support/browser';
import { bigDistrict, EXPECTED, HOSTILE_EXPLANATION, HOSTILE_NAME } from '../support/bigDistrict';
import { COORD_A, OWNER } from '../support/district';
import { openSidebar, type SidebarSession } from '../support/sidebar';
import { domainSummary, dumpSheet } from '../support/summarySupport';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const statuses = (page: Page): Promise<Record<string, string>> =>
  page.$$eval('#table tbody tr', (rows) => Object.fromEntries(rows.map((r) => [r.getAttribute('data-org'), r.querySelector('.pill')!.textContent])));

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
  await page.waitForFunction(() => document.querySelector('#table tbody tr[data-org="DOU-10"] .pill')?.textContent === 'просрочен');
  expect(await statuses(page)).toEqual(EXPECTED['2023-12']);
  // Totals agree with the domain summary.
  const s12 = domainSummary(d, '2023-12');
  const teachers = await page.textContent('[data-coverage="teachers"] .label:last-child');
  expect(teachers).toBe(`${s12.totals.teachersConnected} из ${s12.totals.teachersTotal}`);
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
  expect(await page.textContent('#hint')).toMatch(/^Педагоги подключены к Сферуму \(п\. 3\.2\): \d+(,\d)? % \(цель 100 %\)$/);
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
  await page.waitForFunction(() => document.querySelector('#table tbody tr[data-org="DOU-10"] .pill')?.textContent === 'просрочен');
  await page.screenshot({ path: artifactPath('admin-summary.png'), fullPage: true });
  // At sidebar width the dialog still works: the table scrolls, the chart fits.
  const narrow = await openAdmin(d, 300);
  const svgWidth = await narrow.page.$eval('#trend svg', (svg) => Number(svg.getAttribute('width')));
  expect(svgWidth).toBeLessThanOrEqual(300);
  await narrow.page.screenshot({ path: artifactPath('admin-summary-300px.png'), fullPage: true });
});

test('accept and return work, with spinner and disabled buttons; a return needs a reason and e-mails the coordinator', async () => {
  const d = bigDistrict();
  const s = await openAdmin(d);
  const { page } = s;
  await page.selectOption('#period', '2023-12');
  await page.waitForFunction(() => document.querySelector('#table tbody tr[data-org="DOU-10"] .pill')?.textContent === 'просрочен');
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

test('the district report sheet is generated with the right totals and a chart; screenshot of the sheet', async () => {
  const d = bigDistrict();
  const s = await openAdmin(d);
  await s.page.selectOption('#period', '2023-12');
  await s.page.waitForFunction(() => document.querySelector('#table tbody tr[data-org="DOU-10"] .pill')?.textContent === 'просрочен');
  await s.page.click('#generate');
  await s.page.waitForSelector('#status.ok');
  expect(await s.page.textContent('#status')).toBe('Лист «Сводный отчёт декабрь 2023» сформирован: 12 организаций. Откройте его, чтобы распечатать.');
  const sheet = dumpSheet(d, 'Сводный отчёт декабрь 2023');
  const header = sheet.values.findIndex((r) => r[0] === '№');
  const total = sheet.values.find((r) => r[2] === 'Итого по округу (по сданным отчётам)')!;
  const summary = domainSummary(d, '2023-12');
  expect(total[header >= 0 ? 7 : -1]).toBe(summary.totals.teachersTotal);
  expect(total[8]).toBe(summary.totals.teachersConnected);
  expect(sheet.charts).toHaveLength(1);
  // Render the sheet's displayed values as a page (formulas as Sheets would show them are not
  // evaluated by the emulator: their cells show the formula text in grey).
  const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
  await page.setContent('<!DOCTYPE html><meta charset="utf-8"><body style="font:12px Arial;margin:8px"></body>');
  await page.evaluate(({ display, formulas, header, chart }) => {
    const table = document.createElement('table');
    table.style.borderCollapse = 'collapse';
    display.forEach((row, i) => {
      const tr = document.createElement('tr');
      for (let j = 0; j < row.length; j++) {
        const td = document.createElement(i === header ? 'th' : 'td');
        const f = formulas[i]![j]!;
        const text = f || row[j]!;
        // Text spills into empty cells to its right, as in Sheets.
        let span = 1;
        if (i !== header && text !== '' && !f) while (j + span < row.length && row[j + span] === '' && !formulas[i]![j + span]) span++;
        td.colSpan = span;
        td.textContent = text;
        td.style.cssText = 'border:1px solid #ddd;padding:2px 4px;white-space:nowrap;' + (span === 1 ? 'max-width:230px;overflow:hidden;text-overflow:ellipsis;' : '') +
          (f ? 'color:#888;font-size:10px;' : '') + (i === header ? 'background:#e8f0fe;white-space:normal;max-width:110px;' : '') + (i < 2 ? 'font-weight:bold;font-size:15px;' : '');
        tr.append(td);
        j += span - 1;
      }
      table.append(tr);
    });
    const note = document.createElement('p');
    note.textContent = `Диаграмма: ${chart.type}, «${chart.title}», диапазонов: ${chart.ranges}, позиция: строка ${chart.row}`;
    document.body.append(table, note);
  }, { display: sheet.display, formulas: sheet.formulas, header, chart: { type: sheet.charts[0]!.type, title: String(sheet.charts[0]!.options.title), ranges: sheet.charts[0]!.ranges.length, row: sheet.charts[0]!.position.row } });
  await page.screenshot({ path: artifactPath('district-report.png'), fullPage: true });
});

test('the checklist and the registry tabs: add an organisation with validation and audit', async () => {
  const d = bigDistrict();
  const s = await openAdmin(d);
  const { page } = s;
  await page.click('#tab-checklist');
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
  await page.click('#tab-summary');
  expect(await page.locator('#table tbody tr').count()).toBe(13);
});

test('«Напомнить выбранным» sends through the reminders’ ledger to the chosen organisations only', async () => {
  const d = bigDistrict();
  const s = await openAdmin(d);
  const { page } = s;
  await page.selectOption('#period', '2023-12');
  await page.waitForFunction(() => document.querySelector('#table tbody tr[data-org="DOU-10"] .pill')?.textContent === 'просрочен');
  expect(await page.isDisabled('#remind')).toBe(true);
  await page.check('#table tr[data-org="SCH-08"] input.select');
  await page.check('#table tr[data-org="DOU-10"] input.select');
  expect(await page.textContent('#remind')).toBe('Напомнить выбранным (2)');
  await page.click('#remind');
  await page.waitForSelector('#status.ok, #status.error');
  expect(await page.textContent('#status')).toMatch(/^Отправлено напоминаний: \d+\./);
  const to = d.em.store.mail.sent().flatMap((m) => m.to);
  expect(to).toContain('coord.sch08@example.org');
  expect(to).toContain('coord.dou10@example.org');
  expect(to).not.toContain('coord.sch03@example.org');
  expect(s.calls.find((c) => c.fn === 'remindSelected')!.args).toEqual([['SCH-08', 'DOU-10']]);
  expect(d.sheet('Журнал напоминаний').length).toBeGreaterThan(1);
});

test('a coordinator opening the admin dialog gets the Russian refusal', async () => {
  const d = bigDistrict();
  const s = await openAdmin(d, 1200, COORD_A);
  await s.page.waitForSelector('#status.error');
  expect(await s.page.textContent('#status')).toContain('только администраторам округа');
});
