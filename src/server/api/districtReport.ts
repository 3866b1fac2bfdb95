// google.script.run target «Сформировать сводный отчёт за месяц»: writes the printable sheet for
// one month from the same district summary the dialog shows (values, no formulas).
import { districtReportSheet as say, serverErrors } from '../../domain/messages';
import { periodFromKey, previousPeriod } from '../../domain/period';
import { summariseDistrict } from '../../domain/summary';
import type { StoredReport } from '../storage/reportsSheet';
import type { Workbook } from '../workbook/workbook';
import { requireAdmin } from '../access/roles';
import { choosePeriod } from './summaryRows';
import { monthFromIndex } from './monthFromIndex';
import type { GeneratedReport } from '../../contract/summary';
import { forClient, UserError } from '../errors/userError';
import { withDocumentLock } from '../workbook/lock';
import { districtReportGrid } from '../storage/districtReportSheet';
import { writeDistrictReport } from '../storage/districtReportTemplate';
import { readReports } from '../storage/reportsSheet';
import { openWorkbook } from '../workbook/workbook';

/** First submission per organisation for one month (lateness is decided by it). */
function firstSubmissions(
  reports: readonly { orgId: string; period: string; submittedAt: string }[],
  period: string,
): Map<string, Date> {
  const first = new Map<string, Date>();
  for (const r of reports) {
    if (r.period !== period) continue;
    const at = new Date(r.submittedAt);
    const known = first.get(r.orgId);
    if (!known || at < known) first.set(r.orgId, at);
  }
  return first;
}

/**
 * The sheet's name and grid for `periodKey` from data already read (the month and the one before
 * it; the reports may hold only those two months).
 */
export function buildDistrictReport(wb: Workbook, reports: readonly StoredReport[], periodKey: string, now: Date) {
  const p = periodFromKey(periodKey);
  const before = previousPeriod(p);
  const organisations = wb.registry.map((e) => e.organisation);
  const first = periodFromKey(wb.settings.firstPeriod);
  const hasPrevious = before.year * 12 + before.month >= first.year * 12 + first.month;
  const periods = hasPrevious ? [before, p] : [p];
  const summaries = summariseDistrict({ organisations, reports, settings: wb.settings, asOf: now, periods }).periods;
  const summary = summaries[summaries.length - 1]!;
  return {
    sheetName: say.sheetName(summary.periodLabel),
    organisations: organisations.length,
    grid: districtReportGrid({
      period: p,
      summary,
      previous: hasPrevious ? summaries[0]! : null,
      firstSubmitted: firstSubmissions(reports, periodKey),
      settings: wb.settings,
      madeAt: now,
      madeBy: wb.caller.email,
    }),
  };
}

/**
 * Writes (or replaces) the sheet «Сводный отчёт <месяц>» (admins only, under the document lock).
 * @param period 'ГГГГ-ММ' of a reported month
 */
export function generateDistrictReport(period: string): GeneratedReport {
  return forClient('generateDistrictReport', () =>
    withDocumentLock(() => {
      const wb = openWorkbook();
      requireAdmin(wb.caller);
      const now = new Date();
      const { chosen } = choosePeriod(wb, now, typeof period === 'string' ? period : '');
      if (!chosen) throw new UserError(serverErrors.badPeriod);
      // The month and the one before through the index (the whole sheet only when it cannot be trusted).
      const reports = monthFromIndex(wb, now, chosen.key)?.reports ?? readReports(wb.ss, wb.key).reports;
      const report = buildDistrictReport(wb, reports, chosen.key, now);
      writeDistrictReport(wb.ss, report.sheetName, report.grid);
      return {
        sheetName: report.sheetName,
        organisations: report.organisations,
        message: say.generated(report.sheetName, report.organisations),
      };
    }),
  );
}
