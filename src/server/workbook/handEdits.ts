// What changed in the grid bypassing the add-on: report and registry rows whose checksum no
// longer matches, rows that no longer read at all, and a broken audit chain.
import { integrityMessages } from '../../domain/messages';
import { requireAdmin } from '../access/roles';
import { alertError } from '../errors/userError';
import { verifyAuditChain } from '../storage/auditSheet';
import { readReports } from '../storage/reportsSheet';
import { openWorkbook, type Workbook } from './workbook';

export interface IntegrityFindings {
  handEditedReports: { row: number; orgId: string; period: string; version: number }[];
  damagedReportRows: { row: number; orgId: string; period: string }[];
  handEditedRegistryRows: { row: number; orgId: string }[];
  damagedRegistryRows: { row: number; id: string }[];
  auditBrokenAtRow: number | null;
}

/** Checks every report, registry and audit row (three reads). */
export function findIntegrityProblems(wb: Workbook): IntegrityFindings {
  const { reports, damaged } = readReports(wb.ss, wb.key);
  return {
    handEditedReports: reports
      .filter((r) => r.handEdited)
      .map((r) => ({ row: r.row, orgId: r.orgId, period: r.period, version: r.version })),
    damagedReportRows: damaged,
    handEditedRegistryRows: wb.registry
      .filter((e) => e.handEdited)
      .map((e) => ({ row: e.row, orgId: e.organisation.id })),
    damagedRegistryRows: wb.damagedRegistryRows,
    auditBrokenAtRow: verifyAuditChain(wb.ss, wb.key).brokenAtRow,
  };
}

/** Russian lines describing the findings (empty when everything is intact). */
export function describeFindings(f: IntegrityFindings): string[] {
  return [
    ...f.handEditedReports.map((r) => integrityMessages.reportEdited(r.row, r.orgId, r.period, r.version)),
    ...f.damagedReportRows.map((r) => integrityMessages.reportDamaged(r.row)),
    ...f.handEditedRegistryRows.map((r) => integrityMessages.registryEdited(r.row, r.orgId)),
    ...f.damagedRegistryRows.map((r) => integrityMessages.registryDamaged(r.row)),
    ...(f.auditBrokenAtRow !== null ? [integrityMessages.auditBroken(f.auditBrokenAtRow)] : []),
  ];
}

/** Menu item «Проверить изменения вручную» (admins). */
export function checkIntegrity(): void {
  const ui = SpreadsheetApp.getUi();
  try {
    const wb = openWorkbook();
    requireAdmin(wb.caller);
    const lines = describeFindings(findIntegrityProblems(wb));
    ui.alert(
      integrityMessages.title,
      lines.length === 0 ? integrityMessages.intact : integrityMessages.found(lines),
      ui.ButtonSet.OK,
    );
  } catch (err) {
    alertError(integrityMessages.title, err);
  }
}
