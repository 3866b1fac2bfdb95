// The reminder run reads a window of recent ledger rows: what was scheduled before it counts as sent.
import { dayNumber } from '../../../src/domain/calendar';
import { digestId, manualReminderId, overdueRepeatId, reminderId } from '../../../src/domain/reminderPlan';
import { scheduledDay, WindowedIds } from '../../../src/server/reminders/ledgerWindow';

const day = (y: number, m: number, d: number): number => dayNumber({ year: y, month: m, day: d });

test('each kind of ledger key names the day its e-mail was scheduled for', () => {
  // November 2023 is due 30.12.2023 (deadline day 30).
  expect(scheduledDay(reminderId('SCH-01', '2023-11', null, 'd3'), 30)).toBe(day(2023, 12, 27));
  expect(scheduledDay(reminderId('SCH-01', '2023-11', 2, 'd-1'), 30)).toBe(day(2023, 12, 31));
  expect(scheduledDay(overdueRepeatId('SCH-01', '2024-02-05'), 30)).toBe(day(2024, 2, 5));
  expect(scheduledDay(manualReminderId('SCH-01', '2024-02-06'), 30)).toBe(day(2024, 2, 6));
  expect(scheduledDay(reminderId('SCH-01', '2023-11', null, 'm2024-01-09'), 30)).toBe(day(2024, 1, 9));
  expect(scheduledDay(digestId('2023-11'), 30)).toBe(day(2023, 12, 30) + 7);
  expect(scheduledDay('typed by hand', 30)).toBeNull();
});

test('an id read from the window, or scheduled before it, is taken as sent; a later one is not', () => {
  const ids = new WindowedIds([overdueRepeatId('SCH-02', '2024-03-01')], day(2024, 2, 1), 30);
  expect(ids.has(overdueRepeatId('SCH-02', '2024-03-01'))).toBe(true);
  expect(ids.has(reminderId('SCH-01', '2023-11', null, 'd-1'))).toBe(true);
  expect(ids.has(reminderId('SCH-01', '2024-01', null, 'd-1'))).toBe(false);
  expect(ids.has(overdueRepeatId('SCH-01', '2024-02-01'))).toBe(false);
  expect(ids.has('typed by hand')).toBe(false);
});
