// Java SimpleDateFormat subset (as Utilities.formatDate uses it) over any IANA or GMT±hh:mm zone.

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const formatters = new Map<string, Intl.DateTimeFormat>();

interface Fields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
  weekday: number;
  offsetMin: number;
}

/** Fixed offset in minutes for 'GMT', 'UTC', 'GMT+3', 'GMT+03:00'; null for named zones. */
function fixedOffset(tz: string): number | null {
  const m = /^(?:GMT|UTC)(?:([+-])(\d{1,2})(?::?(\d{2}))?)?$/.exec(tz);
  if (!m) return null;
  if (!m[1]) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
}

/** True if `tz` names a zone this formatter knows. */
export function isKnownTimeZone(tz: string): boolean {
  if (fixedOffset(tz) !== null) return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

function fieldsIn(ms: number, tz: string): Fields {
  let offsetMin = fixedOffset(tz);
  if (offsetMin === null) {
    let f = formatters.get(tz);
    if (!f) {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone: tz,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
        era: 'short',
      });
      formatters.set(tz, f);
    }
    const p: Record<string, string> = {};
    for (const part of f.formatToParts(ms)) p[part.type] = part.value;
    let year = Number(p.year);
    if (p.era === 'BC') year = 1 - year;
    const wall = Date.UTC(year, Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
    offsetMin = Math.round((wall - (ms - (((ms % 1000) + 1000) % 1000))) / 60000);
  }
  const d = new Date(ms + offsetMin * 60000);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth(),
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    ms: d.getUTCMilliseconds(),
    weekday: d.getUTCDay(),
    offsetMin,
  };
}

const pad = (n: number, width: number): string => String(Math.abs(n)).padStart(width, '0');

function offset(min: number, sep: boolean): string {
  const sign = min < 0 ? '-' : '+';
  return `${sign}${pad(Math.floor(Math.abs(min) / 60), 2)}${sep ? ':' : ''}${pad(Math.abs(min) % 60, 2)}`;
}

function field(letter: string, n: number, f: Fields): string {
  switch (letter) {
    case 'y':
      return n === 2 ? pad(f.year % 100, 2) : pad(f.year, n);
    case 'M':
      return n >= 4 ? MONTHS[f.month]! : n === 3 ? MONTHS[f.month]!.slice(0, 3) : pad(f.month + 1, n);
    case 'd':
      return pad(f.day, n);
    case 'H':
      return pad(f.hour, n);
    case 'k':
      return pad(f.hour === 0 ? 24 : f.hour, n);
    case 'h':
      return pad(f.hour % 12 === 0 ? 12 : f.hour % 12, n);
    case 'K':
      return pad(f.hour % 12, n);
    case 'm':
      return pad(f.minute, n);
    case 's':
      return pad(f.second, n);
    case 'S':
      return pad(f.ms, n);
    case 'E':
      return n >= 4 ? DAYS[f.weekday]! : DAYS[f.weekday]!.slice(0, 3);
    case 'u':
      return pad(f.weekday === 0 ? 7 : f.weekday, n);
    case 'a':
      return f.hour < 12 ? 'AM' : 'PM';
    case 'Z':
      return offset(f.offsetMin, false);
    case 'X':
      if (f.offsetMin === 0) return 'Z';
      return n === 1 ? offset(f.offsetMin, false).slice(0, 3) : offset(f.offsetMin, n >= 3);
    default:
      throw new UnsupportedPatternLetter(letter);
  }
}

/** A pattern letter SimpleDateFormat knows but this emulation does not (e.g. z, G, w). */
export class UnsupportedPatternLetter extends Error {
  constructor(readonly letter: string) {
    super(`pattern letter ${letter}`);
  }
}

const JAVA_LETTERS = 'GyYMLwWdDFEuaHkKhmsSzZX';

/**
 * Format epoch `ms` in zone `tz` with a SimpleDateFormat pattern. Unknown zones fall back to GMT,
 * as Java's TimeZone.getTimeZone does.
 * @throws UnsupportedPatternLetter for Java letters not emulated; Error "Illegal pattern character" for others.
 */
export function formatJavaDate(ms: number, tz: string, pattern: string): string {
  const f = fieldsIn(ms, isKnownTimeZone(tz) ? tz : 'GMT');
  let out = '';
  for (let i = 0; i < pattern.length; ) {
    const c = pattern[i]!;
    if (c === "'") {
      if (pattern[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      // Quoted text runs to the next lone quote; '' inside it is one quote.
      let j = i + 1;
      for (;;) {
        if (j >= pattern.length) throw new Error('Unterminated quote');
        if (pattern[j] === "'") {
          if (pattern[j + 1] === "'") {
            out += "'";
            j += 2;
            continue;
          }
          break;
        }
        out += pattern[j++];
      }
      i = j + 1;
      continue;
    }
    if (/[A-Za-z]/.test(c)) {
      let n = 1;
      while (pattern[i + n] === c) n++;
      if (!JAVA_LETTERS.includes(c)) throw new Error(`Illegal pattern character '${c}'`);
      out += field(c, n, f);
      i += n;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}
