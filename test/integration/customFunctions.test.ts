// The six custom functions (SPEC §5) through the built dist/Code.js in the emulator, with arguments as Sheets passes them.
import { createEmulator, type ExecutionResult } from '../../src/dev/emulator';
import { msToSerial, serialToMs } from '../../src/dev/emulator/store/cells/serialDates';

const TZ = 'Europe/Moscow';
const NOW = Date.UTC(2024, 0, 10, 9, 0, 0); // 10.01.2024 12:00 MSK
const em = createEmulator({ now: NOW });
const doc = em.createSpreadsheet({ name: 'Мониторинг Сферума', owner: 'admin@example.org' });

/** The Date Sheets passes for a date(-time) cell of a Moscow spreadsheet: wall clock ДД.ММ.ГГГГ ЧЧ:ММ in MSK. */
const dateCell = (text: string): Date => {
  const [d, m, y, hh = 0, mm = 0] = text.split(/[.: ]/).map(Number) as [number, number, number, number?, number?];
  return new Date(serialToMs(Date.UTC(y, m - 1, d, hh, mm) / 86_400_000 + 25_569, TZ));
};
/** What a Moscow spreadsheet shows for a returned Date: its serial number and ДД.ММ.ГГГГ ЧЧ:ММ:СС. */
const asSheetsSees = (v: unknown): { serial: number; text: string } => {
  expect(v).toBeInstanceOf(Date);
  const ms = (v as Date).getTime();
  const text = new Intl.DateTimeFormat('ru-RU', { timeZone: TZ, dateStyle: 'short', timeStyle: 'medium' }).format(ms);
  return { serial: msToSerial(ms, TZ), text };
};
/** An open range such as B2:B: the given rows, then blank rows ('' cells) to the sheet's end. */
const openRange = (rows: unknown[][], total = 1000): unknown[][] =>
  rows.concat(Array.from({ length: total - rows.length }, () => rows[0]!.map(() => '')));
const column = (...values: unknown[]): unknown[][] => values.map((v) => [v]);

function expectNoServices(r: ExecutionResult): void {
  expect(r.calls).toEqual({});
  expect(r.totalCalls).toBe(0);
  expect(r.unlockedWrites).toEqual([]);
}
function call<T = unknown>(fn: string, ...args: unknown[]): T {
  const r = em.runCustomFunction<T>(fn, args, doc);
  expectNoServices(r);
  if (!r.ok) throw new Error(`${fn} failed: ${r.error?.message}`);
  return r.value as T;
}
function failure(fn: string, ...args: unknown[]): string {
  const r = em.runCustomFunction(fn, args, doc);
  expectNoServices(r);
  expect(r.ok).toBe(false);
  return r.error!.message;
}

afterEach(() => em.setNow(NOW));

describe('REPORT_DEADLINE', () => {
  it('returns a Date Sheets shows as 00:00 MSK of the due day, for every period form', () => {
    for (const period of ['2023-11', '11.2023', 'ноябрь 2023', dateCell('01.11.2023'), dateCell('30.11.2023 23:59')]) {
      expect(asSheetsSees(call('REPORT_DEADLINE', period))).toEqual({ serial: 45290, text: '30.12.2023, 00:00:00' });
    }
    expect(asSheetsSees(call('REPORT_DEADLINE', '2024-01')).text).toBe('29.02.2024, 00:00:00');
    expect(asSheetsSees(call('REPORT_DEADLINE', '12.2023', 15)).text).toBe('15.01.2024, 00:00:00');
  });
  it('reads a date cell as its Moscow month, whatever the machine time zone', () => {
    // 01.11.2023 00:00 MSK is still 31 October in most of the world.
    expect(asSheetsSees(call('REPORT_DEADLINE', dateCell('01.11.2023 00:00'))).text).toBe('30.12.2023, 00:00:00');
    expect(asSheetsSees(call('REPORT_DEADLINE', dateCell('31.10.2023 23:59'))).text).toBe('30.11.2023, 00:00:00');
  });
  it('answers an open range element-wise, blank in, blank out', () => {
    const out = call<unknown[][]>('REPORT_DEADLINE', openRange(column('2023-11', '', dateCell('15.12.2023'))));
    expect(out).toHaveLength(1000);
    expect(out.every((row) => row.length === 1)).toBe(true);
    expect(asSheetsSees(out[0]![0]).serial).toBe(45290);
    expect(out[1]).toEqual(['']);
    expect(asSheetsSees(out[2]![0]).text).toBe('30.01.2024, 00:00:00');
    expect(out.slice(3).every((row) => row[0] === '')).toBe(true);
  });
  it('broadcasts one period against a row of days', () => {
    const out = call<Date[][]>('REPORT_DEADLINE', '2024-01', [[10, '', 31]]);
    expect(out[0]!.map((d) => asSheetsSees(d).text.slice(0, 10))).toEqual(['10.02.2024', '29.02.2024', '29.02.2024']);
  });
  it('throws Russian errors naming the row', () => {
    expect(failure('REPORT_DEADLINE', column('2023-11', '', 'ноябрь?'))).toBe(
      'строка 3: период «ноябрь?» не распознан: укажите дату, ГГГГ-ММ или ММ.ГГГГ',
    );
    expect(failure('REPORT_DEADLINE', '2023-11', 0)).toBe('День сдачи (0) должен быть целым числом от 1 до 31');
    expect(failure('REPORT_DEADLINE', column('2023-11', '2023-12'), column(30, 30, 30))).toMatch(
      /^Диапазоны разного размера \(2×1 и 3×1\)/,
    );
  });
});

describe('DAYS_TO_DEADLINE', () => {
  it('counts Moscow days to the deadline from a date cell', () => {
    expect(call('DAYS_TO_DEADLINE', '2023-11', dateCell('30.12.2023'))).toBe(0);
    expect(call('DAYS_TO_DEADLINE', '2023-11', dateCell('01.12.2023'))).toBe(29);
    expect(call('DAYS_TO_DEADLINE', '2023-11', dateCell('31.12.2023 00:00'))).toBe(-1);
    expect(call('DAYS_TO_DEADLINE', '2023-11', '31.12.2023')).toBe(-1);
  });
  it('defaults as_of to today in Moscow (the execution clock)', () => {
    expect(call('DAYS_TO_DEADLINE', '2023-12')).toBe(20);
    em.setNow(Date.UTC(2023, 11, 29, 21, 30)); // 30.12.2023 00:30 MSK, still the 29th west of Moscow
    expect(call('DAYS_TO_DEADLINE', '2023-11')).toBe(0);
    expect(call('DAYS_TO_DEADLINE', '2023-11', '')).toBe(0);
  });
  it('answers a range of periods with one as_of, blanks stay blank', () => {
    expect(call('DAYS_TO_DEADLINE', openRange(column('2023-11', '', '12.2023'), 5), dateCell('10.01.2024'))).toEqual([
      [-11],
      [''],
      [20],
      [''],
      [''],
    ]);
  });
  it('names the row of a bad as_of', () => {
    expect(failure('DAYS_TO_DEADLINE', column('2023-11', '2023-12'), column('01.12.2023', 'вчера'))).toBe(
      'строка 2: дата расчёта: «вчера» не дата — укажите дату или ДД.ММ.ГГГГ',
    );
  });
});

describe('REPORT_STATUS', () => {
  it('gives the four statuses from date-time cells', () => {
    const asOf = dateCell('10.01.2024 12:00');
    expect(call('REPORT_STATUS', '2023-11', dateCell('30.12.2023 23:59'), asOf)).toBe('сдан вовремя');
    expect(call('REPORT_STATUS', '2023-11', dateCell('31.12.2023 00:00'), asOf)).toBe('сдан с опозданием');
    expect(call('REPORT_STATUS', '2023-12', '', asOf)).toBe('не сдан');
    expect(call('REPORT_STATUS', '2023-11', '', asOf)).toBe('просрочен');
  });
  it('answers ranges with the default as_of, blank period gives blank', () => {
    const periods = openRange(column('2023-11', '2023-11', '2023-12', '', '2023-12'), 8);
    const submitted = openRange(column(dateCell('29.12.2023'), '', '', '', dateCell('05.01.2024')), 8);
    expect(call('REPORT_STATUS', periods, submitted)).toEqual(
      column('сдан вовремя', 'просрочен', 'не сдан', '', 'сдан вовремя', '', '', ''),
    );
  });
  it('names the row of a bad submission date', () => {
    expect(
      failure('REPORT_STATUS', column('2023-11', '2023-11', '2023-11'), column('', dateCell('01.12.2023'), 45290)),
    ).toBe('строка 3: дата сдачи: «45290» не дата — укажите дату или ДД.ММ.ГГГГ');
  });
});

describe('COVERAGE', () => {
  it('divides single values and 2-D ranges, keeping the shape', () => {
    expect(call('COVERAGE', 5, 10)).toBe(0.5);
    expect(call('COVERAGE', '3', '4')).toBe(0.75);
    expect(
      call(
        'COVERAGE',
        [
          [1, 2],
          [0, 0],
        ],
        [
          [4, 4],
          [0, 5],
        ],
      ),
    ).toEqual([
      [0.25, 0.5],
      ['', 0],
    ]);
  });
  it('open ranges: blank rows stay blank', () => {
    const out = call<unknown[][]>('COVERAGE', openRange(column(9, '', 10)), openRange(column(10, '', 10)));
    expect(out).toHaveLength(1000);
    expect(out.slice(0, 3)).toEqual(column(0.9, '', 1));
    expect(out.slice(3).every((row) => row.length === 1 && row[0] === '')).toBe(true);
  });
  it('throws Russian errors naming the row (and the column of a 2-D range)', () => {
    expect(failure('COVERAGE', column(1, 2, 12), column(10, 10, 10))).toBe(
      'строка 3: подключено (12) больше, чем всего (10)',
    );
    expect(failure('COVERAGE', [[1, -1]], [[2, 2]])).toBe(
      'строка 1, столбец 2: подключено (-1) не может быть отрицательным',
    );
    expect(failure('COVERAGE', 1.5, 10)).toBe('Подключено (1.5) должно быть целым числом');
    expect(failure('COVERAGE', true, 2)).toBe('Подключено: «true» не число');
    expect(failure('COVERAGE', dateCell('01.12.2023'), 10)).toBe('Подключено: «дата» не число');
  });
});

describe('MEETS_TARGET', () => {
  it('compares with the target, broadcasting a single target cell', () => {
    expect(call('MEETS_TARGET', 10, 10)).toBe(true);
    expect(call('MEETS_TARGET', 9, 10)).toBe(false);
    expect(call('MEETS_TARGET', 0, 0)).toBe(true);
    expect(call('MEETS_TARGET', openRange(column(9, 8, ''), 4), openRange(column(10, 10, ''), 4), '90%')).toEqual(
      column(true, false, '', ''),
    );
    expect(call('MEETS_TARGET', column(5, 5), 10, column(0.5, 0.6))).toEqual(column(true, false));
  });
  it('names the row of a bad target or count', () => {
    expect(failure('MEETS_TARGET', column(1, 1), column(2, 2), column(0.5, 90))).toBe(
      'строка 2: цель (90) должна быть числом от 0 до 1, например 1 или 90%',
    );
    expect(failure('MEETS_TARGET', column(1, 'пять'), 10)).toBe('строка 2: подключено: «пять» не число');
  });
});

describe('TEACHER_MINIMUM_MET', () => {
  it('needs both minimums, over single values and a weeks × teachers range', () => {
    expect(call('TEACHER_MINIMUM_MET', 10, 1)).toBe(true);
    expect(call('TEACHER_MINIMUM_MET', 9, 1)).toBe(false);
    expect(call('TEACHER_MINIMUM_MET', 5, 0, 5, 0)).toBe(true);
    expect(
      call(
        'TEACHER_MINIMUM_MET',
        [
          [12, 3],
          ['', ''],
          [10, 15],
        ],
        [
          [1, 1],
          ['', ''],
          [0, 1],
        ],
      ),
    ).toEqual([
      [true, false],
      ['', ''],
      [false, true],
    ]);
  });
  it('open ranges with trailing blank rows', () => {
    const out = call<unknown[][]>('TEACHER_MINIMUM_MET', openRange(column(11, 3)), openRange(column(2, 1)));
    expect(out.slice(0, 2)).toEqual(column(true, false));
    expect(out.slice(2).every((row) => row[0] === '')).toBe(true);
  });
  it('names the row and column of a bad figure', () => {
    expect(
      failure(
        'TEACHER_MINIMUM_MET',
        [
          [10, 10],
          [10, 10],
          [10, -2],
        ],
        1,
      ),
    ).toBe('строка 3, столбец 2: сообщений (-2) не может быть отрицательным');
    expect(failure('TEACHER_MINIMUM_MET', 10, 1, 'десять')).toBe('Минимум сообщений: «десять» не число');
  });
});

describe('10,000-row ranges', () => {
  it('each function answers within the bundle, touching no service', () => {
    const rows = 10_000;
    const nums = (f: (i: number) => unknown): unknown[][] => Array.from({ length: rows }, (_, i) => [f(i)]);
    const periods = nums((i) => (i % 10 === 9 ? '' : dateCell(`15.${String((i % 12) + 1).padStart(2, '0')}.2024`)));
    const cases: [string, unknown[]][] = [
      ['REPORT_DEADLINE', [periods]],
      ['DAYS_TO_DEADLINE', [periods, dateCell('01.06.2024')]],
      ['REPORT_STATUS', [periods, nums((i) => (i % 3 ? dateCell('20.06.2024') : '')), dateCell('01.07.2024')]],
      ['COVERAGE', [nums((i) => i % 11), nums(() => 10)]],
      ['MEETS_TARGET', [nums((i) => i % 11), nums(() => 10), 0.9]],
      ['TEACHER_MINIMUM_MET', [nums((i) => i % 20), nums((i) => i % 2)]],
    ];
    for (const [fn, args] of cases) {
      const out = call<unknown[][]>(fn, ...args);
      expect(out).toHaveLength(rows);
      expect(out.every((row) => row.length === 1)).toBe(true);
      if (args[0] === periods) expect(out[9]).toEqual(['']);
    }
  });
});
