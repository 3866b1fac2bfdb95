// google.script.run targets of the admin's «Сводка по округу»: the month's summary in one call,
// the set-up checklist when its tab is first opened, one organisation's report with every version,
// and sending notices the mail quota held back.
import { formatDateTime } from '../../domain/calendar';
import { organisationTypeLabels, reportFieldLabels, storedStateLabels, summaryUi } from '../../domain/messages';
import { formatPeriod } from '../../domain/period';
import { hasMySchool, hasPupils } from '../../domain/schemas/organisation';
import { summariseDistrict } from '../../domain/summary';
import { requireAdmin } from '../access/roles';
import { forClient } from './errors';
import { withDocumentLock } from '../workbook/lock';
import { getReminderStatus } from '../reminders/status';
import { remindNow, type RemindNowResult } from '../reminders/remindNow';
import { pendingNoticeCount, sendPendingNotices } from '../mail/returnNotice';
import { integrityFindings } from '../workbook/handEdits';
import { readReports, type StoredReport } from '../storage/reportsSheet';
import { openWorkbook, resolveOrgPeriod } from '../workbook/workbook';
import { buildChecklistData, buildSummaryView, checkView } from './summaryRows';
import type {
  AdminReportView,
  AdminVersionView,
  ChecklistData,
  DistrictSummaryData,
  DistrictSummaryView,
} from '../../contract/summary';

/** «Напомнить выбранным» uses the daily reminders' remindNow (same ledger and quota). */
const REMIND_NOW_AVAILABLE = true;

/** The daily reminders in Russian lines for the summary (document properties only). */
function reminderLines(): DistrictSummaryView['reminders'] {
  const status = getReminderStatus();
  const last = status.lastRun;
  const lines = [status.enabled ? summaryUi.remindersOn(status.triggerOwner) : summaryUi.remindersOff];
  lines.push(
    last ? summaryUi.remindersLastRun(formatDateTime(new Date(last.at)), last.message) : summaryUi.remindersNever,
  );
  if (last?.error) lines.push(summaryUi.remindersError(last.error));
  const failed = last !== null && last.outcome !== 'ok';
  return { lines, failed };
}

/**
 * Everything the summary dialog shows for one month but the checklist (admins only), in a constant
 * number of reads; the rows compact (the dialog's expandSummary words them).
 * @param period 'ГГГГ-ММ', or null for the newest reported month
 */
export function getDistrictSummary(period: string | null): DistrictSummaryData {
  return forClient('getDistrictSummary', () => {
    const wb = openWorkbook();
    requireAdmin(wb.caller);
    const { reports, damaged } = readReports(wb.ss, wb.key);
    return buildSummaryView({
      wb,
      reports,
      findings: integrityFindings(wb, reports, damaged),
      now: new Date(),
      period,
      pendingNotices: pendingNoticeCount(),
      remindNowAvailable: REMIND_NOW_AVAILABLE,
      reminders: reminderLines(),
    });
  });
}

/**
 * The set-up checklist tab (admins only): loaded when the tab is first opened, not with every month's
 * summary (it is the same for every month, and at 500 organisations it was half of that answer).
 */
export function getSetupChecklist(): ChecklistData {
  return forClient('getSetupChecklist', () => {
    const wb = openWorkbook();
    requireAdmin(wb.caller);
    const { reports } = readReports(wb.ss, wb.key);
    return buildChecklistData(
      wb.registry.map((e) => e.organisation),
      reports,
      wb.settings.setupDeadline,
    );
  });
}

const FIELD_ORDER = Object.keys(reportFieldLabels).filter(
  (k) => k !== 'orgId' && k !== 'period',
) as (keyof typeof reportFieldLabels)[];
const PUPIL_FIELDS = ['pupilsTotal', 'pupilsConnected', 'pupilChats'];

function fieldText(value: unknown): string {
  if (value === null || value === undefined || value === '') return summaryUi.empty;
  if (typeof value === 'boolean') return value ? summaryUi.yes : summaryUi.no;
  return String(value);
}

/**
 * One organisation's report for a month with every version, newest first (admins only).
 * @param orgId organisation code
 * @param period 'ГГГГ-ММ'
 */
export function getAdminReport(orgId: string, period: string): AdminReportView {
  return forClient('getAdminReport', () => {
    const wb = openWorkbook();
    requireAdmin(wb.caller);
    const { entry, period: p, key } = resolveOrgPeriod(wb, orgId, period);
    const org = entry.organisation;
    const versions = readReports(wb.ss, wb.key)
      .reports.filter((r) => r.orgId === org.id && r.period === key)
      .sort((a, b) => b.version - a.version);
    const fields = FIELD_ORDER.filter(
      (f) => (hasPupils(org.type) || !PUPIL_FIELDS.includes(f)) && (hasMySchool(org.type) || f !== 'mySchoolTeachers'),
    );
    const view = (r: StoredReport): AdminVersionView => ({
      version: r.version,
      state: r.state,
      stateLabel: storedStateLabels[r.state],
      title: summaryUi.versionTitle(
        r.version,
        storedStateLabels[r.state],
        formatDateTime(new Date(r.submittedAt)),
        r.submittedBy,
      ),
      reviewed:
        r.reviewedBy && r.reviewedAt
          ? summaryUi.reviewedLine(r.reviewedBy, formatDateTime(new Date(r.reviewedAt)))
          : '',
      returnReason: r.returnReason,
      handEdited: r.handEdited,
      fields: fields.map((f) => ({
        label: reportFieldLabels[f],
        value: fieldText((r as unknown as Record<string, unknown>)[f]),
      })),
    });
    const summary = summariseDistrict({
      organisations: [org],
      reports: versions,
      settings: wb.settings,
      asOf: new Date(),
      periods: [p],
    });
    const label = formatPeriod(p);
    return {
      orgId: org.id,
      name: org.name + ' (' + organisationTypeLabels[org.type] + ')',
      period: key,
      periodLabel: label,
      title: summaryUi.reportTitle(org.name, label),
      versions: versions.map(view),
      canReview: versions[0]?.state === 'submitted',
      checks: summary.periods[0]!.rows[0]!.compliance.map(checkView),
    };
  });
}

/** Sends the return notices the daily mail quota held back (admins only). */
export function sendReturnNotices(): { sent: number; left: number; message: string } {
  return forClient('sendReturnNotices', () =>
    withDocumentLock(() => {
      const wb = openWorkbook();
      requireAdmin(wb.caller);
      const result = sendPendingNotices();
      return { ...result, message: summaryUi.pendingSent(result.sent, result.left) };
    }),
  );
}

/**
 * «Напомнить выбранным»: a reminder now to the chosen organisations' coordinators, through the
 * daily reminders' ledger and quota (admins only; remindNow checks the role and takes the lock).
 * @param orgIds organisation codes ticked in the table
 */
export function remindSelected(orgIds: string[]): RemindNowResult {
  return forClient('remindSelected', () => {
    requireAdmin(openWorkbook().caller);
    return remindNow(orgIds);
  });
}
