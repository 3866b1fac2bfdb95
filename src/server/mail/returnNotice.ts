// E-mails the coordinator when the admin returns a report. A notice the daily mail quota cannot
// cover is kept in the document's properties and sent by the next review or «Отправить сейчас».
// The queue is stored at once, not with the operation's other properties at its end: a notice taken
// off must be gone before its e-mail leaves, and one queued must outlive a call cut short.
import { formatPeriod, periodFromKey } from '../../domain/period';
import { escapeHtml } from '../../domain/html';
import { auditActions, returnNotice as say, summaryUi } from '../../domain/messages';
import { appendAudit, type AuditEntry } from '../storage/auditSheet';
import { integrityKey } from '../storage/rowSeal';
import { sendMail, type Mail } from './send';
import { readRegistry } from '../storage/registrySheet';
import { documentProperties, setDocumentProperty } from '../storage/documentProperties';
import { readSettings } from '../storage/settingsSheet';
import { formatDate } from '../../domain/calendar';
import { dueInstant } from '../../domain/deadline';
import type { StoredReport } from '../storage/reportsSheet';

const PREFIX = 'returnNotice:';

/** What a notice needs, stored as is until it can be sent. */
export interface PendingNotice {
  to: string[];
  orgName: string;
  period: string;
  reason: string;
  reviewer: string;
  /** The spreadsheet's link (absent in notices kept by an older version). */
  url?: string;
  /** The month's deadline, ДД.ММ.ГГГГ, and whether it had passed when the report was returned. */
  due?: string;
  duePassed?: boolean;
}

/** The e-mail; every piece of user text in the HTML goes through escapeHtml. */
export function returnMail(n: PendingNotice): Mail {
  const period = formatPeriod(periodFromKey(n.period));
  const deadline = n.due ? (n.duePassed ? say.deadlinePassed(n.due) : say.deadline(n.due)) : '';
  const text = [
    say.greeting,
    '',
    say.body(n.orgName, period),
    '',
    say.reason,
    n.reason,
    '',
    say.reviewer(n.reviewer),
    ...(deadline ? ['', deadline] : []),
    '',
    say.action,
    ...(n.url ? [n.url] : []),
    '',
    say.signature,
  ].join('\n');
  const link = n.url
    ? `<p><a href="${escapeHtml(n.url)}" style="display:inline-block;padding:8px 16px;background:#1a73e8;color:#fff;` +
      `text-decoration:none;border-radius:4px">${escapeHtml(say.openSheet)}</a></p>`
    : '';
  const html =
    `<p>${escapeHtml(say.greeting)}</p><p>${escapeHtml(say.body(n.orgName, period))}</p>` +
    `<p><b>${escapeHtml(say.reason)}</b><br>${escapeHtml(n.reason).replace(/\n/g, '<br>')}</p>` +
    `<p>${escapeHtml(say.reviewer(n.reviewer))}</p>` +
    (deadline ? `<p><b>${escapeHtml(deadline)}</b></p>` : '') +
    `<p>${escapeHtml(say.action)}</p>${link}<p style="color:#5f6368">${escapeHtml(say.signature)}</p>`;
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

/** Google's cap on the recipients of one e-mail (Apps Script quotas: "Email recipients per message"). */
export const RECIPIENTS_PER_MESSAGE = 50;

/** What a run of the queue did: sent, still waiting for quota, and dropped as never sendable. */
export interface NoticeRun {
  sent: number;
  left: number;
  /** Russian sentences, one per notice dropped (also written to the audit). */
  skipped: string[];
}

/**
 * Sends what waits, oldest first, as far as the quota goes; a notice that does not fit today waits
 * without holding back smaller ones behind it. A notice no e-mail can ever carry (more recipients
 * than one message allows) is reported in the audit and dropped. Call inside the document lock.
 */
export function sendPendingNotices(): NoticeRun {
  const waiting = pending();
  let sent = 0;
  const skipped: AuditEntry[] = [];
  for (const [key, notice] of waiting) {
    if (notice.to.length > RECIPIENTS_PER_MESSAGE) {
      const [, orgId = '', period = ''] = key.slice(PREFIX.length).split('|');
      const text = summaryUi.noticeSkipped(
        notice.orgName,
        formatPeriod(periodFromKey(notice.period)),
        notice.to.length,
        RECIPIENTS_PER_MESSAGE,
      );
      skipped.push({
        at: new Date().toISOString(),
        user: notice.reviewer,
        action: auditActions.noticeSkipped,
        orgId,
        period,
        before: '',
        after: text,
      });
      setDocumentProperty(key, null, true);
      continue;
    }
    // Taken off the queue first: a failure after sending can never send it twice; put back when not sent.
    setDocumentProperty(key, null, true);
    let gone = false;
    try {
      gone = sendMail(returnMail(notice));
    } finally {
      if (!gone) setDocumentProperty(key, JSON.stringify(notice), true);
    }
    if (!gone) continue;
    sent++;
  }
  if (skipped.length > 0) appendAudit(SpreadsheetApp.getActiveSpreadsheet(), skipped, integrityKey());
  return { sent, left: waiting.length - sent - skipped.length, skipped: skipped.map((e) => e.after) };
}

function keep(notice: PendingNotice, report: StoredReport): void {
  const key = `${PREFIX}${new Date().toISOString()}|${report.orgId}|${report.period}|${report.version}|${report.seq}`;
  setDocumentProperty(key, JSON.stringify(notice), true);
}

/**
 * Called by the review inside its lock, in the same step as the return (before the audit entry that
 * commits it): queues the e-mail to the organisation's coordinators (a retry of the same return
 * queues it once); sendQueuedNotices sends it once the review is committed.
 */
export function queueReturnNotice(report: StoredReport, orgName: string): void {
  if (report.state !== 'returned') return;
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const entry = readRegistry(ss, '').entries.find((e) => e.organisation.id === report.orgId);
  const due = dueInstant(periodFromKey(report.period), readSettings(ss).settings.deadlineDay);
  const notice: PendingNotice = {
    url: ss.getUrl(),
    due: formatDate(due),
    duePassed: Date.now() > due.getTime(),
    to: entry?.organisation.coordinatorEmails ?? [],
    orgName,
    period: report.period,
    reason: report.returnReason,
    reviewer: report.reviewedBy,
  };
  if (notice.to.length === 0 || noticeQueued(report)) return;
  keep(notice, report);
}

/** Whether this version's return notice (under its sequence number) still waits to be sent. */
export function noticeQueued(report: StoredReport): boolean {
  const suffix = `|${report.orgId}|${report.period}|${report.version}|${report.seq}`;
  return pending().some(([k]) => k.endsWith(suffix));
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
