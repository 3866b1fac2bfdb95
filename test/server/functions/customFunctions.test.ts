// Custom functions (SPEC §5) called directly: values, ranges, broadcasting, blanks, Russian errors.
import fc from 'fast-check';
import vm from 'node:vm';
import {
  COVERAGE,
  DAYS_TO_DEADLINE,
  MEETS_TARGET,
  REPORT_DEADLINE,
  REPORT_STATUS,
  TEACHER_MINIMUM_MET,
} from '../../../src/server/functions/customFunctions';
import { daysToDeadline } from '../../../src/domain/deadline';

const msk = (iso: string): Date => new Date(iso + '+03:00');
const iso = (v: unknown): string => (v as Date).toISOString();

describe('REPORT_DEADLINE', () => {
  it('returns 00:00 MSK of the due day for each period form', () => {
    expect(iso(REPORT_DEADLINE('2023-11'))).toBe('2023-12-29T21:00:00.000Z');
    expect(iso(REPORT_DEADLINE('12.2023'))).toBe('2024-01-29T21:00:00.000Z');
    expect(iso(REPORT_DEADLINE(msk('2024-01-17T00:00:00')))).toBe('2024-02-28T21:00:00.000Z');
    expect(iso(REPORT_DEADLINE('2024-01', 15))).toBe('2024-02-14T21:00:00.000Z');
    expect(iso(REPORT_DEADLINE('2024-01', ''))).toBe('2024-02-28T21:00:00.000Z');
  });
  it('accepts a Date from another realm', () => {
    const foreign = vm.runInNewContext('new Date("2023-11-01T00:00:00+03:00")');
    expect(iso(REPORT_DEADLINE(foreign))).toBe('2023-12-29T21:00:00.000Z');
  });
  it('answers a range element-wise, blanks stay blank', () => {
    const out = REPORT_DEADLINE([['2023-11'], [''], [null], ['02.2024']]) as unknown[][];
    expect(out).toHaveLength(4);
    expect(iso(out[0]?.[0])).toBe('2023-12-29T21:00:00.000Z');
    expect(out[1]).toEqual(['']);
    expect(out[2]).toEqual(['']);
    expect(iso(out[3]?.[0])).toBe('2024-03-29T21:00:00.000Z');
  });
  it('broadcasts a day range against one period', () => {
    const out = REPORT_DEADLINE('2024-01', [[10, 20, 31]]) as Date[][];
    expect(out[0]?.map((d) => d.toISOString().slice(0, 10))).toEqual(['2024-02-09', '2024-02-19', '2024-02-28']);
  });
  it('throws Russian errors naming the row', () => {
    expect(() => REPORT_DEADLINE('2023-13')).toThrow(
      'Период «2023-13» не распознан: укажите дату, ГГГГ-ММ или ММ.ГГГГ',
    );
    expect(() => REPORT_DEADLINE([['2023-11'], ['x'], ['2023-12']])).toThrow(/^строка 2: период «x» не распознан/);
    expect(() => REPORT_DEADLINE('2023-11', 32)).toThrow('День сдачи (32) должен быть целым числом от 1 до 31');
    expect(() => REPORT_DEADLINE([['2023-11', 'y']])).toThrow(/^строка 1, столбец 2: /);
    expect(() => REPORT_DEADLINE([['2023-11'], ['2023-12']], [[30], [30], [30]])).toThrow(
      'Диапазоны разного размера (2×1 и 3×1)',
    );
  });
});

describe('DAYS_TO_DEADLINE', () => {
  it('counts Moscow calendar days', () => {
    expect(DAYS_TO_DEADLINE('2023-11', msk('2023-12-30T00:00:00'))).toBe(0);
    expect(DAYS_TO_DEADLINE('2023-11', msk('2023-12-01T00:00:00'))).toBe(29);
    expect(DAYS_TO_DEADLINE('2023-11', new Date('2023-12-30T21:30:00Z'))).toBe(-1);
    expect(DAYS_TO_DEADLINE('2023-11', '31.12.2023')).toBe(-1);
  });
  it('defaults as_of to now', () => {
    expect(DAYS_TO_DEADLINE('2023-11')).toBe(daysToDeadline({ year: 2023, month: 11 }, new Date()));
  });
  it('blank period is blank; bad as_of is an error', () => {
    expect(DAYS_TO_DEADLINE('', msk('2023-12-01T00:00:00'))).toBe('');
    expect(() => DAYS_TO_DEADLINE('2023-11', 'завтра')).toThrow('Дата расчёта: «завтра» не дата');
  });
});

describe('REPORT_STATUS', () => {
  const asOf = msk('2024-01-10T12:00:00');
  it('gives the four statuses', () => {
    expect(REPORT_STATUS('2023-11', msk('2023-12-30T23:59:59'), asOf)).toBe('сдан вовремя');
    expect(REPORT_STATUS('2023-11', msk('2023-12-31T00:00:00'), asOf)).toBe('сдан с опозданием');
    expect(REPORT_STATUS('2023-12', '', asOf)).toBe('не сдан');
    expect(REPORT_STATUS('2023-11', null, asOf)).toBe('просрочен');
    expect(REPORT_STATUS('2023-11', undefined, msk('2023-12-30T23:00:00'))).toBe('не сдан');
  });
  it('reads a date-only submission as that Moscow day', () => {
    expect(REPORT_STATUS('2023-11', '30.12.2023', asOf)).toBe('сдан вовремя');
    expect(REPORT_STATUS('2023-11', '2023-12-31', asOf)).toBe('сдан с опозданием');
  });
  it('a blank period is blank, a blank submission is not', () => {
    expect(REPORT_STATUS([[''], ['2023-11']], [[''], ['']], asOf)).toEqual([[''], ['просрочен']]);
  });
  it('names the row of a bad submission date', () => {
    expect(() => REPORT_STATUS([['2023-11'], ['2023-11']], [['01.12.2023'], ['вчера']], asOf)).toThrow(
      'строка 2: дата сдачи: «вчера» не дата',
    );
  });
});

describe('COVERAGE', () => {
  it('divides, blank on 0/0 or blank input', () => {
    expect(COVERAGE(5, 10)).toBe(0.5);
    expect(COVERAGE('3', '4')).toBe(0.75);
    expect(COVERAGE(0, 0)).toBe('');
    expect(COVERAGE('', 10)).toBe('');
    expect(COVERAGE(5, null)).toBe('');
  });
  it('rejects part > total, negatives, fractions, non-numbers', () => {
    expect(() => COVERAGE(12, 10)).toThrow('Подключено (12) больше, чем всего (10)');
    expect(() => COVERAGE([[1], [12]], [[10], [10]])).toThrow('строка 2: подключено (12) больше, чем всего (10)');
    expect(() => COVERAGE(-1, 10)).toThrow('Подключено (-1) не может быть отрицательным');
    expect(() => COVERAGE(1.5, 10)).toThrow('Подключено (1.5) должно быть целым числом');
    expect(() => COVERAGE(1, 'много')).toThrow('Всего: «много» не число');
    expect(() => COVERAGE(true, 2)).toThrow('Подключено: «true» не число');
    expect(() => COVERAGE(1, 0)).toThrow('Подключено (1) больше, чем всего (0)');
  });
  it('is in [0, 1] and keeps the input shape (property)', () => {
    const pair = fc
      .integer({ min: 0, max: 10_000 })
      .chain((t) => fc.tuple(fc.integer({ min: 0, max: t }), fc.constant(t)));
    fc.assert(
      fc.property(fc.array(fc.array(pair, { minLength: 3, maxLength: 3 }), { minLength: 2, maxLength: 20 }), (grid) => {
        const parts = grid.map((row) => row.map(([p]) => p));
        const totals = grid.map((row) => row.map(([, t]) => t));
        const out = COVERAGE(parts, totals) as unknown[][];
        expect(out.length).toBe(grid.length);
        out.forEach((row, r) => {
          expect(row.length).toBe(3);
          row.forEach((v, c) => {
            if (totals[r]?.[c] === 0) expect(v).toBe('');
            else {
              expect(v as number).toBeGreaterThanOrEqual(0);
              expect(v as number).toBeLessThanOrEqual(1);
            }
          });
        });
      }),
    );
  });
  it('answers a 10,000-row range element-wise (speed: npm run bench)', () => {
    const parts = Array.from({ length: 10_000 }, (_, i) => [i % 7]);
    const totals = Array.from({ length: 10_000 }, () => [10]);
    const out = COVERAGE(parts, totals) as unknown[][];
    expect(out).toHaveLength(10_000);
    expect(out[9_999]).toEqual([(9_999 % 7) / 10]);
  });
});

describe('MEETS_TARGET', () => {
  it('compares with the target (default 1)', () => {
    expect(MEETS_TARGET(10, 10)).toBe(true);
    expect(MEETS_TARGET(9, 10)).toBe(false);
    expect(MEETS_TARGET(9, 10, 0.9)).toBe(true);
    expect(MEETS_TARGET(9, 10, '90%')).toBe(true);
    expect(MEETS_TARGET(9, 10, '0,95')).toBe(false);
    expect(MEETS_TARGET(0, 0)).toBe(true);
    expect(MEETS_TARGET('', 10)).toBe('');
    expect(MEETS_TARGET(29, 100, 0.29)).toBe(true);
  });
  it('broadcasts the target and rejects a bad one', () => {
    expect(MEETS_TARGET([[5], [10]], 10, [[0.5], [1]])).toEqual([[true], [true]]);
    expect(() => MEETS_TARGET(5, 10, 90)).toThrow('Цель (90) должна быть числом от 0 до 1');
    expect(() => MEETS_TARGET(5, 10, 'все')).toThrow('Цель (все)');
  });
});

describe('TEACHER_MINIMUM_MET', () => {
  it('needs both minimums', () => {
    expect(TEACHER_MINIMUM_MET(10, 1)).toBe(true);
    expect(TEACHER_MINIMUM_MET(9, 5)).toBe(false);
    expect(TEACHER_MINIMUM_MET(50, 0)).toBe(false);
    expect(TEACHER_MINIMUM_MET(5, 0, 5, 0)).toBe(true);
  });
  it('blank only when both figures are blank; one blank counts as 0', () => {
    expect(TEACHER_MINIMUM_MET('', '')).toBe('');
    expect(TEACHER_MINIMUM_MET(12, '')).toBe(false);
    expect(TEACHER_MINIMUM_MET(12, '', 10, 0)).toBe(true);
    expect(
      TEACHER_MINIMUM_MET(
        [
          [12, 3],
          ['', ''],
          [1, 1],
        ],
        [
          [1, 1],
          ['', ''],
          [1, 1],
        ],
      ),
    ).toEqual([
      [true, false],
      ['', ''],
      [false, false],
    ]);
  });
  it('names the bad cell', () => {
    expect(() => TEACHER_MINIMUM_MET([[10], [-2]], [[1], [1]])).toThrow(
      'строка 2: сообщений (-2) не может быть отрицательным',
    );
    expect(() => TEACHER_MINIMUM_MET(10, 1, 'десять')).toThrow('Минимум сообщений: «десять» не число');
  });
  it('broadcasting keeps the shape (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 5 }), (rows, cols) => {
        const grid = Array.from({ length: rows }, () => Array.from({ length: cols }, () => 11));
        const out = TEACHER_MINIMUM_MET(grid, 1) as unknown[][];
        expect(out.length).toBe(rows);
        expect(out.every((r) => r.length === cols && r.every((v) => v === true))).toBe(true);
      }),
    );
  });
});

describe('ranges of dates', () => {
  it('REPORT_STATUS answers 10,000 rows (speed: npm run bench)', () => {
    const periods = Array.from({ length: 10_000 }, (_, i) => [
      i % 10 === 0 ? '' : new Date(Date.UTC(2023, 10 + (i % 24), 5)),
    ]);
    const submitted = Array.from({ length: 10_000 }, (_, i) => [
      i % 3 === 0 ? '' : new Date(Date.UTC(2024, i % 30, 10)),
    ]);
    const out = REPORT_STATUS(periods, submitted, msk('2025-06-01T00:00:00')) as string[][];
    expect(out).toHaveLength(10_000);
    expect(out[0]).toEqual(['']);
  });
  it('a single-cell range keeps its 1×1 shape', () => {
    expect(COVERAGE([[1]], [[4]])).toEqual([[0.25]]);
  });
});
