// «Напомнить сейчас» for the admin summary: the same ledger, quota and e-mails as the daily run.
import { reminderMessages, reminderOutcomes as o, serverErrors } from '../../domain/messages';
import { UserError } from '../errors';
import { LOCK_WAIT_MS } from '../lock';
import { runReminders } from './run';

export interface RemindNowResult {
  sent: number;
  deferred: number;
  /** Russian, for the admin. */
  message: string;
}

/**
 * Sends a reminder now to the coordinators of the chosen organisations, for each report they owe
 * (not submitted, or returned) — at most once a day each. Admins only. Takes the document lock
 * itself (and lets go of it while e-mails go out): call it outside any withDocumentLock.
 * @param orgIds organisation codes from the registry
 * @throws UserError (Russian) when nothing is chosen, the caller is no admin or the lock is busy
 */
export function remindNow(orgIds: string[]): RemindNowResult {
  const ids = Array.isArray(orgIds) ? orgIds.map((id) => String(id).trim()).filter((id) => id !== '') : [];
  if (ids.length === 0) throw new UserError(reminderMessages.nothingSelected);
  const summary = runReminders({ kind: 'manual', orgIds: ids }, LOCK_WAIT_MS, Date.now());
  if (!summary) throw new UserError(serverErrors.busy);
  const deferred = summary.deferred + summary.timeUp;
  if (summary.sent + deferred + summary.failures.length + summary.alreadySent === 0) {
    return { sent: 0, deferred: 0, message: o.manualNone + (summary.unreachable.length > 0 ? o.unreachable(summary.unreachable.map((u) => u.orgId).join(', ')) : '') };
  }
  let message = o.manualSent(summary.sent);
  if (summary.alreadySent > 0) message += o.manualAlready(summary.alreadySent);
  if (deferred > 0) message += o.manualDeferred(deferred);
  if (summary.failures.length > 0) message += o.failed(summary.failures.length, summary.failures.map((f) => f.orgId + ': ' + f.message).join('; '));
  if (summary.unreachable.length > 0) message += o.unreachable(Array.from(new Set(summary.unreachable.map((u) => u.orgId))).join(', '));
  return { sent: summary.sent, deferred, message };
}
