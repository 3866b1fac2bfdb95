// google.script.run target of the admin: accept a report, or return it with a reason.
import { auditActions, reportMessages, reviewErrors, serverErrors, storedStateLabels } from '../../domain/messages';
import { formatPeriod, periodKey } from '../../domain/period';
import { requireAdmin } from '../access/roles';
import { forClient, UserError } from '../errors/userError';
import { withDocumentLock } from '../workbook/lock';
import { notifyCoordinatorOfReturn } from '../mail/returnNotice';
import { appendAudit } from '../storage/auditSheet';
import { indexWrite, orgReports } from '../storage/reportReads';
import { reportRowCount, rewriteReport } from '../storage/reportsSheet';
import { openWorkbookForWrite, resolveOrgPeriod } from '../workbook/workbook';
import type { ReviewResult } from '../../contract/coordinator';

export const RETURN_REASON_MAX = 1000;

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
      // An accepted report may be reopened: returned with a reason, as a submitted one is.
      const reopening = target.state === 'accepted' && decision === 'return';
      if (target.state !== 'submitted' && !reopening)
        throw new UserError(serverErrors.alreadyReviewed(storedStateLabels[target.state]));
      // Accepting would re-seal figures someone changed in the grid; returning keeps the mark.
      if (target.handEdited && decision === 'accept') throw new UserError(reviewErrors.handEdited);
      const now = new Date().toISOString();
      const state = decision === 'accept' ? 'accepted' : 'returned';
      const updated = rewriteReport(
        wb.ss,
        {
          ...target,
          state,
          returnReason: decision === 'return' ? text : '',
          reviewedBy: wb.caller.email,
          reviewedAt: now,
        },
        wb.key,
        target.handEdited,
      );
      const typeOf = () => new Map(wb.registry.map((e) => [e.organisation.id, e.organisation.type]));
      const rows = reportRowCount(wb.ss);
      indexWrite(wb.ss, wb.key, updated, entry.organisation.type, reports.refs, rows, typeOf, wb.settings.deadlineDay);
      appendAudit(
        wb.ss,
        [
          {
            at: now,
            user: wb.caller.email,
            action: decision === 'accept' ? auditActions.accept : auditActions.return,
            orgId: entry.organisation.id,
            period: periodKey(p),
            before: storedStateLabels[target.state],
            after: storedStateLabels[state] + (text ? ': ' + text : ''),
          },
        ],
        wb.key,
      );
      // Inside the same lock: a return e-mails the coordinators (or keeps the notice for later).
      notifyCoordinatorOfReturn(updated, entry.organisation.name);
      const label = formatPeriod(p);
      return {
        orgId: entry.organisation.id,
        period: periodKey(p),
        version,
        state,
        message:
          decision === 'accept'
            ? reportMessages.accepted(entry.organisation.name, label)
            : reportMessages.returned(entry.organisation.name, label),
      };
    }),
  );
}
