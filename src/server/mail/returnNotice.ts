// E-mails the coordinator when the admin returns a report. A notice the daily mail quota cannot
// cover is kept in the document's properties and sent by the next review or «Отправить сейчас».
import { formatPeriod, periodFromKey } from '../../domain/period';
import { escapeHtml } from '../../domain/html';
import { returnNotice as say } from '../../domain/messages';
import { sendMail, type Mail } from './send';
import { readRegistry } from '../storage/registrySheet';
import { documentProperties, setDocumentProperty } from '../storage/documentProperties';
import type { StoredReport } from '../storage/reportsSheet';

const PREFIX = 'returnNotice:';

/** What a notice needs, stored as is until it can be sent. */
export interface PendingNotice {
  to: string[];
  orgName: string;
  period: string;
  reason: string;
  reviewer: string;
}

/** The e-mail; every piece of user text in the HTML goes through escapeHtml. */
export function returnMail(n: PendingNotice): Mail {
  const period = formatPeriod(periodFromKey(n.period));
  const text = [
    say.greeting,
    '',
    say.body(n.orgName, period),
    '',
    say.reason,
    n.reason,
    '',
    say.reviewer(n.reviewer),
    '',
    say.action,
    '',
    say.signature,
  ].join('\n');
  const html =
    `<p>${escapeHtml(say.greeting)}</p><p>${escapeHtml(say.body(n.orgName, period))}</p>` +
    `<p><b>${escapeHtml(say.reason)}</b><br>${escapeHtml(n.reason).replace(/\n/g, '<br>')}</p>` +
    `<p>${escapeHtml(say.reviewer(n.reviewer))}</p><p>${escapeHtml(say.action)}</p><p style="color:#5f6368">${escapeHtml(say.signature)}</p>`;
  return { to: n.to, subject: say.subject(period), text, html };
}

/** Pending notices, oldest first (keys carry the time they were kept). */
function pending(): [string, PendingNotice][] {
  const all = documentProperties();
  return Object.keys(all)
    .filter((k) => k.startsWith(PREFIX))
    .sort()
    .map((k) => [k, JSON.parse(all[k]!) as PendingNotice]);
}

/** How many notices wait for mail quota. */
export function pendingNoticeCount(): number {
  return pending().length;
}

/** Sends what waits, oldest first, until the quota runs out; returns how many went and how many wait. */
export function sendPendingNotices(): { sent: number; left: number } {
  const waiting = pending();
  let sent = 0;
  for (const [key, notice] of waiting) {
    if (!sendMail(returnMail(notice))) break;
    setDocumentProperty(key, null);
    sent++;
  }
  return { sent, left: waiting.length - sent };
}

function keep(notice: PendingNotice, report: StoredReport): void {
  const key = `${PREFIX}${new Date().toISOString()}|${report.orgId}|${report.period}|${report.version}`;
  setDocumentProperty(key, JSON.stringify(notice));
}

/** Called by the review inside its lock: on a return, e-mails the coordinators (or keeps the notice). */
export function notifyCoordinatorOfReturn(report: StoredReport, orgName: string): void {
  if (report.state !== 'returned') return;
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const entry = readRegistry(ss, '').entries.find((e) => e.organisation.id === report.orgId);
  const notice: PendingNotice = {
    to: entry?.organisation.coordinatorEmails ?? [],
    orgName,
    period: report.period,
    reason: report.returnReason,
    reviewer: report.reviewedBy,
  };
  if (notice.to.length === 0) return;
  try {
    const earlier = sendPendingNotices();
    if (earlier.left > 0 || !sendMail(returnMail(notice))) keep(notice, report);
  } catch (err) {
    // The return itself is stored and audited; a mail failure must not undo it for the admin.
    console.error('notifyCoordinatorOfReturn: ' + (err instanceof Error ? (err.stack ?? err.message) : String(err)));
    keep(notice, report);
  }
}
