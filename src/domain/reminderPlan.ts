// What reminders are due on a Moscow day (SPEC §7): pure, from settings, report states and the ledger.
// A missed or deferred reminder stays due until the next one of its schedule replaces it, so a
// coordinator never gets two e-mails about the same report on one day and none is lost unseen.
// Before the deadline, on it and the first time after it, each report has its own reminder; after
// that, overdue notices are repeated per organisation: one e-mail at most every overdueRepeatDays
// (counted from its last overdue e-mail in the ledger) listing all its overdue months.
import { dayNumber, isoDate, moscowDateOf, moscowDayNumber } from './calendar';
import { dueDate } from './deadline';
import {
  nextPeriod,
  periodFromKey,
  periodKey,
  periodOfInstant,
  periodRange,
  previousPeriod,
  type Period,
} from './period';
import { isClosed, owesPeriod } from './schemas/organisation';
import type { Settings } from './schemas/settings';

/**
 * before: N days before the deadline; due-day: on it; overdue: a report's own notice after it (a
 * configured negative offset, by default the day after); overdue-repeat: the organisation's repeated
 * notice listing all its overdue months; digest: admins; manual: «напомнить сейчас» (one e-mail per
 * organisation listing every month it owes).
 */
export type ReminderKind = 'before' | 'due-day' | 'overdue' | 'overdue-repeat' | 'digest' | 'manual';

/** Days the admins' digest stays due after the day following the deadline (then it is stale). */
export const DIGEST_WINDOW_DAYS = 7;

export type ReminderSettings = Pick<
  Settings,
  'deadlineDay' | 'reminderOffsets' | 'overdueRepeatDays' | 'firstPeriod' | 'digestRecipients' | 'adminEmails'
>;

/** What the plan needs of an organisation (its life cycle decides which months it owes). */
export interface ReminderOrganisation {
  id: string;
  coordinatorEmails: readonly string[];
  /** First month it owes ('ГГГГ-ММ'); absent or null: Settings' first reported month. */
  reportsFrom?: string | null;
  /** Day it was closed ('ГГГГ-ММ-ДД'): from that day on it gets no e-mail at all. */
  closedOn?: string | null;
}

/** One stored report version, reduced to what decides whether reminders go out. */
export interface ReportVersionState {
  orgId: string;
  period: string;
  version: number;
  state: 'submitted' | 'accepted' | 'returned';
  /** When the admin accepted or returned it (ISO), or null. */
  reviewedAt: string | null;
}

/** Why an organisation still owes a period's report. */
export interface Outstanding {
  orgId: string;
  period: string;
  /** The returned version (reminders restart from its return), or null when never submitted. */
  returnedVersion: number | null;
}

/** One month an organisation's repeated overdue notice (or its «напомнить сейчас» e-mail) lists. */
export interface OverdueMonth {
  period: string;
  /** The returned version still not resubmitted, or null when never submitted. */
  returnedVersion: number | null;
  /** Days from today to the month's deadline (negative when overdue; always so in a repeated notice). */
  daysLeft: number;
}

/** One e-mail the run should send. `id` is its ledger key: an id in the ledger is never sent again. */
export interface PlannedReminder {
  id: string;
  kind: ReminderKind;
  /** '' for the digest. */
  orgId: string;
  /** 'yyyy-mm'; for overdue-repeat and manual the listed months, oldest first: '2023-11, 2023-12'. */
  period: string;
  recipients: string[];
  /** Days from today to the deadline (negative when overdue). */
  daysLeft: number;
  /** For before/due-day/overdue: days the scheduled slot was before the deadline (7, 0, -1, -8 …). */
  slotOffset: number;
  returnedVersion: number | null;
  /** Digest only: organisations owing the period's report, in registry order. */
  outstandingOrgIds: string[];
  /** overdue-repeat and manual: the months it lists, newest first (a manual one of one month is a plain reminder). */
  months: OverdueMonth[];
}

export interface PlanInput {
  /** The moment of the run; its Moscow day decides what is due. */
  asOf: Date;
  settings: ReminderSettings;
  /** Spreadsheet owner, lower-case ('' when none): an admin for the digest. */
  owner: string;
  /** In registry order (ties in urgency keep this order). */
  organisations: readonly ReminderOrganisation[];
  reports: readonly ReportVersionState[];
  /** Ledger ids that were sent or are being sent. */
  sentIds: ReadonlySet<string>;
  /**
   * Per organisation, the Moscow day number (calendar.moscowDayNumber) of its last overdue e-mail
   * that was sent or is being sent (see lastOverdueDays); the repeat interval counts from it.
   */
  lastOverdueDay: ReadonlyMap<string, number>;
  /**
   * Per organisation, the Moscow day of its last e-mail of any kind, automatic or «напомнить сейчас»
   * (see lastMailDays): an organisation gets at most one e-mail a day. Absent: not known.
   */
  lastMailDay?: ReadonlyMap<string, number>;
}

export interface Plan {
  /** Most urgent first. */
  due: PlannedReminder[];
  /** Outstanding reports of organisations without a coordinator e-mail (nobody to remind). */
  unreachable: Outstanding[];
  /** Due reminders left out because the ledger already holds them. */
  alreadySent: number;
}

const norm = (e: string): string => e.trim().toLowerCase();
const unique = (list: readonly string[]): string[] => Array.from(new Set(list.map(norm).filter((e) => e !== '')));

/** Latest version per organisation and period: key 'orgId|period'. */
export function latestVersions<T extends ReportVersionState>(reports: readonly T[]): Map<string, T> {
  const latest = new Map<string, T>();
  for (const r of reports) {
    const key = r.orgId + '|' + r.period;
    const known = latest.get(key);
    if (!known || r.version > known.version) latest.set(key, r);
  }
  return latest;
}

/** Reported months whose report may be asked for at `asOf`: from the first one to last month. */
export function openPeriods(settings: Pick<Settings, 'firstPeriod'>, asOf: Date): Period[] {
  return periodRange(periodFromKey(settings.firstPeriod), previousPeriod(periodOfInstant(asOf)));
}

/** The ledger key of a scheduled reminder: organisation, period, reminder cycle and slot. */
export function reminderId(orgId: string, period: string, returnedVersion: number | null, slot: string): string {
  return [orgId, period, 'v' + String(returnedVersion ?? 0), slot].join('|');
}

/** The ledger key of a period's digest. */
export const digestId = (period: string): string => ['*', period, 'digest'].join('|');

/** The ledger key of an organisation's «напомнить сейчас» e-mail of a Moscow date ('yyyy-mm-dd'). */
export const manualReminderId = (orgId: string, date: string): string => [orgId, 'manual', date].join('|');

/** The ledger key of an organisation's repeated overdue notice of a Moscow date ('yyyy-mm-dd'). */
export const overdueRepeatId = (orgId: string, date: string): string => [orgId, 'overdue', date].join('|');

const REPORT_OVERDUE_ID = /\|v\d+\|d-\d+$/;
const REPEAT_ID = /\|overdue\|(\d{4})-(\d{2})-(\d{2})$/;

/** Whether a ledger key is an overdue e-mail: a report's own notice after its deadline, or a repeated one. */
export const isOverdueNoticeId = (id: string): boolean => REPORT_OVERDUE_ID.test(id) || REPEAT_ID.test(id);

/**
 * Per organisation, the Moscow day of its last overdue e-mail among ledger rows that were sent or
 * claimed (pass only those): from the row's time, or else the date in a repeated notice's key.
 */
export function lastOverdueDays(
  entries: Iterable<{ id: string; orgId: string; sentAt: string | null }>,
): Map<string, number> {
  const last = new Map<string, number>();
  for (const e of entries) {
    if (!isOverdueNoticeId(e.id)) continue;
    const at = e.sentAt === null ? NaN : Date.parse(e.sentAt);
    const dated = REPEAT_ID.exec(e.id);
    const day = !Number.isNaN(at)
      ? moscowDayNumber(new Date(at))
      : dated
        ? dayNumber({ year: Number(dated[1]), month: Number(dated[2]), day: Number(dated[3]) })
        : null;
    if (day !== null && day > (last.get(e.orgId) ?? -Infinity)) last.set(e.orgId, day);
  }
  return last;
}

/**
 * Per organisation, the Moscow day of its last e-mail among ledger rows that were sent or claimed
 * (pass only those); the digest (no organisation) is left out.
 */
export function lastMailDays(entries: Iterable<{ orgId: string; sentAt: string | null }>): Map<string, number> {
  const last = new Map<string, number>();
  for (const e of entries) {
    const at = e.sentAt === null ? NaN : Date.parse(e.sentAt);
    if (e.orgId === '' || Number.isNaN(at)) continue;
    const day = moscowDayNumber(new Date(at));
    if (day > (last.get(e.orgId) ?? -Infinity)) last.set(e.orgId, day);
  }
  return last;
}

/**
 * One e-mail per organisation a day: of an organisation's reminders due today only the most urgent
 * goes, none when it was already e-mailed today (a «напомнить сейчас» counts); the one that goes
 * lists every month the organisation has overdue besides its own, so no overdue month is left out.
 * Returns the reminders kept, in their order.
 */
function onePerOrganisation(
  sorted: readonly PlannedReminder[],
  overdue: ReadonlyMap<string, OverdueMonth[]>,
  mailedToday: (orgId: string) => boolean,
): { kept: PlannedReminder[] } {
  const seen = new Set<string>();
  const kept: PlannedReminder[] = [];
  for (const r of sorted) {
    if (r.kind === 'digest') {
      kept.push(r);
      continue;
    }
    // Held back today: its slot stays the latest one, so it goes tomorrow unless a newer one replaces it.
    if (seen.has(r.orgId) || mailedToday(r.orgId)) continue;
    seen.add(r.orgId);
    const others = (overdue.get(r.orgId) ?? []).filter(
      (m) => m.period !== r.period && !r.months.some((own) => own.period === m.period),
    );
    if (others.length === 0 || r.kind === 'overdue-repeat') {
      kept.push(r);
      continue;
    }
    const own: OverdueMonth[] =
      r.months.length > 0 ? r.months : [{ period: r.period, returnedVersion: r.returnedVersion, daysLeft: r.daysLeft }];
    const months = [...own, ...others].sort((a, b) => b.period.localeCompare(a.period));
    kept.push({ ...r, months });
  }
  return { kept };
}

/**
 * A report's own reminders as day numbers (see calendar.dayNumber) up to `today`: each configured
 * offset (7, 3, 1 days before, 0 on the deadline day, -1 the day after …).
 * @returns the latest slot on or before today that is not before `notBefore`, or null
 */
export function latestSlot(
  period: Period,
  settings: ReminderSettings,
  today: number,
  notBefore: number,
): { day: number; offset: number } | null {
  const deadline = dayNumber(dueDate(period, settings.deadlineDay));
  const opens = dayNumber({ ...nextPeriod(period), day: 1 });
  const from = Math.max(opens, notBefore);
  let best: number | null = null;
  for (const offset of new Set(settings.reminderOffsets)) {
    const day = deadline - offset;
    if (day <= today && day >= from && (best === null || day > best)) best = day;
  }
  return best === null ? null : { day: best, offset: deadline - best };
}

/**
 * From which day a period's overdue report is left to its organisation's repeated notice: one
 * repeat interval after its last own overdue slot (the day after the deadline by default).
 * @returns a day number, or null when overdue notices are not repeated
 */
export function repeatsFrom(period: Period, settings: ReminderSettings): number | null {
  const repeat = settings.overdueRepeatDays;
  if (repeat === null || repeat <= 0) return null;
  const deadline = dayNumber(dueDate(period, settings.deadlineDay));
  const anchor = Math.max(deadline + 1, ...settings.reminderOffsets.filter((o) => o < 0).map((o) => deadline - o));
  return anchor + repeat;
}

/**
 * Which organisations owe a period's report: those whose «отчитывается с» month has come and that are
 * not closed on `today` ('ГГГГ-ММ-ДД') nor were by the period's month, when their report was never
 * submitted or its latest version was returned.
 */
export function outstandingFor(
  period: string,
  organisations: readonly ReminderOrganisation[],
  latest: Map<string, ReportVersionState>,
  firstPeriod: string,
  today: string,
): Outstanding[] {
  const owing: Outstanding[] = [];
  for (const org of organisations) {
    if (isClosed(org, today) || !owesPeriod(org, period, firstPeriod)) continue;
    const last = latest.get(org.id + '|' + period);
    if (!last) owing.push({ orgId: org.id, period, returnedVersion: null });
    else if (last.state === 'returned') owing.push({ orgId: org.id, period, returnedVersion: last.version });
  }
  return owing;
}

function kindOf(offset: number): ReminderKind {
  return offset > 0 ? 'before' : offset === 0 ? 'due-day' : 'overdue';
}

const urgencyRank = (r: PlannedReminder): number => (r.kind === 'digest' ? 0 : r.kind === 'overdue-repeat' ? 2 : 1);

/**
 * Urgency order: the digest; then each report's own reminders by closeness to the deadline (before
 * it wins a tie); then the organisations' repeated overdue notices (newest month closest first);
 * ties in registry order, then period.
 */
function byUrgency(order: Map<string, number>): (a: PlannedReminder, b: PlannedReminder) => number {
  return (a, b) =>
    urgencyRank(a) - urgencyRank(b) ||
    Math.abs(a.daysLeft) - Math.abs(b.daysLeft) ||
    b.daysLeft - a.daysLeft ||
    (order.get(a.orgId) ?? -1) - (order.get(b.orgId) ?? -1) ||
    a.period.localeCompare(b.period);
}

/** Who gets the digest: Settings' recipients, or else the owner and the admins. */
export function digestRecipients(settings: ReminderSettings, owner: string): string[] {
  return settings.digestRecipients.length > 0
    ? unique(settings.digestRecipients)
    : unique([owner, ...settings.adminEmails]);
}

/**
 * The reminders due at `asOf` that the ledger does not hold yet, most urgent first: for each
 * outstanding report the latest slot of its own schedule (since its return, for a returned one);
 * per organisation one repeated overdue notice listing all its reports past their own schedule,
 * when its last overdue e-mail is at least overdueRepeatDays old and no own overdue notice of its
 * reports is due today (the repeat then counts from that one); and the digest of each period whose
 * deadline was yesterday (or up to a week before, if not sent).
 */
export function planReminders(input: PlanInput): Plan {
  const today = moscowDayNumber(input.asOf);
  const todayIso = isoDate(moscowDateOf(input.asOf));
  const latest = latestVersions(input.reports);
  const order = new Map(input.organisations.map((o, i) => [o.id, i]));
  const byId = new Map(input.organisations.map((o) => [o.id, o]));
  const due: PlannedReminder[] = [];
  const unreachable: Outstanding[] = [];
  /** Organisation → its months left to the repeated notice. */
  const repeating = new Map<string, OverdueMonth[]>();
  /** Organisations with a report's own overdue notice due today. */
  const ownOverdueDue = new Set<string>();
  /** Organisation → every month it owes whose deadline has passed (listed in whatever e-mail it gets). */
  const overdueMonths = new Map<string, OverdueMonth[]>();
  let alreadySent = 0;
  for (const period of openPeriods(input.settings, input.asOf)) {
    const key = periodKey(period);
    const deadline = dayNumber(dueDate(period, input.settings.deadlineDay));
    const repeatDay = repeatsFrom(period, input.settings);
    const owing = outstandingFor(key, input.organisations, latest, input.settings.firstPeriod, todayIso);
    for (const o of owing) {
      const last = latest.get(o.orgId + '|' + key);
      const notBefore =
        o.returnedVersion !== null && last?.reviewedAt ? moscowDayNumber(new Date(last.reviewedAt)) : -Infinity;
      if (today > deadline) {
        const list = overdueMonths.get(o.orgId) ?? [];
        list.push({ period: key, returnedVersion: o.returnedVersion, daysLeft: deadline - today });
        overdueMonths.set(o.orgId, list);
      }
      const slot = latestSlot(period, input.settings, today, notBefore);
      const repeats = repeatDay !== null && today > deadline && (slot === null || today >= repeatDay);
      if (!slot && !repeats) continue;
      const recipients = unique(byId.get(o.orgId)?.coordinatorEmails ?? []);
      if (recipients.length === 0) {
        unreachable.push(o);
        continue;
      }
      if (repeats) {
        const months = repeating.get(o.orgId) ?? [];
        months.push({ period: key, returnedVersion: o.returnedVersion, daysLeft: deadline - today });
        repeating.set(o.orgId, months);
        continue;
      }
      if (!slot) continue;
      const id = reminderId(o.orgId, key, o.returnedVersion, 'd' + String(slot.offset));
      if (input.sentIds.has(id)) {
        alreadySent++;
        continue;
      }
      if (slot.offset < 0) ownOverdueDue.add(o.orgId);
      due.push({
        id,
        kind: kindOf(slot.offset),
        orgId: o.orgId,
        period: key,
        recipients,
        daysLeft: deadline - today,
        slotOffset: slot.offset,
        returnedVersion: o.returnedVersion,
        outstandingOrgIds: [],
        months: [],
      });
    }
    const sinceDeadline = today - deadline;
    const recipients = digestRecipients(input.settings, input.owner);
    if (
      sinceDeadline >= 1 &&
      sinceDeadline <= DIGEST_WINDOW_DAYS &&
      recipients.length > 0 &&
      !input.sentIds.has(digestId(key))
    ) {
      due.push({
        id: digestId(key),
        kind: 'digest',
        orgId: '',
        period: key,
        recipients,
        daysLeft: deadline - today,
        slotOffset: -sinceDeadline,
        returnedVersion: null,
        outstandingOrgIds: owing.map((o) => o.orgId),
        months: [],
      });
    }
  }
  const repeat = input.settings.overdueRepeatDays ?? 0;
  for (const [orgId, months] of repeating) {
    if (ownOverdueDue.has(orgId)) continue;
    const last = input.lastOverdueDay.get(orgId);
    const id = overdueRepeatId(orgId, todayIso);
    if ((last !== undefined && today < last + repeat) || input.sentIds.has(id)) {
      if (last === today || input.sentIds.has(id)) alreadySent++;
      continue;
    }
    const newestFirst = months.slice().sort((a, b) => b.period.localeCompare(a.period));
    const newest = newestFirst[0]!;
    due.push({
      id,
      kind: 'overdue-repeat',
      orgId,
      period: newestFirst
        .map((m) => m.period)
        .reverse()
        .join(', '),
      recipients: unique(byId.get(orgId)?.coordinatorEmails ?? []),
      daysLeft: newest.daysLeft,
      slotOffset: newest.daysLeft,
      returnedVersion: null,
      outstandingOrgIds: [],
      months: newestFirst,
    });
  }
  due.sort(byUrgency(order));
  const mailed = input.lastMailDay;
  const { kept } = onePerOrganisation(due, overdueMonths, (orgId) => mailed?.get(orgId) === today);
  return { due: kept, unreachable, alreadySent };
}

/**
 * «Напомнить сейчас»: one e-mail per chosen organisation that owes anything, listing every month it
 * owes (never submitted, or returned and not resubmitted) in its `months`, newest first, as the
 * repeated overdue notice does; at most once a day per organisation (the ledger key carries the
 * date; a per-report key of the same day, from before this was one e-mail, counts too). An
 * organisation without a coordinator e-mail is unreachable (one entry per month it owes).
 */
export function planManualReminders(input: PlanInput, orgIds: readonly string[]): Plan & { upToDate: string[] } {
  const today = moscowDayNumber(input.asOf);
  const todayIso = isoDate(moscowDateOf(input.asOf));
  const latest = latestVersions(input.reports);
  const chosen = input.organisations.filter((o) => orgIds.includes(o.id));
  const order = new Map(input.organisations.map((o, i) => [o.id, i]));
  const owed = new Map<string, OverdueMonth[]>();
  for (const period of openPeriods(input.settings, input.asOf)) {
    const key = periodKey(period);
    const deadline = dayNumber(dueDate(period, input.settings.deadlineDay));
    for (const o of outstandingFor(key, chosen, latest, input.settings.firstPeriod, todayIso)) {
      const months = owed.get(o.orgId) ?? [];
      months.push({ period: key, returnedVersion: o.returnedVersion, daysLeft: deadline - today });
      owed.set(o.orgId, months);
    }
  }
  const due: PlannedReminder[] = [];
  const unreachable: Outstanding[] = [];
  const upToDate: string[] = [];
  let alreadySent = 0;
  for (const org of chosen) {
    const months = owed.get(org.id);
    if (!months) {
      upToDate.push(org.id);
      continue;
    }
    const recipients = unique(org.coordinatorEmails);
    if (recipients.length === 0) {
      unreachable.push(...months.map((m) => ({ orgId: org.id, period: m.period, returnedVersion: m.returnedVersion })));
      continue;
    }
    const id = manualReminderId(org.id, todayIso);
    if (
      input.sentIds.has(id) ||
      input.lastMailDay?.get(org.id) === today ||
      months.some((m) => input.sentIds.has(reminderId(org.id, m.period, m.returnedVersion, 'm' + todayIso)))
    ) {
      alreadySent++;
      continue;
    }
    const newestFirst = months.slice().sort((a, b) => b.period.localeCompare(a.period));
    const newest = newestFirst[0]!;
    due.push({
      id,
      kind: 'manual',
      orgId: org.id,
      period: newestFirst
        .map((m) => m.period)
        .reverse()
        .join(', '),
      recipients,
      daysLeft: newest.daysLeft,
      slotOffset: newest.daysLeft,
      returnedVersion: newestFirst.length === 1 ? newest.returnedVersion : null,
      outstandingOrgIds: [],
      months: newestFirst,
    });
  }
  due.sort(byUrgency(order));
  return { due, unreachable, alreadySent, upToDate };
}

/** Splits reminders (most urgent first) into what fits a recipient quota and what waits. */
export function fitQuota(
  reminders: readonly PlannedReminder[],
  quota: number,
): { send: PlannedReminder[]; deferred: PlannedReminder[] } {
  const send: PlannedReminder[] = [];
  const deferred: PlannedReminder[] = [];
  let left = Math.max(0, quota);
  for (const r of reminders) {
    if (r.recipients.length <= left) {
      send.push(r);
      left -= r.recipients.length;
    } else deferred.push(r);
  }
  return { send, deferred };
}
