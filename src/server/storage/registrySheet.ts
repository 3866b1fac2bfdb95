// Layout and batched access of the «Реестр организаций» sheet: one row per organisation.
import {
  organisationFieldLabels as label,
  sheetNames,
  workbookHeaders,
  organisationTypeLabels,
} from '../../domain/messages';
import {
  organisationSchema,
  ORGANISATION_TYPES,
  type Organisation,
  type OrganisationType,
} from '../../domain/schemas/organisation';
import { normaliseEmail } from '../../domain/email';
import { quickOrganisation } from '../../domain/schemas/quickParse';
import { isSealed, sealedRow } from './rowSeal';
import { locateRow } from './rowIdentity';
import {
  appendRows,
  readColumn,
  readRows,
  readTable,
  requireSheet,
  writeRow,
  type TableLayout,
  type TableRow,
} from './table';

export const REGISTRY_LAYOUT: TableLayout = {
  sheetName: sheetNames.registry,
  columns: [
    { key: 'id', header: label.id, kind: 'text', width: 110 },
    { key: 'name', header: label.name, kind: 'text', width: 300 },
    {
      key: 'type',
      header: label.type,
      kind: 'text',
      width: 200,
      choices: ORGANISATION_TYPES.map((t) => organisationTypeLabels[t]),
    },
    { key: 'coordinatorName', header: label.coordinatorName, kind: 'text', width: 200 },
    { key: 'coordinatorPosition', header: label.coordinatorPosition, kind: 'text', width: 180 },
    { key: 'coordinatorEmails', header: label.coordinatorEmails, kind: 'emails', width: 220 },
    { key: 'coordinatorPhone', header: label.coordinatorPhone, kind: 'text', width: 140 },
    { key: 'appointmentOrderNumber', header: label.appointmentOrderNumber, kind: 'text', width: 120 },
    { key: 'appointmentOrderDate', header: label.appointmentOrderDate, kind: 'date', width: 120 },
    { key: 'orderCopyReceived', header: label.orderCopyReceived, kind: 'date', width: 120 },
    // Added with the organisation's life cycle: older sheets gain them on set-up or the first write.
    { key: 'reportsFrom', header: label.reportsFrom, kind: 'period', width: 120, optional: true },
    { key: 'closedOn', header: label.closedOn, kind: 'date', width: 110, optional: true },
    // The row's place in the sheet's sequence (sealed): a new number at every write by the add-on.
    { key: 'seq', header: workbookHeaders.seq, kind: 'int', hidden: true, optional: true },
    { key: 'checksum', header: workbookHeaders.checksum, kind: 'text', hidden: true },
  ],
};

/** An organisation as stored, with its row and whether the row was changed by hand. */
export interface RegistryEntry {
  organisation: Organisation;
  row: number;
  /** The sequence number sealed into the row (0: written before sequences existed). */
  seq: number;
  /** Checked when first asked (one checksum per entry asked: a coordinator's call asks of none). */
  readonly handEdited: boolean;
}

/** A registry row that no longer reads as an organisation (edited by hand). */
export interface DamagedRow {
  row: number;
  id: string;
}

const typeByLabel = new Map<string, OrganisationType>(ORGANISATION_TYPES.map((t) => [organisationTypeLabels[t], t]));

/** The organisation a row holds, as the schema reads it (through its exact shortcut when it can), or null. */
function storedOrganisation(values: Record<string, unknown>, type: unknown): Organisation | null {
  const quick = quickOrganisation(values, type);
  if (quick) return quick;
  const parsed = organisationSchema.safeParse({ ...values, type });
  return parsed.success ? parsed.data : null;
}

/** Parses registry rows (schema each; the checksum only when asked). */
function parseRows(rows: readonly TableRow[], key: string): { entries: RegistryEntry[]; damaged: DamagedRow[] } {
  const entries: RegistryEntry[] = [];
  const damaged: DamagedRow[] = [];
  for (const r of rows) {
    const organisation = storedOrganisation(r.values, typeByLabel.get(String(r.values.type)) ?? r.values.type);
    if (!organisation) {
      damaged.push({ row: r.row, id: String(r.values.id) });
      continue;
    }
    let edited: boolean | undefined;
    entries.push({
      organisation,
      row: r.row,
      seq: typeof r.values.seq === 'number' ? r.values.seq : 0,
      get handEdited() {
        edited ??= !isSealed(key, REGISTRY_LAYOUT, r);
        return edited;
      },
    });
  }
  return { entries, damaged };
}

/** Reads the whole registry in one call. */
export function readRegistry(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  key: string,
): { entries: RegistryEntry[]; damaged: DamagedRow[] } {
  return parseRows(readTable(requireSheet(ss, REGISTRY_LAYOUT), REGISTRY_LAYOUT), key);
}

/**
 * The entries whose `column` cell passes `wanted`, found through that one column and read and parsed
 * alone (no other row is read or checked). A row moved between the two reads (inserted or deleted by
 * hand) makes it the whole registry, once.
 */
function entriesWhere(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  key: string,
  column: 'id' | 'coordinatorEmails',
  wanted: (cell: unknown) => boolean,
): RegistryEntry[] {
  const sheet = requireSheet(ss, REGISTRY_LAYOUT);
  const rows: number[] = [];
  readColumn(sheet, REGISTRY_LAYOUT, column).forEach((cell, i) => {
    if (wanted(cell)) rows.push(i + 2);
  });
  if (rows.length === 0) return [];
  const read = readRows(sheet, REGISTRY_LAYOUT, rows, true);
  const held = read.length === rows.length && read.every((r) => wanted(r.values[column]));
  return parseRows(held ? read : readTable(sheet, REGISTRY_LAYOUT).filter((r) => wanted(r.values[column])), key)
    .entries;
}

/**
 * The organisations whose coordinator e-mails name `email` (the same person: src/domain/email.ts):
 * a coordinator's call does not read or check the other organisations.
 */
export function readCoordinatorEntries(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  key: string,
  email: string,
): RegistryEntry[] {
  const me = normaliseEmail(email);
  if (me === '') return [];
  return entriesWhere(
    ss,
    key,
    'coordinatorEmails',
    (cell) => Array.isArray(cell) && cell.some((c) => normaliseEmail(String(c)) === me),
  );
}

/**
 * The entry of one organisation by its code, reading only the code column and that row (null when
 * no row holds it); the first of several rows with the code, as the whole registry's find would.
 */
export function readOrganisationEntry(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  key: string,
  orgId: string,
): RegistryEntry | null {
  return (
    entriesWhere(ss, key, 'id', (cell) => String(cell).trim() === orgId).find((e) => e.organisation.id === orgId) ??
    null
  );
}

function encode(org: Organisation, seq: number, key: string): unknown[] {
  return sealedRow(REGISTRY_LAYOUT, { ...org, type: organisationTypeLabels[org.type], seq: seq || '' }, key);
}

/** Adds organisations at the end of the registry in one write, numbered from `firstSeq`. */
export function appendOrganisations(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  orgs: readonly Organisation[],
  key: string,
  firstSeq: number,
): number {
  return appendRows(
    requireSheet(ss, REGISTRY_LAYOUT),
    REGISTRY_LAYOUT,
    orgs.map((o, i) => encode(o, firstSeq === 0 ? 0 : firstSeq + i, key)),
  );
}

/** Rewrites one organisation under sequence number `seq`, on the row that holds it now (found by code and number). */
export function updateOrganisation(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  was: RegistryEntry,
  org: Organisation,
  key: string,
  seq: number,
): number {
  const sheet = requireSheet(ss, REGISTRY_LAYOUT);
  const row = locateRow(sheet, REGISTRY_LAYOUT, was.row, { id: was.organisation.id, seq: was.seq || '' });
  writeRow(sheet, REGISTRY_LAYOUT, row, encode(org, seq, key));
  return row;
}
