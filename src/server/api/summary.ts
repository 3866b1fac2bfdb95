// google.script.run targets of the admin's «Сводка по округу»: the month's summary in one call,
// the set-up checklist when its tab is first opened, one organisation's report with every version,
// and sending notices the mail quota held back.
import { formatDateTime } from '../../domain/calendar';
import { percentText } from '../../domain/checkText';
import { organisationTypeLabels, staleReminders, storedStateLabels, summaryUi } from '../../domain/messages';
import { formatPeriod, periodKey, previousPeriod } from '../../domain/period';
import { summariseDistrict } from '../../domain/summary';
import { requireAdmin } from '../access/roles';
import { forClient } from '../errors/userError';
import { withDocumentLock } from '../workbook/lock';
import { getReminderStatus } from '../reminders/status';
import { remindNow } from '../reminders/remindNow';
import { pendingNoticeCount, sendPendingNotices } from '../mail/returnNotice';
import { verifyAuditChainSince } from '../storage/auditSheet';
import { recordedAuditBreak } from '../reminders/auditWatch';
import { summaryFindings } from '../workbook/handEdits';
import { latestReportPerOrganisation } from '../workbook/setupChecklist';
import { latestStructures, orgReports, sealedRows } from '../storage/reportReads';
import { readReports, type StoredReport } from '../storage/reportsSheet';
import { openWorkbook, resolveOrgPeriod, type Workbook } from '../workbook/workbook';
import { monthFromIndex } from './monthFromIndex';
import { buildChecklistData, buildSummaryView, checkView } from './summaryRows';
import { compareFields, editedFields, fieldKeys, organisationHistory, writtenVersions } from './summaryReport';
import type {
  AdminReportView,
  AdminVersionView,
  ChecklistData,
  DistrictSummaryData,
  DistrictSummaryView,
  RemindNowResult,
  ReturnNoticesResult,
} from '../../contract/summary';

/** «Напомнить выбранным» uses the daily reminders' remindNow (same ledger and quota). */
const REMIND_NOW_AVAILABLE = true;

/** The reminders in Russian lines for the summary (the spreadsheet's project metadata). */
function reminderLines(): DistrictSummaryView['reminders'] {
  const status = getReminderStatus();
  const last = status.lastRun;
  const lines = [status.enabled ? summaryUi.remindersOn(status.triggerOwner) : summaryUi.remindersOff];
  lines.push(
    last ? summaryUi.remindersLastRun(formatDateTime(new Date(last.at)), last.message) : summaryUi.remindersNever,
  );
  if (last?.error) lines.push(summaryUi.remindersError(last.error));
  // A dead trigger is never silent (add-on triggers send no failure e-mails).
  if (status.stale)
    lines.push(
      staleReminders.summary(
        status.lastSuccessAt ? formatDateTime(new Date(status.lastSuccessAt)) : staleReminders.never,
      ),
    );
  const failed = (last !== null && last.outcome !== 'ok') || status.stale;
  return { lines, failed };
}

/**
 * The change log's first broken row (or null): as the hourly reminder run last found it, so the
 * summary reads no audit rows; checked here only when no run does (reminders off or stopped).
 */
function auditBreak(wb: Workbook, now: Date): number | null {
  const recorded = recordedAuditBreak(wb.ss, now);
  return recorded !== undefined ? recorded : verifyAuditChainSince(wb.ss, wb.key);
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
    const now = new Date();
    const month = monthFromIndex(wb, now, period, sealedRows(wb.ss, wb.key));
    const { reports, damaged } = month ?? readReports(wb.ss, wb.key);
    return buildSummaryView({
      wb,
      reports,
      aggregates: month?.aggregates,
      acceptedOnce: month?.acceptedOnce,
      previous: month?.previous,
      findings: summaryFindings(wb, reports, damaged, auditBreak(wb, now)),
      now,
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
    // Each organisation's groups and chats from the index's month entries (every row when untrusted).
    const latest = latestStructures(wb.ss, wb.key) ?? latestReportPerOrganisation(readReports(wb.ss, wb.key).reports);
    return buildChecklistData(
      wb.registry.map((e) => e.organisation),
      latest,
      wb.settings.setupDeadline,
    );
  });
}

/**
 * One organisation's report for a month with every version, newest first, each figure beside last
 * month's, its last 12 months, and for a hand-edited version what changed (admins only).
 * @param orgId organisation code
 * @param period 'ГГГГ-ММ'
 */
export function getAdminReport(orgId: string, period: string): AdminReportView {
  return forClient('getAdminReport', () => {
    const wb = openWorkbook();
    requireAdmin(wb.caller);
    const { entry, period: p, key } = resolveOrgPeriod(wb, orgId, period);
    const org = entry.organisation;
    const now = new Date();
    // One organisation's rows only (the index): every version of it, for the month, last month and history.
    const reports = orgReports(wb.ss, wb.key, org.id);
    const mine = reports.load(reports.refs);
    const versions = mine.filter((r) => r.period === key).sort((a, b) => b.version - a.version);
    const before = previousPeriod(p);
    const previous =
      mine.filter((r) => r.period === periodKey(before)).sort((a, b) => b.version - a.version)[0] ?? null;
    const keys = fieldKeys(org);
    const threshold = wb.settings.changeThreshold;
    const written = versions.some((r) => r.handEdited) ? writtenVersions(wb.ss, org.id, key) : null;
    const view = (r: StoredReport, i: number): AdminVersionView => ({
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
      // Only the latest version is compared with last month.
      fields: compareFields(r, i === 0 ? previous : null, keys, threshold),
      editedFields: r.handEdited && written ? editedFields(r, written.get(r.version), keys) : null,
    });
    const summary = summariseDistrict({
      organisations: [org],
      reports: versions,
      settings: wb.settings,
      asOf: now,
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
      canReopen: versions[0]?.state === 'accepted',
      checks: summary.periods[0]!.rows[0]!.compliance.map(checkView),
      previousLabel: previous ? formatPeriod(before) : '',
      thresholdText: threshold === null ? '' : summaryUi.thresholdNote(percentText(threshold)),
      history: organisationHistory(org, mine, wb.settings, p, now),
    };
  });
}

/** Sends the return notices the daily mail quota held back (admins only). */
export function sendReturnNotices(): ReturnNoticesResult {
  return forClient('sendReturnNotices', () =>
    withDocumentLock(() => {
      const wb = openWorkbook();
      requireAdmin(wb.caller);
      const { sent, left, skipped } = sendPendingNotices();
      return { sent, left, message: [summaryUi.pendingSent(sent, left), ...skipped].join(' ') };
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
