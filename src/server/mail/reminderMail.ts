// The reminder, digest and re-authorisation e-mails: Russian, HTML with a plain-text twin; every
// piece of text from the registry, the reports or the admin goes through escapeHtml.
import { formatDate, moscowDateOf } from '../../domain/calendar';
import { dueDate } from '../../domain/deadline';
import { escapeHtml } from '../../domain/html';
import { overdueRepeatTexts as r2, reminderMail as t } from '../../domain/messages';
import { formatPeriod, formatPeriodFor, periodFromKey } from '../../domain/period';
import type { PlannedReminder } from '../../domain/reminderPlan';
import { hasMySchool, type Organisation } from '../../domain/schemas/organisation';
import type { Mail } from './send';

/** What a reminder e-mail needs besides the plan. */
export interface ReminderContext {
  url: string;
  spreadsheetName: string;
  deadlineDay: number;
  /** Settings' overdue repeat interval (days), for the repeated notice's note; null when not repeated. */
  overdueRepeatDays: number | null;
  asOf: Date;
  organisations: ReadonlyMap<string, Organisation>;
  /** The admin's reason per returned report: key 'orgId|period'. */
  returnReasons: ReadonlyMap<string, string>;
}

/** A subject is one line: no line breaks from a hand-typed organisation name. */
const oneLine = (text: string): string =>
  text
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/\s{2,}/g, ' ')
    .trim();

const paragraph = (text: string): string => `<p style="margin:0 0 12px">${text}</p>`;

function layout(body: string, url: string, footer: string = t.footer): string {
  return (
    '<div style="font-family:Arial,sans-serif;font-size:14px;line-height:1.45;color:#202124;max-width:640px">' +
    body +
    paragraph(
      `<a href="${escapeHtml(url)}" style="display:inline-block;padding:8px 16px;background:#1a73e8;color:#fff;` +
        `text-decoration:none;border-radius:4px">${escapeHtml(t.openSheet)}</a>`,
    ) +
    `<p style="margin:16px 0 0;font-size:12px;color:#5f6368">${escapeHtml(footer)}</p></div>`
  );
}

function urgency(daysLeft: number, returned: boolean): { subject: string; line: string } {
  if (daysLeft > 0) return { subject: t.subjectBefore(daysLeft), line: t.left(daysLeft) };
  if (daysLeft === 0) return { subject: t.subjectDueDay, line: t.today };
  return { subject: t.subjectOverdue(-daysLeft), line: returned ? t.overdueReturned(-daysLeft) : t.overdue(-daysLeft) };
}

/** The coordinator's e-mail about one outstanding report. */
export function composeReminder(r: PlannedReminder, ctx: ReminderContext): Mail {
  const org = ctx.organisations.get(r.orgId);
  if (!org) throw new Error('composeReminder: unknown organisation ' + r.orgId);
  const period = periodFromKey(r.period);
  const periodFor = formatPeriodFor(period);
  const due = formatDate(dueDate(period, ctx.deadlineDay));
  const returned = r.returnedVersion !== null;
  const reason = returned ? (ctx.returnReasons.get(r.orgId + '|' + r.period) ?? '') : '';
  const when = urgency(r.daysLeft, returned);
  const subject = oneLine(`${when.subject}: ${t.subjectAction(returned, periodFor)} — ${org.name}`);
  const state = returned
    ? t.stateReturned(org.name, periodFor, r.returnedVersion ?? 0)
    : t.stateMissing(org.name, periodFor, hasMySchool(org.type));
  const deadline = t.deadline(due) + ' ' + when.line;
  const lines = [
    t.greeting(org.coordinatorName),
    '',
    state,
    ...(reason ? [`${t.reason}: ${reason}`] : []),
    deadline,
    '',
    t.whatToDo,
    ctx.url,
    ...(r.kind === 'manual' ? ['', t.manualNote] : []),
    '',
    '—',
    t.footer,
  ];
  const html = layout(
    paragraph(escapeHtml(t.greeting(org.coordinatorName))) +
      paragraph(escapeHtml(state)) +
      (reason ? paragraph(`<b>${escapeHtml(t.reason)}:</b> ${escapeHtml(reason)}`) : '') +
      paragraph(`<b>${escapeHtml(t.deadline(due))}</b> ${escapeHtml(when.line)}`) +
      paragraph(escapeHtml(t.whatToDo)) +
      (r.kind === 'manual' ? paragraph(escapeHtml(t.manualNote)) : ''),
    ctx.url,
  );
  return { to: r.recipients, subject, text: lines.join('\n'), html };
}

/** Months named in a repeated notice's subject before «и ещё N». */
const SUBJECT_MONTHS = 3;

/**
 * An e-mail listing several months an organisation owes, newest first, with the deadline, the days
 * left or overdue and the admin's reason for a return: the coordinator's repeated overdue notice
 * (every month past its deadline, never submitted or returned and not resubmitted), and the
 * «напомнить сейчас» e-mail of an organisation owing more than one month. One month keeps the
 * single reminder's subject (a manual one of one month is composeReminder's e-mail).
 */
export function composeMonthList(r: PlannedReminder, ctx: ReminderContext): Mail {
  const org = ctx.organisations.get(r.orgId);
  if (!org) throw new Error('composeMonthList: unknown organisation ' + r.orgId);
  const first = r.months[0];
  if (!first) throw new Error('composeMonthList: no months for ' + r.orgId);
  const manual = r.kind === 'manual';
  if (manual && r.months.length === 1)
    return composeReminder(
      { ...r, period: first.period, daysLeft: first.daysLeft, returnedVersion: first.returnedVersion },
      ctx,
    );
  const items = r.months.map((m) => {
    const period = periodFromKey(m.period);
    const returned = m.returnedVersion !== null;
    return {
      period,
      periodFor: formatPeriodFor(period),
      state: returned ? r2.returned(m.returnedVersion ?? 0) : r2.missing,
      deadline: r2.deadlineIn(formatDate(dueDate(period, ctx.deadlineDay)), m.daysLeft),
      reason: returned ? (ctx.returnReasons.get(r.orgId + '|' + m.period) ?? '') : '',
    };
  });
  const names = items.map((x) => formatPeriod(x.period));
  const mySchool = hasMySchool(org.type);
  // A reminder before or on its deadline that also lists overdue months keeps its own urgency first.
  const notYetOverdue = !manual && first.daysLeft >= 0;
  const subject = manual
    ? `${r2.subjectManual(items.length, names, SUBJECT_MONTHS)} — ${org.name}`
    : notYetOverdue
      ? `${urgency(first.daysLeft, false).subject}: ${t.subjectAction(first.returnedVersion !== null, items[0]!.periodFor)}` +
        `${r2.andOverdue(items.length - 1)} — ${org.name}`
      : items.length === 1
        ? `${t.subjectOverdue(-first.daysLeft)}: ${t.subjectAction(first.returnedVersion !== null, items[0]!.periodFor)} — ${org.name}`
        : `${r2.subjectMany(items.length, names, SUBJECT_MONTHS)} — ${org.name}`;
  const intro =
    manual || notYetOverdue
      ? r2.introManual(org.name, items.length, mySchool)
      : r2.intro(org.name, items.length, mySchool);
  const late = !manual || r.months.some((m) => m.daysLeft < 0 && m.returnedVersion === null) ? r2.late : '';
  const note = manual
    ? t.manualNote
    : ctx.overdueRepeatDays !== null && ctx.overdueRepeatDays > 0
      ? r2.repeatNote(ctx.overdueRepeatDays)
      : '';
  const lines = [
    t.greeting(org.coordinatorName),
    '',
    intro,
    ...items.flatMap((x) => [
      `• ${x.periodFor} — ${x.state}; ${x.deadline}.`,
      ...(x.reason ? [`  ${t.reason}: ${x.reason}`] : []),
    ]),
    ...(late ? ['', late] : []),
    '',
    t.whatToDo,
    ctx.url,
    ...(note ? ['', note] : []),
    '',
    '—',
    t.footer,
  ];
  const list =
    '<ul style="margin:0 0 12px;padding-left:20px">' +
    items
      .map(
        (x) =>
          `<li style="margin:0 0 6px"><b>${escapeHtml(x.periodFor)}</b> — ${escapeHtml(x.state)}; ${escapeHtml(x.deadline)}.` +
          (x.reason ? `<br><span style="color:#5f6368">${escapeHtml(t.reason)}:</span> ${escapeHtml(x.reason)}` : '') +
          '</li>',
      )
      .join('') +
    '</ul>';
  const html = layout(
    paragraph(escapeHtml(t.greeting(org.coordinatorName))) +
      paragraph(escapeHtml(intro)) +
      list +
      (late ? paragraph(escapeHtml(late)) : '') +
      paragraph(escapeHtml(t.whatToDo)) +
      (note ? paragraph(escapeHtml(note)) : ''),
    ctx.url,
  );
  return { to: r.recipients, subject: oneLine(subject), text: lines.join('\n'), html };
}

/** The admins' digest of organisations that owe a period's report, the day after its deadline. */
export function composeDigest(r: PlannedReminder, ctx: ReminderContext & { total: number }): Mail {
  const period = periodFromKey(r.period);
  const periodFor = formatPeriodFor(period);
  const due = formatDate(dueDate(period, ctx.deadlineDay));
  const asOf = formatDate(moscowDateOf(ctx.asOf));
  const missing = r.outstandingOrgIds.length;
  const subject =
    missing === 0 ? t.digestSubjectNone(ctx.total, periodFor) : t.digestSubjectSome(missing, ctx.total, periodFor);
  const rows = r.outstandingOrgIds.map((id) => {
    const org = ctx.organisations.get(id);
    return {
      name: org?.name ?? id,
      id,
      state: ctx.returnReasons.has(id + '|' + r.period) ? t.digestReturned : t.digestMissing,
      coordinator: org?.coordinatorName ?? '',
      emails: org && org.coordinatorEmails.length > 0 ? org.coordinatorEmails.join(', ') : t.digestNoEmail,
      phone: org?.coordinatorPhone ?? '',
    };
  });
  const intro = missing === 0 ? t.digestAllDone(periodFor, due) : t.digestIntro(periodFor, due, asOf);
  const text = [
    intro,
    '',
    ...rows.map(
      (x) =>
        `• ${x.name} (${x.id}) — ${x.state}; ${t.digestCoordinator}: ${[x.coordinator, x.emails, x.phone].filter((s) => s !== '').join(', ')}`,
    ),
    ...(missing > 0 ? ['', t.digestFooter] : []),
    '',
    ctx.url,
    '',
    '—',
    t.footerAdmin,
  ].join('\n');
  const cell = (s: string): string => `<td style="border:1px solid #dadce0;padding:4px 8px">${escapeHtml(s)}</td>`;
  const table =
    missing === 0
      ? ''
      : '<table style="border-collapse:collapse;margin:0 0 12px;font-size:13px"><tr>' +
        t.digestHeaders
          .map(
            (hd) =>
              `<th style="border:1px solid #dadce0;padding:4px 8px;background:#f1f3f4;text-align:left">${escapeHtml(hd)}</th>`,
          )
          .join('') +
        '</tr>' +
        rows
          .map((x) => '<tr>' + [x.name, x.id, x.state, x.coordinator, x.emails, x.phone].map(cell).join('') + '</tr>')
          .join('') +
        '</table>';
  const html = layout(
    paragraph(escapeHtml(intro)) + table + (missing > 0 ? paragraph(escapeHtml(t.digestFooter)) : ''),
    ctx.url,
    t.footerAdmin,
  );
  return { to: r.recipients, subject: oneLine(subject), text, html };
}

/** The trigger owner's notice that Google wants the add-on re-authorised. */
export function composeReauthNotice(to: string, spreadsheetName: string, authUrl: string, url: string): Mail {
  const link = authUrl || url;
  const body = t.reauthBody(spreadsheetName);
  return {
    to: [to],
    subject: t.reauthSubject,
    text: [body, '', link, '', '—', t.footerAdmin].join('\n'),
    html: layout(
      paragraph(escapeHtml(body)) + paragraph(`<a href="${escapeHtml(link)}">${escapeHtml(t.reauthLink)}</a>`),
      url,
      t.footerAdmin,
    ),
  };
}
