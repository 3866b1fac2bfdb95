// Turns the domain's district summary into what the admin's dialog shows: rows with marks and the
// values of their checks, totals, trend, integrity findings; and the set-up checklist (own call).
// The rows go compact (codes and numbers, DistrictSummaryData): 500 organisations' texts in words
// made the answer ~600 KB; the dialog words them with the same functions (expandSummary).
import { checkText, encodeCheckValue, percentText, type CheckValuePart } from '../../domain/checkText';
import type { ComplianceCheck, ComplianceId } from '../../domain/compliance';
import { formatDate, formatDateTime, parseCalendarDate } from '../../domain/calendar';
import { dueInstant, reportedPeriods } from '../../domain/deadline';
import { shareChange } from '../../domain/comparison';
import { complianceLabels, complianceShortLabels, serverErrors, statusLabels, summaryUi } from '../../domain/messages';
import { formatPeriod, parsePeriod, periodFromKey, periodKey } from '../../domain/period';
import type { Organisation } from '../../domain/schemas/organisation';
import type { MonthAggregate } from '../storage/reportIndex';
import {
  coverageOf,
  DISTRICT_TOTAL_KEYS,
  figuresOf,
  summariseDistrict,
  type MonthFigures,
  type DistrictTotals,
  type DistrictSummary,
  type OrgPeriodRow,
  type OrgPeriodStatus,
  type PeriodSummary,
} from '../../domain/summary';
import { UserError } from '../errors/userError';
import { describeFindings, type IntegrityFindings } from '../workbook/handEdits';
import { buildChecklist } from '../workbook/setupChecklist';
import type { ChecklistFacts } from '../storage/reportReads';
import type { StoredReport } from '../storage/reportsSheet';
import type { Workbook } from '../workbook/workbook';
import {
  ROW_FLAGS,
  type BacklogMonthView,
  type CheckView,
  type ChecklistData,
  type CoverageView,
  type DistrictSummaryData,
  type DistrictSummaryView,
  type PeriodChoice,
  type ReportedShareView,
  type SummaryRowData,
} from '../../contract/summary';
import type { Settings } from '../../domain/schemas/settings';

export { checkText, percentText };

export function checkView(c: ComplianceCheck): CheckView {
  const id = c.id;
  return { id, label: c.label, short: complianceShortLabels[id], ok: c.ok, text: checkText(c) };
}

/** The compliance columns, in the order of checkCompliance (the order of every row's checks). */
export const CHECK_IDS = Object.keys(complianceShortLabels) as ComplianceId[];

/**
 * A check value as JSON tells it apart (the client gets JSON): NaN and ±Infinity are null there, and
 * Map keys and === already take -0 for 0 — the same answers as comparing JSON.stringify, without it.
 */
const asJson = (value: CheckValuePart): CheckValuePart =>
  typeof value === 'number' && !Number.isFinite(value) ? null : value;

/** The commonest of `values` (compared as JSON), or null when there are none. */
function commonest(values: readonly CheckValuePart[]): CheckValuePart {
  const seen = new Map<CheckValuePart, { value: CheckValuePart; n: number }>();
  for (const value of values) {
    const key = asJson(value);
    const known = seen.get(key);
    if (known) known.n++;
    else seen.set(key, { value, n: 1 });
  }
  let best: { value: CheckValuePart; n: number } = { value: null, n: 0 };
  for (const candidate of seen.values()) if (candidate.n > best.n) best = candidate;
  return best.value;
}

/**
 * The compliance columns, labelled as the settings make them (the minimum names its thresholds),
 * each with the commonest target of its checks among `rows` (left out of the rows' values).
 */
function checkColumns(wb: Workbook, rows: readonly OrgPeriodRow[]): DistrictSummaryData['checkColumns'] {
  return CHECK_IDS.map((id, i) => ({
    id,
    label:
      id === 'teacherMinimum'
        ? complianceLabels.teacherMinimum(wb.settings.minMessagesPerWeek, wb.settings.minCallsPerWeek)
        : complianceLabels[id],
    target: commonest(rows.filter((r) => r.compliance.length > 0).map((r) => encodeCheckValue(r.compliance[i]!)[1])),
  }));
}

const MARK = (ok: boolean | null): string => (ok === true ? '1' : ok === false ? '0' : '-');

/** A row's checks: marks and values in column order, a value without its target when that is the column's. */
function rowChecks(
  r: OrgPeriodRow,
  columns: DistrictSummaryData['checkColumns'],
): Pick<{ marks: string; values: SummaryRowData[10] }, 'marks' | 'values'> {
  if (r.compliance.length === 0) return { marks: '', values: [] };
  if (r.compliance.length !== columns.length || r.compliance.some((c, i) => c.id !== columns[i]!.id)) {
    throw new Error('The checks of ' + r.orgId + ' are not in the order of the summary columns.');
  }
  const values = r.compliance.map((c, i): SummaryRowData[10][number] => {
    const [actual, target] = encodeCheckValue(c);
    return asJson(target) === asJson(columns[i]!.target) ? actual : [actual, target];
  });
  return { marks: r.compliance.map((c) => MARK(c.ok)).join(''), values };
}

/**
 * The month the summary opens on: of the reported months, the one whose deadline is nearest to `now`
 * — the next deadline, or one just passed when that is nearer (on the 1st of March January, due
 * 29.02, not February, due 30.03). A month that has not ended is never offered (reportedPeriods).
 */
export function defaultPeriod(choices: readonly PeriodChoice[], now: Date, deadlineDay: number): PeriodChoice | null {
  let best: PeriodChoice | null = null;
  let bestDistance = Infinity;
  for (const c of choices) {
    const distance = Math.abs(dueInstant(periodFromKey(c.key), deadlineDay).getTime() - now.getTime());
    // Ties go to the month already due (choices are newest first, so the older one comes later).
    if (distance <= bestDistance) {
      best = c;
      bestDistance = distance;
    }
    if (best !== c && distance > bestDistance) break;
  }
  return best;
}

/** Every reported month (newest first) and the one asked for, or the default (defaultPeriod). */
export function choosePeriod(
  wb: Workbook,
  now: Date,
  asked: string | null,
): { choices: PeriodChoice[]; chosen: PeriodChoice | null } {
  const periods = reportedPeriods(periodFromKey(wb.settings.firstPeriod), now);
  const summary = summariseDistrict({ organisations: [], reports: [], settings: wb.settings, asOf: now, periods });
  const choices = summary.periods.map((p) => ({ key: p.period, label: p.periodLabel, due: p.due })).reverse();
  if (asked === null || asked === '') return { choices, chosen: defaultPeriod(choices, now, wb.settings.deadlineDay) };
  const p = parsePeriod(asked);
  const chosen = p ? choices.find((c) => c.key === periodKey(p)) : undefined;
  if (!chosen) throw new UserError(serverErrors.badPeriod);
  return { choices, chosen };
}

/** How many organisations reported for the month (latest version not missing): the district figures' base. */
export function reportedShare(s: PeriodSummary): ReportedShareView {
  const total = s.rows.length;
  const reported = total - s.missingOrgIds.length;
  return {
    reported,
    total,
    text: summaryUi.reportedText(reported, total, total === 0 ? summaryUi.noData : percentText(reported / total)),
    base: summaryUi.reportedBase(reported, total),
  };
}

/** The district's five figures for `s`, each with its base, target and change from `previous`. */
export function coverageViews(s: PeriodSummary, previous: MonthFigures | null, settings: Settings): CoverageView[] {
  const t = s.totals;
  const base = reportedShare(s).base;
  const view = (id: CoverageView['id'], part: number, total: number): CoverageView => {
    const share = s.coverage[id];
    const target = settings.coverageTargets[id];
    const change = shareChange(share, previous?.coverage[id] ?? null, settings.changeThreshold);
    return {
      id,
      label: summaryUi.coverage[id],
      share,
      text: share === null ? summaryUi.noData : percentText(share),
      detail: summaryUi.coverageDetail(part, total, base),
      target,
      targetText: target === null ? summaryUi.informational : summaryUi.targetText(percentText(target)),
      meetsTarget: share === null || target === null ? null : share >= target - 1e-12,
      changeText: change.text && previous ? summaryUi.changeSince(previous.periodLabel, change.text) : '',
      changeFlagged: change.flagged,
    };
  };
  return [
    view('teachers', t.teachersConnected, t.teachersTotal),
    view('pupils', t.pupilsConnected, t.pupilsTotal),
    view('parents', t.parentsConnected, t.parentsTotal),
    view('teacherMinimum', t.teachersMeetingMinimum, t.teachersTotal),
    view('mySchool', t.mySchoolTeachers, t.schoolTeachersTotal),
  ];
}

/** Months noticed above the table before «и ещё N месяцев». */
export const BACKLOG_MONTHS = 3;

/**
 * The months other than `shown` where organisations are overdue (not submitted, deadline passed) or
 * their report was returned and not resubmitted: the latest BACKLOG_MONTHS, newest first, and how
 * many more. From the summary already computed for the trend: no reads of its own.
 */
export function backlogView(
  periods: readonly Pick<PeriodSummary, 'period' | 'periodLabel' | 'counts'>[],
  shown: string | null,
): DistrictSummaryView['backlog'] {
  const months: BacklogMonthView[] = periods
    .filter((p) => p.period !== shown && p.counts.overdue + p.counts.returned > 0)
    .sort((a, b) => b.period.localeCompare(a.period))
    .map((p) => ({
      period: p.period,
      label: p.periodLabel,
      overdue: p.counts.overdue,
      returned: p.counts.returned,
      text: summaryUi.backlogMonth(p.periodLabel, p.counts.overdue, p.counts.returned),
    }));
  const more = months.length - BACKLOG_MONTHS;
  return { months: months.slice(0, BACKLOG_MONTHS), moreText: more > 0 ? summaryUi.backlogMore(more) : '' };
}

export interface SummaryInputs {
  wb: Workbook;
  reports: StoredReport[];
  findings: IntegrityFindings;
  now: Date;
  period: string | null;
  pendingNotices: number;
  remindNowAvailable: boolean;
  reminders: DistrictSummaryView['reminders'];
  /**
   * From the index: every month's aggregate. `reports` then holds only the shown month's latest
   * versions (with their first submission as version 0), and the trend and backlog come from these.
   */
  aggregates?: ReadonlyMap<string, MonthAggregate>;
  /** From the index: organisations whose report of the shown month had an earlier version accepted. */
  acceptedOnce?: ReadonlySet<string>;
  /** From the index: the month before's figures (null for the first reported month); its rows are not read. */
  previous?: MonthFigures | null;
}

const totalsFrom = (numbers: readonly number[] | undefined): DistrictTotals =>
  Object.fromEntries(DISTRICT_TOTAL_KEYS.map((k, i) => [k, numbers?.[i] ?? 0])) as unknown as DistrictTotals;

/** Trend and backlog from the months' aggregates (no report rows read). */
function fromAggregates(
  aggregates: ReadonlyMap<string, MonthAggregate>,
  choices: readonly PeriodChoice[],
  organisations: number,
  now: Date,
  deadlineDay: number,
) {
  const months = [...choices].reverse().map((c) => {
    const a = aggregates.get(c.key);
    const due = dueInstant(periodFromKey(c.key), deadlineDay).getTime();
    const overdue = now.getTime() > due ? Math.max(0, organisations - (a?.reported ?? 0)) : 0;
    return {
      period: c.key,
      periodLabel: c.label,
      counts: { overdue, returned: a?.returned ?? 0 } as PeriodSummary['counts'],
      coverage: coverageOf(totalsFrom(a?.totals)),
    };
  });
  return { months, trend: months.map((m) => ({ period: m.period, label: m.periodLabel, ...m.coverage })) };
}

/** The whole dialog's data for one month, plus the trend over every month. */
export function buildSummaryView(x: SummaryInputs): DistrictSummaryData {
  const { wb, reports, now } = x;
  const { choices, chosen } = choosePeriod(wb, now, x.period);
  const organisations = wb.registry.map((e) => e.organisation);
  // From the index only the shown month is summarised; the month before comes as its figures.
  const periods =
    x.aggregates && chosen ? [periodFromKey(chosen.key)] : [...choices].reverse().map((c) => periodFromKey(c.key));
  const fromIndex = x.aggregates
    ? fromAggregates(x.aggregates, choices, organisations.length, now, wb.settings.deadlineDay)
    : null;
  const summary: DistrictSummary = summariseDistrict({
    organisations,
    reports,
    settings: wb.settings,
    asOf: now,
    periods,
  });
  const index = summary.periods.findIndex((p) => p.period === chosen?.key);
  const current = summary.periods[index] ?? null;
  const previous = x.previous !== undefined ? x.previous : index > 0 ? figuresOf(summary.periods[index - 1]!) : null;
  const registryEdited = new Set(wb.registry.filter((e) => e.handEdited).map((e) => e.organisation.id));
  const editedReports = new Set(
    reports.filter((r) => r.handEdited && r.version > 0).map((r) => r.orgId + '|' + r.period),
  );
  // Organisations whose report for the month was accepted once: a submitted latest version is a new one.
  const acceptedOnce =
    x.acceptedOnce ??
    new Set(reports.filter((r) => r.period === chosen?.key && r.state === 'accepted').map((r) => r.orgId));
  const columns = checkColumns(wb, current?.rows ?? []);
  const rows: SummaryRowData[] = (current?.rows ?? []).map((r) => {
    const flags =
      (r.late ? ROW_FLAGS.late : 0) |
      (editedReports.has(r.orgId + '|' + current!.period) ? ROW_FLAGS.handEdited : 0) |
      (registryEdited.has(r.orgId) ? ROW_FLAGS.registryEdited : 0) |
      (r.report && !r.report.noForeignMessengers ? ROW_FLAGS.foreignMessengers : 0) |
      (r.report?.state === 'submitted' && acceptedOnce.has(r.orgId) ? ROW_FLAGS.afterAccepted : 0);
    const { marks, values } = rowChecks(r, columns);
    return [
      r.orgId,
      r.name,
      r.type,
      r.status,
      flags,
      r.report?.version ?? null,
      r.report?.state ?? null,
      r.report ? Date.parse(r.report.submittedAt) : null,
      r.compliant,
      marks,
      values,
      r.report?.foreignMessengersExplanation ?? '',
    ];
  });
  const counts = current
    ? (Object.keys(current.counts) as OrgPeriodStatus[]).map((status) => ({
        status,
        label: statusLabels[status],
        count: current.counts[status],
      }))
    : [];
  // Versions of 0 are the index's placeholders, not rows of the sheet.
  const integrity = describeFindings({
    ...x.findings,
    handEditedReports: x.findings.handEditedReports.filter((r) => r.version > 0),
  });
  return {
    districtName: wb.settings.districtName,
    asOfText: formatDateTime(now),
    periods: choices,
    period: chosen,
    checkColumns: columns,
    rows,
    backlog: backlogView(fromIndex?.months ?? summary.periods, current?.period ?? null),
    counts,
    reported: current ? reportedShare(current) : null,
    coverage: current ? coverageViews(current, previous, wb.settings) : [],
    trend: fromIndex?.trend ?? summary.trend.map((t) => ({ period: t.period, label: t.periodLabel, ...t.coverage })),
    integrity,
    pendingNotices: x.pendingNotices,
    remindNowAvailable: x.remindNowAvailable,
    reminders: x.reminders,
    message: chosen ? '' : summaryUi.noPeriods(formatPeriod(periodFromKey(wb.settings.firstPeriod))),
  };
}

/**
 * The set-up checklist tab: one row per organisation, against the set-up deadline.
 * @param latest each organisation's latest report's groups and chats
 */
export function buildChecklistData(
  organisations: readonly Organisation[],
  latest: ReadonlyMap<string, ChecklistFacts>,
  setupDeadline: string,
): ChecklistData {
  const rows = buildChecklist(organisations, latest, setupDeadline);
  const deadline = parseCalendarDate(setupDeadline);
  return {
    deadline: deadline ? formatDate(deadline) : setupDeadline,
    done: rows.filter((r) => r.complete).length,
    rows,
  };
}
