// Layout and batched access of the «Отчёты» sheet: one row per submitted version of a report.
import {
  organisationFieldLabels,
  reportFieldLabels as label,
  sheetNames,
  storedStateLabels,
  teacherWeeksTexts,
  timelinessLabels,
  workbookHeaders as h,
} from '../../domain/messages';
import { dueInstant } from '../../domain/deadline';
import { parsePeriod, periodFromKey, periodKey } from '../../domain/period';
import { quoteAsText } from './cells';
import { reportRecordSchema, REPORT_STATES, type ReportRecord, type ReportState } from '../../domain/schemas/report';
import { quickReportRecord } from '../../domain/schemas/quickParse';
import { isSealed, sealedRow } from './rowSeal';
import { readAnchors } from './anchors';
import { identityOf, locateRow } from './rowIdentity';
import {
  appendRows,
  assertHeaders,
  lastRowOf,
  readRows,
  readTable,
  requireSheet,
  writeRow,
  type Column,
  type TableLayout,
  type TableRow,
} from './table';

const NUMBER_COLUMNS = [
  'teachersTotal',
  'teachersConnected',
  'pupilsTotal',
  'pupilsConnected',
  'parentsTotal',
  'parentsConnected',
  'groupsTotal',
  'groupsInSferum',
] as const;
const CHAT_COLUMNS = [
  'pupilChats',
  'parentChats',
  'teachersMeetingMinimum',
  'teacherMessages',
  'teacherCalls',
  'mySchoolTeachers',
] as const;
const int = (key: (typeof NUMBER_COLUMNS)[number] | (typeof CHAT_COLUMNS)[number]): Column => ({
  key,
  header: label[key],
  kind: 'int',
  width: 110,
});

export const REPORTS_LAYOUT: TableLayout = {
  sheetName: sheetNames.reports,
  columns: [
    { key: 'orgId', header: organisationFieldLabels.id, kind: 'text', width: 110 },
    { key: 'orgName', header: h.orgName, kind: 'text', width: 260 },
    // «ноябрь 2023» (older rows hold the key 2023-11; both read as the key, and seal as it).
    { key: 'period', header: label.period, kind: 'period', width: 110 },
    { key: 'version', header: h.version, kind: 'int', width: 70 },
    { key: 'state', header: h.state, kind: 'text', width: 90 },
    // «в срок» / «с опозданием»: derived from the sealed month and submission time and Settings'
    // deadline, so outside the seal and recomputed at every write of the row and at set-up.
    { key: 'timeliness', header: h.timeliness, kind: 'text', width: 110, optional: true, derived: true },
    { key: 'submittedAt', header: h.submittedAt, kind: 'datetime', width: 140 },
    { key: 'submittedBy', header: h.submittedBy, kind: 'text', width: 200 },
    ...NUMBER_COLUMNS.map(int),
    { key: 'staffChat', header: label.staffChat, kind: 'yesno', width: 90 },
    ...CHAT_COLUMNS.map(int),
    { key: 'noForeignMessengers', header: label.noForeignMessengers, kind: 'yesno', width: 120 },
    { key: 'foreignMessengersExplanation', header: label.foreignMessengersExplanation, kind: 'text', width: 200 },
    { key: 'comment', header: label.comment, kind: 'text', width: 240 },
    { key: 'returnReason', header: h.returnReason, kind: 'text', width: 200 },
    { key: 'reviewedBy', header: h.reviewedBy, kind: 'text', width: 180 },
    { key: 'reviewedAt', header: h.reviewedAt, kind: 'datetime', width: 140 },
    // Added after the first release: set-up inserts it into older sheets (data kept).
    { key: 'teacherWeeks', header: teacherWeeksTexts.header, kind: 'text', width: 60, optional: true },
    { key: 'submissionKey', header: h.submissionKey, kind: 'text', hidden: true },
    // The row's place in the sheet's sequence (sealed): a new number at every write by the add-on.
    { key: 'seq', header: h.seq, kind: 'int', hidden: true, optional: true },
    { key: 'checksum', header: h.checksum, kind: 'text', hidden: true },
  ],
};

/** One stored version with what the add-on records around it. */
export interface StoredReport extends ReportRecord {
  orgName: string;
  reviewedBy: string;
  reviewedAt: string | null;
  submissionKey: string;
  /**
   * Per-teacher weekly figures under teacher codes, as the compact text of formatTeacherWeeks()
   * ('' = not stored: Settings off, or only the count was sent). Optional when appending.
   */
  teacherWeeks?: string;
  /** The sequence number sealed into the row (0: written before sequences existed). */
  seq: number;
  row: number;
  /** The row no longer matches its checksum: changed in the grid, bypassing the add-on. */
  handEdited: boolean;
  /** What the «Срок сдачи» cell shows (never trusted: see timelinessOf); absent when appending. */
  timelinessCell?: string;
}

/** A row that no longer reads as a report at all. */
export interface DamagedReportRow {
  row: number;
  orgId: string;
  period: string;
}

const stateByLabel = new Map<string, ReportState>(REPORT_STATES.map((s) => [storedStateLabels[s], s]));

/** Reads every version in one call. */
export function readReports(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  key: string,
): { reports: StoredReport[]; damaged: DamagedReportRow[] } {
  return decodeReports(readTable(requireSheet(ss, REPORTS_LAYOUT), REPORTS_LAYOUT), key);
}

/** Reads (and checks: schema and checksum) only the given rows, in few calls (see readRows). */
export function readReportRows(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  key: string,
  rows: readonly number[],
): { reports: StoredReport[]; damaged: DamagedReportRow[] } {
  return decodeReports(readRows(requireSheet(ss, REPORTS_LAYOUT), REPORTS_LAYOUT, rows), key);
}

/** A version as the schema reads it, and its row: what a call needs that shows no seal. */
export type ReportFigures = ReportRecord & { row: number };

/** What the add-on records around a version: the columns readReportFigures need not read. */
const AROUND_RECORD: readonly string[] = [
  'orgName',
  'timeliness',
  'reviewedBy',
  'reviewedAt',
  'teacherWeeks',
  'submissionKey',
  'seq',
  'checksum',
];
/** The columns ReportRecord's schema reads (compared with it in test/integration/storage/quickParse.test.ts). */
export const RECORD_COLUMNS: readonly string[] = REPORTS_LAYOUT.columns
  .map((c) => c.key)
  .filter((k) => !AROUND_RECORD.includes(k));

/**
 * Reads the given rows only up to the last column the schema reads (ReportRecord's), unchecked
 * against their seals — for a call that shows whether a row was changed by hand nowhere (the
 * district report: the summary shows it). Six columns and one checksum a row fewer than
 * readReportRows.
 */
export function readReportFigures(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  rows: readonly number[],
): { reports: ReportFigures[]; damaged: DamagedReportRow[] } {
  const read = readRows(requireSheet(ss, REPORTS_LAYOUT), REPORTS_LAYOUT, rows, false, RECORD_COLUMNS);
  return decodeEach(read, (record, r) => ({ ...record, row: r.row }));
}

/** The reports sheet's last row (read once per execution). */
export function reportRowCount(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): number {
  return lastRowOf(requireSheet(ss, REPORTS_LAYOUT));
}

/**
 * The floor of the next sequence number, with the anchor (nextSeq): the last row's number, so a row
 * appended by a call cut short before its audit entry is never numbered twice. No row is read when
 * the anchor names the sheet's last row: that row's call committed (its number is in the anchor,
 * stored with the index in one property write) and a review reserves its number in the anchor
 * before rewriting a row; a row added, removed or cut short since makes the anchor differ.
 */
export function highestReportSeq(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, key: string): number {
  const last = reportRowCount(ss);
  if (last < 2 || readAnchors()?.reports?.rows === last - 1) return 0;
  return readReportRows(ss, key, [last]).reports[0]?.seq ?? 0;
}

/** The version a row holds, as the schema reads it (through its exact shortcut when it can), or null. */
function storedRecord(v: Record<string, unknown>, state: unknown): ReportRecord | null {
  const quick = quickReportRecord(v, state);
  if (quick) return quick;
  const parsed = reportRecordSchema.safeParse({ ...v, state });
  return parsed.success ? parsed.data : null;
}

/** Each row as `build` makes it from its record, or as damaged when the schema does not read it. */
function decodeEach<R>(
  rows: readonly TableRow[],
  build: (record: ReportRecord, r: TableRow) => R,
): { reports: R[]; damaged: DamagedReportRow[] } {
  const reports: R[] = [];
  const damaged: DamagedReportRow[] = [];
  for (const r of rows) {
    const v = r.values;
    const record = storedRecord(v, stateByLabel.get(String(v.state)) ?? v.state);
    if (record) reports.push(build(record, r));
    else damaged.push({ row: r.row, orgId: String(v.orgId), period: String(v.period) });
  }
  return { reports, damaged };
}

function decodeReports(
  rows: readonly TableRow[],
  key: string,
): { reports: StoredReport[]; damaged: DamagedReportRow[] } {
  return decodeEach(rows, (record, r) => {
    const v = r.values;
    return {
      ...record,
      orgName: String(v.orgName),
      reviewedBy: String(v.reviewedBy),
      reviewedAt: typeof v.reviewedAt === 'string' ? v.reviewedAt : null,
      submissionKey: String(v.submissionKey),
      teacherWeeks: String(v.teacherWeeks ?? ''),
      seq: typeof v.seq === 'number' ? v.seq : 0,
      row: r.row,
      handEdited: !isSealed(key, REPORTS_LAYOUT, r),
      timelinessCell: String(v.timeliness ?? ''),
    };
  });
}

/**
 * «в срок» / «с опозданием» for a version: the domain's rule (isOnTime) on its month and submission
 * time under the deadline day in Settings — the same rule and setting the summary judges by.
 */
export function timelinessOf(report: Pick<ReportRecord, 'period' | 'submittedAt'>, deadlineDay: number): string {
  // isOnTime's comparison, with each month's deadline worked out once (the summary asks for every row).
  const onTime = Date.parse(report.submittedAt) <= dueMsOf(report.period, deadlineDay);
  return onTime ? timelinessLabels.onTime : timelinessLabels.late;
}

/** The last on-time instant of a month ('ГГГГ-ММ') under a deadline day, by month and day. */
const dueMsByMonth = new Map<string, number>();
function dueMsOf(period: string, deadlineDay: number): number {
  const key = period + '|' + String(deadlineDay);
  let due = dueMsByMonth.get(key);
  if (due === undefined) {
    due = dueInstant(periodFromKey(period), deadlineDay).getTime();
    dueMsByMonth.set(key, due);
  }
  return due;
}

function encode(report: Omit<StoredReport, 'row' | 'handEdited'>, key: string, deadlineDay: number): unknown[] {
  return sealedRow(
    REPORTS_LAYOUT,
    {
      ...report,
      teacherWeeks: report.teacherWeeks ?? '',
      state: storedStateLabels[report.state],
      timeliness: timelinessOf(report, deadlineDay),
      seq: report.seq || '',
    },
    key,
  );
}

/** Appends new versions in one write; returns them with their rows. */
export function appendReports(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  reports: readonly Omit<StoredReport, 'row' | 'handEdited'>[],
  key: string,
  deadlineDay: number,
): StoredReport[] {
  const row = appendRows(
    requireSheet(ss, REPORTS_LAYOUT),
    REPORTS_LAYOUT,
    reports.map((r) => encode(r, key, deadlineDay)),
  );
  return reports.map((r, i) => ({ ...r, row: row + i, handEdited: false }));
}

/** Appends a new version; returns it with its row. */
export function appendReport(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  report: Omit<StoredReport, 'row' | 'handEdited'>,
  key: string,
  deadlineDay: number,
): StoredReport {
  return appendReports(ss, [report], key, deadlineDay)[0]!;
}

/** The cells that name a stored version: a write re-reads them to find its row. */
export const REPORT_IDENTITY = ['orgId', 'period', 'version', 'submissionKey', 'seq'] as const;

/**
 * Rewrites a stored version (the admin's accept or return) under a new sequence number, on the
 * row that holds it now: found by its identity cells, re-read just before writing.
 * @param was the version as read earlier in this call (its row and identity)
 */
export function rewriteReport(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  was: StoredReport,
  report: StoredReport,
  key: string,
  deadlineDay: number,
  keepEditMark = false,
): StoredReport {
  const cells = encode(report, key, deadlineDay);
  // A row changed by hand stays flagged: its old (no longer matching) checksum is kept.
  if (keepEditMark) cells[cells.length - 1] = rowChecksumMismatch(cells[cells.length - 1]);
  const sheet = requireSheet(ss, REPORTS_LAYOUT);
  const row = locateRow(sheet, REPORTS_LAYOUT, was.row, identityOf(REPORTS_LAYOUT, REPORT_IDENTITY, was));
  writeRow(sheet, REPORTS_LAYOUT, row, cells);
  return { ...report, row, handEdited: keepEditMark };
}

/** A checksum that can never match: marks a row as changed outside the add-on. */
function rowChecksumMismatch(checksum: unknown): string {
  return 'изменено-вручную:' + String(checksum);
}

/**
 * Set-up, and a change of the deadline day in Settings: rewrites the «Срок сдачи» cells that differ
 * from timelinessOf (blank in older rows, stale, or typed over by hand) — one read and at most one
 * write of the column. Rows that no longer read as a month and a time are left alone.
 * @returns the cells rewritten
 */
export function refreshTimeliness(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, deadlineDay: number): number {
  const sheet = requireSheet(ss, REPORTS_LAYOUT);
  assertHeaders(sheet, REPORTS_LAYOUT);
  const rows = readTable(sheet, REPORTS_LAYOUT);
  const last = rows[rows.length - 1]?.row ?? 1;
  if (last < 2) return 0;
  const at = REPORTS_LAYOUT.columns.findIndex((c) => c.key === 'timeliness');
  const column = sheet.getRange(2, at + 1, last - 1, 1);
  const cells = column.getValues();
  let rewritten = 0;
  for (const r of rows) {
    const period = parsePeriod(r.values.period);
    const submittedAt = r.values.submittedAt;
    if (!period || typeof submittedAt !== 'string') continue;
    const want = timelinessOf({ period: periodKey(period), submittedAt }, deadlineDay);
    if (cells[r.row - 2]![0] === want) continue;
    cells[r.row - 2]![0] = want;
    rewritten++;
  }
  if (rewritten > 0) column.setValues(cells.map((c) => c.map(quoteAsText)));
  return rewritten;
}
