// «Сформировать сводный отчёт за месяц»: the printable sheet, its totals, formulas and chart.
import { bigDistrict, HOSTILE_NAME } from '../../support/bigDistrict';
import { COORD_A, OWNER } from '../../support/district';
import { domainSummary, dumpSheet } from '../../support/summarySupport';
import type { GeneratedReport } from '../../../src/contract/summary';

const SHEET = 'Сводный отчёт декабрь 2023';
let d: ReturnType<typeof bigDistrict>;
beforeAll(() => {
  d = bigDistrict();
});

const rowOf = (values: unknown[][], first: string): unknown[] => values.find((r) => r[2] === first || r[0] === first)!;

test('the sheet has the title, one row per organisation, totals equal to the domain summary, and a chart', () => {
  const result = d.call<GeneratedReport>(OWNER, 'generateDistrictReport', '2023-12');
  expect(result).toMatchObject({ sheetName: SHEET, organisations: 12 });
  expect(result.message).toContain('сформирован');
  const sheet = dumpSheet(d, SHEET);
  const v = sheet.values;
  expect(v[0]![0]).toBe('Сводный отчёт об использовании ИКОП «Сферум» и ФГИС «Моя школа»');
  expect(v[1]![0]).toBe('Кесовогорский муниципальный округ — за декабрь 2023');
  const header = v.findIndex((r) => r[0] === '№');
  expect(v[header]!.slice(0, 5)).toEqual(['№', 'Код', 'Организация', 'Тип', 'Статус отчёта']);
  const orgRows = v.slice(header + 1, header + 13);
  expect(orgRows.map((r) => r[1])).toHaveLength(12);
  expect(orgRows.map((r) => r[2])).toContain(HOSTILE_NAME);
  const s = domainSummary(d, '2023-12');
  const byId = Object.fromEntries(orgRows.map((r) => [r[1], r[4]]));
  for (const row of s.rows) expect(byId[row.orgId]).toBe(row.statusLabel);
  const total = rowOf(v, 'Итого по округу (по сданным отчётам)');
  const col = (name: string): number => v[header]!.indexOf(name);
  expect(total[col('Педагогов всего')]).toBe(s.totals.teachersTotal);
  expect(total[col('Педагогов в Сферуме')]).toBe(s.totals.teachersConnected);
  expect(total[col('Обучающихся всего')]).toBe(s.totals.pupilsTotal);
  expect(total[col('Обучающихся в Сферуме')]).toBe(s.totals.pupilsConnected);
  expect(total[col('Родителей всего')]).toBe(s.totals.parentsTotal);
  expect(total[col('Педагогов, выполнивших минимум (п. 4)')]).toBe(s.totals.teachersMeetingMinimum);
  expect(total[col('Педагогов в ФГИС «Моя школа»')]).toBe(s.totals.mySchoolTeachers);
  // The per-organisation figures add up to the totals written.
  const sum = (name: string): number =>
    orgRows.reduce((a, r) => a + (typeof r[col(name)] === 'number' ? (r[col(name)] as number) : 0), 0);
  expect(sum('Педагогов всего')).toBe(s.totals.teachersTotal);
  // District block: school teachers for «Моя школа».
  const mySchool = rowOf(v, 'ФГИС «Моя школа» (педагоги школ)');
  expect(mySchool.slice(3, 5)).toEqual([s.totals.schoolTeachersTotal, s.totals.mySchoolTeachers]);
  // Lists of late and missing organisations.
  expect(v.some((r) => r[2] === `Не сдали отчёт (${s.missingOrgIds.length})`)).toBe(true);
  expect(v.some((r) => r[2] === `Сдали с опозданием (${s.lateOrgIds.length})`)).toBe(true);
  expect(String(v.find((r) => String(r[0]).startsWith('Сформировано'))![0])).toContain('15.02.2024');
  // Formulas: coverage through COVERAGE(), the deadline through REPORT_STATUS().
  const f = sheet.formulas;
  const first = header + 2; // sheet row of the first organisation
  expect(f[header + 1]![col('Охват педагогов')]).toBe(`=COVERAGE(I${first},H${first})`);
  expect(f[header + 1]![col('Соблюдение срока')]).toBe(`=REPORT_STATUS($B$3,F${first},$G$3)`);
  const totalIndex = v.indexOf(total);
  expect(f[totalIndex]![col('Охват педагогов')]).toBe(`=COVERAGE(I${totalIndex + 1},H${totalIndex + 1})`);
  expect(f[totalIndex]![col('Охват ФГИС «Моя школа»')]).toContain('SUMIF(D');
  // Chart: a bar chart of names and two coverage columns.
  expect(sheet.charts).toHaveLength(1);
  expect(sheet.charts[0]).toMatchObject({ type: 'BAR', options: { title: 'Охват Сферумом по организациям' } });
  expect(sheet.charts[0]!.ranges).toHaveLength(3);
  expect(sheet.charts[0]!.ranges[0]!.rect).toMatchObject({ row: header + 1, column: 3, numRows: 13 });
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
});

test('a coordinator cannot generate the report', () => {
  expect(d.refuse(COORD_A, 'generateDistrictReport', '2023-12')).toContain('только администраторам');
});
