// Whole reporting cycles on a simulated clock: exactly which e-mails go out on which day — the same
// for a container-bound script and for the add-on, whose trigger has no active spreadsheet.
import { PROFILES } from '../../../src/dev/emulator';
import { COORD_A, COORD_B, KINDERGARTEN, OWNER, SCHOOL } from '../../support/district';
import { fire, lastRun, ledgerRows, msk, remindersDistrict, setSetting, submit, walk } from './reminderSupport';

const school = (what: string): string => `${COORD_A} → ${what} — ${SCHOOL.name}`;
const kinder = (what: string): string => `${COORD_B} → ${what} — ${KINDERGARTEN.name}`;
const NOV = 'сдать отчёт за ноябрь 2023';
const DEC = 'сдать отчёт за декабрь 2023';

describe.each(PROFILES)('profile %s', (profile) => {
  test('November (due 30.12) and December (due 30.01 of the next year): reminders, overdue notices, digests', () => {
    const d = remindersDistrict('20.12.2023', profile);
    const days = walk(d, '21.12.2023', '15.02.2024', {
      '28.12.2023': () => submit(d, COORD_A, SCHOOL.id, '2023-11'),
      '25.01.2024': () => submit(d, COORD_A, SCHOOL.id, '2023-12'),
    });
    expect(days).toEqual({
      '23.12.2023': [school(`Осталось 7 дней: ${NOV}`), kinder(`Осталось 7 дней: ${NOV}`)],
      '27.12.2023': [school(`Осталось 3 дня: ${NOV}`), kinder(`Осталось 3 дня: ${NOV}`)],
      '29.12.2023': [kinder(`Осталось 1 день: ${NOV}`)],
      '30.12.2023': [kinder(`Сегодня срок: ${NOV}`)],
      '31.12.2023': [
        `${OWNER} → Сводка: отчёт за ноябрь 2023 не сдали 1 из 2 организаций`,
        kinder(`Просрочено на 1 день: ${NOV}`),
      ],
      '07.01.2024': [kinder(`Просрочено на 8 дней: ${NOV}`)],
      '14.01.2024': [kinder(`Просрочено на 15 дней: ${NOV}`)],
      '21.01.2024': [kinder(`Просрочено на 22 дня: ${NOV}`)],
      // December's reminders to the kindergarten also list its overdue November
      '23.01.2024': [school(`Осталось 7 дней: ${DEC}`), kinder(`Осталось 7 дней: ${DEC} и просроченные (1)`)],
      '27.01.2024': [kinder(`Осталось 3 дня: ${DEC} и просроченные (1)`)],
      '28.01.2024': [kinder(`Просрочено на 29 дней: ${NOV}`)],
      '29.01.2024': [kinder(`Осталось 1 день: ${DEC} и просроченные (1)`)],
      '30.01.2024': [kinder(`Сегодня срок: ${DEC} и просроченные (1)`)],
      // the day-after notice of December lists November too
      '31.01.2024': [
        `${OWNER} → Сводка: отчёт за декабрь 2023 не сдали 1 из 2 организаций`,
        kinder('Просроченные отчёты (2): декабрь 2023, ноябрь 2023'),
      ],
      // from here one weekly e-mail lists both overdue months (counted from December's own notice)
      '07.02.2024': [kinder('Просроченные отчёты (2): декабрь 2023, ноябрь 2023')],
      '14.02.2024': [kinder('Просроченные отчёты (2): декабрь 2023, ноябрь 2023')],
    });
    expect(lastRun(d)).toMatchObject({ outcome: 'ok', message: 'Писем к отправке не было.', error: '' });
    const ledger = ledgerRows(d);
    expect(ledger).toHaveLength(Object.values(days).flat().length);
    expect(ledger.every((r) => r[5] === 'отправлено')).toBe(true);
    expect(ledger[0]!.slice(0, 4)).toEqual([SCHOOL.id, 'ноябрь 2023', 'за 7 дней до срока', COORD_A]);
    expect(ledger.find((r) => r[2] === 'сводка администраторам')!.slice(0, 4)).toEqual([
      '',
      'ноябрь 2023',
      'сводка администраторам',
      OWNER,
    ]);
    expect(
      ledger.filter((r) => r[0] === KINDERGARTEN.id && String(r[2]).startsWith('просроч')).map((r) => [r[1], r[2]]),
    ).toEqual([
      ['ноябрь 2023', 'просрочка 1 день'],
      ...Array(4).fill(['ноябрь 2023', 'просроченные отчёты (1)']),
      ['декабрь 2023', 'просрочка 1 день'],
      ...Array(2).fill(['ноябрь 2023, декабрь 2023', 'просроченные отчёты (2)']),
    ]);
  });

  test('the e-mail says which organisation, which month, the deadline, days left, what is missing, and links the sheet', () => {
    const d = remindersDistrict('20.12.2023', profile);
    d.em.setNow(msk('27.12.2023'));
    fire(d.em);
    const mail = d.em.store.mail.sent().find((m) => m.to[0] === COORD_B)!;
    expect(mail.name).toBe('Отчёты: Сферум и Моя школа');
    for (const text of [mail.body, mail.htmlBody!]) {
      expect(text).toContain('Здравствуйте, Петрова Мария Ивановна!');
      // a kindergarten reports on Сферум only: no «Моя школа» in its e-mail (п. 5 is for schools)
      expect(text).toContain('отчёт об использовании Сферума за ноябрь 2023 не сдан');
      expect(text).not.toContain('ФГИС «Моя школа»');
      expect(text).toContain('Срок сдачи — 30.12.2023');
      expect(text).toContain('Осталось 3 дня.');
      expect(text).toContain(`https://docs.google.com/spreadsheets/d/${d.doc}/edit`);
    }
    expect(mail.body).toContain(KINDERGARTEN.name);
    expect(mail.htmlBody).toContain('<a href="https://docs.google.com/spreadsheets/d/');
  });

  test('January is due on the last day of February: 29.02 in a leap year', () => {
    const d = remindersDistrict('15.02.2024', profile);
    setSetting(d, 'firstPeriod', '2024-01');
    const days = walk(d, '16.02.2024', '10.03.2024', { '27.02.2024': () => submit(d, COORD_A, SCHOOL.id, '2024-01') });
    const JAN = 'сдать отчёт за январь 2024';
    expect(days).toEqual({
      '22.02.2024': [school(`Осталось 7 дней: ${JAN}`), kinder(`Осталось 7 дней: ${JAN}`)],
      '26.02.2024': [school(`Осталось 3 дня: ${JAN}`), kinder(`Осталось 3 дня: ${JAN}`)],
      '28.02.2024': [kinder(`Осталось 1 день: ${JAN}`)],
      '29.02.2024': [kinder(`Сегодня срок: ${JAN}`)],
      '01.03.2024': [
        `${OWNER} → Сводка: отчёт за январь 2024 не сдали 1 из 2 организаций`,
        kinder(`Просрочено на 1 день: ${JAN}`),
      ],
      '08.03.2024': [kinder(`Просрочено на 8 дней: ${JAN}`)],
    });
  });

  test('January is due on 28.02 in an ordinary year; when everyone submitted, the digest says so', () => {
    const d = remindersDistrict('15.02.2025', profile);
    setSetting(d, 'firstPeriod', '2025-01');
    const days = walk(d, '16.02.2025', '03.03.2025', {
      '24.02.2025': () => submit(d, COORD_A, SCHOOL.id, '2025-01'),
      '28.02.2025': () => submit(d, COORD_B, KINDERGARTEN.id, '2025-01'),
    });
    const JAN = 'сдать отчёт за январь 2025';
    expect(days).toEqual({
      '21.02.2025': [school(`Осталось 7 дней: ${JAN}`), kinder(`Осталось 7 дней: ${JAN}`)],
      '25.02.2025': [kinder(`Осталось 3 дня: ${JAN}`)],
      '27.02.2025': [kinder(`Осталось 1 день: ${JAN}`)],
      '28.02.2025': [kinder(`Сегодня срок: ${JAN}`)],
      '01.03.2025': [`${OWNER} → Сводка: все организации (2) сдали отчёт за январь 2025`],
    });
  });
});
