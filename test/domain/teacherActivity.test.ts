// Pasted per-teacher weekly figures: both layouts, separators, decimal commas, headers, garbage rows.
import { formatDate } from '../../src/domain/calendar';
import { fullWeeksOf, isTeacherCode, summariseTeacherActivity } from '../../src/domain/teacherActivity';
import { detectSeparator, readCountCell, splitPastedTable } from '../../src/domain/teacherPaste';

const nov2023 = { year: 2023, month: 11 }; // 01.11.2023 was a Wednesday: full weeks start 6, 13 and 20 (27.11–03.12 is not whole)

describe('fullWeeksOf', () => {
  it('lists Mondays of weeks wholly inside the month', () => {
    expect(fullWeeksOf(nov2023).map(formatDate)).toEqual(['06.11.2023', '13.11.2023', '20.11.2023']);
    expect(fullWeeksOf({ year: 2024, month: 1 }).map(formatDate)).toEqual([
      '01.01.2024',
      '08.01.2024',
      '15.01.2024',
      '22.01.2024',
    ]);
    expect(fullWeeksOf({ year: 2021, month: 2 }).length).toBe(4); // 01.02.2021 was a Monday, 28 days
    expect(fullWeeksOf({ year: 2022, month: 2 }).length).toBe(3);
  });
  it('every month has 3 or 4 full weeks', () => {
    for (let year = 2023; year <= 2030; year++)
      for (let month = 1; month <= 12; month++) {
        expect([3, 4]).toContain(fullWeeksOf({ year, month }).length);
      }
  });
});

describe('table reading', () => {
  it('detects the separator', () => {
    expect(detectSeparator('a\tb;c,d')).toBe('\t');
    expect(detectSeparator('a;b,5')).toBe(';');
    expect(detectSeparator('a,b')).toBe(',');
  });
  it('keeps quoted cells with a decimal comma together and numbers lines', () => {
    expect(splitPastedTable('\nT1,"12,0",1,,\n\n"say ""hi""",2')).toEqual([
      { row: 2, cells: ['T1', '12,0', '1'] },
      { row: 4, cells: ['say "hi"', '2'] },
    ]);
  });
  it('reads counts', () => {
    expect(readCountCell('12,0', 2)).toEqual({ value: 12 });
    expect(readCountCell('1 200', 2)).toEqual({ value: 1200 });
    expect(readCountCell('', 2)).toEqual({ value: 0 });
    expect(readCountCell('12,5', 3)).toEqual({ error: 'столбец 3: 12,5 — нужно целое число' });
    expect(readCountCell('-1', 3)).toEqual({ error: 'столбец 3: -1 — число не может быть отрицательным' });
    expect(readCountCell('десять', 4)).toEqual({ error: 'столбец 4: «десять» не число' });
  });
});

describe('wide layout: one row per teacher', () => {
  const pasted = [
    'Код\tНед. 1 сообщ.\tНед. 1 звонки\tНед. 2 сообщ.\tНед. 2 звонки\tНед. 3 сообщ.\tНед. 3 звонки',
    'П-01\t12\t1\t10\t2\t15\t1',
    'П-02\t9\t1\t30\t3\t30\t3',
    'П-03\t10\t0\t10\t1\t10\t1',
    'П-04\t40\t4\t40\t4\t40\t4',
  ].join('\n');
  it('counts teachers meeting both minimums every week', () => {
    const s = summariseTeacherActivity(pasted, { period: nov2023 });
    expect(s).toEqual({
      layout: 'wide',
      weeks: 3,
      teachers: 4,
      metMinimum: 2,
      metCodes: ['П-01', 'П-04'],
      notMetCodes: ['П-02', 'П-03'],
      withheldIdentifiers: 0,
      issues: [],
      teacherWeeks: [
        {
          code: 'П-01',
          weeks: [
            { messages: 12, calls: 1 },
            { messages: 10, calls: 2 },
            { messages: 15, calls: 1 },
          ],
        },
        {
          code: 'П-02',
          weeks: [
            { messages: 9, calls: 1 },
            { messages: 30, calls: 3 },
            { messages: 30, calls: 3 },
          ],
        },
        {
          code: 'П-03',
          weeks: [
            { messages: 10, calls: 0 },
            { messages: 10, calls: 1 },
            { messages: 10, calls: 1 },
          ],
        },
        {
          code: 'П-04',
          weeks: [
            { messages: 40, calls: 4 },
            { messages: 40, calls: 4 },
            { messages: 40, calls: 4 },
          ],
        },
      ],
    });
  });
  it('honours configured thresholds', () => {
    expect(summariseTeacherActivity(pasted, { minMessages: 9, minCalls: 0 }).metMinimum).toBe(4);
  });
  it('semicolons with decimal commas, no header, no code column', () => {
    const s = summariseTeacherActivity('12,0;1;10;1\n9;1;10;1\n', { weeks: 2 });
    expect(s).toMatchObject({
      layout: 'wide',
      teachers: 2,
      metMinimum: 1,
      metCodes: [],
      notMetCodes: [],
      withheldIdentifiers: 0,
    });
  });
  it('comma-separated with quoted decimal commas', () => {
    const s = summariseTeacherActivity('T1,"12,0",1,"10,0",1\nT2,11,1,"10,5",1');
    expect(s.metCodes).toEqual(['T1']);
    expect(s.issues).toEqual([{ row: 2, message: 'столбец 4: 10,5 — нужно целое число' }]);
  });
  it('never returns names: they are counted but withheld', () => {
    const s = summariseTeacherActivity('Иванова А. А.\t12\t1\nПетров П.П.\t1\t0\nT-3\t10\t1');
    expect(s).toMatchObject({ teachers: 3, metMinimum: 2, metCodes: ['T-3'], notMetCodes: [], withheldIdentifiers: 2 });
    expect(JSON.stringify(s)).not.toMatch(/Иванова|Петров/);
  });
  it('reports garbage rows with their line and a Russian reason', () => {
    const s = summariseTeacherActivity(
      [
        'Код\tСообщ.\tЗвонки\tСообщ.\tЗвонки',
        'A1\t12\t1\t12\t1',
        'A2\tмного\t1\t12\t1',
        'A3\t12\t1\t12',
        '\t12\t1\t12\t1',
        'A1\t10\t1\t10\t1',
        'A5\t12\t1',
        'A6\t12\t1\t12\t1\t12\t1',
        'A7',
      ].join('\n'),
      { weeks: 2 },
    );
    expect(s.teachers).toBe(2);
    expect(s.metMinimum).toBe(1);
    expect(s.issues).toEqual([
      { row: 3, message: 'столбец 2: «много» не число' },
      { row: 4, message: 'после кода педагога нужны пары чисел «сообщения, звонки» по каждой неделе' },
      { row: 5, message: 'не указан код педагога' },
      { row: 6, message: 'этот педагог уже указан выше — строка не учтена' },
      { row: 7, message: 'указано недель: 1, а полных недель в месяце: 2 — минимум не засчитан' },
      { row: 8, message: 'недель в строке: 3, а полных недель в месяце: 2 — вставьте только полные недели' },
      { row: 9, message: 'в строке нет чисел' },
    ]);
  });
  it('an empty paste says what to do', () => {
    expect(summariseTeacherActivity(' \n\n').issues).toEqual([
      { row: 0, message: 'Вставьте таблицу с данными педагогов: скопируйте строки из электронной таблицы.' },
    ]);
  });
});

describe('long layout: one row per teacher-week', () => {
  it('reads week numbers, detected from the header', () => {
    const s = summariseTeacherActivity(
      ['Код;Неделя;Сообщения;Звонки', 'T1;1;12;1', 'T1;2;11;1', 'T1;3;10;2', 'T2;1;50;5', 'T2;2;50;5', 'T2;3;5;5'].join(
        '\n',
      ),
      { period: nov2023 },
    );
    expect(s).toMatchObject({
      layout: 'long',
      weeks: 3,
      teachers: 2,
      metMinimum: 1,
      metCodes: ['T1'],
      notMetCodes: ['T2'],
    });
  });
  it('detects the layout from repeated codes without a header; missing weeks fail the teacher', () => {
    const s = summariseTeacherActivity('101\t1\t12\t1\n101\t2\t12\t1\n102\t1\t12\t1', { weeks: 2 });
    expect(s).toMatchObject({ layout: 'long', teachers: 2, metMinimum: 1, metCodes: ['101'], notMetCodes: ['102'] });
    expect(s.issues).toEqual([
      { row: 3, message: 'указано недель: 1, а полных недель в месяце: 2 — минимум не засчитан' },
    ]);
  });
  it('places dated weeks in the full weeks of the month and ignores partial weeks', () => {
    const rows = [
      'T1\t01.11.2023\t0\t0',
      'T1\t06.11.2023\t12\t1',
      'T1\t14.11.2023\t12\t1',
      'T1\t20.11.2023\t12\t1',
      'T1\t27.11.2023\t0\t0',
    ];
    const s = summariseTeacherActivity(rows.join('\n'), { period: nov2023, layout: 'long' });
    expect(s).toMatchObject({ weeks: 3, teachers: 1, metMinimum: 1, issues: [] });
  });
  it('reports bad weeks, duplicates and wrong cell counts', () => {
    const s = summariseTeacherActivity(
      ['T1\t1\t12\t1', 'T1\t1\t12\t1', 'T1\t9\t12\t1', 'T1\tвчера\t12\t1', 'T1\t2\t12'].join('\n'),
      { period: nov2023, layout: 'long' },
    );
    expect(s.issues).toEqual([
      { row: 1, message: 'указано недель: 1, а полных недель в месяце: 3 — минимум не засчитан' },
      { row: 2, message: 'неделя 1 этого педагога уже указана выше' },
      { row: 3, message: 'неделя «9»: укажите номер от 1 до 3 или дату' },
      { row: 4, message: 'неделя «вчера»: укажите номер от 1 до 3 или дату' },
      { row: 5, message: 'нужно 4 столбца: код педагога, неделя, сообщения, звонки' },
    ]);
  });
});

describe('isTeacherCode', () => {
  it.each([
    ['П-012', true],
    ['T7', true],
    ['105', true],
    ['№ 5', true],
    ['Иванова А.А.', false],
    ['Петров', false],
    ['Анна 2', false],
    ['Анна2', false],
    ['AB-12', true],
  ])('%s', (id, expected) => expect(isTeacherCode(id)).toBe(expected));
});
