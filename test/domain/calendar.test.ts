// Calendar arithmetic without Dates gives exactly what the Date-based rules gave, for every instant.
import fc from 'fast-check';
import { daysInMonth, isDateValue, moscowDateOf, MOSCOW_OFFSET_MS } from '../../src/domain/calendar';

/** The Date-based rules these replaced (the reference). */
const byDate = {
  moscowDateOf(instant: Date) {
    const shifted = new Date(instant.getTime() + MOSCOW_OFFSET_MS);
    return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
  },
  daysInMonth: (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate(),
};

test('the Moscow date of any instant is the one a shifted Date shows, to the edges of what a Date holds', () => {
  const edges = [0, -1, 8.64e15, -8.64e15, 8.64e15 - MOSCOW_OFFSET_MS, Date.UTC(2024, 1, 29, 20, 59, 59, 999)];
  for (const t of [...edges, ...edges.map((e) => e + 1), Number.NaN])
    expect(moscowDateOf(new Date(t))).toEqual(byDate.moscowDateOf(new Date(t)));
  fc.assert(
    fc.property(fc.integer({ min: -8.64e15, max: 8.64e15 }), (t) => {
      expect(moscowDateOf(new Date(t))).toEqual(byDate.moscowDateOf(new Date(t)));
    }),
    { numRuns: 5_000 },
  );
  fc.assert(
    fc.property(fc.date({ min: new Date(Date.UTC(1899, 0, 1)), max: new Date(Date.UTC(2101, 0, 1)) }), (d) => {
      expect(moscowDateOf(d)).toEqual(byDate.moscowDateOf(d));
    }),
    { numRuns: 5_000 },
  );
});

test('days in a month are what Date.UTC says, for every year and month a caller may pass', () => {
  const differ: number[][] = [];
  for (let year = -5; year <= 10_005; year++)
    for (let month = -1; month <= 14; month++)
      if (daysInMonth(year, month) !== byDate.daysInMonth(year, month)) differ.push([year, month]);
  expect(differ).toEqual([]);
  for (const [year, month] of [
    [2024.5, 2],
    [2024, 2.5],
    [Number.NaN, 1],
  ] as const)
    expect(daysInMonth(year, month)).toEqual(byDate.daysInMonth(year, month));
});

test('only Date objects are dates: not their text, number, or a look-alike', () => {
  expect(isDateValue(new Date(0))).toBe(true);
  expect(isDateValue(new Date(Number.NaN))).toBe(true);
  for (const v of ['2024-01-01', 0, null, undefined, true, {}, { getTime: () => 0 }, [new Date(0)]])
    expect(isDateValue(v)).toBe(false);
});
