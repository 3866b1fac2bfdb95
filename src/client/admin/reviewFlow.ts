// The admin's decision on a report, shared by the dialog and the sidebar: accept, return with a
// reason, or reopen an accepted report (a return of it, with a reason), one server call, busy page.
import { summaryUi } from '../../domain/messages';
import type { AdminReportView } from '../../contract/summary';
import type { ReviewResult } from '../../contract/coordinator';
import { callServer } from '../common/server';
import { withBusy } from './busy';
import { askReturnReason } from './returnDialog';

/**
 * Asks the reason for a return or reopening, then sends the decision on the latest version.
 * @returns the result; undefined when the server refused (its message is in the status line); null when cancelled
 */
export async function decide(
  report: Pick<AdminReportView, 'orgId' | 'period' | 'versions' | 'canReopen'>,
  decision: 'accept' | 'return',
): Promise<ReviewResult | undefined | null> {
  const latest = report.versions[0];
  if (!latest) return null;
  let reason = '';
  if (decision === 'return') {
    const asked = await askReturnReason(report.canReopen ? summaryUi.reopenDialogTitle : summaryUi.returnDialogTitle);
    if (asked === null) return null;
    reason = asked;
  }
  const busy =
    decision === 'accept' ? summaryUi.accepting : report.canReopen ? summaryUi.reopening : summaryUi.returning;
  return withBusy(busy, () =>
    callServer('reviewReport', report.orgId, report.period, latest.version, decision, reason),
  );
}
