// Emulated MailApp: sendEmail overloads, address checks and the daily recipient quota.
import type { ExecutionContext } from '../context';
import type { MailMessage } from '../store/serviceStores';
import { SCOPES, asString, requireAuthMode } from './common';

export const MAIL_QUOTA_MESSAGE = 'Service invoked too many times for one day: email.';
const ADDRESS = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;

// Apps Script's daily quotas "reset 24 hours after the first request", not at a fixed hour: the
// store charges each recipient for the 24 hours after its message (a rolling window), which is
// never kinder than that — a batch sent at 23:00 still blocks a batch at 00:30.

/** Split a comma-separated recipient list into bare addresses ("Name <a@example.com>" → "a@example.com"). */
function parseAddresses(ctx: ExecutionContext, list: unknown): string[] {
  if (list === undefined || list === null || list === '') return [];
  return asString(list)
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((raw) => {
      const m = /<([^<>]*)>\s*$/.exec(raw);
      const address = (m ? m[1]! : raw).trim();
      if (!ADDRESS.test(address)) throw ctx.createError(`Invalid email: ${raw}`);
      return address;
    });
}

/** MailApp for one execution; mail is sent as the effective user. */
export function createMailApp(ctx: ExecutionContext): GoogleAppsScript.Mail.MailApp {
  const from = ctx.effectiveUserEmail;

  function send(o: GoogleAppsScript.Mail.MailAdvancedParameters): void {
    ctx.count('MailApp', 'sendEmail');
    requireAuthMode(ctx, 'MailApp.sendEmail', SCOPES.sendMail, ['FULL']);
    if (o.attachments !== undefined) ctx.notEmulated('MailApp.sendEmail(attachments)');
    if (o.inlineImages !== undefined) ctx.notEmulated('MailApp.sendEmail(inlineImages)');
    const message: MailMessage = {
      from,
      to: parseAddresses(ctx, o.to),
      cc: parseAddresses(ctx, o.cc),
      bcc: parseAddresses(ctx, o.bcc),
      subject: o.subject === undefined ? '' : asString(o.subject),
      body: o.body === undefined ? '' : asString(o.body),
      sentAt: ctx.now(),
    };
    if (o.htmlBody !== undefined) message.htmlBody = asString(o.htmlBody);
    if (o.name !== undefined) message.name = asString(o.name);
    if (o.replyTo !== undefined) message.replyTo = parseAddresses(ctx, o.replyTo).join(',');
    if (o.noReply !== undefined) message.noReply = Boolean(o.noReply);
    if (message.to.length + message.cc.length + message.bcc.length === 0) {
      throw ctx.createError('Failed to send email: no recipient');
    }
    if (!ctx.store.mail.send(message, ctx.now())) throw ctx.createError(MAIL_QUOTA_MESSAGE);
  }

  return {
    getRemainingDailyQuota() {
      ctx.count('MailApp', 'getRemainingDailyQuota');
      requireAuthMode(ctx, 'MailApp.getRemainingDailyQuota', SCOPES.sendMail, ['FULL']);
      return ctx.store.mail.remaining(from, ctx.now());
    },
    sendEmail(...args: unknown[]): void {
      const [a, b, c, d] = args;
      if (args.length === 1 && a !== null && typeof a === 'object') {
        send(a as GoogleAppsScript.Mail.MailAdvancedParameters);
      } else if (args.length === 4 && typeof d === 'string') {
        send({ to: a as string, replyTo: b as string, subject: c as string, body: d });
      } else if (args.length === 3 || args.length === 4) {
        const options = (d ?? {}) as GoogleAppsScript.Mail.MailAdvancedParameters;
        send({ ...options, to: a as string, subject: b as string, body: c as string });
      } else {
        throw ctx.createError(
          `The parameters (${args.map((x) => typeof x).join(',')}) don't match the method signature for MailApp.sendEmail.`,
        );
      }
    },
  } as GoogleAppsScript.Mail.MailApp;
}
