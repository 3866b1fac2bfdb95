// The hidden «Служебный индекс»: where each organisation's report versions are in «Отчёты», and per
// month the latest version of each organisation with a small aggregate, kept up to date under the
// lock on every write. Calls read one organisation's or one month's rows through it instead of the
// whole reports sheet. Each index cell is sealed; an index that is missing, sealed wrong or behind
// the reports sheet (rows added or removed by hand) reads as null: the caller then reads everything
// (as before) and the next write rebuilds it.
import { dueInstant } from '../../domain/deadline';
import { indexHeaders as h, sheetNames } from '../../domain/messages';
import { periodFromKey } from '../../domain/period';
import { DISTRICT_TOTAL_KEYS } from '../../domain/summary';
import type { ReportState } from '../../domain/schemas/report';
import { documentProperty, setDocumentProperty } from './documentProperties';
import { keyedDigest } from './rowSeal';
import { forgetBlocks, readBlockOnce, writeBlock } from './table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Columns: A organisation, B its versions, C seal; E month, F aggregate, G its seal, H–K entries, L their seal. */
const ORG_COL = 1;
const MONTH_COL = 5;
const CHUNKS = 4;
/** Sheets holds up to 50 000 characters in a cell; entries longer than this go on in the next cell. */
const CHUNK_CHARS = 45000;
const MONTH_WIDTH = 3 + CHUNKS + 1;
const META_PROPERTY = 'reportIndex';
export const INDEX_HEADER = [
  h.org,
  h.orgVersions,
  h.seal,
  '',
  h.month,
  h.monthTotals,
  h.seal,
  ...Array.from({ length: CHUNKS }, () => h.monthOrgs),
  h.seal,
];

const STATE_CODE: Record<ReportState, string> = { submitted: 's', accepted: 'a', returned: 'r' };
const STATE_OF: Record<string, ReportState> = { s: 'submitted', a: 'accepted', r: 'returned' };

/** One stored version as the index knows it. */
export interface VersionRef {
  period: string;
  version: number;
  state: ReportState;
  submittedAt: string;
  row: number;
  submissionKey: string;
}

/** An organisation's report of one month: its latest version and when it was first submitted. */
export interface MonthEntry {
  version: number;
  state: ReportState;
  firstSubmittedAt: string;
  reviewedAt: string | null;
  row: number;
  /** An earlier version of the month was accepted (a submitted latest version is a new one after it). */
  acceptedBefore: boolean;
  /** The latest version's district totals contribution (DistrictTotals order, see DISTRICT_TOTAL_KEYS). */
  totals: number[];
  /**
   * The latest version's chats for the set-up checklist: [staff chat 1/0, pupils' chats, parents'
   * chats] (STRUCTURE_FIGURES); null in an entry written before the index kept them.
   */
  structure: number[] | null;
}

/** How many figures an entry's structure holds (after its totals, in the same list). */
export const STRUCTURE_FIGURES = 3;

/** What the summary's trend and backlog need of a month, without its rows. */
export interface MonthAggregate {
  /** Organisations with a report (any state). */
  reported: number;
  /** Of those, first submitted by the deadline as Settings had it when the month was last written. */
  onTime: number;
  returned: number;
  totals: number[];
}

/** Written into the meta; an index of another format is not used (set-up or the next write rebuilds it). */
const INDEX_FORMAT = 2;

interface Meta {
  /** 2: month entries say whether an earlier version was accepted (state code in upper case). */
  format?: number;
  /** The reports sheet's last row when the index was last written. */
  reportRows: number;
  orgRows: number;
  monthRows: number;
  /** The months' keys in row order (from row 2): a month's row is found without reading column E. */
  months?: string[];
  /**
   * The organisations' codes in row order (from row 2): an organisation's row is found without reading
   * column A. Stored apart from the meta in properties of at most ORG_CHUNK characters each (a
   * property holds 9 KB; codes may be 50 characters long), written only when the list changes.
   */
  orgs?: string[];
  /**
   * Every month's aggregate (the trend's figures), kept in document properties beside the meta so
   * the summary and the district report read them with the properties they read anyway, not from the
   * sheet: chunks of at most ORG_CHUNK characters (≈100 characters a month), written with the meta
   * by the same `setProperties` (consistent with it). Properties are the add-on's own — users do not
   * edit them — so they need no seal; the sheet's column F keeps a sealed copy for an older meta.
   */
  aggs?: Record<string, MonthAggregate>;
}

const ORGS_PROPERTY = 'reportIndex.orgs.';
const AGGS_PROPERTY = 'reportIndex.aggs.';
const ORG_CHUNK = 8000;

/** The JSON value stored in `count` properties named `prefix` + 0, 1, …, or undefined when unreadable. */
function chunkedProperty<T>(prefix: string, count: number): T | undefined {
  if (count === 0) return undefined;
  const chunks = Array.from({ length: count }, (_, i) => documentProperty(prefix + i) ?? '');
  try {
    return JSON.parse(chunks.join('')) as T;
  } catch {
    return undefined;
  }
}

/** Stores `value` as JSON in properties of at most ORG_CHUNK characters; returns how many. */
function setChunkedProperty(prefix: string, value: unknown, write: boolean): number {
  const text = JSON.stringify(value);
  const count = Math.ceil(text.length / ORG_CHUNK);
  if (write)
    for (let i = 0; i < count; i++) setDocumentProperty(prefix + i, text.slice(i * ORG_CHUNK, (i + 1) * ORG_CHUNK));
  return count;
}

const sec = (iso: string): number => Math.round(Date.parse(iso) / 1000);
const iso = (s: number): string => new Date(s * 1000).toISOString();

function meta(): Meta | null {
  const text = documentProperty(META_PROPERTY);
  if (!text) return null;
  try {
    const m = JSON.parse(text) as Meta & { orgChunks?: number; aggChunks?: number };
    const orgs = chunkedProperty<string[]>(ORGS_PROPERTY, m.orgChunks ?? 0);
    const aggs = chunkedProperty<Record<string, MonthAggregate>>(AGGS_PROPERTY, m.aggChunks ?? 0);
    return {
      ...m,
      orgs: orgs && orgs.length === m.orgRows ? orgs : undefined,
      aggs: aggs && Object.keys(aggs).length === m.monthRows ? aggs : undefined,
    };
  } catch {
    return null;
  }
}

/**
 * Whether the index is current for a reports sheet of `reportRows` rows and its meta keeps every
 * month's aggregate (set-up rebuilds it when not; an older release's meta lacks the aggregates).
 */
export function indexIsCurrent(ss: Spreadsheet, reportRows: number): boolean {
  const at = current(ss, reportRows);
  return at !== null && (at.meta.monthRows === 0 || at.meta.aggs !== undefined);
}

/** Set-up: the hidden index sheet with its header; true when it was created. */
export function ensureIndexSheet(ss: Spreadsheet): { sheet: Sheet; created: boolean } {
  const existing = indexSheet(ss);
  if (existing) return { sheet: existing, created: false };
  const sheet = ss.insertSheet(sheetNames.index);
  knownSheet = sheet;
  if (sheet.getMaxColumns() < INDEX_HEADER.length)
    sheet.insertColumnsAfter(sheet.getMaxColumns(), INDEX_HEADER.length - sheet.getMaxColumns());
  sheet.getRange(1, 1, 1, INDEX_HEADER.length).setValues([INDEX_HEADER]).setFontWeight('bold');
  // Plain text: a month key such as 2023-11 must not become a date.
  sheet.getRange(1, 1, sheet.getMaxRows(), INDEX_HEADER.length).setNumberFormat('@');
  sheet.setFrozenRows(1);
  sheet.hideSheet();
  return { sheet, created: true };
}

/** The index sheet found this execution (each execution loads the script afresh). */
let knownSheet: Sheet | undefined;

/** The index sheet, when set-up made it. */
function indexSheet(ss: Spreadsheet): Sheet | null {
  knownSheet ??= ss.getSheetByName(sheetNames.index) ?? undefined;
  return knownSheet ?? null;
}

/** The index's state when it is current for a reports sheet of `reportRows` rows, else null. */
function current(ss: Spreadsheet, reportRows: number): { sheet: Sheet; meta: Meta } | null {
  const m = meta();
  if (!m || m.format !== INDEX_FORMAT || m.reportRows !== reportRows) return null;
  const sheet = indexSheet(ss);
  return sheet ? { sheet, meta: m } : null;
}

/** Makes the index sheet at least `rows` rows tall; new rows are plain text, as set-up made the first ones. */
function ensureRows(sheet: Sheet, rows: number): void {
  const max = sheet.getMaxRows();
  if (max >= rows) return;
  const add = Math.max(rows - max, 100);
  sheet.insertRowsAfter(max, add);
  sheet.getRange(max + 1, 1, add, INDEX_HEADER.length).setNumberFormat('@');
}

const seal = (key: string, name: string, text: string): string => keyedDigest(key, name + '\u001e' + text);

function joinChunks(cells: readonly unknown[]): string {
  return cells.map((c) => String(c ?? '')).join('');
}

function splitChunks(text: string): string[] {
  if (text.length > CHUNKS * CHUNK_CHARS) throw new Error('reportIndex: a month holds more entries than fit');
  return Array.from({ length: CHUNKS }, (_, i) => text.slice(i * CHUNK_CHARS, (i + 1) * CHUNK_CHARS));
}

/** Row of a month: from the meta's list when it has one, else from column E. */
function monthRowOf(sheet: Sheet, m: Meta, period: string): number {
  if (m.months && m.months.length === m.monthRows) {
    const i = m.months.indexOf(period);
    return i < 0 ? 0 : i + 2;
  }
  return rowOf(readKeys(sheet, MONTH_COL, m.monthRows), period);
}

/**
 * Row of an organisation: from the meta's list when it has one (the row's own code is checked when the
 * row is read: orgCells), else from column A.
 */
function orgRowOf(sheet: Sheet, m: Meta, orgId: string): number {
  if (m.orgs) {
    const i = m.orgs.indexOf(orgId);
    return i < 0 ? 0 : i + 2;
  }
  return rowOf(readKeys(sheet, ORG_COL, m.orgRows), orgId);
}

/**
 * The organisation's row [code, versions, seal] and its row number (0 when it has none): found through
 * the meta's list, or — when the list is missing or the row holds another code — through column A.
 */
function orgCells(sheet: Sheet, m: Meta, orgId: string): { row: number; cells: unknown[] } {
  const listed = orgRowOf(sheet, m, orgId);
  if (listed > 0) {
    const cells = readBlockOnce(sheet, listed, ORG_COL, 1, 3)[0]!;
    if (cells[0] === orgId) return { row: listed, cells };
  }
  // Not listed: no row yet (the list is written with the meta, in the same property write).
  if (m.orgs && listed === 0) return { row: 0, cells: [] };
  const row = rowOf(readKeys(sheet, ORG_COL, m.orgRows), orgId);
  return { row, cells: row > 0 ? readBlockOnce(sheet, row, ORG_COL, 1, 3)[0]! : [] };
}

/** Row of `name` in a key column read as [[key], …] (data from row 2), or 0. */
function rowOf(keys: readonly unknown[][], name: string): number {
  const i = keys.findIndex((k) => String(k[0]) === name);
  return i < 0 ? 0 : i + 2;
}

/** A key column (once per execution: a write reads the organisation's keys again after its read). */
function readKeys(sheet: Sheet, column: number, count: number): unknown[][] {
  return count > 0 ? readBlockOnce(sheet, 2, column, count, 1) : [];
}

/** The organisation's versions from the index, or null when the index cannot be trusted. */
export function readOrgIndex(ss: Spreadsheet, key: string, orgId: string, reportRows: number): VersionRef[] | null {
  const at = current(ss, reportRows);
  if (!at) return null;
  const { row, cells } = orgCells(at.sheet, at.meta, orgId);
  if (row === 0) return [];
  const [, text, stored] = cells;
  if (seal(key, orgId, String(text)) !== stored) return null;
  return decodeVersions(String(text));
}

function decodeVersions(text: string): VersionRef[] {
  const list = JSON.parse(text || '[]') as [string, number, string, number, number, string][];
  return list.map(([period, version, st, at, row, submissionKey]) => ({
    period,
    version,
    state: STATE_OF[st] ?? 'submitted',
    submittedAt: iso(at),
    row,
    submissionKey,
  }));
}

function encodeVersions(list: readonly VersionRef[]): string {
  return JSON.stringify(
    list.map((v) => [v.period, v.version, STATE_CODE[v.state], sec(v.submittedAt), v.row, v.submissionKey]),
  );
}

/** Every month's aggregate (no entries), or null when the index cannot be trusted. */
export function readMonthAggregates(
  ss: Spreadsheet,
  key: string,
  reportRows: number,
): Map<string, MonthAggregate> | null {
  const at = current(ss, reportRows);
  if (!at) return null;
  const out = new Map<string, MonthAggregate>();
  if (at.meta.monthRows === 0) return out;
  // Kept with the meta (a meta written before it had them: the sheet's sealed column).
  const { aggs, months } = at.meta;
  if (aggs && months && months.length === at.meta.monthRows && months.every((p) => aggs[p])) {
    for (const p of months) out.set(p, aggs[p]!);
    return out;
  }
  for (const [period, text, stored] of at.sheet.getRange(2, MONTH_COL, at.meta.monthRows, 3).getValues()) {
    if (seal(key, String(period), String(text)) !== stored) return null;
    out.set(String(period), JSON.parse(String(text)) as MonthAggregate);
  }
  return out;
}

/** One month's entries per organisation, or null when the index cannot be trusted. */
export function readMonthEntries(
  ss: Spreadsheet,
  key: string,
  period: string,
  reportRows: number,
): Map<string, MonthEntry> | null {
  return readMonthsEntries(ss, key, [period], reportRows)?.get(period) ?? null;
}

/** Months whose rows are at most this far apart are read in one call (the rows between come along). */
const NEARBY_MONTH_ROWS = 3;

/**
 * The entries of a few months (the summary's shown month and the one before), in one read when
 * their rows are near each other; null when the index cannot be trusted. A month without a row has
 * no entries.
 */
export function readMonthsEntries(
  ss: Spreadsheet,
  key: string,
  periods: readonly string[],
  reportRows: number,
): Map<string, Map<string, MonthEntry>> | null {
  const at = current(ss, reportRows);
  if (!at) return null;
  const out = new Map<string, Map<string, MonthEntry>>();
  const rows = periods.map((period) => ({ period, row: monthRowOf(at.sheet, at.meta, period) }));
  for (const { period, row } of rows) if (row === 0) out.set(period, new Map());
  const found = rows.filter((r) => r.row > 0);
  if (found.length === 0) return out;
  const first = Math.min(...found.map((r) => r.row));
  const last = Math.max(...found.map((r) => r.row));
  const together = last - first <= NEARBY_MONTH_ROWS;
  const block = together ? at.sheet.getRange(first, MONTH_COL + 3, last - first + 1, CHUNKS + 1).getValues() : [];
  for (const { period, row } of found) {
    const cells = together ? block[row - first]! : at.sheet.getRange(row, MONTH_COL + 3, 1, CHUNKS + 1).getValues()[0]!;
    const text = joinChunks(cells.slice(0, CHUNKS));
    if (seal(key, period, text) !== cells[CHUNKS]) return null;
    out.set(period, decodeEntries(text));
  }
  return out;
}

/** Every month's key and sealed entries text, in one read; null when untrusted (a seal does not fit). */
function allMonthTexts(ss: Spreadsheet, key: string, reportRows: number): { period: string; text: string }[] | null {
  const at = current(ss, reportRows);
  if (!at) return null;
  const m = at.meta;
  if (m.monthRows === 0) return [];
  const keys =
    m.months && m.months.length === m.monthRows ? m.months.map((k) => [k]) : readKeys(at.sheet, MONTH_COL, m.monthRows);
  const cells = at.sheet.getRange(2, MONTH_COL + 3, m.monthRows, CHUNKS + 1).getValues();
  const out: { period: string; text: string }[] = [];
  for (let i = 0; i < cells.length; i++) {
    const period = String(keys[i]![0]);
    const text = joinChunks(cells[i]!.slice(0, CHUNKS));
    if (seal(key, period, text) !== cells[i]![CHUNKS]) return null;
    out.push({ period, text });
  }
  return out;
}

/** Every month's entries (the reminders' view of which reports are owed), or null when untrusted. */
export function readAllMonthEntries(
  ss: Spreadsheet,
  key: string,
  reportRows: number,
): Map<string, Map<string, MonthEntry>> | null {
  const months = allMonthTexts(ss, key, reportRows);
  return months && new Map(months.map(({ period, text }) => [period, decodeEntries(text)]));
}

/**
 * Each organisation's entry of its most recent month (the set-up checklist), in one read; only
 * those entries are decoded. Null when the index cannot be trusted.
 */
export function readNewestEntries(
  ss: Spreadsheet,
  key: string,
  reportRows: number,
): Map<string, { period: string; entry: MonthEntry }> | null {
  const months = allMonthTexts(ss, key, reportRows);
  if (!months) return null;
  const out = new Map<string, { period: string; entry: MonthEntry }>();
  for (const { period, text } of months.sort((a, b) => b.period.localeCompare(a.period))) {
    const raw = JSON.parse(text || '{}') as Record<string, EncodedEntry>;
    for (const orgId of Object.keys(raw))
      if (!out.has(orgId)) out.set(orgId, { period, entry: decodeEntry(raw[orgId]!) });
  }
  return out;
}

type EncodedEntry = [number, string, number, number, number, ...number[]];

function decodeEntry([version, st, first, reviewed, row, ...figures]: EncodedEntry): MonthEntry {
  // The totals, then the structure (absent from entries written before it was kept).
  const totals = figures.slice(0, DISTRICT_TOTAL_KEYS.length);
  const rest = figures.slice(DISTRICT_TOTAL_KEYS.length);
  return {
    version,
    state: STATE_OF[st.toLowerCase()] ?? 'submitted',
    acceptedBefore: st !== st.toLowerCase(),
    firstSubmittedAt: iso(first),
    reviewedAt: reviewed > 0 ? iso(reviewed) : null,
    row,
    totals,
    structure: rest.length === STRUCTURE_FIGURES ? rest : null,
  };
}

function decodeEntries(text: string): Map<string, MonthEntry> {
  const raw = JSON.parse(text || '{}') as Record<string, EncodedEntry>;
  return new Map(Object.entries(raw).map(([orgId, encoded]) => [orgId, decodeEntry(encoded)]));
}

function encodeEntries(entries: ReadonlyMap<string, MonthEntry>): string {
  const raw: Record<string, EncodedEntry> = {};
  for (const [orgId, e] of entries) {
    raw[orgId] = [
      e.version,
      e.acceptedBefore ? STATE_CODE[e.state].toUpperCase() : STATE_CODE[e.state],
      sec(e.firstSubmittedAt),
      e.reviewedAt ? sec(e.reviewedAt) : 0,
      e.row,
      ...e.totals,
      ...(e.structure ?? []),
    ];
  }
  return JSON.stringify(raw);
}

function aggregate(period: string, entries: ReadonlyMap<string, MonthEntry>, deadlineDay: number): MonthAggregate {
  const dueMs = dueInstant(periodFromKey(period), deadlineDay).getTime();
  const totals = DISTRICT_TOTAL_KEYS.map(() => 0);
  let onTime = 0;
  let returned = 0;
  for (const e of entries.values()) {
    if (Date.parse(e.firstSubmittedAt) <= dueMs) onTime++;
    if (e.state === 'returned') returned++;
    e.totals.forEach((n, i) => {
      totals[i]! += n;
    });
  }
  return { reported: entries.size, onTime, returned, totals };
}

function monthCells(key: string, period: string, entries: ReadonlyMap<string, MonthEntry>, agg: MonthAggregate) {
  const aggText = JSON.stringify(agg);
  const text = encodeEntries(entries);
  return [period, aggText, seal(key, period, aggText), ...splitChunks(text), seal(key, period, text)];
}

/** A new or changed version, as a write records it in the index. */
export interface IndexChange {
  orgId: string;
  version: VersionRef;
  /** The month entry after the change (its latest version). */
  entry: MonthEntry;
}

/**
 * Records a stored or rewritten version (call under the lock, after the write). When the index was
 * not current before the write (`reportRowsBefore`), nothing is recorded and false is returned: the
 * caller rebuilds it.
 */
export function recordInIndex(
  ss: Spreadsheet,
  key: string,
  change: IndexChange,
  reportRowsBefore: number,
  reportRowsAfter: number,
  deadlineDay: number,
): boolean {
  const at = current(ss, reportRowsBefore);
  if (!at) return false;
  const { sheet, meta: m } = at;
  const found = orgCells(sheet, m, change.orgId);
  const orgRow = found.row || m.orgRows + 2;
  const monthRow = monthRowOf(sheet, m, change.version.period) || m.monthRows + 2;
  const [orgNow, monthCellsNow] = [
    found.row > 0 ? found.cells : ['', '', ''],
    monthRow <= m.monthRows + 1 ? sheet.getRange(monthRow, MONTH_COL + 3, 1, CHUNKS + 1).getValues()[0]! : [],
  ];
  if (orgRow > m.orgRows + 1 || monthRow > m.monthRows + 1) ensureRows(sheet, Math.max(orgRow, monthRow));
  const versionsText = String(orgNow[1] ?? '');
  const entriesText = joinChunks(monthCellsNow.slice(0, CHUNKS));
  if (orgNow[0] !== '' && seal(key, change.orgId, versionsText) !== orgNow[2]) return false;
  if (monthCellsNow.length > 0 && seal(key, change.version.period, entriesText) !== monthCellsNow[CHUNKS]) return false;
  const versions = decodeVersions(versionsText).filter(
    (v) => !(v.period === change.version.period && v.version === change.version.version),
  );
  versions.push(change.version);
  const entries = decodeEntries(entriesText);
  entries.set(change.orgId, change.entry);
  const text = encodeVersions(versions);
  writeBlock(sheet, orgRow, ORG_COL, [[change.orgId, text, seal(key, change.orgId, text)]]);
  const agg = aggregate(change.version.period, entries, deadlineDay);
  sheet.getRange(monthRow, MONTH_COL, 1, MONTH_WIDTH).setValues([monthCells(key, change.version.period, entries, agg)]);
  const months = m.months && m.months.length === m.monthRows ? [...m.months] : undefined;
  if (months && monthRow - 2 === months.length) months.push(change.version.period);
  // An index written before the list had it: the list from column A, read above to find the row.
  const orgs = m.orgs ? [...m.orgs] : readKeys(sheet, ORG_COL, m.orgRows).map((k) => String(k[0]));
  if (orgRow - 2 === orgs.length) orgs.push(change.orgId);
  writeMeta(
    {
      reportRows: reportRowsAfter,
      orgRows: Math.max(m.orgRows, orgRow - 1),
      monthRows: Math.max(m.monthRows, monthRow - 1),
      months,
      orgs,
      // Only with every month's (a meta without them keeps the sheet's until the next rebuild).
      aggs: m.aggs || m.monthRows === 0 ? { ...m.aggs, [change.version.period]: agg } : undefined,
    },
    m.orgs,
  );
  return true;
}

/** Writes the meta, and the organisations' list when it differs from `orgsBefore` (in chunks). */
function writeMeta(m: Meta, orgsBefore?: readonly string[]): void {
  const { orgs, aggs, ...rest } = m;
  const changed = !orgsBefore || !orgs || orgs.length !== orgsBefore.length;
  const orgChunks = orgs ? setChunkedProperty(ORGS_PROPERTY, orgs, changed) : 0;
  const aggChunks = aggs ? setChunkedProperty(AGGS_PROPERTY, aggs, true) : 0;
  setDocumentProperty(META_PROPERTY, JSON.stringify({ ...rest, orgChunks, aggChunks, format: INDEX_FORMAT }));
}

/** Everything the index is rebuilt from: every version read from the reports sheet. */
export interface IndexSource {
  orgId: string;
  version: VersionRef;
  reviewedAt: string | null;
  totals: number[];
  structure: number[];
}

/**
 * Rewrites the whole index from every version (set-up, or a write that found it stale). Returns
 * false when the index sheet does not exist yet (set-up makes it).
 */
export function rebuildIndex(
  ss: Spreadsheet,
  key: string,
  sources: readonly IndexSource[],
  reportRows: number,
  deadlineDay: number,
): boolean {
  const sheet = indexSheet(ss);
  if (!sheet) return false;
  const byOrg = new Map<string, VersionRef[]>();
  const byMonth = new Map<string, Map<string, MonthEntry>>();
  for (const s of sources) {
    const v = s.version;
    byOrg.set(s.orgId, [...(byOrg.get(s.orgId) ?? []), v]);
    const month = byMonth.get(v.period) ?? new Map<string, MonthEntry>();
    byMonth.set(v.period, month);
    const known = month.get(s.orgId);
    const first =
      known && Date.parse(known.firstSubmittedAt) < Date.parse(v.submittedAt) ? known.firstSubmittedAt : v.submittedAt;
    if (!known || v.version > known.version) {
      const { version, state, row } = v;
      const acceptedBefore = false;
      month.set(s.orgId, {
        version,
        state,
        firstSubmittedAt: first,
        reviewedAt: s.reviewedAt,
        row,
        acceptedBefore,
        totals: s.totals,
        structure: s.structure,
      });
    } else known.firstSubmittedAt = first;
  }
  for (const [period, month] of byMonth)
    for (const [orgId, e] of month)
      e.acceptedBefore = (byOrg.get(orgId) ?? []).some(
        (v) => v.period === period && v.version < e.version && v.state === 'accepted',
      );
  const orgRows = [...byOrg].map(([orgId, list]) => {
    const text = encodeVersions(list);
    return [orgId, text, seal(key, orgId, text)];
  });
  const aggs: Record<string, MonthAggregate> = {};
  const monthRows = [...byMonth]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([p, e]) => {
      aggs[p] = aggregate(p, e, deadlineDay);
      return monthCells(key, p, e, aggs[p]);
    });
  ensureRows(sheet, Math.max(orgRows.length, monthRows.length) + 1);
  forgetBlocks(sheet);
  const last = sheet.getLastRow();
  if (last > 1) sheet.getRange(2, 1, last - 1, INDEX_HEADER.length).clearContent();
  if (orgRows.length > 0) sheet.getRange(2, ORG_COL, orgRows.length, 3).setValues(orgRows);
  if (monthRows.length > 0) sheet.getRange(2, MONTH_COL, monthRows.length, MONTH_WIDTH).setValues(monthRows);
  writeMeta({
    reportRows,
    orgRows: orgRows.length,
    monthRows: monthRows.length,
    months: monthRows.map((cells) => String(cells[0])),
    orgs: orgRows.map((cells) => String(cells[0])),
    aggs,
  });
  return true;
}
