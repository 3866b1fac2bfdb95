// One organisation's or one month's reports through the index (a few rows read and checked), with
// the whole reports sheet as the fallback when the index cannot be trusted; and keeping the index
// up to date after a write.
import type { OrganisationType } from '../../domain/schemas/organisation';
import { contributionOf, DISTRICT_TOTAL_KEYS } from '../../domain/summary';
import type { ReportRecord } from '../../domain/schemas/report';
import {
  readMonthEntries,
  readNewestEntries,
  readOrgIndex,
  rebuildIndex,
  recordInIndex,
  type IndexSource,
  type MonthEntry,
  type VersionRef,
} from './reportIndex';
import {
  readReportRows,
  readReports,
  reportRowCount,
  type DamagedReportRow,
  type ReportFigures,
  type StoredReport,
} from './reportsSheet';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** A version's contribution to the district totals, as a list in DISTRICT_TOTAL_KEYS order. */
export function totalsOf(r: ReportRecord, type: OrganisationType | undefined): number[] {
  const c = contributionOf(r, type);
  return DISTRICT_TOTAL_KEYS.map((k) => c[k]);
}

/** What the set-up checklist shows of an organisation's latest report: its month, groups and chats. */
export type ChecklistFacts = Pick<
  ReportRecord,
  'period' | 'groupsTotal' | 'groupsInSferum' | 'staffChat' | 'pupilChats' | 'parentChats'
>;

/** A version's chats as the index keeps them for the set-up checklist (MonthEntry.structure). */
export function structureOf(r: Pick<ReportRecord, 'staffChat' | 'pupilChats' | 'parentChats'>): number[] {
  return [r.staffChat ? 1 : 0, r.pupilChats ?? 0, r.parentChats];
}

export const refOf = (r: StoredReport): VersionRef => ({
  period: r.period,
  version: r.version,
  state: r.state,
  submittedAt: r.submittedAt,
  row: r.row,
  submissionKey: r.submissionKey,
});

/** An organisation's versions without their figures, and a way to load the ones a call shows. */
export interface OrgReports {
  refs: VersionRef[];
  /** The full versions at `want`, each checked (schema, checksum); from every row if the index misled. */
  load(want: readonly VersionRef[]): StoredReport[];
}

function fromAll(ss: Spreadsheet, key: string, orgId: string): OrgReports {
  const mine = readReports(ss, key).reports.filter((r) => r.orgId === orgId);
  return {
    refs: mine.map(refOf),
    load: (want) => mine.filter((r) => want.some((w) => w.period === r.period && w.version === r.version)),
  };
}

/** The organisation's reports through the index, or from the whole sheet when it cannot be trusted. */
export function orgReports(ss: Spreadsheet, key: string, orgId: string): OrgReports {
  const refs = readOrgIndex(ss, key, orgId, reportRowCount(ss));
  if (!refs) return fromAll(ss, key, orgId);
  return {
    refs,
    load: (want) => {
      if (want.length === 0) return [];
      const { reports } = readReportRows(
        ss,
        key,
        want.map((w) => w.row),
      );
      const matches = want.every((w) =>
        reports.some((r) => r.row === w.row && r.orgId === orgId && r.period === w.period && r.version === w.version),
      );
      return matches ? reports : fromAll(ss, key, orgId).load(want);
    },
  };
}

/** How a call reads the rows it asked for: readReportRows (checked against seals) or readReportFigures. */
export type RowReader<R> = (rows: readonly number[]) => { reports: R[]; damaged: DamagedReportRow[] };

/** Reads rows checked against their seals (whether each was changed by hand). */
export const sealedRows =
  (ss: Spreadsheet, key: string): RowReader<StoredReport> =>
  (rows) =>
    readReportRows(ss, key, rows);

/**
 * The month's entries (read, or `known` when the caller read them) and its latest versions (as
 * `read` reads them), or null when the index cannot be trusted.
 */
export function monthReports<R extends ReportFigures>(
  ss: Spreadsheet,
  key: string,
  period: string,
  read: RowReader<R>,
  known?: Map<string, MonthEntry>,
): {
  entries: Map<string, MonthEntry>;
  latest: R[];
  damaged: DamagedReportRow[];
} | null {
  const entries = known ?? readMonthEntries(ss, key, period, reportRowCount(ss));
  if (!entries) return null;
  const { reports, damaged } = read([...entries.values()].map((e) => e.row));
  const byRow = new Map(reports.map((r) => [r.row, r]));
  for (const [orgId, e] of entries) {
    const r = byRow.get(e.row);
    const isDamaged = damaged.some((d) => d.row === e.row);
    if (!isDamaged && (!r || r.orgId !== orgId || r.period !== period || r.version !== e.version)) return null;
  }
  return { entries, latest: reports, damaged };
}

/**
 * What the set-up checklist shows of each organisation's most recent reported month (its latest
 * version's groups and chats), from every month's index entries — the rows only of organisations
 * whose entry was written before the index kept the chats; null when the index cannot be trusted.
 */
export function latestStructures(ss: Spreadsheet, key: string): Map<string, ChecklistFacts> | null {
  const newest = readNewestEntries(ss, key, reportRowCount(ss));
  if (!newest) return null;
  const facts = new Map<string, ChecklistFacts>();
  const older: { orgId: string; period: string; entry: MonthEntry }[] = [];
  const at = (totals: readonly number[], k: (typeof DISTRICT_TOTAL_KEYS)[number]) =>
    totals[DISTRICT_TOTAL_KEYS.indexOf(k)] ?? 0;
  for (const [orgId, { period, entry }] of newest) {
    const chats = entry.structure;
    if (!chats) older.push({ orgId, period, entry });
    else
      facts.set(orgId, {
        period,
        groupsTotal: at(entry.totals, 'groupsTotal'),
        groupsInSferum: at(entry.totals, 'groupsInSferum'),
        staffChat: chats[0] === 1,
        pupilChats: chats[1] ?? 0,
        parentChats: chats[2] ?? 0,
      });
  }
  if (older.length === 0) return facts;
  const { reports } = readReportRows(
    ss,
    key,
    older.map((o) => o.entry.row),
  );
  const byRow = new Map(reports.map((r) => [r.row, r]));
  for (const { orgId, period, entry } of older) {
    const r = byRow.get(entry.row);
    // A hand-damaged row is left out (the checklist shows no structure for it), a moved one is not trusted.
    if (!r) continue;
    if (r.orgId !== orgId || r.period !== period || r.version !== entry.version) return null;
    facts.set(orgId, r);
  }
  return facts;
}

/** Rewrites the index from every row (set-up; a write that found it stale). */
export function rebuildReportIndex(
  ss: Spreadsheet,
  key: string,
  typeOf: ReadonlyMap<string, OrganisationType>,
  deadlineDay: number,
  reports: readonly StoredReport[] = readReports(ss, key).reports,
): boolean {
  const sources: IndexSource[] = reports.map((r) => ({
    orgId: r.orgId,
    version: refOf(r),
    reviewedAt: r.reviewedAt,
    totals: totalsOf(r, typeOf.get(r.orgId)),
    structure: structureOf(r),
  }));
  return rebuildIndex(ss, key, sources, reportRowCount(ss), deadlineDay);
}

/**
 * After a version was appended or rewritten (under the lock): records it in the index, or rebuilds
 * the index when it was already behind.
 * @param rowsBefore the reports sheet's last row before the write
 * @param earlier the organisation's other versions of that month (for the first submission)
 */
export function indexWrite(
  ss: Spreadsheet,
  key: string,
  stored: StoredReport,
  type: OrganisationType,
  earlier: readonly VersionRef[],
  rowsBefore: number,
  typeOf: () => ReadonlyMap<string, OrganisationType>,
  deadlineDay: number,
): void {
  const first = [stored.submittedAt, ...earlier.filter((v) => v.period === stored.period).map((v) => v.submittedAt)]
    .map((t) => Date.parse(t))
    .reduce((a, b) => Math.min(a, b));
  const recorded = recordInIndex(
    ss,
    key,
    {
      orgId: stored.orgId,
      version: refOf(stored),
      entry: {
        version: stored.version,
        state: stored.state,
        firstSubmittedAt: new Date(first).toISOString(),
        reviewedAt: stored.reviewedAt,
        row: stored.row,
        acceptedBefore: earlier.some(
          (v) => v.period === stored.period && v.version < stored.version && v.state === 'accepted',
        ),
        totals: totalsOf(stored, type),
        structure: structureOf(stored),
      },
    },
    rowsBefore,
    reportRowCount(ss),
    deadlineDay,
  );
  if (!recorded) rebuildReportIndex(ss, key, typeOf(), deadlineDay);
}
