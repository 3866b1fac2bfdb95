// Schemas: every validation message, kindergarten vs school rules, organisations and settings.
import { validateOrganisation, isCoordinatorAppointed, owesPeriod } from '../../src/domain/schemas/organisation';
import { validateReport } from '../../src/domain/schemas/report';
import { DEFAULT_SETTINGS, defaultSettings, validateSettings } from '../../src/domain/schemas/settings';
import { organisation, report } from '../fixtures/records';

const school = organisation('school');
const kindergarten = organisation('preschool');
const additional = organisation('additional');

const errorsOf = (input: unknown, org = school) => {
  const result = validateReport(input, org);
  return result.ok ? [] : result.errors;
};
const messageFor = (input: unknown, field: string, org = school) =>
  errorsOf(input, org).find((e) => e.field === field)?.message;

describe('validateReport', () => {
  it('accepts a valid report of each type', () => {
    for (const org of [school, kindergarten, additional]) {
      const result = validateReport(report(org), org);
      expect(result).toEqual({ ok: true, report: report(org) });
    }
  });
  it('reads numbers typed as text and yes/no answers', () => {
    const typed = {
      ...report(school),
      teachersTotal: ' 20 ',
      teachersConnected: '20',
      staffChat: 'да',
      noForeignMessengers: 'yes',
      teacherMessages: '',
    };
    const result = validateReport(typed, school);
    expect(result.ok && result.report.teachersTotal).toBe(20);
    expect(result.ok && result.report.teacherMessages).toBeNull();
  });
  it.each([
    ['teachersConnected', 12, 'teachersTotal', 10, 'Подключено педагогов (12) больше, чем всего педагогов (10)'],
    ['pupilsConnected', 201, 'pupilsTotal', 200, 'Подключено обучающихся (201) больше, чем всего обучающихся (200)'],
    [
      'parentsConnected',
      5,
      'parentsTotal',
      4,
      'Подключено родителей (законных представителей) (5) больше, чем всего родителей (законных представителей) (4)',
    ],
    [
      'groupsInSferum',
      12,
      'groupsTotal',
      11,
      'Создано классов (групп) в Сферуме (12) больше, чем всего классов (групп) (11)',
    ],
    [
      'teachersMeetingMinimum',
      15,
      'teachersConnected',
      14,
      'Педагогов, выполнивших минимум (15) больше, чем подключено педагогов (14)',
    ],
    [
      'mySchoolTeachers',
      21,
      'teachersTotal',
      20,
      'Педагогов, использующих ФГИС «Моя школа» (21) больше, чем всего педагогов (20)',
    ],
  ])('%s (%i) may not exceed %s (%i)', (part, p, whole, w, message) => {
    const input = {
      ...report(school),
      teachersConnected: 14,
      teachersMeetingMinimum: 14,
      mySchoolTeachers: 14,
      [whole]: w,
      [part]: p,
    };
    expect(messageFor(input, part)).toBe(message);
  });
  it('names missing, fractional, negative and non-numeric figures', () => {
    const { teachersTotal: _omit, ...withoutTotal } = report(school);
    void _omit;
    expect(messageFor(withoutTotal, 'teachersTotal')).toBe('Заполните поле «Всего педагогов».');
    expect(messageFor({ ...report(school), teachersTotal: '' }, 'teachersTotal')).toBe(
      'Заполните поле «Всего педагогов».',
    );
    expect(messageFor({ ...report(school), groupsTotal: 10.5 }, 'groupsTotal')).toBe(
      '«Всего классов (групп)»: нужно целое число, а указано «10,5».',
    );
    expect(messageFor({ ...report(school), parentChats: '-3' }, 'parentChats')).toBe(
      '«Родительских чатов» не может быть меньше 0 (указано -3).',
    );
    expect(messageFor({ ...report(school), parentsTotal: 'много' }, 'parentsTotal')).toBe(
      '«Всего родителей (законных представителей)»: нужно целое число, а указано «много».',
    );
    expect(messageFor({ ...report(school), staffChat: 'может быть' }, 'staffChat')).toBe(
      '«Чат педагогов создан»: выберите «да» или «нет».',
    );
    expect(messageFor({ ...report(school), period: '2023-13' }, 'period')).toBe(
      '«Отчётный месяц»: «2023-13» не месяц — укажите месяц и год, например «ноябрь 2023» или 11.2023.',
    );
    expect(messageFor({ ...report(school), comment: 42 }, 'comment')).toBe('«Комментарий»: нужен текст.');
  });
  it('lists errors in form order, one per field', () => {
    const errors = errorsOf({ ...report(school), comment: 'x'.repeat(1001), teachersTotal: -1, pupilsTotal: null });
    expect(errors.map((e) => e.field)).toEqual(['teachersTotal', 'pupilsTotal', 'comment']);
  });
  it('limits the comment to 1000 characters (after trimming)', () => {
    expect(validateReport({ ...report(school), comment: ' ' + 'я'.repeat(1000) + ' ' }, school).ok).toBe(true);
    expect(messageFor({ ...report(school), comment: 'я'.repeat(1001) }, 'comment')).toBe(
      '«Комментарий»: не больше 1000 символов (сейчас 1001).',
    );
  });
  it('requires an explanation when foreign messengers are used', () => {
    const used = { ...report(school), noForeignMessengers: false, foreignMessengersExplanation: '  ' };
    expect(messageFor(used, 'foreignMessengersExplanation')).toBe(
      'Поясните, какие иностранные мессенджеры используются и почему: ответ «нет» требует пояснения.',
    );
    expect(
      validateReport({ ...used, foreignMessengersExplanation: 'родительский чат в WhatsApp закрывается' }, school).ok,
    ).toBe(true);
  });
  it('kindergartens have no pupil fields and no «Моя школа»: values are dropped', () => {
    const input = {
      ...report(kindergarten),
      pupilsTotal: 50,
      pupilsConnected: 60,
      pupilChats: 3,
      mySchoolTeachers: 99,
    };
    const result = validateReport(input, kindergarten);
    expect(result.ok).toBe(true);
    expect(result.ok && [result.report.pupilsTotal, result.report.pupilChats, result.report.mySchoolTeachers]).toEqual([
      null,
      null,
      null,
    ]);
  });
  it('schools need pupils and «Моя школа»; additional education needs pupils only', () => {
    const bare = {
      ...report(school),
      pupilsTotal: null,
      pupilsConnected: undefined,
      pupilChats: '',
      mySchoolTeachers: null,
    };
    expect(errorsOf(bare, school).map((e) => e.message)).toEqual([
      'Заполните поле «Всего обучающихся».',
      'Заполните поле «Подключено обучающихся».',
      'Заполните поле «Чатов обучающихся».',
      'Заполните поле «Педагогов, использующих ФГИС «Моя школа»».',
    ]);
    expect(errorsOf({ ...bare, orgId: additional.id }, additional).map((e) => e.field)).toEqual([
      'pupilsTotal',
      'pupilsConnected',
      'pupilChats',
    ]);
  });
  it('refuses a report of another organisation or a non-object', () => {
    expect(errorsOf({ ...report(school), orgId: 'other' })).toEqual([
      { field: 'orgId', message: 'Отчёт относится к другой организации.' },
    ]);
    expect(errorsOf(null)[0]?.message).toMatch(/^Данные отчёта не получены/);
    expect(validateReport({ ...report(school), orgId: undefined }, school).ok).toBe(true);
  });
});

describe('validateReport: cross-field rules as soon as both fields are readable', () => {
  const exceeds = 'Подключено педагогов (45) больше, чем всего педагогов (40)';
  it('reports connected > total while other fields are still empty, with their own messages, in form order', () => {
    const partial = { orgId: school.id, period: '2023-11', teachersTotal: '40', teachersConnected: '45' };
    const errors = errorsOf(partial);
    expect(errors.find((e) => e.field === 'teachersConnected')?.message).toBe(exceeds);
    expect(errors.find((e) => e.field === 'pupilsTotal')?.message).toBe('Заполните поле «Всего обучающихся».');
    const order = [
      'teachersConnected',
      'pupilsTotal',
      'pupilsConnected',
      'parentsTotal',
      'staffChat',
      'mySchoolTeachers',
      'noForeignMessengers',
    ];
    const fields = errors.map((e) => e.field);
    expect(fields.filter((f) => order.includes(f))).toEqual(order);
    expect(new Set(fields).size).toBe(fields.length);
  });
  it('reports every violated pair whose two fields are valid, alongside per-field errors', () => {
    const input = {
      ...report(school),
      teachersConnected: 45,
      teachersTotal: 40,
      groupsInSferum: 12,
      groupsTotal: 11,
      parentChats: -1,
      comment: 'x'.repeat(1001),
    };
    expect(errorsOf(input)).toEqual([
      { field: 'teachersConnected', message: exceeds },
      {
        field: 'groupsInSferum',
        message: 'Создано классов (групп) в Сферуме (12) больше, чем всего классов (групп) (11)',
      },
      { field: 'parentChats', message: '«Родительских чатов» не может быть меньше 0 (указано -1).' },
      { field: 'comment', message: '«Комментарий»: не больше 1000 символов (сейчас 1001).' },
    ]);
  });
  it("skips a rule when either of its fields is itself invalid or empty: that field's own message stands", () => {
    expect(
      messageFor({ ...report(school), teachersTotal: 'сорок', teachersConnected: 45 }, 'teachersConnected'),
    ).toBeUndefined();
    expect(messageFor({ ...report(school), teachersTotal: 'сорок', teachersConnected: 45 }, 'teachersTotal')).toBe(
      '«Всего педагогов»: нужно целое число, а указано «сорок».',
    );
    expect(
      messageFor({ ...report(school), teachersTotal: '', teachersConnected: 45 }, 'teachersConnected'),
    ).toBeUndefined();
    expect(messageFor({ ...report(school), teachersTotal: 40, teachersConnected: 45.5 }, 'teachersConnected')).toBe(
      '«Подключено педагогов»: нужно целое число, а указано «45,5».',
    );
    // A part that is also a whole: teachersConnected invalid hides both of its pairs.
    expect(
      errorsOf({ ...report(school), teachersConnected: -3, teachersMeetingMinimum: 20 }).map((e) => e.field),
    ).toEqual(['teachersConnected']);
  });
  it('asks for the explanation as soon as «нет» is chosen, even with other fields empty', () => {
    const partial = {
      orgId: school.id,
      period: '2023-11',
      noForeignMessengers: 'нет',
      foreignMessengersExplanation: ' ',
    };
    expect(messageFor(partial, 'foreignMessengersExplanation')).toBe(
      'Поясните, какие иностранные мессенджеры используются и почему: ответ «нет» требует пояснения.',
    );
    expect(messageFor({ ...partial, noForeignMessengers: '' }, 'foreignMessengersExplanation')).toBeUndefined();
    expect(messageFor({ ...partial, foreignMessengersExplanation: 42 }, 'foreignMessengersExplanation')).toBe(
      '«Пояснение об иностранных мессенджерах»: нужен текст.',
    );
  });
  it("a kindergarten's dropped pupil fields never take part in a rule", () => {
    const input = {
      ...report(kindergarten),
      pupilsTotal: 5,
      pupilsConnected: 60,
      teachersConnected: 25,
      teachersTotal: 20,
    };
    expect(errorsOf(input, kindergarten).map((e) => e.field)).toEqual(['teachersConnected']);
  });
});

describe('validateOrganisation', () => {
  const typed = {
    id: ' org-7 ',
    name: 'МОУ «Новая СОШ»',
    type: 'school',
    coordinatorName: '',
    coordinatorPosition: '',
    coordinatorEmails: 'a@example.org; b@example.org',
    coordinatorPhone: '',
    appointmentOrderNumber: '5',
    appointmentOrderDate: '17.11.2023',
    orderCopyReceived: '',
  };
  it('cleans a typed registry row', () => {
    const result = validateOrganisation(typed, '2024-02-20');
    expect(result.ok && result.organisation).toMatchObject({
      id: 'org-7',
      coordinatorEmails: ['a@example.org', 'b@example.org'],
      appointmentOrderDate: '2023-11-17',
      orderCopyReceived: null,
    });
    expect(result.ok && isCoordinatorAppointed(result.organisation)).toBe(true);
  });
  it('names bad fields in Russian', () => {
    const result = validateOrganisation(
      {
        ...typed,
        type: 'university',
        coordinatorEmails: 'not-an-email',
        appointmentOrderDate: '31.02.2024',
        name: ' ',
      },
      '2024-02-20',
    );
    expect(result.ok ? [] : result.errors).toEqual([
      { field: 'name', message: 'Заполните поле «Название организации».' },
      { field: 'type', message: '«Тип организации»: недопустимое значение «university».' },
      { field: 'coordinatorEmails', message: '«E-mail координатора»: «not-an-email» не похоже на адрес e-mail.' },
      {
        field: 'appointmentOrderDate',
        message: '«Дата приказа о назначении координатора»: «31.02.2024» не дата — укажите ДД.ММ.ГГГГ.',
      },
    ]);
  });
  it('refuses dates in the future, a copy received before order № 178 and phones that are not phones', () => {
    const result = validateOrganisation(
      { ...typed, appointmentOrderDate: '01.03.2099', orderCopyReceived: '14.11.2023', coordinatorPhone: 'abc' },
      '2024-02-20',
    );
    expect(result.ok ? [] : result.errors).toEqual([
      {
        field: 'appointmentOrderDate',
        message:
          '«Дата приказа о назначении координатора»: 01.03.2099 — дата ещё не наступила (сегодня 20.02.2024). ' +
          'Укажите дату, которая уже прошла.',
      },
      {
        field: 'orderCopyReceived',
        message:
          '«Дата получения копии приказа»: 14.11.2023 — раньше приказа № 178 от 15.11.2023. ' +
          'Копия не могла прийти раньше самого приказа: проверьте дату.',
      },
      {
        field: 'coordinatorPhone',
        message:
          '«Телефон координатора»: «abc» не похоже на номер телефона — укажите цифры, например +7 (48274) 2-11-00; ' +
          'несколько номеров разделите запятой.',
      },
    ]);
    const future = validateOrganisation({ ...typed, orderCopyReceived: '01.03.2099' }, '2024-02-20');
    expect(future.ok ? [] : future.errors.map((e) => e.field)).toEqual(['orderCopyReceived']);
  });
  it('accepts real phones, today and the order date itself', () => {
    for (const phone of ['+7 (48274) 2-11-00', '8-900-000-00-01, 2-11-00', '+7 900 000 00 01 доб. 12']) {
      const result = validateOrganisation(
        { ...typed, coordinatorPhone: phone, orderCopyReceived: '15.11.2023', appointmentOrderDate: '20.02.2024' },
        '2024-02-20',
      );
      expect(result.ok ? phone : result.errors).toBe(phone);
    }
  });
  it('reads «отчитывается с» as a month and «закрыта с» as a date; closing before it is refused', () => {
    const result = validateOrganisation(
      { ...typed, reportsFrom: 'февраль 2024', closedOn: '01.09.2024' },
      '2024-02-20',
    );
    expect(result.ok && result.organisation).toMatchObject({ reportsFrom: '2024-02', closedOn: '2024-09-01' });
    const early = validateOrganisation({ ...typed, reportsFrom: '03.2024', closedOn: '20.02.2024' }, '2024-02-20');
    expect(early.ok ? [] : early.errors).toEqual([
      {
        field: 'closedOn',
        message: 'Организация не может быть закрыта (20.02.2024) раньше месяца, с которого отчитывается (март 2024).',
      },
    ]);
    expect(validateOrganisation({ ...typed, reportsFrom: '2024-13' }, '2024-02-20').ok).toBe(false);
  });
  it('owes months from «отчитывается с» (or the first month) until the month it closed in', () => {
    const org = { reportsFrom: '2024-02', closedOn: '2024-05-10' };
    expect(['2024-01', '2024-02', '2024-04', '2024-05'].map((p) => owesPeriod(org, p, '2023-11'))).toEqual([
      false,
      true,
      true,
      false,
    ]);
    expect(owesPeriod({ reportsFrom: null, closedOn: null }, '2023-11', '2023-11')).toBe(true);
    expect(owesPeriod({}, '2023-10', '2023-11')).toBe(false);
  });
  it('a coordinator without order number or date is not appointed', () => {
    expect(isCoordinatorAppointed(organisation('school', { appointmentOrderNumber: ' ' }))).toBe(false);
    expect(isCoordinatorAppointed(organisation('school', { appointmentOrderDate: null }))).toBe(false);
  });
});

describe('settings', () => {
  it('defaults follow the order', () => {
    expect(DEFAULT_SETTINGS).toMatchObject({
      deadlineDay: 30,
      setupDeadline: '2023-11-21',
      firstPeriod: '2023-11',
      minMessagesPerWeek: 10,
      minCallsPerWeek: 1,
      reminderOffsets: [7, 3, 1, 0, -1],
      overdueRepeatDays: 7,
      storeTeacherCodes: false,
      coverageTargets: { teachers: 1, pupils: 1, parents: null },
    });
    expect(validateSettings({})).toEqual({ ok: true, settings: defaultSettings() });
  });
  it('merges partial input and reads Russian dates', () => {
    const result = validateSettings({
      deadlineDay: 25,
      setupDeadline: '01.12.2023',
      firstPeriod: '01.2024',
      coverageTargets: { parents: 0.5 },
    });
    expect(result.ok && result.settings).toMatchObject({
      deadlineDay: 25,
      setupDeadline: '2023-12-01',
      firstPeriod: '2024-01',
      coverageTargets: { teachers: 1, parents: 0.5 },
    });
  });
  it('names bad settings', () => {
    const result = validateSettings({
      deadlineDay: 32,
      adminEmails: ['x'],
      coverageTargets: { teachers: 2 },
      overdueRepeatDays: 0,
    });
    expect(result.ok ? [] : result.errors.map((e) => e.message)).toEqual([
      '«E-mail администраторов»: «x» не похоже на адрес e-mail.',
      '«День сдачи отчёта»: нужно число от 1 до 31.',
      '«Целевой охват»: нужно число от 0 до 1.',
      '«Повтор напоминания о просрочке (дней)»: нужно число от 1 до 365.',
    ]);
  });
  it('defaultSettings gives independent copies', () => {
    const a = defaultSettings();
    a.reminderOffsets.push(14);
    expect(defaultSettings().reminderOffsets).toEqual([7, 3, 1, 0, -1]);
  });
});
