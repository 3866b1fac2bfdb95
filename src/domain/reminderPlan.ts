// What reminders are due on a Moscow day (SPEC §7): pure, from settings, report states and the ledger.
// A missed or deferred reminder stays due until the next one of its schedule replaces it, so a
// coordinator never gets two e-mails about the same report on one day and none is lost unseen.
import { dayNumber, isoDate, moscowDateOf, moscowDayNumber } from './calendar';
import { dueDate } from './deadline';
import { nextPeriod, periodFromKey, periodKey, periodOfInstant, periodRange, previousPeriod, type Period } from './period';
import type { Settings } from './schemas/settings';

/** before: N days before the deadline; due-day: on it; overdue: after it; digest: admins; manual: «напомнить сейчас». */
export type ReminderKind = 'before' | 'due-day' | 'overdue' | 'digest' | 'manual';

/** Days the admins' digest stays due after the day following the deadline (then it is stale). */
export const DIGEST_WINDOW_DAYS = 7;

export type ReminderSettings = Pick<Settings, 'deadlineDay' | 'reminderOffsets' | 'overdueRepeatDays' | 'firstPeriod' | 'digestRecipients' | 'adminEmails'>;

/** What the plan needs of an organisation. */
export interface ReminderOrganisation {
  id: string;
  coordinatorEmails: readonly string[];
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

/** One e-mail the run should send. `id` is its ledger key: an id in the ledger is never sent again. */
export interface PlannedReminder {
  id: string;
  kind: ReminderKind;
  /** '' for the digest. */
  orgId: string;
  period: string;
  recipients: string[];
  /** Days from today to the deadline (negative when overdue). */
  daysLeft: number;
  /** For before/due-day/overdue: days the scheduled slot was before the deadline (7, 0, -1, -8 …). */
  slotOffset: number;
  returnedVersion: number | null;
  /** Digest only: organisations owing the period's report, in registry order. */
  outstandingOrgIds: string[];
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

/**
 * The schedule of a period's reminders as day numbers (see calendar.dayNumber) up to `today`:
 * each configured offset, then every `overdueRepeatDays` after the last overdue one.
 * @returns the latest slot on or before today that is not before `notBefore`, or null
 */
export function latestSlot(period: Period, settings: ReminderSettings, today: number, notBefore: number): { day: number; offset: number } | null {
  const deadline = dayNumber(dueDate(period, settings.deadlineDay));
  const opens = dayNumber({ ...nextPeriod(period), day: 1 });
  const from = Math.max(opens, notBefore);
  let best: number | null = null;
  const consider = (day: number): void => {
    if (day <= today && day >= from && (best === null || day > best)) best = day;
  };
  const offsets = Array.from(new Set(settings.reminderOffsets));
  for (const offset of offsets) consider(deadline - offset);
  const repeat = settings.overdueRepeatDays;
  if (repeat !== null && repeat > 0) {
    const anchor = Math.max(deadline + 1, ...offsets.filter((o) => o < 0).map((o) => deadline - o));
    if (today >= anchor + repeat) consider(anchor + Math.floor((today - anchor) / repeat) * repeat);
  }
  return best === null ? null : { day: best, offset: deadline - best };
}

/** Which organisations owe a period's report: never submitted, or the latest version returned. */
export function outstandingFor(period: string, organisations: readonly ReminderOrganisation[], latest: Map<string, ReportVersionState>): Outstanding[] {
  const owing: Outstanding[] = [];
  for (const org of organisations) {
    const last = latest.get(org.id + '|' + period);
    if (!last) owing.push({ orgId: org.id, period, returnedVersion: null });
    else if (last.state === 'returned') owing.push({ orgId: org.id, period, returnedVersion: last.version });
  }
  return owing;
}

function kindOf(offset: number): ReminderKind {
  return offset > 0 ? 'before' : offset === 0 ? 'due-day' : 'overdue';
}

/** Urgency order: the digest, then closeness to the deadline (before it wins a tie), registry order, period. */
function byUrgency(order: Map<string, number>): (a: PlannedReminder, b: PlannedReminder) => number {
  return (a, b) =>
    Number(b.kind === 'digest') - Number(a.kind === 'digest') ||
    Math.abs(a.daysLeft) - Math.abs(b.daysLeft) ||
    b.daysLeft - a.daysLeft ||
    (order.get(a.orgId) ?? -1) - (order.get(b.orgId) ?? -1) ||
    a.period.localeCompare(b.period);
}

/** Who gets the digest: Settings' recipients, or else the owner and the admins. */
export function digestRecipients(settings: ReminderSettings, owner: string): string[] {
  return settings.digestRecipients.length > 0 ? unique(settings.digestRecipients) : unique([owner, ...settings.adminEmails]);
}

/**
 * The reminders due at `asOf` that the ledger does not hold yet, most urgent first: for each
 * outstanding report the latest slot of its schedule (since its return, for a returned one), and
 * the digest of each period whose deadline was yesterday (or up to a week before, if not sent).
 */
export function planReminders(input: PlanInput): Plan {
  const today = moscowDayNumber(input.asOf);
  const latest = latestVersions(input.reports);
  const order = new Map(input.organisations.map((o, i) => [o.id, i]));
  const byId = new Map(input.organisations.map((o) => [o.id, o]));
  const due: PlannedReminder[] = [];
  const unreachable: Outstanding[] = [];
  let alreadySent = 0;
  for (const period of openPeriods(input.settings, input.asOf)) {
    const key = periodKey(period);
    const deadline = dayNumber(dueDate(period, input.settings.deadlineDay));
    const owing = outstandingFor(key, input.organisations, latest);
    for (const o of owing) {
      const last = latest.get(o.orgId + '|' + key);
      const notBefore = o.returnedVersion !== null && last?.reviewedAt ? moscowDayNumber(new Date(last.reviewedAt)) : -Infinity;
      const slot = latestSlot(period, input.settings, today, notBefore);
      if (!slot) continue;
      const recipients = unique(byId.get(o.orgId)?.coordinatorEmails ?? []);
      if (recipients.length === 0) {
        unreachable.push(o);
        continue;
      }
      const id = reminderId(o.orgId, key, o.returnedVersion, 'd' + String(slot.offset));
      if (input.sentIds.has(id)) {
        alreadySent++;
        continue;
      }
      due.push({
        id, kind: kindOf(slot.offset), orgId: o.orgId, period: key, recipients, daysLeft: deadline - today,
        slotOffset: slot.offset, returnedVersion: o.returnedVersion, outstandingOrgIds: [],
      });
    }
    const sinceDeadline = today - deadline;
    const recipients = digestRecipients(input.settings, input.owner);
    if (sinceDeadline >= 1 && sinceDeadline <= DIGEST_WINDOW_DAYS && recipients.length > 0 && !input.sentIds.has(digestId(key))) {
      due.push({
        id: digestId(key), kind: 'digest', orgId: '', period: key, recipients, daysLeft: deadline - today,
        slotOffset: -sinceDeadline, returnedVersion: null, outstandingOrgIds: owing.map((o) => o.orgId),
      });
    }
  }
  due.sort(byUrgency(order));
  return { due, unreachable, alreadySent };
}

/**
 * «Напомнить сейчас»: one reminder per outstanding report of the chosen organisations, at most
 * once a day each (the ledger key carries the date).
 */
export function planManualReminders(input: PlanInput, orgIds: readonly string[]): Plan {
  const today = moscowDayNumber(input.asOf);
  const todayIso = isoDate(moscowDateOf(input.asOf));
  const latest = latestVersions(input.reports);
  const chosen = input.organisations.filter((o) => orgIds.includes(o.id));
  const order = new Map(input.organisations.map((o, i) => [o.id, i]));
  const due: PlannedReminder[] = [];
  const unreachable: Outstanding[] = [];
  let alreadySent = 0;
  for (const period of openPeriods(input.settings, input.asOf)) {
    const key = periodKey(period);
    const deadline = dayNumber(dueDate(period, input.settings.deadlineDay));
    for (const o of outstandingFor(key, chosen, latest)) {
      const recipients = unique(chosen.find((c) => c.id === o.orgId)?.coordinatorEmails ?? []);
      if (recipients.length === 0) {
        unreachable.push(o);
        continue;
      }
      const id = reminderId(o.orgId, key, o.returnedVersion, 'm' + todayIso);
      if (input.sentIds.has(id)) {
        alreadySent++;
        continue;
      }
      due.push({
        id, kind: 'manual', orgId: o.orgId, period: key, recipients, daysLeft: deadline - today,
        slotOffset: deadline - today, returnedVersion: o.returnedVersion, outstandingOrgIds: [],
      });
    }
  }
  due.sort(byUrgency(order));
  return { due, unreachable, alreadySent };
}

/** Splits reminders (most urgent first) into what fits a recipient quota and what waits. */
export function fitQuota(reminders: readonly PlannedReminder[], quota: number): { send: PlannedReminder[]; deferred: PlannedReminder[] } {
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
