// «Напомнить сейчас» for the admin summary: the same ledger, quota and e-mails as the daily run,
// one e-mail per organisation listing every month it owes.
import { reminderMessages, reminderOutcomes as o, serverErrors } from '../../domain/messages';
import { UserError } from '../errors/userError';
import { LOCK_WAIT_MS } from '../workbook/lock';
import { runReminders } from './run';
import type { RemindNowResult } from '../../contract/summary';

/**
 * Sends a reminder now to the coordinators of the chosen organisations: one e-mail per organisation
 * listing every report it owes (not submitted, or returned), at most once a day each. Admins only.
 * Takes the document lock itself (and lets go of it while e-mails go out): call it outside any
 * withDocumentLock.
 * @param orgIds organisation codes from the registry
 * @throws UserError (Russian) when nothing is chosen, the caller is no admin or the lock is busy
 */
export function remindNow(orgIds: string[]): RemindNowResult {
  const ids = Array.isArray(orgIds) ? orgIds.map((id) => String(id).trim()).filter((id) => id !== '') : [];
  if (ids.length === 0) throw new UserError(reminderMessages.nothingSelected);
  const summary = runReminders({ kind: 'manual', orgIds: ids }, LOCK_WAIT_MS, Date.now());
  if (!summary) throw new UserError(serverErrors.busy);
  const unreachable = Array.from(new Set(summary.unreachable.map((u) => u.orgId))).map(
    (id) => summary.names.get(id) ?? id,
  );
  const deferred = summary.deferred + summary.timeUp;
  if (summary.sent + deferred + summary.failures.length + summary.alreadySent + unreachable.length === 0) {
    return { sent: 0, deferred: 0, unreachable, message: o.manualNone };
  }
  let message = o.manualSent(summary.sent);
  if (summary.alreadySent > 0) message += o.manualAlready(summary.alreadySent);
  if (summary.deferred > 0) message += o.manualDeferred(summary.deferred);
  if (summary.timeUp > 0) message += o.manualTimeUp(summary.timeUp);
  if (summary.failures.length > 0)
    message += o.failed(
      summary.failures.length,
      summary.failures.map((f) => (summary.names.get(f.orgId) ?? f.orgId) + ': ' + f.message).join('; '),
    );
  if (unreachable.length > 0) message += o.unreachable(unreachable.join(', '));
  if (summary.upToDate.length > 0) message += o.manualUpToDate(summary.upToDate.length);
  return { sent: summary.sent, deferred, unreachable, message };
}
