// google.script.run targets of the coordinator's sidebar: the report form and its submission.
import { describeChanges, reportLabels } from '../../domain/auditText';
import { formatDateTime, formatDate, parseCalendarDate } from '../../domain/calendar';
import { daysToDeadline, dueDate, dueInstant, reportedPeriods } from '../../domain/deadline';
import {
  auditActions,
  organisationTypeLabels,
  reportMessages,
  serverErrors,
  statusLabels,
  teacherWeeksTexts,
} from '../../domain/messages';
import {
  comparePeriods,
  formatPeriod,
  parsePeriod,
  periodFromKey,
  periodKey,
  previousPeriod,
  type Period,
} from '../../domain/period';
import { firstOwedPeriod, hasMySchool, hasPupils, owesPeriod } from '../../domain/schemas/organisation';
import { COMMENT_MAX_LENGTH, validateReport, type MonthlyReport } from '../../domain/schemas/report';
import {
  formatTeacherWeeks,
  parseTeacherWeeks,
  validateTeacherWeeks,
  type TeacherWeeks,
} from '../../domain/schemas/teacherWeeks';
import { periodStatus } from '../../domain/summary';
import { requireOrganisation } from '../access/roles';
import { forClient, UserError } from '../errors/userError';
import { withDocumentLock } from '../workbook/lock';
import { nextSeq, readAnchors } from '../storage/anchors';
import { appendAudit, auditHasRefSince, auditRefs, type AuditEntry } from '../storage/auditSheet';
import type { VersionRef } from '../storage/reportIndex';
import { indexWrite, orgReports, type OrgReports } from '../storage/reportReads';
import { appendReport, highestReportSeq, reportRowCount, type StoredReport } from '../storage/reportsSheet';
import { findOrganisation, openWorkbook, openWorkbookForWrite, type Workbook } from '../workbook/workbook';
import type {
  PeriodOption,
  ReportFormView,
  SubmitResult,
  VersionValues,
  VersionView,
} from '../../contract/coordinator';

/** A stored version's report figures only. */
function reportValues(r: StoredReport): MonthlyReport {
  const values = {} as Record<string, unknown>;
  for (const key of Object.keys(reportLabels)) values[key] = (r as unknown as Record<string, unknown>)[key];
  return values as MonthlyReport;
}

function versionView(r: StoredReport): VersionView {
  const stored = parseTeacherWeeks(r.teacherWeeks ?? '');
  const values: VersionValues = { ...reportValues(r), teacherWeeks: stored && stored.length > 0 ? stored : null };
  return {
    version: r.version,
    state: r.state,
    submittedAt: r.submittedAt,
    submittedAtText: formatDateTime(new Date(r.submittedAt)),
    submittedBy: r.submittedBy,
    returnReason: r.returnReason,
    reviewedBy: r.reviewedBy,
    values,
  };
}

/**
 * The per-teacher weekly figures sent with a report, checked against Settings and the report:
 * refused when storing is off (the sidebar then sends counts only), else codes only and consistent
 * with the coordinator's count. Absent (undefined or null) means none.
 */
function acceptedTeacherWeeks(raw: unknown, wb: Workbook, period: string, report: MonthlyReport): TeacherWeeks[] {
  if (raw === undefined || raw === null) return [];
  if (!wb.settings.storeTeacherCodes) throw new UserError(teacherWeeksTexts.notStored);
  const checked = validateTeacherWeeks(raw, {
    period: periodFromKey(period),
    minMessages: wb.settings.minMessagesPerWeek,
    minCalls: wb.settings.minCallsPerWeek,
    teachersMeetingMinimum: report.teachersMeetingMinimum,
  });
  if (!checked.ok) throw new UserError(checked.errors.map((e) => e.message).join(' '));
  return checked.teacherWeeks;
}

/** A month's status from the organisation's versions of it (latest state, first submission). */
function statusFrom(refs: readonly VersionRef[], period: string, dueMs: number, now: Date) {
  const of = refs.filter((r) => r.period === period);
  const latest = newest(of);
  return periodStatus(
    latest
      ? { state: latest.state, firstSubmittedMs: Math.min(...of.map((r) => Date.parse(r.submittedAt))) }
      : undefined,
    dueMs,
    now,
  );
}

/** The highest version of a list, or undefined. */
function newest<T extends { version: number }>(list: readonly T[]): T | undefined {
  return list.reduce<T | undefined>((best, r) => (!best || r.version > best.version ? r : best), undefined);
}

/**
 * The organisation's versions (without figures: the index, or else the whole sheet) and the period
 * list with statuses; figures are loaded only for the versions a call shows.
 */
function orgHistory(wb: Workbook, orgId: string, now: Date) {
  const entry = findOrganisation(wb, orgId);
  if (!entry) throw new UserError(serverErrors.unknownOrganisation(orgId));
  const reports: OrgReports = orgReports(wb.ss, wb.key, orgId);
  const firstPeriod = wb.settings.firstPeriod;
  // Only the months the organisation is listed in (from its «отчитывается с», before its closing).
  const options: PeriodOption[] = reportedPeriods(periodFromKey(firstPeriod), now)
    .filter((p) => owesPeriod(entry.organisation, periodKey(p), firstPeriod))
    .map((p) => {
      const key = periodKey(p);
      const { status } = statusFrom(reports.refs, key, dueInstant(p, wb.settings.deadlineDay).getTime(), now);
      return {
        key,
        label: formatPeriod(p),
        deadline: formatDate(dueDate(p, wb.settings.deadlineDay)),
        status,
        statusLabel: statusLabels[status],
      };
    })
    .reverse();
  const first = firstOwedPeriod(entry.organisation, firstPeriod);
  return { entry, reports, options, first };
}

/** Why a month cannot be reported: unreadable, before the first owed month, after closing, or not ended. */
function periodRefusal(period: Period | null, firstPeriod: string, closedOn: string | null): string {
  if (!period) return serverErrors.badPeriod;
  const first = periodFromKey(firstPeriod);
  if (closedOn !== null && periodKey(period) >= closedOn.slice(0, 7))
    return serverErrors.organisationClosed(formatDate(parseCalendarDate(closedOn)!));
  return comparePeriods(period, first) < 0
    ? serverErrors.periodTooEarly(formatPeriod(first))
    : serverErrors.periodNotOpen(formatPeriod(period));
}

/** The period to show: the one asked for, else the oldest not yet submitted or returned, else the newest. */
function choosePeriod(options: readonly PeriodOption[], asked: string | null, firstPeriod: string): PeriodOption {
  if (options.length === 0) throw new UserError(serverErrors.noPeriodYet(formatPeriod(periodFromKey(firstPeriod))));
  if (asked !== null) {
    const found = options.find((o) => o.key === asked);
    if (!found) throw new UserError(serverErrors.badPeriod);
    return found;
  }
  const open = [...options].reverse().find((o) => ['not-submitted', 'overdue', 'returned'].includes(o.status));
  return open ?? options[0]!;
}

/**
 * The coordinator's form for one organisation and month: statuses, deadline, the latest version,
 * every version, and last month's figures to pre-fill.
 * @param orgId organisation code, or null for the caller's first organisation
 * @param period 'ГГГГ-ММ', or null for the month most in need of a report
 */
export function getReportForm(orgId: string | null, period: string | null): ReportFormView {
  return forClient('getReportForm', () => {
    const wb = openWorkbook();
    const id = orgId ?? wb.caller.orgIds[0] ?? '';
    requireOrganisation(wb.caller, id);
    const now = new Date();
    const { entry, reports, options, first } = orgHistory(wb, id, now);
    const chosen = choosePeriod(options, period, first);
    const prevKey = periodKey(previousPeriod(periodFromKey(chosen.key)));
    const prevRef = newest(reports.refs.filter((r) => r.period === prevKey));
    // One load for what the form shows: the month's versions and last month's latest (pre-fill).
    const loaded = reports.load([
      ...reports.refs.filter((r) => r.period === chosen.key),
      ...(prevRef ? [prevRef] : []),
    ]);
    const versions = loaded.filter((r) => r.period === chosen.key).sort((a, b) => b.version - a.version);
    const prev = loaded.find((r) => r.period === prevKey);
    const org = entry.organisation;
    return {
      organisations: wb.callerEntries.map((e) => ({ id: e.organisation.id, name: e.organisation.name })),
      organisation: {
        id: org.id,
        name: org.name,
        type: org.type,
        typeLabel: organisationTypeLabels[org.type],
        hasPupils: hasPupils(org.type),
        hasMySchool: hasMySchool(org.type),
      },
      periods: options,
      period: { ...chosen, daysLeft: daysToDeadline(periodFromKey(chosen.key), now, wb.settings.deadlineDay) },
      current: versions[0] ? versionView(versions[0]) : null,
      versions: versions.map(versionView),
      prefill: prev ? reportValues(prev) : null,
      rules: {
        minMessagesPerWeek: wb.settings.minMessagesPerWeek,
        minCallsPerWeek: wb.settings.minCallsPerWeek,
        storeTeacherCodes: wb.settings.storeTeacherCodes,
        commentMaxLength: COMMENT_MAX_LENGTH,
        coverageTargets: wb.settings.coverageTargets,
      },
    };
  });
}

const KEY_PATTERN = /^[A-Za-z0-9-]{8,64}$/;

/**
 * Stores a new version of a report under the document lock. The same `submissionKey` twice (a
 * double click, a retry after a lost answer) stores one version and answers the same.
 * @param input the form's values (validated here again: the sidebar is never trusted)
 * @param submissionKey a random id the sidebar makes once per submission
 */
export function submitReport(input: unknown, submissionKey: string): SubmitResult {
  return forClient('submitReport', () => {
    if (typeof submissionKey !== 'string' || !KEY_PATTERN.test(submissionKey))
      throw new UserError(serverErrors.unexpected);
    const raw = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
    return withDocumentLock(() => {
      const orgId = String(raw.orgId ?? '');
      const wb = openWorkbookForWrite((caller) => requireOrganisation(caller, orgId), orgId);
      const now = new Date();
      const { entry, reports, options, first } = orgHistory(wb, orgId, now);
      const parsedPeriod = parsePeriod(raw.period);
      const option = parsedPeriod ? options.find((o) => o.key === periodKey(parsedPeriod)) : undefined;
      if (!option) throw new UserError(periodRefusal(parsedPeriod, first, entry.organisation.closedOn ?? null));
      // A retry carries the same key for the same organisation and month; elsewhere it proves nothing.
      const sameRef = reports.refs.find((r) => r.submissionKey === submissionKey && r.period === option.key);
      const same = sameRef ? reports.load([sameRef])[0] : undefined;
      if (same) {
        repairSubmissionAudit(wb, same, reports);
        return result(same, reports.refs, wb, now, true);
      }
      const validated = validateReport({ ...raw, period: option.key }, entry.organisation);
      if (!validated.ok)
        throw new UserError(serverErrors.invalidReport + ' ' + validated.errors.map((e) => e.message).join(' '));
      const teacherWeeks = acceptedTeacherWeeks(raw.teacherWeeks, wb, option.key, validated.report);
      const previousRef = newest(reports.refs.filter((r) => r.period === option.key));
      const previous = previousRef ? reports.load([previousRef])[0] : undefined;
      const rowsBefore = reportRowCount(wb.ss);
      const seq = nextSeq(readAnchors(), 'reports', highestReportSeq(wb.ss, wb.key));
      // The row first, then its audit entry with the anchors (the commit): a call cut short in
      // between leaves a row the audit does not know, which the check names and a retry completes.
      const stored = appendReport(
        wb.ss,
        {
          ...validated.report,
          version: (previous?.version ?? 0) + 1,
          submittedBy: wb.email,
          submittedAt: now.toISOString(),
          state: 'submitted',
          returnReason: '',
          orgName: entry.organisation.name,
          reviewedBy: '',
          reviewedAt: null,
          submissionKey,
          teacherWeeks: formatTeacherWeeks(teacherWeeks),
          seq,
        },
        wb.key,
        wb.settings.deadlineDay,
      );
      const typeOf = () => new Map(wb.registry.map((e) => [e.organisation.id, e.organisation.type]));
      indexWrite(
        wb.ss,
        wb.key,
        stored,
        entry.organisation.type,
        reports.refs,
        rowsBefore,
        typeOf,
        wb.settings.deadlineDay,
      );
      appendAudit(wb.ss, [submissionAudit(stored, previous)], wb.key, {
        reports: { rows: stored.row - 1, seq, hash: '' },
      });
      return result(stored, reports.refs, wb, now, false);
    });
  });
}

/** The audit entry of a stored submission (it names how many teachers' figures were stored, never them). */
function submissionAudit(stored: StoredReport, previous: StoredReport | undefined): AuditEntry {
  const [before, after] = describeChanges(previous ? reportValues(previous) : null, reportValues(stored), reportLabels);
  const teachers = parseTeacherWeeks(stored.teacherWeeks ?? '')?.length ?? 0;
  const stamped = [
    reportMessages.versionNote(stored.version),
    after,
    teachers > 0 ? teacherWeeksTexts.audit(teachers) : '',
  ];
  return {
    at: stored.submittedAt,
    user: stored.submittedBy,
    action: auditActions.submit,
    orgId: stored.orgId,
    period: stored.period,
    before,
    after: stamped.filter((x) => x !== '').join('; '),
    ref: auditRefs.report(stored.seq, stored.version, 'submitted'),
  };
}

/** A retry of a submission whose call was cut short before its audit entry: the entry is written now. */
function repairSubmissionAudit(wb: Workbook, same: StoredReport, reports: OrgReports): void {
  if (same.state !== 'submitted' || same.seq === 0 || same.handEdited) return;
  const ref = auditRefs.report(same.seq, same.version, 'submitted');
  if (auditHasRefSince(wb.ss, ref, same.submittedAt)) return;
  const previousRef = newest(reports.refs.filter((r) => r.period === same.period && r.version < same.version));
  const previous = previousRef ? reports.load([previousRef])[0] : undefined;
  appendAudit(wb.ss, [submissionAudit(same, previous)], wb.key, {
    reports: { rows: same.row - 1, seq: same.seq, hash: '' },
  });
}

/** The answer to a submission: status as the summary will show it (lateness from the first version). */
function result(
  stored: StoredReport,
  earlier: readonly VersionRef[],
  wb: Workbook,
  now: Date,
  duplicate: boolean,
): SubmitResult {
  const period = periodFromKey(stored.period);
  const versions = [...earlier.filter((r) => r.period === stored.period && r.row !== stored.row), stored];
  const row = periodStatus(
    { state: stored.state, firstSubmittedMs: Math.min(...versions.map((r) => Date.parse(r.submittedAt))) },
    dueInstant(period, wb.settings.deadlineDay).getTime(),
    now,
  );
  const due = formatDate(dueDate(period, wb.settings.deadlineDay));
  return {
    version: stored.version,
    submittedAt: stored.submittedAt,
    submittedAtText: formatDateTime(new Date(stored.submittedAt)),
    status: row.status,
    statusLabel: statusLabels[row.status],
    duplicate,
    message: reportMessages.submitted(
      stored.version,
      formatPeriod(period),
      formatDateTime(new Date(stored.submittedAt)),
      row.late,
      due,
    ),
  };
}
