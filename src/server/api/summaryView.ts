// Turns the domain's district summary into what the admin's dialog shows: rows with marks and
// their values in words, totals, trend, integrity findings and the set-up checklist.
import type { ComplianceCheck, ComplianceId } from '../../domain/compliance';
import { formatDate, formatDateTime, parseCalendarDate } from '../../domain/calendar';
import { reportedPeriods } from '../../domain/deadline';
import { complianceLabels, complianceShortLabels, complianceValues as say, organisationTypeLabels, serverErrors, statusLabels, summaryUi } from '../../domain/messages';
import { formatPeriod, parsePeriod, periodFromKey, periodKey } from '../../domain/period';
import { summariseDistrict, type DistrictSummary, type OrgPeriodStatus, type PeriodSummary } from '../../domain/summary';
import { UserError } from '../errors';
import { describeFindings } from '../integrity';
import { buildChecklist, latestReportPerOrganisation } from '../setupChecklist';
import type { DamagedReportRow, StoredReport } from '../storage/reportsSheet';
import type { Workbook } from '../workbook';
import type { BacklogMonthView, CheckView, CoverageView, DistrictSummaryView, PeriodChoice, SummaryRowView } from './summaryViews';

/** «97,5 %»; never shows 100 % for a share below 1. */
export function percentText(share: number): string {
  let tenths = Math.round(share * 1000);
  if (tenths === 1000 && share < 1) tenths = 999;
  const whole = Math.floor(tenths / 10);
  const rest = tenths % 10;
  return (rest === 0 ? String(whole) : `${whole},${rest}`) + ' %';
}

const COVERAGE_IDS: ComplianceId[] = ['teachersCoverage', 'pupilsCoverage', 'parentsCoverage', 'teacherMinimum', 'mySchool'];
const COUNT_IDS: ComplianceId[] = ['groupsCreated', 'pupilChats', 'parentChats'];

/** The value of one check in words. */
export function checkText(c: ComplianceCheck): string {
  if (c.id === 'submittedOnTime') return c.actual === null ? say.notSubmitted(String(c.target)) : say.submittedOn(String(c.actual), String(c.target));
  if (c.id === 'coordinatorAppointed') return typeof c.actual === 'string' ? c.actual : say.notAppointed;
  if (typeof c.actual === 'boolean') return c.actual ? say.yes : say.no;
  if (COVERAGE_IDS.includes(c.id)) {
    if (c.actual === null) return c.target === null ? say.notApplicable : say.noTotal;
    return say.share(percentText(Number(c.actual)), typeof c.target === 'number' ? percentText(c.target) : null);
  }
  if (COUNT_IDS.includes(c.id)) return c.actual === null ? say.notApplicable : say.count(Number(c.actual), Number(c.target));
  return c.actual === null ? say.notJudged : String(c.actual);
}

export function checkView(c: ComplianceCheck): CheckView {
  const id = c.id;
  return { id, label: c.label, short: complianceShortLabels[id], ok: c.ok, text: checkText(c) };
}

/** The compliance columns, labelled as the settings make them (the minimum names its thresholds). */
function checkColumns(wb: Workbook): DistrictSummaryView['checkColumns'] {
  const ids = Object.keys(complianceShortLabels) as ComplianceId[];
  return ids.map((id) => ({
    id, short: complianceShortLabels[id],
    label: id === 'teacherMinimum' ? complianceLabels.teacherMinimum(wb.settings.minMessagesPerWeek, wb.settings.minCallsPerWeek) : complianceLabels[id],
  }));
}

/** Every reported month (newest first) and the one asked for, or the newest. */
export function choosePeriod(wb: Workbook, now: Date, asked: string | null): { choices: PeriodChoice[]; chosen: PeriodChoice | null } {
  const periods = reportedPeriods(periodFromKey(wb.settings.firstPeriod), now);
  const summary = summariseDistrict({ organisations: [], reports: [], settings: wb.settings, asOf: now, periods });
  const choices = summary.periods.map((p) => ({ key: p.period, label: p.periodLabel, due: p.due })).reverse();
  if (asked === null || asked === '') return { choices, chosen: choices[0] ?? null };
  const p = parsePeriod(asked);
  const chosen = p ? choices.find((c) => c.key === periodKey(p)) : undefined;
  if (!chosen) throw new UserError(serverErrors.badPeriod);
  return { choices, chosen };
}

function coverageViews(s: PeriodSummary): CoverageView[] {
  const t = s.totals;
  const view = (id: CoverageView['id'], part: number, total: number): CoverageView => {
    const share = s.coverage[id];
    return { id, label: summaryUi.coverage[id], share, text: share === null ? summaryUi.noData : percentText(share), detail: summaryUi.coverageOf(part, total) };
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
export function backlogView(summary: DistrictSummary, shown: string | null): DistrictSummaryView['backlog'] {
  const months: BacklogMonthView[] = summary.periods
    .filter((p) => p.period !== shown && p.counts.overdue + p.counts.returned > 0)
    .sort((a, b) => b.period.localeCompare(a.period))
    .map((p) => ({
      period: p.period, label: p.periodLabel, overdue: p.counts.overdue, returned: p.counts.returned,
      text: summaryUi.backlogMonth(p.periodLabel, p.counts.overdue, p.counts.returned),
    }));
  const more = months.length - BACKLOG_MONTHS;
  return { months: months.slice(0, BACKLOG_MONTHS), moreText: more > 0 ? summaryUi.backlogMore(more) : '' };
}

export interface SummaryInputs {
  wb: Workbook;
  reports: StoredReport[];
  damaged: DamagedReportRow[];
  auditBrokenAtRow: number | null;
  now: Date;
  period: string | null;
  pendingNotices: number;
  remindNowAvailable: boolean;
  reminders: DistrictSummaryView['reminders'];
}

/** The whole dialog's data for one month, plus the trend over every month. */
export function buildSummaryView(x: SummaryInputs): DistrictSummaryView {
  const { wb, reports, now } = x;
  const { choices, chosen } = choosePeriod(wb, now, x.period);
  const organisations = wb.registry.map((e) => e.organisation);
  const periods = [...choices].reverse().map((c) => periodFromKey(c.key));
  const summary: DistrictSummary = summariseDistrict({ organisations, reports, settings: wb.settings, asOf: now, periods });
  const current = summary.periods.find((p) => p.period === chosen?.key) ?? null;
  const registryEdited = new Set(wb.registry.filter((e) => e.handEdited).map((e) => e.organisation.id));
  const editedReports = new Set(reports.filter((r) => r.handEdited).map((r) => r.orgId + '|' + r.period));
  const rows: SummaryRowView[] = (current?.rows ?? []).map((r) => ({
    orgId: r.orgId, name: r.name, typeLabel: organisationTypeLabels[r.type], status: r.status, statusLabel: r.statusLabel, late: r.late,
    version: r.report?.version ?? null, state: r.report?.state ?? null,
    submittedAtText: r.report ? formatDateTime(new Date(r.report.submittedAt)) : '',
    checks: r.compliance.map((c) => ({ id: c.id, ok: c.ok, text: checkText(c) })), compliant: r.compliant,
    handEdited: editedReports.has(r.orgId + '|' + current!.period), registryEdited: registryEdited.has(r.orgId),
    foreignMessengers: r.report ? !r.report.noForeignMessengers : false, foreignExplanation: r.report?.foreignMessengersExplanation ?? '',
  }));
  const counts = current
    ? (Object.keys(current.counts) as OrgPeriodStatus[]).map((status) => ({ status, label: statusLabels[status], count: current.counts[status] }))
    : [];
  const integrity = describeFindings({
    handEditedReports: reports.filter((r) => r.handEdited).map((r) => ({ row: r.row, orgId: r.orgId, period: r.period, version: r.version })),
    damagedReportRows: x.damaged,
    handEditedRegistryRows: wb.registry.filter((e) => e.handEdited).map((e) => ({ row: e.row, orgId: e.organisation.id })),
    damagedRegistryRows: wb.damagedRegistryRows,
    auditBrokenAtRow: x.auditBrokenAtRow,
  });
  const checklistRows = buildChecklist(organisations, latestReportPerOrganisation(reports), wb.settings.setupDeadline);
  const deadline = parseCalendarDate(wb.settings.setupDeadline);
  return {
    districtName: wb.settings.districtName,
    asOfText: formatDateTime(now),
    periods: choices,
    period: chosen,
    checkColumns: checkColumns(wb),
    rows,
    backlog: backlogView(summary, current?.period ?? null),
    counts,
    coverage: current ? coverageViews(current) : [],
    trend: summary.trend.map((t) => ({ period: t.period, label: t.periodLabel, ...t.coverage })),
    integrity,
    pendingNotices: x.pendingNotices,
    remindNowAvailable: x.remindNowAvailable,
    reminders: x.reminders,
    checklist: { deadline: deadline ? formatDate(deadline) : wb.settings.setupDeadline, done: checklistRows.filter((r) => r.complete).length, rows: checklistRows },
    message: chosen ? '' : summaryUi.noPeriods(formatPeriod(periodFromKey(wb.settings.firstPeriod))),
  };
}
