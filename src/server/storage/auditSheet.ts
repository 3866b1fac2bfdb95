// Layout of the «Журнал изменений» sheet: append-only, each row chained to the one before by a hash.
import { sheetNames, workbookHeaders as h } from '../../domain/messages';
import { sha256Hex } from '../../domain/sha256';
import { advanceAnchors, type Anchors } from './anchors';
import { canonicalRow } from './rowSeal';
import { appendRows, assertHeaders, encodeRows, readTable, requireSheet, type TableLayout } from './table';

export const AUDIT_LAYOUT: TableLayout = {
  sheetName: sheetNames.audit,
  columns: [
    { key: 'at', header: h.auditAt, kind: 'datetime', width: 140 },
    { key: 'user', header: h.auditUser, kind: 'text', width: 200 },
    { key: 'action', header: h.auditAction, kind: 'text', width: 200 },
    { key: 'orgId', header: h.auditOrg, kind: 'text', width: 110 },
    { key: 'period', header: h.auditPeriod, kind: 'text', width: 90 },
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

/** Hash of an entry's cells chained to the previous hash (keyed, so a hand-made row cannot fit in). */
function chainHash(key: string, prevHash: string, cells: readonly unknown[]): string {
  return sha256Hex(key + '\u001e' + prevHash + '\u001e' + canonicalRow(AUDIT_LAYOUT, cells));
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
  const last = sheet.getLastRow();
  let prev = last >= 2 ? String(sheet.getRange(last, AUDIT_LAYOUT.columns.length).getValue()) : GENESIS;
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
  let prev = GENESIS;
  let expectedRow = 2;
  let brokenAtRow: number | null = null;
  for (const r of table) {
    const body = r.cells.slice(0, -2);
    if (
      brokenAtRow === null &&
      (r.row !== expectedRow || r.values.prevHash !== prev || chainHash(key, prev, body) !== r.values.hash)
    ) {
      brokenAtRow = r.row;
    }
    prev = String(r.values.hash);
    expectedRow++;
  }
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

/** First row where the chain breaks (edited, inserted or deleted by hand), or null when intact. */
export function verifyAuditChain(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  key: string,
): { brokenAtRow: number | null; entries: number } {
  const { rows, brokenAtRow } = readAudit(ss, key);
  return { brokenAtRow, entries: rows.length };
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
