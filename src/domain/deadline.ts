// Report deadlines (SPEC §4): the due day of a period, days left, and the on-time/late status.
import {
  daysInMonth,
  dayNumber,
  endOfMoscowDay,
  moscowDayNumber,
  startOfMoscowDay,
  type CalendarDate,
} from './calendar';
import { nextPeriod, periodOfInstant, periodRange, previousPeriod, type Period } from './period';

/** The order's day of the month after the reported one by which the report is due (п. 3.3). */
export const DEFAULT_DEADLINE_DAY = 30;

/** Submission status of one period's report, before the admin accepts or returns it. */
export type SubmissionStatus = 'on-time' | 'late' | 'not-submitted' | 'overdue';

/** True for a usable deadline day: an integer 1–31. */
export function isValidDeadlineDay(day: unknown): day is number {
  return typeof day === 'number' && Number.isInteger(day) && day >= 1 && day <= 31;
}

/**
 * The due date of a period's report: day `deadlineDay` of the next month, or that month's last
 * day when it is shorter (February); December's report is due in January of the next year.
 * @throws Error when deadlineDay is not an integer 1–31 (a programming error; callers validate)
 */
export function dueDate(period: Period, deadlineDay: number = DEFAULT_DEADLINE_DAY): CalendarDate {
  if (!isValidDeadlineDay(deadlineDay)) throw new Error('Invalid deadline day: ' + String(deadlineDay));
  const next = nextPeriod(period);
  return { year: next.year, month: next.month, day: Math.min(deadlineDay, daysInMonth(next.year, next.month)) };
}

/** 00:00 MSK of the due day: what a spreadsheet cell shows as a clean date. */
export function dueDayStart(period: Period, deadlineDay: number = DEFAULT_DEADLINE_DAY): Date {
  return startOfMoscowDay(dueDate(period, deadlineDay));
}

/** The last moment a report is on time: 23:59:59.999 MSK of the due day. */
export function dueInstant(period: Period, deadlineDay: number = DEFAULT_DEADLINE_DAY): Date {
  return endOfMoscowDay(dueDate(period, deadlineDay));
}

/** Calendar days (Moscow) from `asOf` to the due day: 0 on the day, negative when overdue. */
export function daysToDeadline(period: Period, asOf: Date, deadlineDay: number = DEFAULT_DEADLINE_DAY): number {
  return dayNumber(dueDate(period, deadlineDay)) - moscowDayNumber(asOf);
}

/** True when a submission at `submittedAt` is within the deadline (up to 23:59:59.999 MSK). */
export function isOnTime(period: Period, submittedAt: Date, deadlineDay: number = DEFAULT_DEADLINE_DAY): boolean {
  return submittedAt.getTime() <= dueInstant(period, deadlineDay).getTime();
}

/**
 * Status of a period's report: on time or late when submitted, otherwise not submitted
 * (deadline not yet passed at `asOf`) or overdue.
 */
export function submissionStatus(
  period: Period,
  submittedAt: Date | null,
  asOf: Date,
  deadlineDay: number = DEFAULT_DEADLINE_DAY,
): SubmissionStatus {
  if (submittedAt) return isOnTime(period, submittedAt, deadlineDay) ? 'on-time' : 'late';
  return asOf.getTime() > dueInstant(period, deadlineDay).getTime() ? 'overdue' : 'not-submitted';
}

/**
 * Periods from the first reported month up to the last month that has ended by `asOf` (Moscow):
 * the months a report may already be asked for.
 */
export function reportedPeriods(first: Period, asOf: Date): Period[] {
  return periodRange(first, previousPeriod(periodOfInstant(asOf)));
}

/**
 * The period whose deadline is the next one on or after `asOf`'s Moscow day: last month's until its
 * deadline has passed, then the current month's.
 */
export function currentDuePeriod(asOf: Date, deadlineDay: number = DEFAULT_DEADLINE_DAY): Period {
  const current = periodOfInstant(asOf);
  const previous = previousPeriod(current);
  return daysToDeadline(previous, asOf, deadlineDay) >= 0 ? previous : current;
}
