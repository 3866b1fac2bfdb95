// The teacher minimum (order п. 4): counts teachers who met 10 messages and 1 call in every full week
// of the month, from per-teacher weekly figures pasted into the sidebar. Only counts and codes leave.
import { dayNumber, daysInMonth, parseCalendarDate, type CalendarDate } from './calendar';
import { pasteErrors } from './messages';
import type { Period } from './period';
import { isHeaderRow, looksNumeric, readCountCell, splitPastedTable, type PastedRow } from './teacherPaste';

/** Order п. 4: at least 10 messages and 1 call a week. */
export const DEFAULT_MIN_MESSAGES = 10;
export const DEFAULT_MIN_CALLS = 1;

/**
 * Accepted layouts (a header row is optional and skipped):
 * - 'wide': one row per teacher — [code], then messages and calls of week 1, of week 2, …
 * - 'long': one row per teacher-week — code, week (number 1…N or a date in that week), messages, calls.
 */
export type PasteLayout = 'wide' | 'long';

export interface TeacherActivityOptions {
  /** The reported month; it fixes the number of full weeks and places dated weeks. */
  period?: Period;
  /** Full weeks every teacher must meet; default: those of `period`, else the most weeks pasted. */
  weeks?: number;
  minMessages?: number;
  minCalls?: number;
  /**
   * A blank figure cell: 'zero' (default) counts it as 0 (so that week's minimum is not met);
   * 'refuse' leaves the row out with a Russian reason, so the coordinator fills it in.
   */
  blanks?: 'zero' | 'refuse';
  /** Default 'auto': 'long' when the header names a week column or teacher codes repeat. */
  layout?: 'auto' | PasteLayout;
}

export interface PasteIssue {
  row: number;
  message: string;
}

/** What the sidebar may send: counts and teacher codes, never names. */
export interface TeacherActivitySummary {
  layout: PasteLayout;
  weeks: number;
  teachers: number;
  metMinimum: number;
  /** Codes of teachers who met / did not meet the minimum (only identifiers that look like codes). */
  metCodes: string[];
  notMetCodes: string[];
  /** Teachers whose identifier looked like a name: counted, never returned (nor is the name). */
  withheldIdentifiers: number;
  /**
   * Every counted teacher's weekly figures under their code (weeks 1…`weeks`, null = not pasted), or
   * null when some counted teacher has no code or a name-like identifier: then only counts may leave.
   */
  teacherWeeks: TeacherWeeks[] | null;
  issues: PasteIssue[];
}

/** One full week's figures of one teacher. */
export interface TeacherWeek {
  messages: number;
  calls: number;
}

/** One teacher's weekly figures under a code (never a name); null = nothing pasted for that week. */
export interface TeacherWeeks {
  code: string;
  weeks: (TeacherWeek | null)[];
}

/**
 * The order's minimum for one teacher: figures for every one of `weeks` full weeks, each week at
 * least `minMessages` messages and `minCalls` calls. The sidebar and the server count with this.
 */
export function meetsMinimum(
  figures: readonly (TeacherWeek | null)[],
  weeks: number,
  minMessages: number,
  minCalls: number,
): boolean {
  return (
    figures.length >= weeks && figures.every((w) => w !== null && w.messages >= minMessages && w.calls >= minCalls)
  );
}

interface Teacher {
  id: string;
  row: number;
  weeks: Map<string, [number, number]>;
}

/** The Mondays that start a Monday–Sunday week lying wholly inside the month (3 or 4 of them). */
export function fullWeeksOf(period: Period): CalendarDate[] {
  const first = dayNumber({ year: period.year, month: period.month, day: 1 });
  const weekday = (first + 3) % 7; // 01.01.1970 was a Thursday; 0 = Monday
  const starts: CalendarDate[] = [];
  for (let day = 1 + ((7 - weekday) % 7); day + 6 <= daysInMonth(period.year, period.month); day += 7) {
    starts.push({ year: period.year, month: period.month, day });
  }
  return starts;
}

/** An identifier that is a code («П-012», «T7», «105»), not a person's name. */
export function isTeacherCode(id: string): boolean {
  return /^(?:[A-Za-zА-Яа-яЁё]{0,3}[-_]?|[№#]\s?)\d{1,8}$/.test(id.trim());
}

function readCounts(
  cells: readonly string[],
  from: number,
  issues: PasteIssue[],
  row: number,
  blankIsZero: boolean,
): number[] | null {
  const values: number[] = [];
  for (let i = from; i < cells.length; i++) {
    const read = readCountCell(cells[i] ?? '', i + 1, blankIsZero);
    if ('error' in read) {
      issues.push({ row, message: read.error });
      return null;
    }
    values.push(read.value);
  }
  return values;
}

function readWide(rows: PastedRow[], issues: PasteIssue[], blankIsZero: boolean): Teacher[] {
  const teachers: Teacher[] = [];
  const seen = new Set<string>();
  const coded = rows.some((r) => !looksNumeric(r.cells[0] ?? '')) || rows.some((r) => r.cells.length % 2 === 1);
  for (const { row, cells } of rows) {
    const id = coded ? (cells[0] ?? '').trim() : '';
    if (coded && id === '') {
      issues.push({ row, message: pasteErrors.noCode });
      continue;
    }
    const counts = readCounts(cells, coded ? 1 : 0, issues, row, blankIsZero);
    if (!counts) continue;
    if (counts.length === 0) {
      issues.push({ row, message: pasteErrors.noNumbers });
      continue;
    }
    if (counts.length % 2 === 1) {
      issues.push({ row, message: pasteErrors.oddPairs });
      continue;
    }
    if (coded && seen.has(id)) {
      issues.push({ row, message: pasteErrors.duplicateTeacher });
      continue;
    }
    seen.add(id);
    const weeks = new Map<string, [number, number]>();
    for (let w = 0; w < counts.length / 2; w++) weeks.set(String(w + 1), [counts[2 * w] ?? 0, counts[2 * w + 1] ?? 0]);
    teachers.push({ id, row, weeks });
  }
  return teachers;
}

/** A week cell as a week key: «1»…«N», or the full week a date falls in; null = outside full weeks. */
function weekKey(cell: string, starts: CalendarDate[] | null): string | null | undefined {
  if (/^\d{1,2}$/.test(cell)) return cell.replace(/^0/, '');
  const date = parseCalendarDate(cell);
  if (!date) return undefined;
  if (!starts) return String(dayNumber(date) - ((dayNumber(date) + 3) % 7));
  const index = starts.findIndex((s) => dayNumber(date) >= dayNumber(s) && dayNumber(date) < dayNumber(s) + 7);
  return index >= 0 ? String(index + 1) : null;
}

function readLong(
  rows: PastedRow[],
  issues: PasteIssue[],
  starts: CalendarDate[] | null,
  weeks: number | null,
  blankIsZero: boolean,
): Teacher[] {
  const byId = new Map<string, Teacher>();
  for (const { row, cells } of rows) {
    if (cells.length !== 4) {
      issues.push({ row, message: pasteErrors.longCells });
      continue;
    }
    const id = (cells[0] ?? '').trim();
    if (id === '') {
      issues.push({ row, message: pasteErrors.noCode });
      continue;
    }
    const week = weekKey((cells[1] ?? '').trim(), starts);
    if (week === null) continue; // a date in a partial week: not part of the minimum
    const limit = weeks ?? 6;
    if (week === undefined || (/^\d+$/.test(cells[1] ?? '') && (Number(week) < 1 || Number(week) > limit))) {
      issues.push({ row, message: pasteErrors.badWeek(cells[1] ?? '', limit) });
      continue;
    }
    const counts = readCounts(cells, 2, issues, row, blankIsZero);
    if (!counts) continue;
    const teacher = byId.get(id) ?? { id, row, weeks: new Map<string, [number, number]>() };
    byId.set(id, teacher);
    if (teacher.weeks.has(week)) {
      issues.push({ row, message: pasteErrors.duplicateWeek(cells[1] ?? '') });
      continue;
    }
    teacher.weeks.set(week, [counts[0] ?? 0, counts[1] ?? 0]);
  }
  return [...byId.values()];
}

/** A teacher's figures as weeks 1…`weeks` (null where not pasted); null when a week lies outside them. */
function weekList(teacher: Teacher, weeks: number): (TeacherWeek | null)[] | null {
  const list: (TeacherWeek | null)[] = Array.from({ length: weeks }, () => null);
  for (const [key, [messages, calls]] of teacher.weeks) {
    const index = /^\d+$/.test(key) ? Number(key) - 1 : -1;
    if (index < 0 || index >= weeks) return null;
    list[index] = { messages, calls };
  }
  return list;
}

function chooseLayout(header: PastedRow[], data: PastedRow[]): PasteLayout {
  if (header.some((h) => h.cells.some((c) => /недел|week|дата|date/i.test(c)) && h.cells.length === 4)) return 'long';
  if (!data.every((r) => r.cells.length === 4)) return 'wide';
  const ids = data.map((r) => r.cells[0] ?? '');
  return new Set(ids).size < ids.length ? 'long' : 'wide';
}

/**
 * Reads pasted weekly figures and counts the teachers who met both minimums in every full week.
 * Unreadable rows are reported with their line number and a Russian reason and left out.
 */
export function summariseTeacherActivity(text: string, options: TeacherActivityOptions = {}): TeacherActivitySummary {
  const rows = splitPastedTable(text);
  const issues: PasteIssue[] = [];
  if (rows.length === 0) issues.push({ row: 0, message: pasteErrors.empty });
  let headerEnd = 0;
  while (headerEnd < rows.length && isHeaderRow(rows[headerEnd]?.cells ?? [])) headerEnd++;
  const header = rows.slice(0, headerEnd);
  const data = rows.slice(headerEnd);
  const layout = options.layout && options.layout !== 'auto' ? options.layout : chooseLayout(header, data);
  const starts = options.period ? fullWeeksOf(options.period) : null;
  const fixedWeeks = options.weeks ?? starts?.length ?? null;
  const blankIsZero = options.blanks !== 'refuse';
  const teachers =
    layout === 'wide' ? readWide(data, issues, blankIsZero) : readLong(data, issues, starts, fixedWeeks, blankIsZero);
  const weeks = fixedWeeks ?? Math.max(0, ...teachers.map((t) => t.weeks.size));
  const minMessages = options.minMessages ?? DEFAULT_MIN_MESSAGES;
  const minCalls = options.minCalls ?? DEFAULT_MIN_CALLS;
  const summary: TeacherActivitySummary = {
    layout,
    weeks,
    teachers: 0,
    metMinimum: 0,
    metCodes: [],
    notMetCodes: [],
    withheldIdentifiers: 0,
    teacherWeeks: [],
    issues,
  };
  for (const teacher of teachers) {
    if (layout === 'wide' && teacher.weeks.size > weeks) {
      issues.push({ row: teacher.row, message: pasteErrors.extraWeeks(teacher.weeks.size, weeks) });
      continue;
    }
    if (teacher.weeks.size < weeks)
      issues.push({ row: teacher.row, message: pasteErrors.missingWeeks(teacher.weeks.size, weeks) });
    const met =
      teacher.weeks.size >= weeks && [...teacher.weeks.values()].every(([m, c]) => m >= minMessages && c >= minCalls);
    summary.teachers++;
    if (met) summary.metMinimum++;
    const figures = weekList(teacher, weeks);
    if (teacher.id === '' || !isTeacherCode(teacher.id) || !figures) summary.teacherWeeks = null;
    if (teacher.id === '') continue; // pasted without an identifier column
    if (isTeacherCode(teacher.id)) (met ? summary.metCodes : summary.notMetCodes).push(teacher.id);
    else summary.withheldIdentifiers++;
    if (summary.teacherWeeks && figures) summary.teacherWeeks.push({ code: teacher.id.trim(), weeks: figures });
  }
  issues.sort((a, b) => a.row - b.row);
  return summary;
}
