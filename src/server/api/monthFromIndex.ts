// The shown month (and the month before it) through the index, for the summary and the district
// report: a constant number of reads whatever the months stored.
import { readMonthAggregates } from '../storage/reportIndex';
import { monthReports } from '../storage/reportReads';
import { reportRowCount, type readReports, type StoredReport } from '../storage/reportsSheet';
import type { Workbook } from '../workbook/workbook';
import { choosePeriod } from './summaryRows';

/**
 * The shown month's latest versions and the month before's (each with its first submission as a
 * version-0 copy, for lateness), every month's aggregate, and the organisations whose shown month
 * had an earlier version accepted; null when the index cannot be trusted.
 */
export function monthFromIndex(wb: Workbook, now: Date, period: string | null) {
  const aggregates = readMonthAggregates(wb.ss, wb.key, reportRowCount(wb.ss));
  if (!aggregates) return null;
  const { choices, chosen } = choosePeriod(wb, now, period);
  const acceptedOnce = new Set<string>();
  if (!chosen) return { aggregates, reports: [], damaged: [], acceptedOnce };
  // The shown month and the one before it (its figures are compared with last month's).
  const before = choices[choices.findIndex((c) => c.key === chosen.key) + 1];
  const reports: StoredReport[] = [];
  const damaged: ReturnType<typeof readReports>['damaged'] = [];
  for (const key of before ? [before.key, chosen.key] : [chosen.key]) {
    const month = monthReports(wb.ss, wb.key, key);
    if (!month) return null;
    const firsts = month.latest.map((r) => ({
      ...r,
      version: 0,
      submittedAt: month.entries.get(r.orgId)?.firstSubmittedAt ?? r.submittedAt,
    }));
    reports.push(...month.latest, ...firsts);
    if (key !== chosen.key) continue;
    damaged.push(...month.damaged);
    for (const [orgId, e] of month.entries) if (e.acceptedBefore) acceptedOnce.add(orgId);
  }
  return { aggregates, reports, damaged, acceptedOnce };
}
