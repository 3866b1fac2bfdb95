// Deadlines (SPEC §4): every month of several years, February, December, the MSK day boundary.
import fc from 'fast-check';
import { daysInMonth, formatDate, startOfMoscowDay } from '../../src/domain/calendar';
import {
  currentDuePeriod,
  daysToDeadline,
  dueDate,
  dueDayStart,
  dueInstant,
  reportedPeriods,
  submissionStatus,
} from '../../src/domain/deadline';
import { nextPeriod, periodKey } from '../../src/domain/period';

const msk = (iso: string): Date => new Date(iso + '+03:00');

describe('dueDate', () => {
  for (const year of [2023, 2024, 2025, 2027, 2028, 2099, 2100]) {
    it(`is day 30 of the next month (or its last day) for every month of ${year}`, () => {
      for (let month = 1; month <= 12; month++) {
        const due = dueDate({ year, month });
        const next = nextPeriod({ year, month });
        expect({ year: due.year, month: due.month }).toEqual(next);
        expect(due.day).toBe(next.month === 2 ? daysInMonth(next.year, 2) : 30);
      }
    });
  }
  it.each([
    [2023, 11, '30.12.2023'],
    [2023, 12, '30.01.2024'],
    [2024, 1, '29.02.2024'],
    [2025, 1, '28.02.2025'],
    [2028, 1, '29.02.2028'],
    [2100, 1, '28.02.2100'],
    [2099, 12, '30.01.2100'],
    [2024, 2, '30.03.2024'],
  ])('%i-%i is due %s', (year, month, text) => {
    expect(formatDate(dueDate({ year, month }))).toBe(text);
  });
  it('honours a configured day, clamped to the month', () => {
    expect(formatDate(dueDate({ year: 2024, month: 1 }, 15))).toBe('15.02.2024');
    expect(formatDate(dueDate({ year: 2024, month: 3 }, 31))).toBe('30.04.2024');
    expect(formatDate(dueDate({ year: 2024, month: 4 }, 31))).toBe('31.05.2024');
    expect(() => dueDate({ year: 2024, month: 1 }, 0)).toThrow();
    expect(() => dueDate({ year: 2024, month: 1 }, 32)).toThrow();
  });
  it('always falls in month M+1 (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1901, max: 9990 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        (year, month, day) => {
          const due = dueDate({ year, month }, day);
          expect({ year: due.year, month: due.month }).toEqual(nextPeriod({ year, month }));
          expect(due.day).toBeLessThanOrEqual(day);
        },
      ),
    );
  });
});

describe('the Moscow day boundary', () => {
  const nov = { year: 2023, month: 11 };
  it('due instant is 23:59:59.999 MSK, due day start 00:00 MSK', () => {
    expect(dueInstant(nov).toISOString()).toBe('2023-12-30T20:59:59.999Z');
    expect(dueDayStart(nov).toISOString()).toBe('2023-12-29T21:00:00.000Z');
  });
  it('23:59:59 MSK on the due day is on time, 00:00:00 MSK next day is late', () => {
    expect(submissionStatus(nov, msk('2023-12-30T23:59:59'), msk('2024-01-05T12:00:00'))).toBe('on-time');
    expect(submissionStatus(nov, msk('2023-12-31T00:00:00'), msk('2024-01-05T12:00:00'))).toBe('late');
  });
  it('a Date at 21:30 UTC is already the next Moscow day', () => {
    expect(submissionStatus(nov, new Date('2023-12-30T21:30:00Z'), new Date('2024-01-01'))).toBe('late');
    expect(daysToDeadline(nov, new Date('2023-12-30T21:30:00Z'))).toBe(-1);
    expect(daysToDeadline(nov, new Date('2023-12-30T20:59:00Z'))).toBe(0);
  });
  it('not submitted until the day ends, overdue after', () => {
    expect(submissionStatus(nov, null, msk('2023-12-30T23:59:59'))).toBe('not-submitted');
    expect(submissionStatus(nov, null, msk('2023-12-31T00:00:00'))).toBe('overdue');
  });
});

describe('daysToDeadline', () => {
  it('counts calendar days in MSK', () => {
    const nov = { year: 2023, month: 11 };
    expect(daysToDeadline(nov, msk('2023-12-01T00:00:00'))).toBe(29);
    expect(daysToDeadline(nov, msk('2023-12-30T00:00:00'))).toBe(0);
    expect(daysToDeadline(nov, msk('2024-01-06T23:00:00'))).toBe(-7);
  });
  it('decreases by exactly 1 per day (property)', () => {
    const start = Date.UTC(2014, 11, 1);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40000 }),
        fc.integer({ min: 0, max: 86_399_999 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 2015, max: 2120 }),
        (days, ms, month, year) => {
          const a = new Date(start + days * 86_400_000 + ms);
          const b = new Date(a.getTime() + 86_400_000);
          expect(daysToDeadline({ year, month }, b)).toBe(daysToDeadline({ year, month }, a) - 1);
        },
      ),
    );
  });
  it('is 0 on every instant of the due day (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2015, max: 2120 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 86_399_999 }),
        (year, month, ms) => {
          const at = new Date(dueDayStart({ year, month }).getTime() + ms);
          expect(daysToDeadline({ year, month }, at)).toBe(0);
          expect(submissionStatus({ year, month }, at, at)).toBe('on-time');
        },
      ),
    );
  });
});

describe('period lists', () => {
  it('lists ended months from the first reported one', () => {
    expect(reportedPeriods({ year: 2023, month: 11 }, msk('2024-02-01T00:00:00')).map(periodKey)).toEqual([
      '2023-11',
      '2023-12',
      '2024-01',
    ]);
    expect(reportedPeriods({ year: 2023, month: 11 }, msk('2023-11-30T23:00:00'))).toEqual([]);
  });
  it('finds the period currently due', () => {
    expect(periodKey(currentDuePeriod(msk('2023-12-15T10:00:00')))).toBe('2023-11');
    expect(periodKey(currentDuePeriod(msk('2023-12-30T23:59:00')))).toBe('2023-11');
    expect(periodKey(currentDuePeriod(msk('2023-12-31T00:00:00')))).toBe('2023-12');
    expect(periodKey(currentDuePeriod(msk('2024-03-01T09:00:00')))).toBe('2024-02');
    expect(periodKey(currentDuePeriod(msk('2024-03-31T09:00:00')))).toBe('2024-03');
    expect(startOfMoscowDay({ year: 2024, month: 1, day: 1 }).toISOString()).toBe('2023-12-31T21:00:00.000Z');
  });
});
