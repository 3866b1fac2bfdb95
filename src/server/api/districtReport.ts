// google.script.run target «Сформировать сводный отчёт за месяц»: writes the printable sheet for
// one month from the same district summary the dialog shows (values, no formulas).
import { districtReportSheet as say, serverErrors } from '../../domain/messages';
import { periodFromKey, previousPeriod } from '../../domain/period';
import { figuresOf, summariseDistrict, type MonthFigures } from '../../domain/summary';
import type { Workbook } from '../workbook/workbook';
import { requireAdmin } from '../access/roles';
import { choosePeriod } from './summaryRows';
import { monthFromIndex } from './monthFromIndex';
import type { GeneratedReport } from '../../contract/summary';
import { forClient, UserError } from '../errors/userError';
import { withDocumentLock } from '../workbook/lock';
import { districtReportGrid } from '../storage/districtReportSheet';
import { writeDistrictReport } from '../storage/districtReportTemplate';
import { readReportFigures, readReports, type ReportFigures } from '../storage/reportsSheet';
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
 * The sheet's name and grid for `periodKey` from data already read: the month's reports, and the
 * month before's figures when the index gave them (else `reports` hold that month's too).
 * @param previous the month before's figures (null for the first reported month), undefined to take them from `reports`
 */
export function buildDistrictReport(
  wb: Workbook,
  reports: readonly ReportFigures[],
  periodKey: string,
  now: Date,
  previous?: MonthFigures | null,
) {
  const p = periodFromKey(periodKey);
  const before = previousPeriod(p);
  const organisations = wb.registry.map((e) => e.organisation);
  const first = periodFromKey(wb.settings.firstPeriod);
  const hasPrevious = before.year * 12 + before.month >= first.year * 12 + first.month;
  const periods = hasPrevious && previous === undefined ? [before, p] : [p];
  const summaries = summariseDistrict({ organisations, reports, settings: wb.settings, asOf: now, periods }).periods;
  const summary = summaries[summaries.length - 1]!;
  const earlier = previous !== undefined ? previous : hasPrevious ? figuresOf(summaries[0]!) : null;
  return {
    sheetName: say.sheetName(summary.periodLabel),
    organisations: organisations.length,
    grid: districtReportGrid({
      period: p,
      summary,
      previous: earlier,
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
      // The month's rows and the month before's figures through the index (else the whole sheet). The
      // rows are read without their seals: the printed report shows no hand-edit mark (the summary does).
      const month = monthFromIndex(wb, now, chosen.key, (rows) => readReportFigures(wb.ss, rows));
      const report = month
        ? buildDistrictReport(wb, month.reports, chosen.key, now, month.previous)
        : buildDistrictReport(wb, readReports(wb.ss, wb.key).reports, chosen.key, now);
      writeDistrictReport(wb.ss, report.sheetName, report.grid);
      return {
        sheetName: report.sheetName,
        organisations: report.organisations,
        message: say.generated(report.sheetName, report.organisations),
      };
    }),
  );
}
