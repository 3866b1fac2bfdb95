// Layout of the «Журнал изменений» sheet: append-only, each row chained to the one before by a hash.
import { sheetNames, workbookHeaders as h } from '../../domain/messages';
import { canonicalRow, isLegacyDigest, keyedDigest, legacyDigest } from './rowSeal';
import { appendRows, encodeRows, readTable, requireSheet, type TableLayout } from './table';

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

/** Appends entries, chaining each to the last row's hash (reads one cell, writes one block). */
export function appendAudit(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  entries: readonly AuditEntry[],
  key: string,
): void {
  if (entries.length === 0) return;
  const sheet = requireSheet(ss, AUDIT_LAYOUT);
  const last = sheet.getLastRow();
  let prev = last >= 2 ? String(sheet.getRange(last, AUDIT_LAYOUT.columns.length).getValue()) : GENESIS;
  const rows = encodeRows(
    AUDIT_LAYOUT,
    entries.map((e) => ({ ...e, prevHash: '', hash: '' })),
  ).map((cells) => {
    const body = cells.slice(0, -2);
    const hash = chainHash(key, prev, body);
    const row = [...body, prev, hash];
    prev = hash;
    return row;
  });
  appendRows(sheet, AUDIT_LAYOUT, rows);
}

/** First row where the chain breaks (edited, inserted or deleted by hand), or null when intact. */
export function verifyAuditChain(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  key: string,
): { brokenAtRow: number | null; entries: number } {
  const rows = readTable(requireSheet(ss, AUDIT_LAYOUT), AUDIT_LAYOUT);
  let prev = GENESIS;
  let expectedRow = 2;
  for (const r of rows) {
    const body = r.cells.slice(0, -2);
    if (r.row !== expectedRow || r.values.prevHash !== prev || !hashMatches(key, prev, body, r.values.hash)) {
      return { brokenAtRow: r.row, entries: rows.length };
    }
    prev = String(r.values.hash);
    expectedRow++;
  }
  return { brokenAtRow: null, entries: rows.length };
}
