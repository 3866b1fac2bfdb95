// Compliance of one monthly report with order № 178: one named check per rule of the order.
import { formatDate, parseCalendarDate } from './calendar';
import { dueDate, isOnTime } from './deadline';
import { appointmentOrder, complianceLabels as labels } from './messages';
import { periodFromKey } from './period';
import { hasMySchool, hasPupils, isCoordinatorAppointed, type Organisation } from './schemas/organisation';
import type { MonthlyReport } from './schemas/report';
import type { Settings } from './schemas/settings';

export type ComplianceId =
  | 'teachersCoverage'
  | 'pupilsCoverage'
  | 'parentsCoverage'
  | 'groupsCreated'
  | 'staffChat'
  | 'pupilChats'
  | 'parentChats'
  | 'teacherMinimum'
  | 'mySchool'
  | 'coordinatorAppointed'
  | 'noForeignMessengers'
  | 'submittedOnTime';

/**
 * One rule of the order. `ok` is null when the rule does not apply to the organisation's type, is
 * informational (no target in Settings) or cannot be judged yet (not submitted).
 */
export interface ComplianceCheck {
  id: ComplianceId;
  label: string;
  ok: boolean | null;
  actual: number | boolean | string | null;
  target: number | boolean | string | null;
}

/** part / total, or null when total is 0 (nothing to cover). */
export function shareOf(part: number, total: number): number | null {
  return total === 0 ? null : part / total;
}

const TOLERANCE = 1e-12;

function coverage(
  id: ComplianceId,
  label: string,
  part: number | null,
  total: number | null,
  target: number | null,
): ComplianceCheck {
  if (part === null || total === null) return { id, label, ok: null, actual: null, target: null };
  const actual = shareOf(part, total);
  const ok = target === null ? null : actual === null || actual >= target - TOLERANCE;
  return { id, label, ok, actual, target };
}

function atLeast(id: ComplianceId, label: string, actual: number | null, target: number): ComplianceCheck {
  return actual === null
    ? { id, label, ok: null, actual: null, target: null }
    : { id, label, ok: actual >= target, actual, target };
}

const yes = (id: ComplianceId, label: string, actual: boolean): ComplianceCheck => ({
  id,
  label,
  ok: actual,
  actual,
  target: true,
});

/**
 * Checks a report against every rule of the order, honouring the organisation type and Settings.
 * @param submittedAt when the report was first submitted; null or omitted → the deadline check is null
 */
export function checkCompliance(
  report: MonthlyReport,
  org: Organisation,
  settings: Settings,
  submittedAt: Date | null = null,
): ComplianceCheck[] {
  const targets = settings.coverageTargets;
  const pupils = hasPupils(org.type);
  const period = periodFromKey(report.period);
  const appointed = isCoordinatorAppointed(org);
  const orderDate = org.appointmentOrderDate ? parseCalendarDate(org.appointmentOrderDate) : null;
  return [
    coverage(
      'teachersCoverage',
      labels.teachersCoverage,
      report.teachersConnected,
      report.teachersTotal,
      targets.teachers,
    ),
    coverage(
      'pupilsCoverage',
      labels.pupilsCoverage,
      pupils ? report.pupilsConnected : null,
      pupils ? report.pupilsTotal : null,
      targets.pupils,
    ),
    coverage('parentsCoverage', labels.parentsCoverage, report.parentsConnected, report.parentsTotal, targets.parents),
    atLeast('groupsCreated', labels.groupsCreated, report.groupsInSferum, report.groupsTotal),
    yes('staffChat', labels.staffChat, report.staffChat),
    atLeast('pupilChats', labels.pupilChats, pupils ? report.pupilChats : null, report.groupsTotal),
    atLeast('parentChats', labels.parentChats, report.parentChats, report.groupsTotal),
    coverage(
      'teacherMinimum',
      labels.teacherMinimum(settings.minMessagesPerWeek, settings.minCallsPerWeek),
      report.teachersMeetingMinimum,
      report.teachersTotal,
      targets.teacherMinimum,
    ),
    coverage(
      'mySchool',
      labels.mySchool,
      hasMySchool(org.type) ? report.mySchoolTeachers : null,
      hasMySchool(org.type) ? report.teachersTotal : null,
      targets.mySchool,
    ),
    {
      id: 'coordinatorAppointed',
      label: labels.coordinatorAppointed,
      ok: appointed,
      actual:
        appointed && orderDate ? appointmentOrder(org.appointmentOrderNumber.trim(), formatDate(orderDate)) : null,
      target: true,
    },
    yes('noForeignMessengers', labels.noForeignMessengers, report.noForeignMessengers),
    {
      id: 'submittedOnTime',
      label: labels.submittedOnTime,
      ok: submittedAt ? isOnTime(period, submittedAt, settings.deadlineDay) : null,
      actual: submittedAt ? formatDate(submittedAt) : null,
      target: formatDate(dueDate(period, settings.deadlineDay)),
    },
  ];
}

/** True when no applicable check failed (null checks do not count against it). */
export function isCompliant(checks: readonly ComplianceCheck[]): boolean {
  return checks.every((check) => check.ok !== false);
}

/** The checks that failed. */
export function failedChecks(checks: readonly ComplianceCheck[]): ComplianceCheck[] {
  return checks.filter((check) => check.ok === false);
}
