// Layout of the «Журнал изменений» sheet: append-only, each row chained to the one before by a hash.
import { sheetNames, workbookHeaders as h } from '../../domain/messages';
import { advanceAnchors, readAnchors, type Anchors } from './anchors';
import { canonicalRow, isLegacyDigest, keyedDigest, legacyDigest } from './rowSeal';
import { commitDocumentProperties, documentProperty, setDocumentProperty } from './documentProperties';
import {
  appendRows,
  assertHeaders,
  encodeRows,
  lastRowOf,
  readRows,
  readTable,
  requireSheet,
  type TableLayout,
  type TableRow,
} from './table';

export const AUDIT_LAYOUT: TableLayout = {
  sheetName: sheetNames.audit,
  columns: [
    { key: 'at', header: h.auditAt, kind: 'datetime', width: 140 },
    { key: 'user', header: h.auditUser, kind: 'text', width: 200 },
    { key: 'action', header: h.auditAction, kind: 'text', width: 200 },
    { key: 'orgId', header: h.auditOrg, kind: 'text', width: 110 },
    // «ноябрь 2023»; the chain hashes the month's key (rowSeal.canonicalRow), so older entries
    // holding 2023-11 still verify, and set-up may rewrite them in words without breaking the chain.
    { key: 'period', header: h.auditPeriod, kind: 'period', width: 110 },
    { key: 'before', header: h.auditBefore, kind: 'text', width: 300 },
    { key: 'after', header: h.auditAfter, kind: 'text', width: 300 },
    // Which sealed row the entry wrote (see auditRefs): report and registry rows are checked against it.
    { key: 'ref', header: h.auditRef, kind: 'text', hidden: true, optional: true },
    { key: 'prevHash', header: h.auditPrevHash, kind: 'text', hidden: true },
    { key: 'hash', header: h.auditHash, kind: 'text', hidden: true },
  ],
};

/** What one audit entry says: when, who, what, on which organisation and month, before → after. */
export interface AuditEntry {
  at: string;
  user: string;
  action: string;
  orgId: string;
  period: string;
  before: string;
  after: string;
  /** The sealed row this entry wrote (reportRef / registryRef), '' for none. */
  ref?: string;
}

const GENESIS = '0'.repeat(64);

/** Hash of an entry's cells chained to the previous hash (an HMAC, so a hand-made row cannot fit in). */
function chainHash(key: string, prevHash: string, cells: readonly unknown[]): string {
  return keyedDigest(key, prevHash + '\u001e' + canonicalRow(AUDIT_LAYOUT, cells), 32);
}

/** Whether a stored hash fits its cells: an HMAC, or the first release's SHA-256 (rows kept as they are). */
function hashMatches(key: string, prevHash: string, cells: readonly unknown[], stored: unknown): boolean {
  if (isLegacyDigest(stored))
    return legacyDigest(key, prevHash + '\u001e' + canonicalRow(AUDIT_LAYOUT, cells), 64) === stored;
  return chainHash(key, prevHash, cells) === stored;
}

/**
 * Appends entries, chaining each to the last row's hash (reads one cell, writes one block), then
 * moves the audit's anchor — and `alsoAnchor`, the anchors of the rows the entries describe — in
 * one write of document properties: the entries are the commit of the operation they record.
 */
export function appendAudit(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  entries: readonly AuditEntry[],
  key: string,
  alsoAnchor: Anchors = {},
): void {
  if (entries.length === 0) return;
  const sheet = requireSheet(ss, AUDIT_LAYOUT);
  assertHeaders(sheet, AUDIT_LAYOUT);
  const last = lastRowOf(sheet);
  // The anchor holds the last row's hash when no row came after it (one read saved per write).
  const anchor = readAnchors()?.audit;
  let prev =
    last < 2
      ? GENESIS
      : anchor && anchor.rows === last - 1 && anchor.hash !== ''
        ? anchor.hash
        : String(sheet.getRange(last, AUDIT_LAYOUT.columns.length).getValue());
  const rows = encodeRows(
    AUDIT_LAYOUT,
    entries.map((e) => ({ ...e, ref: e.ref ?? '', prevHash: '', hash: '' })),
  ).map((cells) => {
    const body = cells.slice(0, -2);
    const hash = chainHash(key, prev, body);
    const row = [...body, prev, hash];
    prev = hash;
    return row;
  });
  const first = appendRows(sheet, AUDIT_LAYOUT, rows);
  advanceAnchors({ ...alsoAnchor, audit: { rows: first - 1 + rows.length - 1, seq: 0, hash: prev } });
  // The commit: the anchors, with whatever the operation held back (the index's meta), in one write.
  commitDocumentProperties();
}

/** One audit row as the integrity checks need it. */
export interface AuditRow {
  row: number;
  action: string;
  orgId: string;
  period: string;
  ref: string;
  hash: string;
}

/** The audit in one read: its rows, the first row where the chain breaks (or null). */
export function readAudit(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  key: string,
): { rows: AuditRow[]; brokenAtRow: number | null } {
  const table = readTable(requireSheet(ss, AUDIT_LAYOUT), AUDIT_LAYOUT);
  const brokenAtRow = firstBreak(key, table, GENESIS, 2);
  const rows = table.map((r) => ({
    row: r.row,
    action: String(r.values.action),
    orgId: String(r.values.orgId),
    period: String(r.values.period),
    ref: String(r.values.ref ?? ''),
    hash: String(r.values.hash),
  }));
  return { rows, brokenAtRow };
}

/** Rows read per step when the audit is searched from its end. */
const TAIL_STEP = 200;

/**
 * Whether the audit holds an entry for `ref`, searched from the end back to the rows written before
 * `since` (entries are appended in time order under the lock): a retry of a call cut short looks for
 * its own entry, written moments after `since`, without reading the whole log.
 * @param since the time the entry would carry (the row's submission or review time)
 */
export function auditHasRefSince(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, ref: string, since: string): boolean {
  const sheet = requireSheet(ss, AUDIT_LAYOUT);
  const from = Date.parse(since);
  for (let end = lastRowOf(sheet); end >= 2; end -= TAIL_STEP) {
    const start = Math.max(2, end - TAIL_STEP + 1);
    const rows = readRows(
      sheet,
      AUDIT_LAYOUT,
      Array.from({ length: end - start + 1 }, (_, i) => start + i),
    );
    if (rows.some((r) => r.values.ref === ref)) return true;
    // Older than `since` (a minute's slack for clocks): the entry, if written, would be below.
    if (rows.some((r) => Date.parse(String(r.values.at)) < from - 60_000)) return false;
  }
  return false;
}

/** First row of `rows` where the chain from `prev` (expected at `firstRow`) breaks, or null. */
function firstBreak(key: string, rows: readonly TableRow[], prev: string, firstRow: number): number | null {
  let expectedRow = firstRow;
  for (const r of rows) {
    const body = r.cells.slice(0, -2);
    if (r.row !== expectedRow || r.values.prevHash !== prev || !hashMatches(key, prev, body, r.values.hash))
      return r.row;
    prev = String(r.values.hash);
    expectedRow++;
  }
  return null;
}

/** Document property: the last audit row verified (and its hash), where the next check goes on from. */
const VERIFIED_PROPERTY = 'audit.verified';

/** A verified position of the chain: a row and the hash it had (row 1 and the genesis hash: nothing yet). */
export interface AuditPosition {
  row: number;
  hash: string;
}

export const AUDIT_START: AuditPosition = { row: 1, hash: GENESIS };

/**
 * Checks the rows after `from` (whose hash must still be the one remembered), at most `maxRows` of
 * them: the first broken row or null, and the last intact row checked (`from` when none).
 */
export function verifyAuditFrom(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  key: string,
  from: AuditPosition,
  maxRows = Number.POSITIVE_INFINITY,
): { broken: number | null; position: AuditPosition } {
  const sheet = requireSheet(ss, AUDIT_LAYOUT);
  const last = Math.min(lastRowOf(sheet), from.row + maxRows);
  if (last < from.row) return { broken: last + 1, position: from };
  const rows = readRows(
    sheet,
    AUDIT_LAYOUT,
    Array.from({ length: last - from.row + 1 }, (_, i) => from.row + i).filter((r) => r >= 2),
  );
  const known = rows[0];
  if (from.row >= 2 && (known?.row !== from.row || known.values.hash !== from.hash))
    return { broken: from.row, position: from };
  const fresh = from.row >= 2 ? rows.slice(1) : rows;
  const broken = firstBreak(key, fresh, from.hash, from.row + 1);
  const end = fresh[fresh.length - 1];
  const position = broken === null && end ? { row: end.row, hash: String(end.values.hash) } : from;
  return { broken, position };
}

/**
 * The summary's own check of the change log when no reminder run checks it (reminders off or
 * stopped; see reminders/auditWatch.ts): only the rows appended since the last verified one, so it
 * costs the same whatever the log's age; the whole chain is checked by «Проверить изменения
 * вручную». Remembers the new position when intact (a document property; no lock needed: an older
 * position written by a slower call only means more rows checked next time).
 * @returns the first broken row, or null
 */
export function verifyAuditChainSince(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, key: string): number | null {
  let from = AUDIT_START;
  try {
    from = { ...from, ...(JSON.parse(documentProperty(VERIFIED_PROPERTY) ?? '{}') as AuditPosition) };
  } catch {
    // An unreadable position: check from the start.
  }
  const { broken, position } = verifyAuditFrom(ss, key, from);
  if (broken === null && position.row !== from.row) setDocumentProperty(VERIFIED_PROPERTY, JSON.stringify(position));
  return broken;
}

/** What an audit entry wrote: a report row (sequence number, version, state) or a registry row. */
export const auditRefs = {
  report: (seq: number, version: number, state: string): string => `R:${seq}:${version}:${state}`,
  registry: (seq: number): string => `O:${seq}`,
  parseReport(ref: string): { seq: number; version: number; state: string } | null {
    const m = /^R:(\d+):(\d+):([a-z]+)$/.exec(ref);
    return m ? { seq: Number(m[1]), version: Number(m[2]), state: m[3]! } : null;
  },
  parseRegistry(ref: string): number | null {
    const m = /^O:(\d+)$/.exec(ref);
    return m ? Number(m[1]) : null;
  },
};
