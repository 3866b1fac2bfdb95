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
import { isSealed, sealedRow } from './rowSeal';
import { appendRows, readTable, requireSheet, writeRow, type TableLayout } from './table';

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
    { key: 'checksum', header: workbookHeaders.checksum, kind: 'text', hidden: true },
  ],
};

/** An organisation as stored, with its row and whether the row was changed by hand. */
export interface RegistryEntry {
  organisation: Organisation;
  row: number;
  /** Checked when first asked (one checksum per entry asked: a coordinator's call asks of none). */
  readonly handEdited: boolean;
}

/** A registry row that no longer reads as an organisation (edited by hand). */
export interface DamagedRow {
  row: number;
  id: string;
}

const typeByLabel = new Map<string, OrganisationType>(ORGANISATION_TYPES.map((t) => [organisationTypeLabels[t], t]));

/** Reads the whole registry in one call. */
export function readRegistry(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  key: string,
): { entries: RegistryEntry[]; damaged: DamagedRow[] } {
  const entries: RegistryEntry[] = [];
  const damaged: DamagedRow[] = [];
  for (const r of readTable(requireSheet(ss, REGISTRY_LAYOUT), REGISTRY_LAYOUT)) {
    const values = { ...r.values, type: typeByLabel.get(String(r.values.type)) ?? r.values.type };
    const parsed = organisationSchema.safeParse(values);
    if (!parsed.success) {
      damaged.push({ row: r.row, id: String(r.values.id) });
      continue;
    }
    let edited: boolean | undefined;
    entries.push({
      organisation: parsed.data,
      row: r.row,
      get handEdited() {
        edited ??= !isSealed(key, REGISTRY_LAYOUT, r);
        return edited;
      },
    });
  }
  return { entries, damaged };
}

function encode(org: Organisation, key: string): unknown[] {
  return sealedRow(REGISTRY_LAYOUT, { ...org, type: organisationTypeLabels[org.type] }, key);
}

/** Adds organisations at the end of the registry in one write. */
export function appendOrganisations(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  orgs: readonly Organisation[],
  key: string,
): void {
  appendRows(
    requireSheet(ss, REGISTRY_LAYOUT),
    REGISTRY_LAYOUT,
    orgs.map((o) => encode(o, key)),
  );
}

/** Adds an organisation at the end of the registry. */
export function appendOrganisation(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, org: Organisation, key: string): void {
  appendOrganisations(ss, [org], key);
}

/** Rewrites one organisation's row. */
export function updateOrganisation(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  row: number,
  org: Organisation,
  key: string,
): void {
  writeRow(requireSheet(ss, REGISTRY_LAYOUT), REGISTRY_LAYOUT, row, encode(org, key));
}
