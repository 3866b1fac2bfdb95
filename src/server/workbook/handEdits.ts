// What changed in the grid bypassing the add-on: report and registry rows whose checksum no
// longer matches, rows that no longer read at all, a broken audit chain, and (crossCheck) rows
// deleted, replayed, duplicated or truncated.
import { mirrorFindings } from './mirrorRows';
import { integrityMessages } from '../../domain/messages';
import { monthsInWords } from '../../domain/period';
import { requireAdmin } from '../access/roles';
import { alertError } from '../errors/userError';
import { readAnchors } from '../storage/anchors';
import { AUDIT_LAYOUT, readAudit } from '../storage/auditSheet';
import { LEDGER_LAYOUT, readLedger } from '../storage/ledgerSheet';
import {
  readReports,
  reportRowCount,
  timelinessOf,
  type DamagedReportRow,
  type StoredReport,
} from '../storage/reportsSheet';
import { lastRowOf, requireSheet } from '../storage/table';
import { anchorCheck, crossCheck } from './crossCheck';
import { openWorkbook, type Workbook } from './workbook';

export interface IntegrityFindings {
  handEditedReports: { row: number; orgId: string; period: string; version: number }[];
  damagedReportRows: { row: number; orgId: string; period: string }[];
  handEditedRegistryRows: { row: number; orgId: string }[];
  damagedRegistryRows: { row: number; id: string }[];
  auditBrokenAtRow: number | null;
  /** «Срок сдачи» cells that differ from what the add-on computes (typed over by hand), in Russian. */
  timeliness: string[];
  /** Deleted, replayed, duplicated, truncated, interrupted or forged rows (crossCheck), in Russian. */
  crossCheck: string[];
}

const lastPosition = (rows: readonly { row: number }[]): number => Math.max(0, ...rows.map((r) => r.row - 1));

/** Report and registry rows changed by hand or no longer readable, among the rows given. */
function rowFindings(
  wb: Workbook,
  reports: readonly StoredReport[],
  damaged: readonly DamagedReportRow[],
): Omit<IntegrityFindings, 'auditBrokenAtRow' | 'crossCheck'> {
  const due = (r: StoredReport): string => timelinessOf(r, wb.settings.deadlineDay);
  return {
    handEditedReports: reports
      .filter((r) => r.handEdited)
      .map((r) => ({ row: r.row, orgId: r.orgId, period: r.period, version: r.version })),
    damagedReportRows: [...damaged],
    handEditedRegistryRows: wb.registry
      .filter((e) => e.handEdited)
      .map((e) => ({ row: e.row, orgId: e.organisation.id })),
    damagedRegistryRows: wb.damagedRegistryRows,
    // Blank cells are not named: older rows have none until set-up fills them in.
    timeliness: reports
      .filter((r) => r.timelinessCell && r.timelinessCell !== due(r))
      .map((r) =>
        integrityMessages.timelinessWrong(
          r.row,
          r.orgId,
          monthsInWords(r.period),
          r.version,
          r.timelinessCell ?? '',
          due(r),
        ),
      ),
  };
}

/** Checks the rows already read (every report row), the whole audit, the ledger and the anchors. */
function integrityFindings(
  wb: Workbook,
  reports: readonly StoredReport[],
  damaged: readonly DamagedReportRow[],
): IntegrityFindings {
  const audit = readAudit(wb.ss, wb.key);
  const ledger = readLedger(wb.ss, wb.key);
  return {
    ...rowFindings(wb, reports, damaged),
    auditBrokenAtRow: audit.brokenAtRow,
    crossCheck: crossCheck({
      reports,
      registry: wb.registry,
      audit,
      ledger,
      anchors: readAnchors(),
      lastPositions: {
        reports: Math.max(lastPosition(reports), lastPosition(damaged)),
        registry: Math.max(lastPosition(wb.registry), lastPosition(wb.damagedRegistryRows)),
        ledger: lastPosition(ledger),
      },
    }),
  };
}

/**
 * The summary's check, limited to what it reads anyway (one month's rows through the index, the
 * registry, the audit rows since the last verified one) plus each sheet's last row against its
 * anchor (deleted rows, a truncated audit): a few cells, whatever the workbook's size. Replays and
 * rows missing from the audit need every row: «Проверить изменения вручную» names them.
 */
export function summaryFindings(
  wb: Workbook,
  reports: readonly StoredReport[],
  damaged: readonly DamagedReportRow[],
  auditBrokenAtRow: number | null,
): IntegrityFindings {
  const lastOf = (sheet: GoogleAppsScript.Spreadsheet.Sheet) => Math.max(0, lastRowOf(sheet) - 1);
  return {
    ...rowFindings(wb, reports, damaged),
    auditBrokenAtRow,
    crossCheck: anchorCheck(
      {
        anchors: readAnchors(),
        lastPositions: {
          reports: Math.max(0, reportRowCount(wb.ss) - 1),
          registry: Math.max(lastPosition(wb.registry), lastPosition(wb.damagedRegistryRows)),
          ledger: lastOf(requireSheet(wb.ss, LEDGER_LAYOUT)),
        },
      },
      lastOf(requireSheet(wb.ss, AUDIT_LAYOUT)),
    ),
  };
}

/** Checks every report, registry, audit and ledger row (four reads). */
export function findIntegrityProblems(wb: Workbook): IntegrityFindings {
  const { reports, damaged } = readReports(wb.ss, wb.key);
  return integrityFindings(wb, reports, damaged);
}

/** Russian lines describing the findings (empty when everything is intact). */
export function describeFindings(f: IntegrityFindings): string[] {
  return [
    ...f.handEditedReports.map((r) =>
      integrityMessages.reportEdited(r.row, r.orgId, monthsInWords(r.period), r.version),
    ),
    ...f.damagedReportRows.map((r) => integrityMessages.reportDamaged(r.row)),
    ...f.handEditedRegistryRows.map((r) => integrityMessages.registryEdited(r.row, r.orgId)),
    ...f.damagedRegistryRows.map((r) => integrityMessages.registryDamaged(r.row)),
    ...f.timeliness,
    ...(f.auditBrokenAtRow !== null ? [integrityMessages.auditBroken(f.auditBrokenAtRow)] : []),
    ...f.crossCheck,
  ];
}

/** Menu item «Проверить изменения вручную» (admins). */
export function checkIntegrity(): void {
  const ui = SpreadsheetApp.getUi();
  try {
    const wb = openWorkbook();
    requireAdmin(wb.caller);
    const lines = [...describeFindings(findIntegrityProblems(wb)), ...mirrorFindings(wb.ss)];
    ui.alert(
      integrityMessages.title,
      lines.length === 0 ? integrityMessages.intact : integrityMessages.found(lines),
      ui.ButtonSet.OK,
    );
  } catch (err) {
    alertError(integrityMessages.title, err);
  }
}
