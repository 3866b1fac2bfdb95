// google.script.run target of the admin: accept a report, or return it with a reason.
import { auditActions, reportMessages, reviewErrors, serverErrors, storedStateLabels } from '../../domain/messages';
import { formatPeriod, periodKey } from '../../domain/period';
import { requireAdmin } from '../access/roles';
import { forClient, UserError } from './errors';
import { withDocumentLock } from '../workbook/lock';
import type { ReportState } from '../../domain/schemas/report';
import { nextSeq, readAnchors } from '../storage/anchors';
import { appendAudit, auditRefs, readAudit, type AuditEntry } from '../storage/auditSheet';
import { readReports, rewriteReport, type StoredReport } from '../storage/reportsSheet';
import { openWorkbookForWrite, resolveOrgPeriod, type Workbook } from '../workbook/workbook';
import type { ReviewResult } from '../../contract/coordinator';

export const RETURN_REASON_MAX = 1000;

/**
 * Hook for what follows a review (the admin summary e-mails the coordinator on return): `queued`
 * runs in the same step as the state change, before the audit entry that commits it; `committed`
 * after it (to send what was queued).
 */
export interface ReviewListener {
  queued(report: StoredReport, orgName: string): void;
  committed(): void;
}
const listeners: ReviewListener[] = [];
/** Registers a listener called inside the same lock as the review. */
export function onReviewed(listener: ReviewListener): void {
  listeners.push(listener);
}

/** The audit entry of a review. */
function reviewAudit(report: StoredReport, orgId: string, text: string): AuditEntry {
  return {
    at: report.reviewedAt ?? '',
    user: report.reviewedBy,
    action: report.state === 'accepted' ? auditActions.accept : auditActions.return,
    orgId,
    period: report.period,
    before: storedStateLabels.submitted,
    after: storedStateLabels[report.state] + (text ? ': ' + text : ''),
    ref: auditRefs.report(report.seq, report.version, report.state),
  };
}

/**
 * The same review sent again (same decision, same reason, same admin): a retry. When the first call
 * was cut short before its audit entry, the notice is queued and the entry written now; queued
 * notices go out. False when it is another review of a version already reviewed.
 */
function repairReview(wb: Workbook, target: StoredReport, state: ReportState, text: string): boolean {
  const same =
    target.state === state &&
    target.reviewedBy === wb.caller.email &&
    target.returnReason === (state === 'returned' ? text : '') &&
    target.seq > 0;
  if (!same) return false;
  const ref = auditRefs.report(target.seq, target.version, state);
  if (!readAudit(wb.ss, wb.key).rows.some((r) => r.ref === ref)) {
    for (const listener of listeners) listener.queued(target, target.orgName);
    appendAudit(wb.ss, [reviewAudit(target, target.orgId, text)], wb.key, {
      reports: { rows: 0, seq: target.seq, hash: '' },
    });
  }
  for (const listener of listeners) listener.committed();
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
      const wb = openWorkbookForWrite();
      requireAdmin(wb.caller);
      const { entry, period: p } = resolveOrgPeriod(wb, orgId, period);
      if (decision !== 'accept' && decision !== 'return') throw new UserError(serverErrors.unexpected);
      const text = typeof reason === 'string' ? reason.trim() : '';
      if (decision === 'return' && text === '') throw new UserError(serverErrors.reasonRequired);
      if (text.length > RETURN_REASON_MAX) throw new UserError(serverErrors.reasonTooLong(RETURN_REASON_MAX));
      const versions = readReports(wb.ss, wb.key).reports.filter(
        (r) => r.orgId === entry.organisation.id && r.period === periodKey(p),
      );
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
      if (target.state !== 'submitted') {
        if (repairReview(wb, target, state, text)) return answer;
        throw new UserError(serverErrors.alreadyReviewed(storedStateLabels[target.state]));
      }
      // Accepting would re-seal figures someone changed in the grid; returning keeps the mark.
      if (target.handEdited && decision === 'accept') throw new UserError(reviewErrors.handEdited);
      const seq = nextSeq(readAnchors(), 'reports', Math.max(0, ...versions.map((r) => r.seq)));
      // The row (found again by identity), the notice queued, then the audit entry with the
      // anchors as the commit; the e-mail goes after.
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
        target.handEdited,
      );
      for (const listener of listeners) listener.queued(updated, entry.organisation.name);
      appendAudit(wb.ss, [reviewAudit(updated, entry.organisation.id, text)], wb.key, {
        reports: { rows: 0, seq, hash: '' },
      });
      for (const listener of listeners) listener.committed();
      return answer;
    }),
  );
}
