// Layout of the printable «Сводный отчёт <месяц>» sheet: a document for A4 landscape (fit to width):
// header, the district's figures against the order's targets with their base and change since last
// month, a bar chart of them, a compact table of organisations, the lists (not reported, late,
// returned), a legend and the signature block, built as grids. Values only — the figures the summary
// already computed, no custom-function formulas; districtReportTemplate.ts writes them into a copy
// of the template made at set-up.
import { percentText } from '../../domain/checkText';
import { shareChange } from '../../domain/comparison';
import { complianceShortLabels, districtReportSheet as say, statusLabels, summaryUi } from '../../domain/messages';
import type { Period } from '../../domain/period';
import { failedChecks } from '../../domain/compliance';
import { dueDate } from '../../domain/deadline';
import { formatDate, formatDateTime, startOfMoscowDay } from '../../domain/calendar';
import { hasMySchool, hasPupils } from '../../domain/schemas/organisation';
import type { Settings } from '../../domain/schemas/settings';
import type { DistrictCoverage, MonthFigures, PeriodSummary } from '../../domain/summary';

/** The table's columns, left to right, and their widths in px: 978 px, A4 landscape's printable width at 100 %. */
export const COLUMNS = [
  ['number', 30],
  ['id', 58],
  ['name', 200],
  ['type', 42],
  ['status', 110],
  ['submittedOn', 68],
  ['teachers', 60],
  ['pupils', 60],
  ['parents', 74],
  ['teacherMinimum', 80],
  ['mySchool', 56],
  ['foreign', 48],
  ['remarks', 92],
] as const;
type ColumnKey = (typeof COLUMNS)[number][0];

export const REPORT_WIDTH = COLUMNS.length;
/** Sum of the column widths (the printed width at 100 %). */
export const REPORT_WIDTH_PX = COLUMNS.reduce((sum, [, px]) => sum + px, 0);
export const col = (key: ColumnKey): number => COLUMNS.findIndex(([k]) => k === key) + 1;

/** The figures block: label (spilling over the empty B, C), then these columns (base spills over H, result over L). */
export const BLOCK = { label: 1, target: 5, value: 6, base: 7, previous: 9, change: 10, result: 11 } as const;
/** Rows left empty under the block for the chart (21 px each). */
export const CHART_ROWS = 13;
export const CHART_HEIGHT = CHART_ROWS * 21 - 10;
export const CHART_WIDTH = 640;

const SHARE = '0.0%';
const TARGET = '0%';
export const TEXT = '@';
const INT = '0';
const DATE = 'dd.MM.yyyy';
export const HEADER_BG = '#e8f0fe';
export const TOTAL_BG = '#f1f3f4';
const ALERT_BG = '#fce8e6';
export const WHITE = '#ffffff';
/** The document's font size; the title's and the department's. */
export const FONT_SIZE = 9;
export const TITLE_SIZE = 13;

/**
 * The rows above the organisations' table and the table's first line (the district total) sit in
 * the same place every month: the template made at set-up formats them (districtReportTemplate.ts).
 * `districtReportGrid` lays them out here.
 */
export const FIXED_ROWS = {
  title: 2,
  blockHeader: 11,
  tableHeader: 33,
  total: 34,
  bold: [1, 2, 3, 10, 11, 32, 33, 34],
  shaded: [11, 33],
} as const;

/** The block's figure rows, under its header: the share reported and each figure. */
const BLOCK_ROWS = 6;

/**
 * The number format the template gives a cell (the copy keeps it): the block's targets and shares,
 * and from the table's first line down to the template's end the row number, the date and the
 * shares; text ('@') everywhere else, so what is written there stays as written. A value written
 * into a number-formatted cell is a number or date of that format, or text that does not read as
 * one (tested in `test/server/storage/districtReportSheet.test.ts`).
 */
export function templateFormat(row: number, column: number): string {
  if (row > FIXED_ROWS.blockHeader && row <= FIXED_ROWS.blockHeader + BLOCK_ROWS) {
    if (column === BLOCK.target) return TARGET;
    if (column === BLOCK.value || column === BLOCK.previous) return SHARE;
    return TEXT;
  }
  if (row < FIXED_ROWS.total) return TEXT;
  if (column === col('number')) return INT;
  if (column === col('submittedOn')) return DATE;
  return column >= col('teachers') && column <= col('mySchool') ? SHARE : TEXT;
}

/** A text condition of the template's conditional formats, on columns from a row down (to the template's end, or `lastRow`). */
export interface ConditionalLook {
  firstColumn: number;
  lastColumn: number;
  firstRow: number;
  lastRow?: number;
  /** The cell's text is exactly this (SpreadsheetApp.BooleanCriteria.TEXT_EQ), or starts with it (TEXT_STARTS_WITH). */
  equals?: string;
  startsWith?: string;
  bold?: true;
  background?: string;
}

/** «Не сдали отчёт (» of «Не сдали отчёт (3)»: what every count of a list's title starts with. */
const titleStart = (title: (n: number) => string): string => title(0).replace(/0\)$/, '');
const alertStatuses: readonly string[] = [statusLabels.overdue, statusLabels.returned];
const belowTotal = FIXED_ROWS.total + 1;

/**
 * What the template paints by its cells' text (conditional formats, copied with it), so a report
 * writes no formats at all: a figure below its target, an overdue or returned organisation (in the
 * table and in the list of those not reported), foreign messengers, and the lists' and the legend's
 * titles in bold. A cell takes the first rule it matches, as in Sheets.
 */
export const CONDITIONAL_LOOK: readonly ConditionalLook[] = [
  {
    firstColumn: BLOCK.result,
    lastColumn: BLOCK.result,
    firstRow: FIXED_ROWS.blockHeader + 1,
    lastRow: FIXED_ROWS.blockHeader + BLOCK_ROWS,
    equals: say.missed,
    background: ALERT_BG,
  },
  ...alertStatuses.map((label) => ({
    firstColumn: col('status'),
    lastColumn: col('status'),
    firstRow: belowTotal,
    equals: label,
    background: ALERT_BG,
  })),
  {
    firstColumn: col('foreign'),
    lastColumn: col('foreign'),
    firstRow: belowTotal,
    equals: say.foreignYes,
    background: ALERT_BG,
  },
  ...[say.missingTitle, say.lateTitle, say.returnedTitle, say.foreignTitle].map((title) => ({
    firstColumn: 1,
    lastColumn: 1,
    firstRow: belowTotal,
    startsWith: titleStart(title),
    bold: true as const,
  })),
  { firstColumn: 1, lastColumn: 1, firstRow: belowTotal, equals: say.legendTitle, bold: true },
];

/** From the table's first line down to the template's end, names and remarks wrap (rows grow downwards). */
export const WRAPPED_COLUMNS = [col('name'), col('remarks')];

export type Weight = 'bold' | 'normal';

/** The whole sheet as grids, and where its parts are (for the writer and the tests). */
export interface DistrictReportGrid {
  values: unknown[][];
  formats: string[][];
  weights: Weight[][];
  backgrounds: string[][];
  titleRow: number;
  blockHeaderRow: number;
  blockRows: number;
  chartRow: number;
  headerRow: number;
  firstOrgRow: number;
  orgCount: number;
  totalRow: number;
  signatureRow: number;
}

export interface DistrictReportInput {
  period: Period;
  summary: PeriodSummary;
  /** The month before's figures (for the change of each figure), null for the first reported month. */
  previous: MonthFigures | null;
  /** First submission per organisation (decides lateness). */
  firstSubmitted: ReadonlyMap<string, Date>;
  settings: Settings;
  madeAt: Date;
  madeBy: string;
}

class GridBuilder {
  readonly values: unknown[][] = [];
  readonly formats: string[][] = [];
  readonly weights: Weight[][] = [];
  readonly backgrounds: string[][] = [];

  /** Adds a row; `cells` maps a 1-based column to [value, format]. Returns its row number. */
  row(cells: Record<number, [unknown, string]> = {}, bold = false, background = WHITE): number {
    const values: unknown[] = Array(REPORT_WIDTH).fill('');
    const formats: string[] = Array(REPORT_WIDTH).fill(TEXT);
    for (const [c, [value, format]] of Object.entries(cells)) {
      values[Number(c) - 1] = value;
      formats[Number(c) - 1] = format;
    }
    this.values.push(values);
    this.formats.push(formats);
    this.weights.push(Array(REPORT_WIDTH).fill(bold ? 'bold' : 'normal'));
    this.backgrounds.push(Array(REPORT_WIDTH).fill(background));
    return this.values.length;
  }

  text(line: string, bold = false): number {
    return this.row({ 1: [line, TEXT] }, bold);
  }

  paint(row: number, column: number, background: string): void {
    this.backgrounds[row - 1]![column - 1] = background;
  }
}

type FigureId = keyof DistrictCoverage;
const FIGURES: FigureId[] = ['teachers', 'pupils', 'parents', 'teacherMinimum', 'mySchool'];

/** How many organisations reported (the base of every district figure) and «по сдавшим 8 из 12». */
function reportedShare(s: PeriodSummary): { reported: number; total: number; base: string } {
  const total = s.rows.length;
  const reported = total - s.missingOrgIds.length;
  return { reported, total, base: summaryUi.reportedBase(reported, total) };
}

/** [part, total] of a district figure. */
function partOf(s: PeriodSummary, id: FigureId): [number, number] {
  const t = s.totals;
  const pairs: Record<FigureId, [number, number]> = {
    teachers: [t.teachersConnected, t.teachersTotal],
    pupils: [t.pupilsConnected, t.pupilsTotal],
    parents: [t.parentsConnected, t.parentsTotal],
    teacherMinimum: [t.teachersMeetingMinimum, t.teachersTotal],
    mySchool: [t.mySchoolTeachers, t.schoolTeachersTotal],
  };
  return pairs[id];
}

/** Header: department, title, month, the order, deadline and date formed, how to print. */
function header(g: GridBuilder, x: DistrictReportInput): number {
  const s = x.summary;
  const due = startOfMoscowDay(dueDate(x.period, x.settings.deadlineDay));
  g.text(say.department(x.settings.districtName), true);
  const titleRow = g.text(say.title, true);
  g.text(say.subtitle(s.periodLabel), true);
  g.text(say.reference);
  g.text(say.facts(formatDate(due), formatDateTime(x.madeAt), x.madeBy));
  g.text(say.printHint);
  g.row();
  return titleRow;
}

/** The district block: share reported first, then each figure with target, base, last month and change. */
function figuresBlock(g: GridBuilder, x: DistrictReportInput): { headerRow: number; rows: number } {
  const s = x.summary;
  const p = x.previous;
  const reported = reportedShare(s);
  const k = s.counts;
  const missing = s.missingOrgIds.length;
  const onTime = reported.reported - s.lateOrgIds.length;
  const total = s.rows.length;
  g.text(
    say.reportedLine(
      reported.reported,
      total,
      total === 0 ? say.noData : percentText(reported.reported / total),
      onTime,
      s.lateOrgIds.length,
      missing,
      k.returned,
    ),
  );
  g.row();
  g.text(say.blockTitle(reported.base), true);
  const headerRow = g.row(
    Object.fromEntries(
      [BLOCK.label, BLOCK.target, BLOCK.value, BLOCK.base, BLOCK.previous, BLOCK.change, BLOCK.result].map((c, i) => [
        c,
        [say.blockHeaders[i], TEXT],
      ]),
    ),
    true,
    HEADER_BG,
  );
  const threshold = x.settings.changeThreshold;
  const share = (n: number, d: number): number | null => (d === 0 ? null : n / d);
  const line = (
    label: string,
    value: number | null,
    previous: number | null,
    target: number | null,
    base: string,
  ): void => {
    const change = shareChange(value, previous, threshold);
    const result =
      value === null
        ? say.noData
        : target === null
          ? say.informational
          : value >= target - 1e-12
            ? say.met
            : say.missed;
    const row = g.row({
      [BLOCK.label]: [label, TEXT],
      [BLOCK.target]: target === null ? [say.informational, TEXT] : [target, TARGET],
      [BLOCK.value]: value === null ? [say.noData, TEXT] : [value, SHARE],
      [BLOCK.base]: [base, TEXT],
      [BLOCK.previous]: previous === null ? ['', TEXT] : [previous, SHARE],
      [BLOCK.change]: [change.text + (change.flagged ? ' !' : ''), TEXT],
      [BLOCK.result]: [result, TEXT],
    });
    if (result === say.missed) g.paint(row, BLOCK.result, ALERT_BG);
  };
  const prevReported = p ? { reported: p.reported, total: p.total } : null;
  line(
    say.reportedRow,
    share(reported.reported, reported.total),
    prevReported ? share(prevReported.reported, prevReported.total) : null,
    1,
    say.reportedOf(reported.reported, reported.total),
  );
  for (const id of FIGURES) {
    const [part, whole] = partOf(s, id);
    line(
      say.figureLabels[id],
      s.coverage[id],
      p?.coverage[id] ?? null,
      x.settings.coverageTargets[id],
      say.partOf(part, whole),
    );
  }
  return { headerRow, rows: FIGURES.length + 1 };
}

/** «Пед., Род. +3»: the first two failed checks and how many more, so a row stays one line. */
function failedText(checks: Parameters<typeof failedChecks>[0]): string {
  const failed = failedChecks(checks).map((c) => complianceShortLabels[c.id]);
  if (failed.length === 0) return say.compliant;
  const shown = failed.slice(0, 2).join(', ');
  return failed.length > 2 ? `${shown} ${say.moreFailed(failed.length - 2)}` : shown;
}

/** A share in a table cell: a number formatted as per cent, or blank. */
const shareCell = (part: number | null | undefined, whole: number | null | undefined): [unknown, string] =>
  part === null || part === undefined || !whole ? ['', TEXT] : [part / whole, SHARE];

/** The table of organisations: the district total first (as a statistical form's «Всего» line), then one line each (long names wrap downwards). */
function orgTable(g: GridBuilder, x: DistrictReportInput): { headerRow: number; totalRow: number } {
  const s = x.summary;
  g.text(say.tableTitle(s.rows.length), true);
  const headerRow = g.row(
    Object.fromEntries(COLUMNS.map(([key], i) => [i + 1, [say.headers[key], TEXT]])),
    true,
    HEADER_BG,
  );
  const base = reportedShare(s).base;
  const t = s.totals;
  const totalRow = g.row(
    {
      [col('name')]: [say.totalRow(base), TEXT],
      [col('teachers')]: shareCell(t.teachersConnected, t.teachersTotal),
      [col('pupils')]: shareCell(t.pupilsConnected, t.pupilsTotal),
      [col('parents')]: shareCell(t.parentsConnected, t.parentsTotal),
      [col('teacherMinimum')]: shareCell(t.teachersMeetingMinimum, t.teachersTotal),
      [col('mySchool')]: shareCell(t.mySchoolTeachers, t.schoolTeachersTotal),
    },
    true,
    TOTAL_BG,
  );
  s.rows.forEach((r, i) => {
    const rep = r.report;
    const first = x.firstSubmitted.get(r.orgId);
    const cells: Record<number, [unknown, string]> = {
      [col('number')]: [i + 1, INT],
      [col('id')]: [r.orgId, TEXT],
      [col('name')]: [r.name, TEXT],
      [col('type')]: [say.typeShort[r.type], TEXT],
      [col('status')]: [r.statusLabel, TEXT],
      [col('submittedOn')]: first ? [first, DATE] : ['', TEXT],
      [col('remarks')]: [rep ? failedText(r.compliance) : say.notSubmitted, TEXT],
    };
    if (rep) {
      cells[col('teachers')] = shareCell(rep.teachersConnected, rep.teachersTotal);
      if (hasPupils(r.type)) cells[col('pupils')] = shareCell(rep.pupilsConnected, rep.pupilsTotal);
      cells[col('parents')] = shareCell(rep.parentsConnected, rep.parentsTotal);
      cells[col('teacherMinimum')] = shareCell(rep.teachersMeetingMinimum, rep.teachersTotal);
      if (hasMySchool(r.type)) cells[col('mySchool')] = shareCell(rep.mySchoolTeachers, rep.teachersTotal);
      cells[col('foreign')] = [rep.noForeignMessengers ? say.foreignNo : say.foreignYes, TEXT];
    }
    const row = g.row(cells);
    if (alertStatuses.includes(r.statusLabel)) g.paint(row, col('status'), ALERT_BG);
    if (rep && !rep.noForeignMessengers) g.paint(row, col('foreign'), ALERT_BG);
  });
  return { headerRow, totalRow };
}

/** Not reported, late, returned, foreign messengers: a title and one line per organisation. */
function lists(g: GridBuilder, x: DistrictReportInput): void {
  const s = x.summary;
  const rowOf = new Map(s.rows.map((r) => [r.orgId, r]));
  const list = (title: string, ids: readonly string[], note: (id: string) => string): void => {
    g.row();
    g.text(title, true);
    if (ids.length === 0) g.row({ [col('id')]: [say.none, TEXT] });
    for (const id of ids) {
      const text = note(id);
      const row = g.row({
        [col('id')]: [id, TEXT],
        [col('name')]: [rowOf.get(id)?.name ?? id, TEXT],
        [col('status')]: [text, TEXT],
      });
      // An overdue organisation is marked in the list as in the table (the same conditional format).
      if (alertStatuses.includes(text)) g.paint(row, col('status'), ALERT_BG);
    }
  };
  const returned = s.rows.filter((r) => r.status === 'returned').map((r) => r.orgId);
  list(say.missingTitle(s.missingOrgIds.length), s.missingOrgIds, (id) => rowOf.get(id)?.statusLabel ?? '');
  list(say.lateTitle(s.lateOrgIds.length), s.lateOrgIds, (id) => {
    const first = x.firstSubmitted.get(id);
    return first ? formatDate(first) : '';
  });
  list(say.returnedTitle(returned.length), returned, (id) => rowOf.get(id)?.report?.returnReason ?? '');
  list(say.foreignTitle(s.foreignMessengerOrgIds.length), s.foreignMessengerOrgIds, (id) => {
    return rowOf.get(id)?.report?.foreignMessengersExplanation ?? '';
  });
}

/** «Заместитель начальника Отдела образования ____ / ____ / дата», captions underneath. */
function signature(g: GridBuilder): number {
  g.row();
  g.row();
  const row = g.row({
    1: [say.signatureTitle, TEXT],
    [col('status')]: [say.signatureLine, TEXT],
    [col('pupils')]: [say.signatureLine, TEXT],
    [col('foreign')]: [say.dateLine, TEXT],
  });
  const [sign, name, date] = say.signatureCaptions;
  g.row({ [col('status')]: [sign, TEXT], [col('pupils')]: [name, TEXT], [col('foreign')]: [date, TEXT] });
  return row;
}

/** Builds the whole sheet as grids (pure: no Apps Script calls). */
export function districtReportGrid(x: DistrictReportInput): DistrictReportGrid {
  const g = new GridBuilder();
  const titleRow = header(g, x);
  const block = figuresBlock(g, x);
  g.row();
  const chartRow = g.values.length + 1;
  for (let i = 0; i < CHART_ROWS; i++) g.row();
  const table = orgTable(g, x);
  lists(g, x);
  g.row();
  g.text(say.legendTitle, true);
  for (const line of say.legend) g.text(line);
  const signatureRow = signature(g);
  // The template formats these rows in place: a layout that moved them is a programming error.
  if (block.headerRow !== FIXED_ROWS.blockHeader || block.rows !== BLOCK_ROWS || table.totalRow !== FIXED_ROWS.total)
    throw new Error('districtReportGrid: the fixed rows moved; change FIXED_ROWS and the template with them');
  g.row();
  g.text(say.footer(formatDateTime(x.madeAt)));
  g.text(say.footerNote);
  return {
    values: g.values,
    formats: g.formats,
    weights: g.weights,
    backgrounds: g.backgrounds,
    titleRow,
    blockHeaderRow: block.headerRow,
    blockRows: block.rows,
    chartRow,
    headerRow: table.headerRow,
    firstOrgRow: table.totalRow + 1,
    orgCount: x.summary.rows.length,
    totalRow: table.totalRow,
    signatureRow,
  };
}
