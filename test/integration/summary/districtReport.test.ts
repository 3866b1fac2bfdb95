// «Сформировать сводный отчёт за месяц»: the printable document — header, district figures with
// their base and change, a compact table of values (no formulas), lists, signature and a chart.
import { bigDistrict, HOSTILE_NAME } from '../../support/bigDistrict';
import { COORD_A, OWNER } from '../../support/district';
import { domainSummary, dumpSheet } from '../../support/summarySupport';
import { REPORT_WIDTH_PX } from '../../../src/server/storage/districtReportSheet';
import type { GeneratedReport } from '../../../src/contract/summary';

const SHEET = 'Сводный отчёт декабрь 2023';
const TEMPLATE = 'Шаблон сводного отчёта';
let d: ReturnType<typeof bigDistrict>;
beforeAll(() => {
  d = bigDistrict();
});

const rowStarting = (values: unknown[][], first: string): unknown[] =>
  values.find((r) => String(r[0]).startsWith(first) || r[2] === first)!;

test('the document has its header, figures against targets with their base, the table, lists and signature', () => {
  const result = d.call<GeneratedReport>(OWNER, 'generateDistrictReport', '2023-12');
  expect(result).toMatchObject({ sheetName: SHEET, organisations: 12 });
  const sheet = dumpSheet(d, SHEET);
  const v = sheet.values;
  const text = v.map((r) => r.filter((c) => c !== '').join(' | '));
  expect(text.slice(0, 5)).toEqual([
    'Отдел образования · Кесовогорский муниципальный округ',
    'Сводный отчёт об использовании ИКОП «Сферум» и ФГИС «Моя школа»',
    'за декабрь 2023',
    'Приказ Отдела образования № 178 от 15.11.2023 (пп. 2–6)',
    `Срок сдачи: 30.01.2024 · сформирован 15.02.2024 12:00 · ${OWNER}`,
  ]);
  const s = domainSummary(d, '2023-12');
  const reported = 12 - s.missingOrgIds.length;
  expect(text).toContain(`Показатели округа (по сдавшим ${reported} из 12)`);
  // The share reported comes first, then each figure: target, value, base, last month, change, verdict.
  const header = v.findIndex((r) => r[0] === 'Показатель');
  // Columns: label A (spilling over B, C), target E, value F, base G, last month I, change J, verdict K.
  const pick = (r: unknown[]): unknown[] => [r[0], r[4], r[5], r[6], r[8], r[9], r[10]];
  expect(pick(v[header]!)).toEqual(['Показатель', 'Цель', 'Доля', 'Из числа', 'Прошлый месяц', 'Разница', 'Итог']);
  expect(pick(v[header + 1]!).slice(0, 4)).toEqual([
    'Доля организаций, сдавших отчёт',
    1,
    reported / 12,
    `${reported} из 12 орг.`,
  ]);
  const teachers = pick(v[header + 2]!);
  expect(teachers[0]).toBe('Педагоги в Сферуме (п. 3.2)');
  expect(teachers[2]).toBeCloseTo(s.coverage.teachers!);
  expect(teachers[3]).toBe(`${s.totals.teachersConnected} из ${s.totals.teachersTotal}`);
  const nov = domainSummary(d, '2023-11');
  expect(teachers[4]).toBeCloseTo(nov.coverage.teachers!);
  expect(String(teachers[5])).toMatch(/^[+−±]\d+(,\d)? п\. п\.( !)?$/);
  expect(teachers[6]).toBe(s.coverage.teachers! >= 1 ? 'достигнута' : 'ниже цели');
  expect(v.find((r) => r[0] === 'Родители в Сферуме (п. 3.2)')![4]).toBe('для сведения');
  // The table: values only — no custom-function formulas anywhere on the sheet.
  expect(sheet.formulas.flat().filter((f) => f !== '')).toEqual([]);
  const tableHeader = v.findIndex((r) => r[0] === '№');
  expect(v[tableHeader]).toEqual([
    '№',
    'Код',
    'Организация',
    'Тип',
    'Статус',
    'Сдан',
    'Пед., %',
    'Обуч., %',
    'Род., %',
    'Мин. п. 4, %',
    'МШ, %',
    'Ин. мес.',
    'Не выполнено',
  ]);
  // The district total is the table's first line (as a statistical form's «Всего»), then the organisations.
  const total = v[tableHeader + 1]!;
  expect(total[2]).toBe(`Итого по округу — по сдавшим ${reported} из 12`);
  expect(total[6]).toBeCloseTo(s.coverage.teachers!);
  const orgRows = v.slice(tableHeader + 2, tableHeader + 14);
  expect(orgRows.map((r) => r[0])).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
  expect(orgRows.map((r) => r[2])).toContain(HOSTILE_NAME);
  const byId = Object.fromEntries(orgRows.map((r) => [r[1], r]));
  for (const row of s.rows) {
    expect(byId[row.orgId]![4]).toBe(row.statusLabel);
    if (row.report) expect(byId[row.orgId]![6]).toBeCloseTo(row.report.teachersConnected / row.report.teachersTotal);
    else expect(byId[row.orgId]![12]).toBe('отчёт не сдан');
  }
  expect(byId['DOU-02']![7]).toBe('');
  expect(byId['DOU-02']![3]).toBe('ДОО');
  // Lists and the signature block.
  expect(text).toContain(`Не сдали отчёт (${s.missingOrgIds.length})`);
  expect(text).toContain(`Сдали с опозданием (${s.lateOrgIds.length})`);
  expect(text).toContain('Возвращены на доработку (0)');
  const sign = rowStarting(v, 'Заместитель начальника Отдела образования');
  expect(sign.filter((c) => c !== '')).toEqual([
    'Заместитель начальника Отдела образования',
    '____________________',
    '____________________',
    '«___» ____________ 20___ г.',
  ]);
  expect(v[v.indexOf(sign) + 1]!.filter((c) => c !== '')).toEqual(['(подпись)', '(расшифровка подписи)', '(дата)']);
  // A bar chart of the figures against the targets, from the block's cells.
  expect(sheet.charts).toHaveLength(1);
  expect(sheet.charts[0]).toMatchObject({ type: 'BAR', options: { title: 'Показатели округа и цели приказа' } });
  expect(sheet.charts[0]!.ranges.map((r) => r.rect)).toEqual([
    { row: header + 1, column: 1, numRows: 7, numColumns: 1 },
    { row: header + 1, column: 6, numRows: 7, numColumns: 1 },
    { row: header + 1, column: 5, numRows: 7, numColumns: 1 },
  ]);
});

test('the sheet is a copy of the hidden template made at set-up: A4 landscape width, small font', () => {
  const reader = d.em;
  const info = reader.store.spreadsheets.getSpreadsheet(d.doc)!;
  const template = info.sheets.find((s) => s.name === TEMPLATE)!;
  const report = info.sheets.find((s) => s.name === SHEET)!;
  expect(template.hidden).toBe(true);
  expect(report.hidden).toBe(false);
  expect(report.columnWidths).toEqual(template.columnWidths);
  const width = Object.values(report.columnWidths).reduce((a, b) => a + b, 0);
  expect(width).toBe(REPORT_WIDTH_PX);
  // A4 landscape (1 123 px at 96 dpi) minus Sheets' normal margins (0,75″ a side): 979 px — one page width.
  expect(width).toBeLessThanOrEqual(979);
  expect(report.frozenRows).toBe(0);
  const cell = reader.store.spreadsheets.readCells(
    d.doc,
    report.sheetId,
    { row: 30, column: 3, numRows: 1, numColumns: 1 },
    ['fontSize'],
  );
  expect(cell?.rows[0]?.[0]?.fontSize).toBe(9);
});

test('regenerating replaces only that sheet (one chart, other sheets untouched)', () => {
  d.call(OWNER, 'generateDistrictReport', '2023-12');
  const names = dumpSheet(d, SHEET).sheetNames;
  const reports = d.sheet('Отчёты');
  d.em.advance(3600_000);
  d.call(OWNER, 'generateDistrictReport', '2023-12');
  const again = dumpSheet(d, SHEET);
  expect(again.sheetNames).toEqual(names);
  expect(again.charts).toHaveLength(1);
  expect(d.sheet('Отчёты')).toEqual(reports);
  d.call(OWNER, 'generateDistrictReport', '2023-11');
  expect(dumpSheet(d, SHEET).sheetNames).toEqual([...names, 'Сводный отчёт ноябрь 2023']);
  // November is the first reported month: no previous month to compare with.
  const nov = dumpSheet(d, 'Сводный отчёт ноябрь 2023').values;
  const teachers = nov.find((r) => r[0] === 'Педагоги в Сферуме (п. 3.2)')!;
  expect([teachers[8], teachers[9]]).toEqual(['', '']);
});

test('a coordinator cannot generate the report', () => {
  expect(d.refuse(COORD_A, 'generateDistrictReport', '2023-12')).toContain('только администраторам');
});
