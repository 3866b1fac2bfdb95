// Periods: keys, parsing of every accepted form, Russian names, ranges.
import fc from 'fast-check';
import {
  comparePeriods,
  formatPeriod,
  formatPeriodFor,
  formatPeriodGenitive,
  nextPeriod,
  parsePeriod,
  periodFromKey,
  periodKey,
  periodOfInstant,
  periodOrdinal,
  periodRange,
  previousPeriod,
} from '../../src/domain/period';
import { formatDate, isDateValue, isLeapYear, parseCalendarDate, daysInMonth } from '../../src/domain/calendar';
import vm from 'node:vm';

describe('periodKey / periodFromKey', () => {
  it('pads the month', () => {
    expect(periodKey({ year: 2023, month: 11 })).toBe('2023-11');
    expect(periodKey({ year: 2024, month: 2 })).toBe('2024-02');
    expect(periodFromKey('2024-02')).toEqual({ year: 2024, month: 2 });
  });
  it('rejects a malformed key loudly', () => {
    expect(() => periodFromKey('2024-13')).toThrow();
    expect(() => periodFromKey('11.2023')).toThrow();
  });
});

describe('parsePeriod', () => {
  it.each([
    ['2023-11', 2023, 11],
    ['2023-1', 2023, 1],
    [' 11.2023 ', 2023, 11],
    ['1.2024', 2024, 1],
    ['02.2024', 2024, 2],
    ['ноябрь 2023', 2023, 11],
    ['Ноябрь  2023', 2023, 11],
    ['за ноябрь 2023', 2023, 11],
    ['ноября 2023', 2023, 11],
    ['февраль 2024 г.', 2024, 2],
    ['декабрь 2100', 2100, 12],
  ])('reads %p', (text, year, month) => {
    expect(parsePeriod(text)).toEqual({ year, month });
  });
  it.each(['', '2023-13', '13.2023', '2023-00', '2023/11', 'abc', 'ноябрёк 2023', '11-2023', '2023-11-05x'])(
    'rejects %p',
    (text) => {
      expect(parsePeriod(text)).toBeNull();
    },
  );
  it('rejects non-text non-dates', () => {
    expect(parsePeriod(202311)).toBeNull();
    expect(parsePeriod(null)).toBeNull();
    expect(parsePeriod(new Date(NaN))).toBeNull();
  });
  it('reads a Date in Moscow time: 21:30 UTC on 31.10 is already November', () => {
    expect(parsePeriod(new Date('2023-10-31T21:30:00Z'))).toEqual({ year: 2023, month: 11 });
    expect(parsePeriod(new Date('2023-10-31T20:59:59Z'))).toEqual({ year: 2023, month: 10 });
  });
  it('reads a Date from another realm', () => {
    const foreign = vm.runInNewContext('new Date(Date.UTC(2024, 1, 10))') as unknown;
    expect(foreign instanceof Date).toBe(false);
    expect(isDateValue(foreign)).toBe(true);
    expect(parsePeriod(foreign)).toEqual({ year: 2024, month: 2 });
  });
});

describe('navigation', () => {
  it('wraps December and January', () => {
    expect(nextPeriod({ year: 2023, month: 12 })).toEqual({ year: 2024, month: 1 });
    expect(previousPeriod({ year: 2024, month: 1 })).toEqual({ year: 2023, month: 12 });
  });
  it('lists a range inclusive, empty when reversed', () => {
    expect(periodRange({ year: 2023, month: 11 }, { year: 2024, month: 2 }).map(periodKey)).toEqual([
      '2023-11',
      '2023-12',
      '2024-01',
      '2024-02',
    ]);
    expect(periodRange({ year: 2024, month: 2 }, { year: 2023, month: 11 })).toEqual([]);
  });
  it('next/previous are inverse and ordinal-consistent (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 9998 }), fc.integer({ min: 1, max: 12 }), (year, month) => {
        const p = { year, month };
        expect(previousPeriod(nextPeriod(p))).toEqual(p);
        expect(periodOrdinal(nextPeriod(p))).toBe(periodOrdinal(p) + 1);
        expect(comparePeriods(nextPeriod(p), p)).toBeGreaterThan(0);
        expect(parsePeriod(periodKey(p))).toEqual(p);
        expect(parsePeriod(formatPeriod(p))).toEqual(p);
      }),
    );
  });
});

describe('Russian names', () => {
  it('formats nominative, «за …» and genitive', () => {
    expect(formatPeriod({ year: 2023, month: 11 })).toBe('ноябрь 2023');
    expect(formatPeriodFor({ year: 2023, month: 11 })).toBe('за ноябрь 2023');
    expect(formatPeriodGenitive({ year: 2024, month: 3 })).toBe('марта 2024');
  });
});

describe('calendar', () => {
  it('knows leap years incl. 2100 and 2000', () => {
    expect([2023, 2024, 2028, 2100, 2000].map(isLeapYear)).toEqual([false, true, true, false, true]);
    expect(daysInMonth(2100, 2)).toBe(28);
    expect(daysInMonth(2028, 2)).toBe(29);
  });
  it('formats and parses dates', () => {
    expect(formatDate({ year: 2023, month: 11, day: 5 })).toBe('05.11.2023');
    expect(formatDate(new Date('2023-11-20T21:00:00Z'))).toBe('21.11.2023');
    expect(parseCalendarDate('21.11.2023')).toEqual({ year: 2023, month: 11, day: 21 });
    expect(parseCalendarDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parseCalendarDate('29.02.2023')).toBeNull();
    expect(parseCalendarDate(45000)).toBeNull();
  });
  it('takes the Moscow day of an instant', () => {
    expect(periodOfInstant(new Date('2023-12-31T21:00:00Z'))).toEqual({ year: 2024, month: 1 });
  });
});
