// The shown month through the index, for the summary and the district report: its rows, and the
// month before's figures from the index's month entry (no rows) — a constant number of reads
// whatever the months stored.
import { monthFiguresFrom, type MonthFigures } from '../../domain/summary';
import { periodFromKey } from '../../domain/period';
import { readMonthAggregates, readMonthsEntries, type MonthEntry } from '../storage/reportIndex';
import { monthReports, type RowReader } from '../storage/reportReads';
import { reportRowCount, type DamagedReportRow, type ReportFigures } from '../storage/reportsSheet';
import type { Workbook } from '../workbook/workbook';
import { choosePeriod } from './summaryRows';

/** The month before's figures from its index entries (each organisation's latest contribution). */
function previousFigures(wb: Workbook, key: string, entries: ReadonlyMap<string, MonthEntry>): MonthFigures {
  const contributions = new Map([...entries].map(([orgId, e]) => [orgId, e.totals]));
  const organisations = wb.registry.map((e) => e.organisation);
  return monthFiguresFrom(organisations, contributions, periodFromKey(key), wb.settings.firstPeriod);
}

/**
 * The shown month's latest versions as `read` reads them (each with its first submission as a
 * version-0 copy, for lateness), the month before's figures (null for the first reported month),
 * every month's aggregate, and the organisations whose shown month had an earlier version accepted;
 * null when the index cannot be trusted.
 */
export function monthFromIndex<R extends ReportFigures>(
  wb: Workbook,
  now: Date,
  period: string | null,
  read: RowReader<R>,
) {
  const aggregates = readMonthAggregates(wb.ss, wb.key, reportRowCount(wb.ss));
  if (!aggregates) return null;
  const { choices, chosen } = choosePeriod(wb, now, period);
  const acceptedOnce = new Set<string>();
  const damaged: DamagedReportRow[] = [];
  if (!chosen) return { aggregates, reports: [] as R[], damaged, acceptedOnce, previous: null };
  // The month before is compared with by its figures only: its entry, not its rows.
  const before = choices[choices.findIndex((c) => c.key === chosen.key) + 1];
  const keys = before ? [before.key, chosen.key] : [chosen.key];
  const entries = readMonthsEntries(wb.ss, wb.key, keys, reportRowCount(wb.ss));
  if (!entries) return null;
  const previous = before ? previousFigures(wb, before.key, entries.get(before.key)!) : null;
  const month = monthReports(wb.ss, wb.key, chosen.key, read, entries.get(chosen.key));
  if (!month) return null;
  const firsts: R[] = month.latest.map((r) => ({
    ...r,
    version: 0,
    submittedAt: month.entries.get(r.orgId)?.firstSubmittedAt ?? r.submittedAt,
  }));
  damaged.push(...month.damaged);
  for (const [orgId, e] of month.entries) if (e.acceptedBefore) acceptedOnce.add(orgId);
  return { aggregates, reports: [...month.latest, ...firsts], damaged, acceptedOnce, previous };
}
