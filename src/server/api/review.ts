// google.script.run target of the admin: accept a report, or return it with a reason.
import { auditActions, reportMessages, reviewErrors, serverErrors, storedStateLabels } from '../../domain/messages';
import { formatPeriod, periodKey } from '../../domain/period';
import { requireAdmin } from '../access/roles';
import { forClient, UserError } from '../errors/userError';
import { withDocumentLock } from '../workbook/lock';
import type { ReportState } from '../../domain/schemas/report';
import { noticeQueued, queueReturnNotice, sendQueuedNotices } from '../mail/returnNotice';
import { advanceAnchors, nextSeq, readAnchors } from '../storage/anchors';
import { appendAudit, auditHasRefSince, auditRefs, type AuditEntry } from '../storage/auditSheet';
import { indexWrite, orgReports } from '../storage/reportReads';
import { highestReportSeq, reportRowCount, rewriteReport, type StoredReport } from '../storage/reportsSheet';
import { openWorkbookForWrite, resolveOrgPeriod, type Workbook } from '../workbook/workbook';
import type { ReviewResult } from '../../contract/coordinator';

export const RETURN_REASON_MAX = 1000;

/** The audit entry of a review (`before`: the state the version had: submitted, or accepted when reopened). */
function reviewAudit(report: StoredReport, orgId: string, text: string, before: ReportState): AuditEntry {
  return {
    at: report.reviewedAt ?? '',
    user: report.reviewedBy,
    action: report.state === 'accepted' ? auditActions.accept : auditActions.return,
    orgId,
    period: report.period,
    before: storedStateLabels[before],
    after: storedStateLabels[report.state] + (text ? ': ' + text : ''),
    ref: auditRefs.report(report.seq, report.version, report.state),
  };
}

/**
 * The same review sent again (same decision, same reason, same admin) after the first call was cut
 * short before its audit entry: the notice is queued and the entry written now; queued notices go
 * out. False otherwise (another review, or a review already committed: refused as reviewed).
 */
function repairReview(wb: Workbook, target: StoredReport, state: ReportState, text: string): boolean {
  const same =
    target.state === state &&
    target.reviewedBy === wb.caller.email &&
    target.returnReason === (state === 'returned' ? text : '') &&
    target.seq > 0;
  if (!same) return false;
  const ref = auditRefs.report(target.seq, target.version, state);
  if (auditHasRefSince(wb.ss, ref, target.reviewedAt ?? '')) {
    // Audited: a retry only when the first call stopped after its audit row (anchors not moved, or
    // its notice still queued); a review that completed is refused as already reviewed.
    const anchorBehind = (readAnchors()?.reports?.seq ?? target.seq) < target.seq;
    if (!anchorBehind && !noticeQueued(target)) return false;
    if (anchorBehind) advanceAnchors({ reports: { rows: 0, seq: target.seq, hash: '' } });
    sendQueuedNotices();
    return true;
  }
  queueReturnNotice(target, target.orgName);
  appendAudit(wb.ss, [reviewAudit(target, target.orgId, text, 'submitted')], wb.key, {
    reports: { rows: 0, seq: target.seq, hash: '' },
  });
  sendQueuedNotices();
  return true;
}

/**
 * Accepts or returns the latest version of a report. Only admins; only the latest version (a
 * newer one means the admin looked at stale data); a return needs a reason.
 * @param orgId organisation code
 * @param period 'ГГГГ-ММ'
 * @param version the version the admin looked at
 * @param decision 'accept' or 'return'
 * @param reason why it is returned (required for 'return')
 */
export function reviewReport(
  orgId: string,
  period: string,
  version: number,
  decision: string,
  reason: string,
): ReviewResult {
  return forClient('reviewReport', () =>
    withDocumentLock(() => {
      const wb = openWorkbookForWrite(requireAdmin);
      const { entry, period: p } = resolveOrgPeriod(wb, orgId, period);
      if (decision !== 'accept' && decision !== 'return') throw new UserError(serverErrors.unexpected);
      const text = typeof reason === 'string' ? reason.trim() : '';
      if (decision === 'return' && text === '') throw new UserError(serverErrors.reasonRequired);
      if (text.length > RETURN_REASON_MAX) throw new UserError(serverErrors.reasonTooLong(RETURN_REASON_MAX));
      const reports = orgReports(wb.ss, wb.key, entry.organisation.id);
      const versions = reports.load(reports.refs.filter((r) => r.period === periodKey(p)));
      const target = versions.find((r) => r.version === version);
      if (!target) throw new UserError(serverErrors.noSuchVersion);
      if (versions.some((r) => r.version > version)) throw new UserError(serverErrors.notLatestVersion);
      const state: ReportState = decision === 'accept' ? 'accepted' : 'returned';
      const label = formatPeriod(p);
      const answer: ReviewResult = {
        orgId: entry.organisation.id,
        period: periodKey(p),
        version,
        state,
        message:
          decision === 'accept'
            ? reportMessages.accepted(entry.organisation.name, label)
            : reportMessages.returned(entry.organisation.name, label),
      };
      // An accepted report may be reopened: returned with a reason, as a submitted one is.
      const reopening = target.state === 'accepted' && decision === 'return';
      if (target.state !== 'submitted' && !reopening) {
        if (repairReview(wb, target, state, text)) return answer;
        throw new UserError(serverErrors.alreadyReviewed(storedStateLabels[target.state]));
      }
      // Accepting would re-seal figures someone changed in the grid; returning keeps the mark.
      if (target.handEdited && decision === 'accept') throw new UserError(reviewErrors.handEdited);
      const seq = nextSeq(
        readAnchors(),
        'reports',
        Math.max(highestReportSeq(wb.ss, wb.key), ...versions.map((r) => r.seq)),
      );
      // The number is reserved first: the row is rewritten in place (not at the end, where the next
      // call would see its number), so a review cut short must not leave its number to be issued again.
      advanceAnchors({ reports: { rows: 0, seq, hash: '' } }, true);
      // The row (found again by identity), the index, the notice queued, then the audit entry with
      // the anchors as the commit; the e-mail goes after.
      const updated = rewriteReport(
        wb.ss,
        target,
        {
          ...target,
          state,
          returnReason: decision === 'return' ? text : '',
          reviewedBy: wb.caller.email,
          reviewedAt: new Date().toISOString(),
          seq,
        },
        wb.key,
        wb.settings.deadlineDay,
        target.handEdited,
      );
      const typeOf = () => new Map(wb.registry.map((e) => [e.organisation.id, e.organisation.type]));
      const rows = reportRowCount(wb.ss);
      indexWrite(wb.ss, wb.key, updated, entry.organisation.type, reports.refs, rows, typeOf, wb.settings.deadlineDay);
      // In the same step as the state change: a return queues the coordinators' e-mail.
      queueReturnNotice(updated, entry.organisation.name);
      appendAudit(wb.ss, [reviewAudit(updated, entry.organisation.id, text, target.state)], wb.key, {
        reports: { rows: 0, seq, hash: '' },
      });
      sendQueuedNotices();
      return answer;
    }),
  );
}
