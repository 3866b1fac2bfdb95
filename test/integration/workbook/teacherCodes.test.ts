// Per-teacher weekly figures under teacher codes (SPEC §3), through the built bundle in the emulator:
// refused while Settings keep them off, stored and returned once the admin turns them on.
import { district, handEdit, schoolReport, COORD_A, OWNER, SCHOOL, type District } from '../../support/district';

interface Week {
  messages: number;
  calls: number;
}
interface Form {
  current: {
    version: number;
    values: Record<string, unknown> & { teacherWeeks: { code: string; weeks: (Week | null)[] }[] | null };
  } | null;
  versions: { values: { teacherWeeks: unknown } }[];
  rules: { storeTeacherCodes: boolean };
}

const HEADER = 'Недельные данные педагогов (коды)';

/** November 2023 has three full weeks: П-01 and П-03 meet 10 messages and 1 call every week, П-02 and П-04 do not. */
const WEEKS = [
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
      { messages: 12, calls: 1 },
      { messages: 11, calls: 1 },
    ],
  },
  {
    code: 'П-03',
    weeks: [
      { messages: 20, calls: 3 },
      { messages: 20, calls: 3 },
      { messages: 20, calls: 3 },
    ],
  },
  { code: 'П-04', weeks: [{ messages: 30, calls: 2 }, null, { messages: 30, calls: 2 }] },
];

/** The admin turns «Хранить данные педагогов под кодами» on (or off) in the «Настройки» sheet, by hand. */
function storeTeacherCodes(d: District, on: boolean): void {
  handEdit(
    d,
    OWNER,
    `var s = ss.getSheetByName('Настройки'); var rows = s.getDataRange().getValues();
    for (var i = 0; i < rows.length; i++) if (rows[i][0] === 'storeTeacherCodes') s.getRange(i + 1, 3).setValue('${on ? 'да' : 'нет'}');`,
  );
}

const reportsRows = (d: District) => d.sheet('Отчёты');
const cellOf = (d: District, row: number, header: string) => {
  const rows = reportsRows(d);
  return rows[row]![(rows[0] as string[]).indexOf(header)];
};

test('the new column sits at the end of the layout, before the hidden submission key and the checksum', () => {
  const d = district();
  const header = reportsRows(d)[0] as string[];
  expect(header.slice(-4)).toEqual([HEADER, 'Ключ отправки', 'Номер записи', 'Контрольная сумма']);
});

test('setting off: weekly figures are refused with a Russian message and nothing is written', () => {
  const d = district();
  expect(d.call<Form>(COORD_A, 'getReportForm', null, null).rules.storeTeacherCodes).toBe(false);
  const message = d.refuse(
    COORD_A,
    'submitReport',
    schoolReport({ teachersMeetingMinimum: 2, teacherWeeks: WEEKS }),
    'submission-tw-off',
  );
  expect(message).toBe(
    'Отчёт не сохранён: хранение недельных данных педагогов выключено администратором округа ' +
      '(настройка «Хранить данные педагогов под кодами»). Обновите форму и сдайте отчёт снова — будет передано только число педагогов.',
  );
  expect(reportsRows(d)).toHaveLength(1);
  expect(d.sheet('Журнал изменений').map((r) => r[2])).not.toContain('Сдача отчёта');
  // Counts only, as the sidebar sends them while the setting is off: stored, the column stays empty.
  d.call(COORD_A, 'submitReport', schoolReport({ teachersMeetingMinimum: 2 }), 'submission-tw-off2');
  expect(cellOf(d, 1, HEADER)).toBe('');
  expect(d.call<Form>(COORD_A, 'getReportForm', SCHOOL.id, '2023-11').current!.values.teacherWeeks).toBeNull();
});

test('setting on: stored under codes as compact text, returned in the version values, counted in the audit', () => {
  const d = district();
  storeTeacherCodes(d, true);
  expect(d.call<Form>(COORD_A, 'getReportForm', null, null).rules.storeTeacherCodes).toBe(true);
  d.call(
    COORD_A,
    'submitReport',
    schoolReport({ teachersMeetingMinimum: 2, teacherWeeks: WEEKS }),
    'submission-tw-on1',
  );
  expect(cellOf(d, 1, HEADER)).toBe(
    'П-01: 12/1, 10/2, 15/1; П-02: 9/1, 12/1, 11/1; П-03: 20/3, 20/3, 20/3; П-04: 30/2, —, 30/2',
  );
  expect(cellOf(d, 1, 'Педагогов, выполнивших минимум')).toBe(2);
  const form = d.call<Form>(COORD_A, 'getReportForm', SCHOOL.id, '2023-11');
  expect(form.current!.values.teacherWeeks).toEqual(WEEKS);
  expect(form.versions[0]!.values.teacherWeeks).toEqual(WEEKS);
  const audit = d.sheet('Журнал изменений').pop()!;
  expect(audit[2]).toBe('Сдача отчёта');
  expect(String(audit[6])).toMatch(/; Недельные данные педагогов: сохранены под кодами для 4 педагогов$/);
  expect(String(audit[6])).not.toMatch(/П-0|12\/1/);
  // A resubmission with counts only stores an empty cell; the earlier version keeps its figures.
  d.call(COORD_A, 'submitReport', schoolReport({ teachersMeetingMinimum: 2 }), 'submission-tw-on2');
  const again = d.call<Form>(COORD_A, 'getReportForm', SCHOOL.id, '2023-11');
  expect(again.versions.map((v) => v.values.teacherWeeks)).toEqual([null, WEEKS]);
  // Reviews rewrite the row with its figures; nothing reads as edited by hand.
  d.call(OWNER, 'reviewReport', SCHOOL.id, '2023-11', 2, 'accept', '');
  expect(cellOf(d, 1, HEADER)).toContain('П-01: 12/1');
  d.call(OWNER, 'checkIntegrity');
  expect(d.em.store.ui.listEvents(d.doc, OWNER).pop()!.content).toContain('Изменений в обход дополнения не найдено');
});

test('setting on: a name instead of a code is refused without repeating it, and nothing is written', () => {
  const d = district();
  storeTeacherCodes(d, true);
  const named = [WEEKS[0], { ...WEEKS[1]!, code: 'Иванова А. П.' }, WEEKS[2], WEEKS[3]];
  const message = d.refuse(
    COORD_A,
    'submitReport',
    schoolReport({ teachersMeetingMinimum: 2, teacherWeeks: named }),
    'submission-tw-name',
  );
  expect(message).toBe(
    'Отчёт не сохранён: недельные данные педагога № 2 в списке — вместо кода указано ФИО или другой текст. ' +
      'Передавайте только коды педагогов (например, П-012), без фамилий.',
  );
  expect(message).not.toContain('Иванова');
  expect(reportsRows(d)).toHaveLength(1);
});

test("setting on: figures contradicting the coordinator's count are refused, and nothing is written", () => {
  const d = district();
  storeTeacherCodes(d, true);
  const message = d.refuse(
    COORD_A,
    'submitReport',
    schoolReport({ teachersMeetingMinimum: 3, teacherWeeks: WEEKS }),
    'submission-tw-mismatch',
  );
  expect(message).toBe(
    'Отчёт не сохранён: по недельным данным педагогов минимум выполнили 2, а в поле «Педагогов, выполнивших минимум» указано 3. ' +
      'Вставьте таблицу педагогов заново или исправьте число.',
  );
  expect(reportsRows(d)).toHaveLength(1);
  // Other malformed figures: a week too many, a fractional count.
  const fourWeeks = WEEKS.map((t) => ({ ...t, weeks: [...t.weeks, { messages: 1, calls: 1 }] }));
  expect(
    d.refuse(
      COORD_A,
      'submitReport',
      schoolReport({ teachersMeetingMinimum: 2, teacherWeeks: fourWeeks }),
      'submission-tw-4w',
    ),
  ).toBe(
    'Отчёт не сохранён: недельные данные педагога № 1 в списке — указано недель: 4, а полных недель в месяце ноябрь 2023: 3.',
  );
  const fractional = [
    {
      code: 'П-01',
      weeks: [
        { messages: 10.5, calls: 1 },
        { messages: 10, calls: 1 },
        { messages: 10, calls: 1 },
      ],
    },
  ];
  expect(
    d.refuse(
      COORD_A,
      'submitReport',
      schoolReport({ teachersMeetingMinimum: 0, teacherWeeks: fractional }),
      'submission-tw-frac',
    ),
  ).toBe(
    'Отчёт не сохранён: недельные данные педагога № 1 в списке — неделя 1: число сообщений должно быть целым, от 0 до 9999999 (указано «10.5»).',
  );
  expect(reportsRows(d)).toHaveLength(1);
});

test('set-up adds the column to an older «Отчёты» sheet; rows sealed before it existed still read as intact', () => {
  const d = district();
  d.call(COORD_A, 'submitReport', schoolReport(), 'submission-older-1');
  // The sheet as the previous release left it: no such column, the row sealed over the cells it had.
  const col = (reportsRows(d)[0] as string[]).indexOf(HEADER) + 1;
  handEdit(d, OWNER, `ss.getSheetByName('Отчёты').deleteColumn(${col});`);
  expect(reportsRows(d)[0]).not.toContain(HEADER);
  // Until set-up runs, the older sheet still reads: the missing column reads as blank.
  expect(d.call<{ current: { version: number } }>(COORD_A, 'getReportForm', null, '2023-11').current.version).toBe(1);
  d.call(OWNER, 'setupWorkbook');
  const header = reportsRows(d)[0] as string[];
  expect(header.slice(-4)).toEqual([HEADER, 'Ключ отправки', 'Номер записи', 'Контрольная сумма']);
  expect(cellOf(d, 1, 'Ключ отправки')).toBe('submission-older-1');
  expect(cellOf(d, 1, HEADER)).toBe('');
  d.call(OWNER, 'checkIntegrity');
  expect(d.em.store.ui.listEvents(d.doc, OWNER).pop()!.content).toContain('Изменений в обход дополнения не найдено');
  // Typing figures into the old row's new cell by hand is an edit like any other.
  handEdit(
    d,
    OWNER,
    `ss.getSheetByName('Отчёты').getRange(2, ${header.indexOf(HEADER) + 1}).setValue('П-01: 10/1, 10/1, 10/1');`,
  );
  d.call(OWNER, 'checkIntegrity');
  expect(d.em.store.ui.listEvents(d.doc, OWNER).pop()!.content).toContain(
    'строка 2: отчёт SCH-01 за ноябрь 2023 (версия 1) изменён вручную',
  );
});

test('a submission to an older «Отчёты» sheet upgrades it first, without the admin running set-up', () => {
  const d = district();
  d.call(COORD_A, 'submitReport', schoolReport(), 'submission-older-2');
  const col = (reportsRows(d)[0] as string[]).indexOf(HEADER) + 1;
  handEdit(d, OWNER, `ss.getSheetByName('Отчёты').deleteColumn(${col});`);
  d.call(COORD_A, 'submitReport', schoolReport({ teachersConnected: 39 }), 'submission-older-3');
  const rows = reportsRows(d);
  expect((rows[0] as string[]).slice(-4)).toEqual([HEADER, 'Ключ отправки', 'Номер записи', 'Контрольная сумма']);
  expect([cellOf(d, 1, 'Ключ отправки'), cellOf(d, 2, 'Ключ отправки')]).toEqual([
    'submission-older-2',
    'submission-older-3',
  ]);
  d.call(OWNER, 'checkIntegrity');
  expect(d.em.store.ui.listEvents(d.doc, OWNER).pop()!.content).toContain('Изменений в обход дополнения не найдено');
});
