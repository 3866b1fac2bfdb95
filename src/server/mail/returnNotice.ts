// E-mails the coordinator when the admin returns a report. A notice the daily mail quota cannot
// cover is kept in the document's properties and sent by the next review or «Отправить сейчас».
import { formatPeriod, periodFromKey } from '../../domain/period';
import { escapeHtml } from '../../domain/html';
import { returnNotice as say } from '../../domain/messages';
import { onReviewed } from '../api/review';
import { sendMail, type Mail } from './send';
import { readRegistry } from '../storage/registrySheet';
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

const props = (): GoogleAppsScript.Properties.Properties => PropertiesService.getDocumentProperties();

/** Pending notices, oldest first (keys carry the time they were kept). */
function pending(): [string, PendingNotice][] {
  const all = props().getProperties();
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
    // Taken off the queue first: a failure after sending can never send it twice; put back when not sent.
    props().deleteProperty(key);
    let gone = false;
    try {
      gone = sendMail(returnMail(notice));
    } finally {
      if (!gone) props().setProperty(key, JSON.stringify(notice));
    }
    if (!gone) break;
    sent++;
  }
  return { sent, left: waiting.length - sent };
}

function keep(notice: PendingNotice, report: StoredReport): void {
  const key = `${PREFIX}${new Date().toISOString()}|${report.orgId}|${report.period}|${report.version}|${report.seq}`;
  props().setProperty(key, JSON.stringify(notice));
}

/**
 * Review listener, in the same step as the return: queues the e-mail to the organisation's
 * coordinators (a retry of the same return queues it once); sent when the review is committed.
 */
export function queueReturnNotice(report: StoredReport, orgName: string): void {
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
  const suffix = `|${report.orgId}|${report.period}|${report.version}|${report.seq}`;
  if (pending().some(([k]) => k.endsWith(suffix))) return;
  keep(notice, report);
}

/** After the review's audit entry: sends what waits, oldest first (a mail failure never undoes the review). */
export function sendQueuedNotices(): void {
  try {
    sendPendingNotices();
  } catch (err) {
    // The return itself is stored and audited; the notice stays queued for the next try.
    console.error('sendQueuedNotices: ' + (err instanceof Error ? (err.stack ?? err.message) : String(err)));
  }
}

onReviewed({ queued: queueReturnNotice, committed: sendQueuedNotices });
