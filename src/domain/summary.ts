// The district summary: per period and organisation the status and compliance, district totals,
// coverage per role, trend, and the late and missing lists. Linear in the number of report versions.
import { checkCompliance, isCompliant, shareOf, type ComplianceCheck } from './compliance';
import { formatDate } from './calendar';
import { dueDate, dueInstant, reportedPeriods } from './deadline';
import { statusLabels } from './messages';
import { formatPeriod, periodFromKey, periodKey, type Period } from './period';
import { hasMySchool, owesPeriod, type Organisation, type OrganisationType } from './schemas/organisation';
import type { ReportRecord } from './schemas/report';
import type { Settings } from './schemas/settings';

/** Status of an organisation's report for a period, as the admin sees it. */
export type OrgPeriodStatus = keyof typeof statusLabels;

export interface OrgPeriodRow {
  orgId: string;
  name: string;
  type: OrganisationType;
  status: OrgPeriodStatus;
  statusLabel: string;
  /** First submitted after the deadline (whatever the admin did later). */
  late: boolean;
  /** The latest version, or null when none was submitted. */
  report: ReportRecord | null;
  compliance: ComplianceCheck[];
  compliant: boolean | null;
}

export interface DistrictTotals {
  teachersTotal: number;
  teachersConnected: number;
  pupilsTotal: number;
  pupilsConnected: number;
  parentsTotal: number;
  parentsConnected: number;
  groupsTotal: number;
  groupsInSferum: number;
  teachersMeetingMinimum: number;
  schoolTeachersTotal: number;
  mySchoolTeachers: number;
}

/** District shares 0–1; null when the total is 0. */
export interface DistrictCoverage {
  teachers: number | null;
  pupils: number | null;
  parents: number | null;
  teacherMinimum: number | null;
  mySchool: number | null;
}

export interface PeriodSummary {
  period: string;
  periodLabel: string;
  due: string;
  rows: OrgPeriodRow[];
  counts: Record<OrgPeriodStatus, number>;
  totals: DistrictTotals;
  coverage: DistrictCoverage;
  lateOrgIds: string[];
  /** Not submitted at all: not yet due or overdue. */
  missingOrgIds: string[];
  foreignMessengerOrgIds: string[];
  nonCompliantOrgIds: string[];
}

export interface TrendPoint {
  period: string;
  periodLabel: string;
  /** Share of organisations that submitted, and that submitted on time. */
  submitted: number | null;
  onTime: number | null;
  coverage: DistrictCoverage;
}

export interface DistrictSummary {
  periods: PeriodSummary[];
  trend: TrendPoint[];
}

export interface SummaryInput {
  organisations: readonly Organisation[];
  /** Every stored version; the latest per organisation and period counts, the first decides lateness. */
  reports: readonly ReportRecord[];
  settings: Settings;
  asOf: Date;
  /** Default: from Settings' first reported month to the last month ended by `asOf`. */
  periods?: readonly Period[];
}

interface Versions {
  latest: ReportRecord;
  firstSubmittedMs: number;
}

/** DistrictTotals' fields in a fixed order (the report index keeps a version's contribution as a list in it). */
export const DISTRICT_TOTAL_KEYS = [
  'teachersTotal',
  'teachersConnected',
  'pupilsTotal',
  'pupilsConnected',
  'parentsTotal',
  'parentsConnected',
  'groupsTotal',
  'groupsInSferum',
  'teachersMeetingMinimum',
  'schoolTeachersTotal',
  'mySchoolTeachers',
] as const satisfies readonly (keyof DistrictTotals)[];

const emptyTotals = (): DistrictTotals =>
  Object.fromEntries(DISTRICT_TOTAL_KEYS.map((k) => [k, 0])) as unknown as DistrictTotals;

/** What one report adds to the district totals: the «Моя школа» pair counts for schools only. */
export function contributionOf(report: ReportRecord, type: OrganisationType | undefined): DistrictTotals {
  const school = type !== undefined && hasMySchool(type);
  return {
    teachersTotal: report.teachersTotal,
    teachersConnected: report.teachersConnected,
    pupilsTotal: report.pupilsTotal ?? 0,
    pupilsConnected: report.pupilsConnected ?? 0,
    parentsTotal: report.parentsTotal,
    parentsConnected: report.parentsConnected,
    groupsTotal: report.groupsTotal,
    groupsInSferum: report.groupsInSferum,
    teachersMeetingMinimum: report.teachersMeetingMinimum,
    schoolTeachersTotal: school ? report.teachersTotal : 0,
    mySchoolTeachers: school ? (report.mySchoolTeachers ?? 0) : 0,
  };
}

function addToTotals(totals: DistrictTotals, report: ReportRecord, type: OrganisationType): void {
  const c = contributionOf(report, type);
  for (const k of DISTRICT_TOTAL_KEYS) totals[k] += c[k];
}

/** District coverage per role from summed totals. */
export function coverageOf(totals: DistrictTotals): DistrictCoverage {
  return {
    teachers: shareOf(totals.teachersConnected, totals.teachersTotal),
    pupils: shareOf(totals.pupilsConnected, totals.pupilsTotal),
    parents: shareOf(totals.parentsConnected, totals.parentsTotal),
    teacherMinimum: shareOf(totals.teachersMeetingMinimum, totals.teachersTotal),
    mySchool: shareOf(totals.mySchoolTeachers, totals.schoolTeachersTotal),
  };
}

function indexVersions(reports: readonly ReportRecord[]): Map<string, Versions> {
  const index = new Map<string, Versions>();
  for (const report of reports) {
    const key = report.orgId + '|' + report.period;
    const known = index.get(key);
    const submittedMs = Date.parse(report.submittedAt);
    if (!known) index.set(key, { latest: report, firstSubmittedMs: submittedMs });
    else {
      if (report.version > known.latest.version) known.latest = report;
      if (submittedMs < known.firstSubmittedMs) known.firstSubmittedMs = submittedMs;
    }
  }
  return index;
}

/**
 * A report's status from its latest state and first submission (none: not submitted yet, or
 * overdue once the deadline has passed); `late` when first submitted after the deadline.
 */
export function periodStatus(
  versions: { state: ReportRecord['state']; firstSubmittedMs: number } | undefined,
  dueMs: number,
  asOf: Date,
): { status: OrgPeriodStatus; late: boolean } {
  if (!versions) return { status: asOf.getTime() > dueMs ? 'overdue' : 'not-submitted', late: false };
  const onTime = versions.firstSubmittedMs <= dueMs;
  const state = versions.state;
  return { status: state === 'submitted' ? (onTime ? 'on-time' : 'late') : state, late: !onTime };
}

function rowFor(org: Organisation, versions: Versions | undefined, dueMs: number, input: SummaryInput): OrgPeriodRow {
  if (!versions) {
    const { status } = periodStatus(undefined, dueMs, input.asOf);
    return {
      orgId: org.id,
      name: org.name,
      type: org.type,
      status,
      statusLabel: statusLabels[status],
      late: false,
      report: null,
      compliance: [],
      compliant: null,
    };
  }
  const first = new Date(versions.firstSubmittedMs);
  const { status, late } = periodStatus(
    { state: versions.latest.state, firstSubmittedMs: versions.firstSubmittedMs },
    dueMs,
    input.asOf,
  );
  const compliance = checkCompliance(versions.latest, org, input.settings, first);
  return {
    orgId: org.id,
    name: org.name,
    type: org.type,
    status,
    statusLabel: statusLabels[status],
    late,
    report: versions.latest,
    compliance,
    compliant: isCompliant(compliance),
  };
}

/**
 * Builds the district summary for each period: rows per organisation, counts per status, totals,
 * coverage, lists, and the trend across periods.
 */
export function summariseDistrict(input: SummaryInput): DistrictSummary {
  const index = indexVersions(input.reports);
  const periods = input.periods ?? reportedPeriods(periodFromKey(input.settings.firstPeriod), input.asOf);
  const summaries = periods.map((period) => summarisePeriod(period, index, input));
  const trend = summaries.map((s): TrendPoint => {
    // Each month counts the organisations it lists (a new or closed one is absent from some).
    const orgCount = s.rows.length;
    const submitted = orgCount - s.counts['not-submitted'] - s.counts.overdue;
    return {
      period: s.period,
      periodLabel: s.periodLabel,
      coverage: s.coverage,
      submitted: orgCount === 0 ? null : submitted / orgCount,
      onTime: orgCount === 0 ? null : (submitted - s.lateOrgIds.length) / orgCount,
    };
  });
  return { periods: summaries, trend };
}

function summarisePeriod(period: Period, index: Map<string, Versions>, input: SummaryInput): PeriodSummary {
  const key = periodKey(period);
  const counts: Record<OrgPeriodStatus, number> = {
    'not-submitted': 0,
    'on-time': 0,
    late: 0,
    overdue: 0,
    accepted: 0,
    returned: 0,
  };
  const totals = emptyTotals();
  const summary: PeriodSummary = {
    period: key,
    periodLabel: formatPeriod(period),
    due: formatDate(dueDate(period, input.settings.deadlineDay)),
    rows: [],
    counts,
    totals,
    coverage: coverageOf(totals),
    lateOrgIds: [],
    missingOrgIds: [],
    foreignMessengerOrgIds: [],
    nonCompliantOrgIds: [],
  };
  const dueMs = dueInstant(period, input.settings.deadlineDay).getTime();
  for (const org of input.organisations) {
    const versions = index.get(org.id + '|' + key);
    // A month before its «отчитывается с» or from its closing on lists the organisation only if it reported.
    if (!versions && !owesPeriod(org, key, input.settings.firstPeriod)) continue;
    const row = rowFor(org, versions, dueMs, input);
    summary.rows.push(row);
    counts[row.status]++;
    if (row.late) summary.lateOrgIds.push(org.id);
    if (!row.report) summary.missingOrgIds.push(org.id);
    else {
      addToTotals(totals, row.report, org.type);
      if (!row.report.noForeignMessengers) summary.foreignMessengerOrgIds.push(org.id);
      if (row.compliant === false) summary.nonCompliantOrgIds.push(org.id);
    }
  }
  summary.coverage = coverageOf(totals);
  return summary;
}

/**
 * What a month is compared by (the summary's «по сравнению с …», the district report's «Прошлый
 * месяц»): organisations listed and reported, district totals and coverage. From a month's summary,
 * or from the report index's month entries without reading the month's rows (monthFiguresFrom).
 */
export interface MonthFigures {
  period: string;
  periodLabel: string;
  /** Organisations the month lists (reported, or owing it) and how many of them reported. */
  total: number;
  reported: number;
  totals: DistrictTotals;
  coverage: DistrictCoverage;
}

/** A month's figures from its summary. */
export function figuresOf(s: PeriodSummary): MonthFigures {
  const { period, periodLabel, totals, coverage } = s;
  return {
    period,
    periodLabel,
    total: s.rows.length,
    reported: s.rows.length - s.missingOrgIds.length,
    totals,
    coverage,
  };
}

/**
 * A month's figures from each organisation's latest contribution (DISTRICT_TOTAL_KEYS order, as the
 * report index keeps it), by summarisePeriod's rules: the organisations of `organisations` that
 * reported or owe the month, each contribution counted by the organisation's type today (the
 * «Моя школа» pair for schools only: a report sent as another type has no «Моя школа» figure).
 */
export function monthFiguresFrom(
  organisations: readonly Organisation[],
  contributions: ReadonlyMap<string, readonly number[]>,
  period: Period,
  firstPeriod: string,
): MonthFigures {
  const key = periodKey(period);
  const totals = emptyTotals();
  let total = 0;
  let reported = 0;
  for (const org of organisations) {
    const c = contributions.get(org.id);
    if (!c && !owesPeriod(org, key, firstPeriod)) continue;
    total++;
    if (!c) continue;
    reported++;
    const school = hasMySchool(org.type);
    const at = (k: keyof DistrictTotals): number => c[DISTRICT_TOTAL_KEYS.indexOf(k as never)] ?? 0;
    for (const k of DISTRICT_TOTAL_KEYS) totals[k] += at(k);
    // contributionOf's rule with today's type: a school's teachers are the base of «Моя школа».
    totals.schoolTeachersTotal += (school ? at('teachersTotal') : 0) - at('schoolTeachersTotal');
    totals.mySchoolTeachers -= school ? 0 : at('mySchoolTeachers');
  }
  return { period: key, periodLabel: formatPeriod(period), total, reported, totals, coverage: coverageOf(totals) };
}
