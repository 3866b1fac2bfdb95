// Weekly figures stored under teacher codes: what the paste yields, what the server accepts, the cell text.
import {
  countMeetingMinimum,
  formatTeacherWeeks,
  parseTeacherWeeks,
  validateTeacherWeeks,
  TEACHER_WEEKS_MAX_TEACHERS,
  type TeacherWeeks,
} from '../../src/domain/schemas/teacherWeeks';
import { meetsMinimum, summariseTeacherActivity } from '../../src/domain/teacherActivity';

const nov2023 = { year: 2023, month: 11 }; // three full weeks
const jan2024 = { year: 2024, month: 1 }; // four full weeks
const w = (messages: number, calls: number) => ({ messages, calls });
const LIST: TeacherWeeks[] = [
  { code: 'П-01', weeks: [w(12, 1), w(10, 2), w(15, 1)] },
  { code: 'П-02', weeks: [w(9, 1), w(12, 1), w(11, 1)] },
  { code: 'T7', weeks: [w(20, 3), null, w(20, 3)] },
  { code: '105', weeks: [w(10, 1), w(10, 1), w(10, 1)] },
];
const rules = (teachersMeetingMinimum: number, period = nov2023) => ({
  period,
  minMessages: 10,
  minCalls: 1,
  teachersMeetingMinimum,
});
const messageOf = (input: unknown, met = 2) => {
  const r = validateTeacherWeeks(input, rules(met));
  return r.ok ? null : r.errors.map((e) => e.message).join(' ');
};

describe('meetsMinimum', () => {
  it('needs figures for every full week, each meeting both minimums', () => {
    expect(meetsMinimum([w(10, 1), w(10, 1), w(10, 1)], 3, 10, 1)).toBe(true);
    expect(meetsMinimum([w(10, 1), w(9, 1), w(10, 1)], 3, 10, 1)).toBe(false);
    expect(meetsMinimum([w(10, 1), w(10, 0), w(10, 1)], 3, 10, 1)).toBe(false);
    expect(meetsMinimum([w(10, 1), null, w(10, 1)], 3, 10, 1)).toBe(false);
    expect(meetsMinimum([w(10, 1), w(10, 1)], 3, 10, 1)).toBe(false);
    expect(meetsMinimum([w(0, 0), w(0, 0), w(0, 0)], 3, 0, 0)).toBe(true);
    expect(meetsMinimum([w(0, 0), null, w(0, 0)], 3, 0, 0)).toBe(false);
  });
});

describe('the paste yields weekly figures under codes only', () => {
  it('wide layout: weeks 1…N, a short row padded with nulls; the count agrees with meetsMinimum', () => {
    const s = summariseTeacherActivity('П-01\t12\t1\t10\t1\t11\t1\nП-02\t12\t1\t10\t1', { period: nov2023 });
    expect(s.teacherWeeks).toEqual([
      { code: 'П-01', weeks: [w(12, 1), w(10, 1), w(11, 1)] },
      { code: 'П-02', weeks: [w(12, 1), w(10, 1), null] },
    ]);
    expect(countMeetingMinimum(s.teacherWeeks!, nov2023, 10, 1)).toBe(s.metMinimum);
  });
  it('long layout with a gap: the missing week is null', () => {
    const s = summariseTeacherActivity('T1\t1\t12\t1\nT1\t3\t12\t1\nT2\t1\t10\t1\nT2\t2\t10\t1\nT2\t3\t10\t1', {
      period: nov2023,
      layout: 'long',
    });
    expect(s.teacherWeeks).toEqual([
      { code: 'T1', weeks: [w(12, 1), null, w(12, 1)] },
      { code: 'T2', weeks: [w(10, 1), w(10, 1), w(10, 1)] },
    ]);
    expect(countMeetingMinimum(s.teacherWeeks!, nov2023, 10, 1)).toBe(s.metMinimum);
  });
  it('none at all when one teacher is under a name or has no code', () => {
    const named = summariseTeacherActivity('П-01\t12\t1\t10\t1\t11\t1\nИванова А. П.\t12\t1\t10\t1\t11\t1', {
      period: nov2023,
    });
    expect(named.teacherWeeks).toBeNull();
    expect(JSON.stringify(named)).not.toContain('Иванова');
    expect(
      summariseTeacherActivity('12\t1\t10\t1\t11\t1\n9\t1\t10\t1\t11\t1', { period: nov2023 }).teacherWeeks,
    ).toBeNull();
  });
  it('unreadable rows are left out of the figures as they are of the count', () => {
    const s = summariseTeacherActivity('П-01\t12\t1\t10\t1\t11\t1\nП-02\tмного\t1\t10\t1\t11\t1', { period: nov2023 });
    expect(s.teacherWeeks?.map((t) => t.code)).toEqual(['П-01']);
    expect(s.teachers).toBe(1);
  });
});

describe('validateTeacherWeeks', () => {
  it("accepts codes with whole counts consistent with the coordinator's count; trims codes", () => {
    expect(validateTeacherWeeks(LIST, rules(2))).toEqual({ ok: true, teacherWeeks: LIST });
    const padded = [{ ...LIST[0]!, code: ' П-01 ' }];
    expect(validateTeacherWeeks(padded, rules(1))).toEqual({ ok: true, teacherWeeks: [LIST[0]] });
    expect(validateTeacherWeeks([], rules(0))).toEqual({ ok: true, teacherWeeks: [] });
  });
  it("uses the period's full weeks and the minimums it is given", () => {
    const four = LIST.map((t) => ({ ...t, weeks: [...t.weeks, w(10, 1)] }));
    expect(validateTeacherWeeks(four, rules(2, jan2024)).ok).toBe(true);
    expect(validateTeacherWeeks(LIST, { ...rules(3), minMessages: 9 }).ok).toBe(true);
  });
  it('refuses a name instead of a code without repeating it', () => {
    const message = messageOf([LIST[0], { ...LIST[1]!, code: 'Петров Пётр' }]);
    expect(message).toBe(
      'Отчёт не сохранён: недельные данные педагога № 2 в списке — вместо кода указано ФИО или другой текст. ' +
        'Передавайте только коды педагогов (например, П-012), без фамилий.',
    );
    expect(message).not.toContain('Петров');
    expect(messageOf([{ ...LIST[0]!, code: '' }])).toBe(
      'Отчёт не сохранён: недельные данные педагога № 1 в списке — не указан код педагога.',
    );
    expect(messageOf([{ ...LIST[0]!, code: 12 }])).toContain('не указан код педагога');
  });
  it('refuses a contradiction with teachersMeetingMinimum', () => {
    expect(messageOf(LIST, 3)).toBe(
      'Отчёт не сохранён: по недельным данным педагогов минимум выполнили 2, а в поле ' +
        '«Педагогов, выполнивших минимум» указано 3. Вставьте таблицу педагогов заново или исправьте число.',
    );
  });
  it('refuses malformed figures with a Russian sentence', () => {
    const withWeek = (week: unknown) => [{ code: 'П-01', weeks: [w(10, 1), week, w(10, 1)] }];
    expect(messageOf(withWeek(w(-1, 1)), 0)).toBe(
      'Отчёт не сохранён: недельные данные педагога № 1 в списке — неделя 2: число сообщений должно быть целым, от 0 до 9999999 (указано «-1»).',
    );
    expect(messageOf(withWeek({ messages: 10, calls: '1' }), 0)).toContain('неделя 2: число звонков должно быть целым');
    expect(messageOf(withWeek(w(10, 1e8)), 0)).toContain('(указано «100000000»)');
    expect(messageOf(withWeek('10/1'), 0)).toContain('неделя 2: нужны число сообщений и число звонков.');
    expect(messageOf([{ code: 'П-01', weeks: 'все' }], 0)).toContain('нет списка недель.');
    expect(messageOf(['П-01'], 0)).toContain('педагога № 1 в списке — не указан код педагога.');
    expect(messageOf([{ code: 'П-01', weeks: [w(10, 1), w(10, 1)] }], 0)).toContain(
      'указано недель: 2, а полных недель в месяце ноябрь 2023: 3.',
    );
    expect(messageOf([LIST[0], LIST[0]], 2)).toContain('педагога № 2 в списке — код «П-01» указан второй раз.');
    expect(messageOf('П-01: 10/1', 0)).toMatch(/переданы в неверном виде/);
  });
  it('at most 500 teachers', () => {
    const many = Array.from({ length: TEACHER_WEEKS_MAX_TEACHERS + 1 }, (_, i) => ({
      code: 'П-' + i,
      weeks: [w(0, 0), w(0, 0), w(0, 0)],
    }));
    expect(messageOf(many, 0)).toBe(
      'Отчёт не сохранён: недельные данные переданы для 501 педагога, а можно не больше чем для 500.',
    );
    expect(validateTeacherWeeks(many.slice(1), rules(0)).ok).toBe(true);
  });
});

describe('the compact cell text', () => {
  it('writes and reads back, a missing week as «—»', () => {
    const text = formatTeacherWeeks(LIST);
    expect(text).toBe('П-01: 12/1, 10/2, 15/1; П-02: 9/1, 12/1, 11/1; T7: 20/3, —, 20/3; 105: 10/1, 10/1, 10/1');
    expect(parseTeacherWeeks(text)).toEqual(LIST);
    expect(formatTeacherWeeks([])).toBe('');
    expect(parseTeacherWeeks('')).toEqual([]);
    expect(parseTeacherWeeks('№ 12: 10/1')).toEqual([{ code: '№ 12', weeks: [w(10, 1)] }]);
  });
  it('stays within a Sheets cell (50 000 characters) at the largest list accepted', () => {
    const widest = Array.from({ length: TEACHER_WEEKS_MAX_TEACHERS }, (_, i) => ({
      code: 'ПЕД-' + String(10_000_000 + i),
      weeks: Array.from({ length: 4 }, () => w(9_999_999, 9_999_999)),
    }));
    expect(validateTeacherWeeks(widest, rules(TEACHER_WEEKS_MAX_TEACHERS, jan2024)).ok).toBe(true);
    expect(formatTeacherWeeks(widest).length).toBeLessThan(50_000);
  });
  it('text that is not in that form reads as null', () => {
    for (const bad of ['Иванова: 10/1', 'П-01 10/1', 'П-01: 10', 'П-01: 10/1, x/1'])
      expect(parseTeacherWeeks(bad)).toBeNull();
  });
});
