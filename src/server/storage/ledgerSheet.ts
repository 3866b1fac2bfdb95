// Layout and batched access of the «Журнал напоминаний» sheet: one row per reminder e-mail, claimed
// («отправляется») before it is sent and confirmed after, so a run that dies never sends it twice.
// An organisation's repeated overdue notice is one row too: its period cell lists the months.
import {
  ledgerTexts,
  organisationFieldLabels,
  reportFieldLabels,
  sheetNames,
  workbookHeaders as h,
} from '../../domain/messages';
import { advanceAnchors } from './anchors';
import { quoteAsText } from './cells';
import { documentProperty, setDocumentProperty } from './documentProperties';
import { isSealed, rowChecksum, sealedRow } from './rowSeal';
import { appendRows, assertHeaders, lastRowOf, readRows, requireSheet, type TableLayout, type TableRow } from './table';

export const LEDGER_LAYOUT: TableLayout = {
  sheetName: sheetNames.ledger,
  columns: [
    { key: 'orgId', header: organisationFieldLabels.id, kind: 'text', width: 110 },
    // «ноябрь 2023», or the months a repeated notice lists (sealed as keys, like report rows); the
    // hidden id keeps keys: it is technical.
    { key: 'period', header: reportFieldLabels.period, kind: 'periods', width: 200 },
    { key: 'kind', header: h.ledgerKind, kind: 'text', width: 170 },
    { key: 'recipient', header: h.ledgerRecipient, kind: 'text', width: 240 },
    { key: 'sentAt', header: h.ledgerSentAt, kind: 'datetime', width: 140 },
    { key: 'status', header: ledgerTexts.status, kind: 'text', width: 200 },
    { key: 'id', header: ledgerTexts.id, kind: 'text', width: 260, hidden: true },
    // Keyed like report rows: a row typed or changed by hand does not count as an e-mail sent.
    { key: 'checksum', header: h.checksum, kind: 'text', hidden: true, optional: true },
  ],
};

/** Where a reminder stands in the ledger. */
export type LedgerState = 'sending' | 'sent' | 'deferred' | 'failed' | 'unknown';

export interface LedgerEntry {
  id: string;
  orgId: string;
  period: string;
  kind: string;
  recipient: string;
  /** ISO time of the claim (the e-mail goes out seconds later). */
  sentAt: string | null;
  state: LedgerState;
  row: number;
  /** The row matches its checksum (written by the add-on, unchanged since). */
  sealed: boolean;
}

const STATUS_AT = LEDGER_LAYOUT.columns.findIndex((c) => c.key === 'status');

function stateOf(status: string): LedgerState {
  if (status === ledgerTexts.sending) return 'sending';
  if (status === ledgerTexts.deferred || status === ledgerTexts.deferredQuota) return 'deferred';
  if (status.startsWith(ledgerTexts.failed(''))) return 'failed';
  if (status === ledgerTexts.sent) return 'sent';
  return 'unknown';
}

/** Document property: the first ledger row of the window the runs read (rows are appended in time order). */
const WINDOW_PROPERTY = 'reminders.ledgerFrom';

/**
 * The ledger rows claimed since `sinceMs` (and any later rows), in one read starting at the row
 * remembered from the last run, so a run reads a few weeks of rows whatever the deployment's age.
 * Older rows stay in the sheet for the record. Call under the document lock (it moves the window).
 * Only a sealed row with a known status counts: a status typed by hand, or a row forged or changed
 * in the grid, sends nothing and stops nothing.
 */
export function readLedger(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, key: string, sinceMs = 0): LedgerEntry[] {
  const sheet = requireSheet(ss, LEDGER_LAYOUT);
  const last = lastRowOf(sheet);
  const from = Math.min(Math.max(2, Number(documentProperty(WINDOW_PROPERTY) ?? '2') || 2), last + 1);
  const rows = readRows(
    sheet,
    LEDGER_LAYOUT,
    Array.from({ length: Math.max(0, last - from + 1) }, (_, i) => from + i),
  );
  const entries = rows.map((r) => toEntry(r, key));
  // The window starts at the first row claimed since `sinceMs`; rows without a time keep it where it is.
  const firstRecent = entries.find((e) => e.sentAt === null || Date.parse(e.sentAt) >= sinceMs);
  const start = firstRecent?.row ?? last + 1;
  if (start > from) setDocumentProperty(WINDOW_PROPERTY, String(start));
  return entries.filter((e) => e.row >= start);
}

function toEntry(r: TableRow, key: string): LedgerEntry {
  {
    const v = r.values;
    return {
      id: String(v.id),
      orgId: String(v.orgId),
      period: String(v.period),
      kind: String(v.kind),
      recipient: String(v.recipient),
      sentAt: typeof v.sentAt === 'string' ? v.sentAt : null,
      state: stateOf(String(v.status)),
      row: r.row,
      sealed: isSealed(key, LEDGER_LAYOUT, r),
    };
  }
}

/** Rows of e-mails that went out or may have: sent, or claimed by a run (which may have sent before dying). */
export function blockingEntries(entries: readonly LedgerEntry[]): LedgerEntry[] {
  return entries.filter((e) => e.sealed && e.id !== '' && (e.state === 'sent' || e.state === 'sending'));
}

export interface LedgerClaim {
  id: string;
  orgId: string;
  period: string;
  kind: string;
  recipients: readonly string[];
  at: string;
}

/** Appends claims («отправляется») in one write, sealed; returns the first row written. */
export function appendClaims(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  claims: readonly LedgerClaim[],
  key: string,
): number {
  const cells = claims.map((c) =>
    sealedRow(
      LEDGER_LAYOUT,
      {
        orgId: c.orgId,
        period: c.period,
        kind: c.kind,
        recipient: c.recipients.join(', '),
        sentAt: c.at,
        status: ledgerTexts.sending,
        id: c.id,
      },
      key,
    ),
  );
  const first = appendRows(requireSheet(ss, LEDGER_LAYOUT), LEDGER_LAYOUT, cells);
  advanceAnchors({ ledger: { rows: first - 2 + cells.length, seq: 0, hash: '' } });
  return first;
}

/**
 * Writes the final status of claims appended at `firstRow`, re-sealed, in one read and one write;
 * the ids are checked first, so rows moved by hand in between are left alone.
 * @returns false when the block no longer holds these claims
 */
export function settleClaims(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  firstRow: number,
  ids: readonly string[],
  statuses: readonly string[],
  key: string,
): boolean {
  if (ids.length === 0) return true;
  const sheet = requireSheet(ss, LEDGER_LAYOUT);
  assertHeaders(sheet, LEDGER_LAYOUT);
  const idAt = LEDGER_LAYOUT.columns.findIndex((c) => c.key === 'id');
  const range = sheet.getRange(firstRow, 1, ids.length, LEDGER_LAYOUT.columns.length);
  const current = range.getValues();
  if (current.some((row, i) => String(row[idAt]) !== ids[i])) return false;
  range.setValues(
    current.map((row, i) => {
      const cells = [...row.slice(0, STATUS_AT), statuses[i], ...row.slice(STATUS_AT + 1, -1)];
      return [...cells, rowChecksum(key, LEDGER_LAYOUT, cells)].map(quoteAsText);
    }),
  );
  return true;
}
