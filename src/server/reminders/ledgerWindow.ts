// Which ledger rows a reminder run must read: a window of recent weeks. An e-mail whose schedule day
// is older than the window counts as sent (it went out then, or a later one replaced it), so the
// run reads the same few weeks of rows however old the deployment is.
import { dayNumber, moscowDayNumber, startOfMoscowDay } from '../../domain/calendar';
import { dueDate } from '../../domain/deadline';
import { periodFromKey } from '../../domain/period';
import { DIGEST_WINDOW_DAYS } from '../../domain/reminderPlan';

/** Days of ledger a run reads at least (a report's own reminders span about five weeks). */
export const LEDGER_WINDOW_DAYS = 45;

/** The window's length for these settings: longer than the overdue repeat interval. */
export function windowDays(overdueRepeatDays: number | null): number {
  return Math.max(LEDGER_WINDOW_DAYS, (overdueRepeatDays ?? 0) + 14);
}

/** The instant the window starts: 00:00 Moscow `days` days before `now`. */
export function windowStart(now: Date, days: number): number {
  return startOfMoscowDay(dayNumberToDate(moscowDayNumber(now) - days)).getTime();
}

function dayNumberToDate(day: number): { year: number; month: number; day: number } {
  const d = new Date(day * 86_400_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

const DATED = /\|(?:manual|overdue|v\d+\|m)\|?(\d{4})-(\d{2})-(\d{2})$/;
const SLOT = /^[^|]*\|(\d{4}-\d{2})\|v\d+\|d(-?\d+)$/;
const DIGEST = /^\*\|(\d{4}-\d{2})\|digest$/;

/**
 * The Moscow day number an e-mail of this ledger key was scheduled for, or null when the key says
 * nothing of it (then it is never taken as old).
 */
export function scheduledDay(id: string, deadlineDay: number): number | null {
  const dated = DATED.exec(id);
  if (dated) return dayNumber({ year: Number(dated[1]), month: Number(dated[2]), day: Number(dated[3]) });
  const slot = SLOT.exec(id);
  if (slot) return dayNumber(dueDate(periodFromKey(slot[1]!), deadlineDay)) - Number(slot[2]);
  const digest = DIGEST.exec(id);
  if (digest) return dayNumber(dueDate(periodFromKey(digest[1]!), deadlineDay)) + DIGEST_WINDOW_DAYS;
  return null;
}

/** Ledger ids read from the window, and every id scheduled before the window's first day. */
export class WindowedIds extends Set<string> {
  constructor(
    ids: Iterable<string>,
    private readonly firstDay: number,
    private readonly deadlineDay: number,
  ) {
    super(ids);
  }

  override has(id: string): boolean {
    if (super.has(id)) return true;
    const day = scheduledDay(id, this.deadlineDay);
    return day !== null && day < this.firstDay;
  }
}
