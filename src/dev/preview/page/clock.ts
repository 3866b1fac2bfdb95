// The preview clock's text field: Moscow wall-clock time as «ДД.ММ.ГГГГ ЧЧ:ММ», whatever the
// browser's locale (a datetime-local input would show 02/20/2024, 12:00 PM in an American one).

/** Moscow is UTC+3 all year (no DST since 2014). */
const MSK = 3 * 3600_000;
export const CLOCK_FORMAT = 'ДД.ММ.ГГГГ ЧЧ:ММ';
const EXAMPLE = '01.03.2024 12:00';

const two = (n: number): string => String(n).padStart(2, '0');

/** «20.02.2024 12:00» for epoch ms (Moscow time). */
export function formatClock(ms: number): string {
  const d = new Date(ms + MSK);
  return `${two(d.getUTCDate())}.${two(d.getUTCMonth() + 1)}.${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
}

export type ClockParse = { ok: true; ms: number } | { ok: false; error: string };

/**
 * Reads «ДД.ММ.ГГГГ ЧЧ:ММ» (Moscow); the time may be left out (00:00), one-digit day, month
 * and hour are accepted, and so are spaces around and a comma after the date.
 * @returns epoch ms, or a message in Russian saying what is wrong
 */
export function parseClock(text: string): ClockParse {
  const v = text.trim();
  if (!v) return { ok: false, error: `Укажите дату и время в виде ${CLOCK_FORMAT}, например ${EXAMPLE}.` };
  const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:,?\s+(\d{1,2}):(\d{2}))?$/.exec(v);
  if (!m)
    return { ok: false, error: `Не понял «${v}»: дата и время пишутся так: ${CLOCK_FORMAT}, например ${EXAMPLE}.` };
  const [day, month, year, hour, minute] = [m[1], m[2], m[3], m[4] ?? '0', m[5] ?? '0'].map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12) return { ok: false, error: `Месяца ${two(month)} нет: месяц — от 01 до 12.` };
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > days)
    return { ok: false, error: `Такой даты нет: ${two(day)}.${two(month)}.${year} (в этом месяце ${days} дней).` };
  if (hour > 23 || minute > 59)
    return {
      ok: false,
      error: `Такого времени нет: ${two(hour)}:${two(minute)} (часы — от 00 до 23, минуты — от 00 до 59).`,
    };
  if (year < 2000 || year > 2100) return { ok: false, error: `Год ${year} вне 2000–2100.` };
  return { ok: true, ms: Date.UTC(year, month - 1, day, hour, minute) - MSK };
}
