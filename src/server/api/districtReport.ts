// google.script.run target «Сформировать сводный отчёт за месяц»: writes the printable sheet for
// one month from the same district summary the dialog shows.
import { districtReportSheet as say } from '../../domain/messages';
import { periodFromKey } from '../../domain/period';
import { summariseDistrict } from '../../domain/summary';
import { requireAdmin } from '../access/roles';
import { choosePeriod } from './summaryRows';
import type { GeneratedReport } from '../../contract/summary';
import { forClient, UserError } from '../errors/userError';
import { withDocumentLock } from '../workbook/lock';
import { districtReportGrid, writeDistrictReport } from '../storage/districtReportSheet';
import { readReports } from '../storage/reportsSheet';
import { openWorkbook } from '../workbook/workbook';
import { serverErrors } from '../../domain/messages';

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
      const p = periodFromKey(chosen.key);
      const organisations = wb.registry.map((e) => e.organisation);
      const { reports } = readReports(wb.ss, wb.key);
      const summary = summariseDistrict({ organisations, reports, settings: wb.settings, asOf: now, periods: [p] })
        .periods[0]!;
      const grid = districtReportGrid({
        period: p,
        summary,
        organisations,
        firstSubmitted: firstSubmissions(reports, chosen.key),
        settings: wb.settings,
        madeAt: now,
        madeBy: wb.caller.email,
      });
      const sheetName = say.sheetName(chosen.label);
      writeDistrictReport(wb.ss, sheetName, grid);
      return {
        sheetName,
        organisations: organisations.length,
        message: say.generated(sheetName, organisations.length),
      };
    }),
  );
}
