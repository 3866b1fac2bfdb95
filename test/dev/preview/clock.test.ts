// The preview clock's field reads and writes «ДД.ММ.ГГГГ ЧЧ:ММ» Moscow time, whatever the browser's locale.
import { formatClock, parseClock } from '../../../src/dev/preview/page/clock';

const msk = (y: number, m: number, d: number, h = 0, min = 0): number => Date.UTC(y, m - 1, d, h, min) - 3 * 3600_000;

test('formats Moscow wall-clock time as ДД.ММ.ГГГГ ЧЧ:ММ', () => {
  expect(formatClock(msk(2024, 2, 20, 12))).toBe('20.02.2024 12:00');
  expect(formatClock(msk(2024, 3, 1, 0, 5))).toBe('01.03.2024 00:05');
  expect(formatClock(Date.UTC(2023, 11, 31, 22, 30))).toBe('01.01.2024 01:30'); // 22:30 UTC is after midnight in Moscow
});

test('reads what it writes, and the usual ways of typing it', () => {
  for (const ms of [msk(2024, 2, 20, 12), msk(2024, 2, 29, 23, 59), msk(2023, 11, 1, 7, 0)])
    expect(parseClock(formatClock(ms))).toEqual({ ok: true, ms });
  expect(parseClock(' 1.3.2024 9:05 ')).toEqual({ ok: true, ms: msk(2024, 3, 1, 9, 5) });
  expect(parseClock('01.03.2024, 12:00')).toEqual({ ok: true, ms: msk(2024, 3, 1, 12) });
  expect(parseClock('01.03.2024')).toEqual({ ok: true, ms: msk(2024, 3, 1) });
});

test('says in Russian what is wrong', () => {
  const error = (text: string) => {
    const r = parseClock(text);
    return r.ok ? null : r.error;
  };
  expect(error('')).toBe('Укажите дату и время в виде ДД.ММ.ГГГГ ЧЧ:ММ, например 01.03.2024 12:00.');
  expect(error('02/20/2024, 12:00 PM')).toBe(
    'Не понял «02/20/2024, 12:00 PM»: дата и время пишутся так: ДД.ММ.ГГГГ ЧЧ:ММ, например 01.03.2024 12:00.',
  );
  expect(error('2024-02-20T12:00')).toMatch(/^Не понял/);
  expect(error('30.02.2024 12:00')).toBe('Такой даты нет: 30.02.2024 (в этом месяце 29 дней).');
  expect(error('29.02.2023 12:00')).toBe('Такой даты нет: 29.02.2023 (в этом месяце 28 дней).');
  expect(error('01.13.2024 12:00')).toBe('Месяца 13 нет: месяц — от 01 до 12.');
  expect(error('01.03.2024 24:00')).toBe('Такого времени нет: 24:00 (часы — от 00 до 23, минуты — от 00 до 59).');
  expect(error('01.03.2024 12:60')).toMatch(/^Такого времени нет: 12:60/);
});
