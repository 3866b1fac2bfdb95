// Layout of the printable «Сводный отчёт <месяц>» sheet: title, one row per organisation with the
// order's indicators (coverage as COVERAGE() formulas, deadline as REPORT_STATUS()), totals, the
// district block, late/missing lists and a bar chart. Built as whole grids; written in a fixed
// number of calls whatever the number of organisations.
import { districtReportSheet as say, organisationTypeLabels, summaryUi } from '../../domain/messages';
import type { Period } from '../../domain/period';
import { periodKey } from '../../domain/period';
import { failedChecks } from '../../domain/compliance';
import { dueDate } from '../../domain/deadline';
import { formatDate, formatDateTime, startOfMoscowDay } from '../../domain/calendar';
import { hasMySchool, type Organisation } from '../../domain/schemas/organisation';
import type { Settings } from '../../domain/schemas/settings';
import type { PeriodSummary } from '../../domain/summary';
import { quoteAsText } from './cells';

const COLUMNS = [
  'number',
  'id',
  'name',
  'type',
  'status',
  'submittedOn',
  'deadlineStatus',
  'teachersTotal',
  'teachersConnected',
  'teachersCoverage',
  'pupilsTotal',
  'pupilsConnected',
  'pupilsCoverage',
  'parentsTotal',
  'parentsConnected',
  'parentsCoverage',
  'groupsTotal',
  'groupsInSferum',
  'teachersMeetingMinimum',
  'teacherMinimumShare',
  'mySchoolTeachers',
  'mySchoolCoverage',
  'noForeignMessengers',
  'remarks',
] as const;
type ColumnKey = (typeof COLUMNS)[number];

export const REPORT_WIDTH = COLUMNS.length;
const col = (key: ColumnKey): number => COLUMNS.indexOf(key) + 1;
/** Column letter of a 1-based column (the sheet has fewer than 27 columns). */
const letter = (key: ColumnKey): string => String.fromCharCode(64 + col(key));
const at = (key: ColumnKey, row: number): string => letter(key) + row;
/** Formula text as Apps Script takes it (English function syntax, commas). */
const coverageFormula = (part: ColumnKey, total: ColumnKey, row: number): FormulaText =>
  formula(`=COVERAGE(${at(part, row)},${at(total, row)})`);

/** A formula the report writes on purpose; every other string (organisation names too) is written as text. */
class FormulaText {
  constructor(readonly text: string) {}
}
const formula = (text: string): FormulaText => new FormulaText(text);

const SHARE = '0.0%';
const TEXT = '@';
/** Automatic format: a formula cell must not be plain text, or it would stay text. */
const AUTO = 'General';
const INT = '0';
const DATE = 'dd.MM.yyyy';
const DATETIME = 'dd.MM.yyyy HH:mm';
const HEADER_BG = '#e8f0fe';
const TOTAL_BG = '#f1f3f4';
const ALERT_BG = '#fce8e6';
const WHITE = '#ffffff';

/** Where the chart and the rows live, for the writer and the tests. */
export interface DistrictReportGrid {
  values: unknown[][];
  formats: string[][];
  weights: ('bold' | 'normal')[][];
  backgrounds: string[][];
  headerRow: number;
  firstOrgRow: number;
  orgCount: number;
  totalRow: number;
  chartRow: number;
}

export interface DistrictReportInput {
  period: Period;
  summary: PeriodSummary;
  organisations: readonly Organisation[];
  /** First submission per organisation (decides lateness). */
  firstSubmitted: ReadonlyMap<string, Date>;
  settings: Settings;
  madeAt: Date;
  madeBy: string;
}

class GridBuilder {
  readonly values: unknown[][] = [];
  readonly formats: string[][] = [];
  readonly weights: ('bold' | 'normal')[][] = [];
  readonly backgrounds: string[][] = [];

  /** Adds a row; `cells` maps a 1-based column to [value, format]. Returns its row number. */
  row(cells: Record<number, [unknown, string]> = {}, bold = false, background = WHITE): number {
    const values: unknown[] = Array(REPORT_WIDTH).fill('');
    const formats: string[] = Array(REPORT_WIDTH).fill(TEXT);
    for (const [c, [value, format]] of Object.entries(cells)) {
      values[Number(c) - 1] = value instanceof FormulaText ? value.text : quoteAsText(value);
      formats[Number(c) - 1] = format;
    }
    this.values.push(values);
    this.formats.push(formats);
    this.weights.push(Array(REPORT_WIDTH).fill(bold ? 'bold' : 'normal'));
    this.backgrounds.push(Array(REPORT_WIDTH).fill(background));
    return this.values.length;
  }

  paint(row: number, key: ColumnKey, background: string): void {
    this.backgrounds[row - 1]![col(key) - 1] = background;
  }
}

const dateText = (d: Date | undefined): string => (d ? formatDate(d) : '');
const C = { label: col('name'), a: col('type'), b: col('status'), c: col('submittedOn'), d: col('deadlineStatus') };

/** Builds the whole sheet as grids (pure: no Apps Script calls). */
export function districtReportGrid(x: DistrictReportInput): DistrictReportGrid {
  const g = new GridBuilder();
  const s = x.summary;
  const due = startOfMoscowDay(dueDate(x.period, x.settings.deadlineDay));
  g.row({ 1: [say.title, TEXT] }, true);
  g.row({ 1: [say.subtitle(x.settings.districtName, s.periodLabel), TEXT] }, true);
  const infoRow = g.row({
    1: [say.periodLabel, TEXT],
    2: [periodKey(x.period), TEXT],
    [C.label]: [s.periodLabel, TEXT],
    [C.a]: [say.dueLabel, TEXT],
    [C.b]: [due, DATE],
    [C.c]: [say.madeLabel, TEXT],
    [C.d]: [x.madeAt, DATETIME],
    [col('teachersTotal')]: [say.madeByLabel, TEXT],
    [col('teachersConnected')]: [x.madeBy, TEXT],
  });
  g.row({ 1: [say.basis, TEXT] });
  g.row();
  const headerRow = g.row(Object.fromEntries(COLUMNS.map((k, i) => [i + 1, [say.headers[k], TEXT]])), true, HEADER_BG);
  const periodCell = `$B$${infoRow}`;
  const madeCell = `$${letter('deadlineStatus')}$${infoRow}`;
  const orgs = new Map(x.organisations.map((o) => [o.id, o]));
  const firstOrgRow = headerRow + 1;
  s.rows.forEach((r, i) => {
    const row = firstOrgRow + i;
    const rep = r.report;
    const school = hasMySchool(r.type);
    const first = x.firstSubmitted.get(r.orgId);
    const cells: Record<number, [unknown, string]> = {
      [col('number')]: [i + 1, INT],
      [col('id')]: [r.orgId, TEXT],
      [col('name')]: [r.name, TEXT],
      [col('type')]: [organisationTypeLabels[r.type], TEXT],
      [col('status')]: [r.statusLabel, TEXT],
      [col('submittedOn')]: [first ?? '', DATE],
      [col('deadlineStatus')]: [formula(`=REPORT_STATUS(${periodCell},${at('submittedOn', row)},${madeCell})`), AUTO],
      [col('teachersCoverage')]: [coverageFormula('teachersConnected', 'teachersTotal', row), SHARE],
      [col('pupilsCoverage')]: [coverageFormula('pupilsConnected', 'pupilsTotal', row), SHARE],
      [col('parentsCoverage')]: [coverageFormula('parentsConnected', 'parentsTotal', row), SHARE],
      [col('teacherMinimumShare')]: [coverageFormula('teachersMeetingMinimum', 'teachersTotal', row), SHARE],
      [col('mySchoolCoverage')]: [school ? coverageFormula('mySchoolTeachers', 'teachersTotal', row) : '', SHARE],
      [col('remarks')]: [
        rep
          ? failedChecks(r.compliance)
              .map((c) => c.label)
              .join('; ') || say.compliant
          : say.notSubmitted,
        TEXT,
      ],
    };
    if (rep) {
      const numbers: [ColumnKey, number | null][] = [
        ['teachersTotal', rep.teachersTotal],
        ['teachersConnected', rep.teachersConnected],
        ['pupilsTotal', rep.pupilsTotal],
        ['pupilsConnected', rep.pupilsConnected],
        ['parentsTotal', rep.parentsTotal],
        ['parentsConnected', rep.parentsConnected],
        ['groupsTotal', rep.groupsTotal],
        ['groupsInSferum', rep.groupsInSferum],
        ['teachersMeetingMinimum', rep.teachersMeetingMinimum],
        ['mySchoolTeachers', school ? rep.mySchoolTeachers : null],
      ];
      for (const [key, value] of numbers) cells[col(key)] = [value ?? '', INT];
      cells[col('noForeignMessengers')] = [rep.noForeignMessengers ? summaryUi.yes : summaryUi.no, TEXT];
    }
    g.row(cells);
    if (r.status === 'overdue' || r.status === 'returned') g.paint(row, 'status', ALERT_BG);
    if (rep && !rep.noForeignMessengers) g.paint(row, 'noForeignMessengers', ALERT_BG);
  });
  const lastOrgRow = firstOrgRow + s.rows.length - 1;
  const t = s.totals;
  const range = (key: ColumnKey): string => `${at(key, firstOrgRow)}:${at(key, Math.max(firstOrgRow, lastOrgRow))}`;
  const totalRow = firstOrgRow + s.rows.length;
  g.row(
    {
      [col('name')]: [say.totalRow, TEXT],
      [col('teachersTotal')]: [t.teachersTotal, INT],
      [col('teachersConnected')]: [t.teachersConnected, INT],
      [col('teachersCoverage')]: [coverageFormula('teachersConnected', 'teachersTotal', totalRow), SHARE],
      [col('pupilsTotal')]: [t.pupilsTotal, INT],
      [col('pupilsConnected')]: [t.pupilsConnected, INT],
      [col('pupilsCoverage')]: [coverageFormula('pupilsConnected', 'pupilsTotal', totalRow), SHARE],
      [col('parentsTotal')]: [t.parentsTotal, INT],
      [col('parentsConnected')]: [t.parentsConnected, INT],
      [col('parentsCoverage')]: [coverageFormula('parentsConnected', 'parentsTotal', totalRow), SHARE],
      [col('groupsTotal')]: [t.groupsTotal, INT],
      [col('groupsInSferum')]: [t.groupsInSferum, INT],
      [col('teachersMeetingMinimum')]: [t.teachersMeetingMinimum, INT],
      [col('teacherMinimumShare')]: [coverageFormula('teachersMeetingMinimum', 'teachersTotal', totalRow), SHARE],
      [col('mySchoolTeachers')]: [t.mySchoolTeachers, INT],
      [col('mySchoolCoverage')]: [
        formula(
          `=COVERAGE(${at('mySchoolTeachers', totalRow)},SUMIF(${range('type')},"${organisationTypeLabels.school}",${range('teachersTotal')}))`,
        ),
        SHARE,
      ],
    },
    true,
    TOTAL_BG,
  );

  // District block: each share is COVERAGE() of the two numbers beside it.
  g.row();
  g.row({ [C.label]: [say.blockTitle, TEXT] }, true);
  g.row(Object.fromEntries(say.blockHeaders.map((h, i) => [C.label + i, [h, TEXT]])), true, HEADER_BG);
  const targets = x.settings.coverageTargets;
  const block: [string, number, number, number | null][] = [
    [summaryUi.coverage.teachers, t.teachersTotal, t.teachersConnected, targets.teachers],
    [summaryUi.coverage.pupils, t.pupilsTotal, t.pupilsConnected, targets.pupils],
    [summaryUi.coverage.parents, t.parentsTotal, t.parentsConnected, targets.parents],
    [summaryUi.coverage.teacherMinimum, t.teachersTotal, t.teachersMeetingMinimum, targets.teacherMinimum],
    [summaryUi.coverage.mySchool, t.schoolTeachersTotal, t.mySchoolTeachers, targets.mySchool],
  ];
  for (const [label, total, part, target] of block) {
    const row = g.values.length + 1;
    g.row({
      [C.label]: [label, TEXT],
      [C.a]: [total, INT],
      [C.b]: [part, INT],
      [C.c]: [
        formula(`=COVERAGE(${String.fromCharCode(64 + C.b)}${row},${String.fromCharCode(64 + C.a)}${row})`),
        SHARE,
      ],
      [C.d]: target === null ? [say.informational, TEXT] : [target, SHARE],
    });
  }

  g.row();
  g.row({ [C.label]: [say.countsTitle, TEXT] }, true);
  const k = s.counts;
  const missing = k['not-submitted'] + k.overdue;
  const counts: [string, number][] = [
    [say.counts.submitted, s.rows.length - missing],
    [say.counts.onTime, s.rows.length - missing - s.lateOrgIds.length],
    [say.counts.late, s.lateOrgIds.length],
    [say.counts.missing, missing],
    [say.counts.accepted, k.accepted],
    [say.counts.returned, k.returned],
  ];
  for (const [label, n] of counts) g.row({ [C.label]: [label, TEXT], [C.a]: [n, INT] });

  const name = (id: string): string => orgs.get(id)?.name ?? id;
  const list = (title: string, ids: readonly string[], line: (id: string) => [string, string]): void => {
    g.row();
    g.row({ [C.label]: [title, TEXT] }, true);
    if (ids.length === 0) g.row({ [C.label]: [say.none, TEXT] });
    for (const id of ids) {
      const [text, note] = line(id);
      g.row({ [col('id')]: [id, TEXT], [C.label]: [text, TEXT], [C.a]: [note, TEXT] });
    }
  };
  const rowOf = new Map(s.rows.map((r) => [r.orgId, r]));
  list(say.missingTitle(s.missingOrgIds.length), s.missingOrgIds, (id) => [name(id), rowOf.get(id)?.statusLabel ?? '']);
  list(say.lateTitle(s.lateOrgIds.length), s.lateOrgIds, (id) => [name(id), dateText(x.firstSubmitted.get(id))]);
  list(say.foreignTitle(s.foreignMessengerOrgIds.length), s.foreignMessengerOrgIds, (id) => [
    name(id),
    rowOf.get(id)?.report?.foreignMessengersExplanation ?? '',
  ]);
  g.row();
  g.row({ 1: [say.footer(formatDateTime(x.madeAt)), TEXT] });
  const chartRow = g.row() + 1;
  return {
    values: g.values,
    formats: g.formats,
    weights: g.weights,
    backgrounds: g.backgrounds,
    headerRow,
    firstOrgRow,
    orgCount: s.rows.length,
    totalRow,
    chartRow,
  };
}

/** Column widths in px, in runs (first column, count, width). */
const WIDTHS: [number, number, number][] = [
  [1, 1, 40],
  [2, 1, 90],
  [3, 1, 300],
  [4, 1, 170],
  [5, 1, 140],
  [6, 1, 110],
  [7, 1, 140],
  [8, REPORT_WIDTH - 8, 100],
  [REPORT_WIDTH, 1, 320],
];

/**
 * Replaces the sheet `name` (or creates it) with the grid and a bar chart of coverage by
 * organisation; nothing else in the spreadsheet changes. Constant number of calls.
 */
export function writeDistrictReport(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  name: string,
  grid: DistrictReportGrid,
): GoogleAppsScript.Spreadsheet.Sheet {
  let sheet = ss.getSheetByName(name);
  if (sheet) {
    sheet.clear();
    for (const chart of sheet.getCharts()) sheet.removeChart(chart);
  } else {
    sheet = ss.insertSheet(name);
  }
  const rows = grid.values.length;
  const maxRows = sheet.getMaxRows();
  if (rows + 30 > maxRows) sheet.insertRowsAfter(maxRows, rows + 30 - maxRows);
  const maxColumns = sheet.getMaxColumns();
  if (maxColumns < REPORT_WIDTH) sheet.insertColumnsAfter(maxColumns, REPORT_WIDTH - maxColumns);
  const range = sheet.getRange(1, 1, rows, REPORT_WIDTH);
  range.setNumberFormats(grid.formats);
  range.setValues(grid.values);
  range.setFontWeights(grid.weights);
  range.setBackgrounds(grid.backgrounds);
  sheet.getRange(1, 1).setFontSize(14);
  sheet.getRange(grid.headerRow, 1, 1, REPORT_WIDTH).setWrap(true).setVerticalAlignment('middle');
  if (grid.orgCount > 0) sheet.getRange(grid.firstOrgRow, col('remarks'), grid.orgCount, 1).setWrap(true);
  for (const [start, count, width] of WIDTHS) sheet.setColumnWidths(start, count, width);
  sheet.setFrozenRows(grid.headerRow);
  const n = Math.max(grid.orgCount, 1);
  const span = (key: ColumnKey): GoogleAppsScript.Spreadsheet.Range =>
    sheet!.getRange(grid.headerRow, col(key), n + 1, 1);
  const chart = sheet
    .newChart()
    .asBarChart()
    .addRange(span('name'))
    .addRange(span('teachersCoverage'))
    .addRange(span('pupilsCoverage'))
    .setPosition(grid.chartRow, col('name'), 0, 0)
    .setOption('title', say.chartTitle)
    .setOption('subtitle', say.chartSeriesNote)
    .setOption('hAxis.format', 'percent')
    .setOption('hAxis.viewWindow.min', 0)
    .setOption('hAxis.viewWindow.max', 1)
    .setOption('legend.position', 'top')
    .setOption('width', 900)
    .setOption('height', Math.max(320, 60 + 22 * n))
    .build();
  sheet.insertChart(chart);
  sheet.activate();
  return sheet;
}
