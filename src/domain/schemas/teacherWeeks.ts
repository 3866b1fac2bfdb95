// Per-teacher weekly figures a submission may carry when Settings allow storing them under teacher
// codes (SPEC §3): codes only — never names —, whole counts, and consistent with the report's count.
import * as z from 'zod/mini';
import { teacherWeeksTexts as t } from '../messages';
import { formatPeriod, type Period } from '../period';
import { fullWeeksOf, isTeacherCode, meetsMinimum, type TeacherWeek, type TeacherWeeks } from '../teacherActivity';
import { TEXT_CELL_MAX, type Validated } from './fields';
import { lazySchema } from './lazy';

export type { TeacherWeeks };

/** Most teachers one submission may carry figures for. */
export const TEACHER_WEEKS_MAX_TEACHERS = 500;
/** Largest weekly count accepted (7 digits, as the form's count fields). */
export const TEACHER_WEEK_COUNT_MAX = 9_999_999;

const weekCount = () => z.int().check(z.minimum(0), z.maximum(TEACHER_WEEK_COUNT_MAX));

/** One teacher: a code that passes isTeacherCode() and one entry per full week (null = not pasted). */
const buildTeacherWeeksEntry = () =>
  z.object({
    code: z.string().check(z.refine((code) => isTeacherCode(code))),
    weeks: z.array(z.nullable(z.object({ messages: weekCount(), calls: weekCount() }))),
  });

/** The optional `teacherWeeks` field of a submission. */
export const teacherWeeksSchema = lazySchema(() =>
  z.array(buildTeacherWeeksEntry()).check(z.maxLength(TEACHER_WEEKS_MAX_TEACHERS)),
);

export interface TeacherWeeksRules {
  period: Period;
  minMessages: number;
  minCalls: number;
  /** The coordinator's count, which stays authoritative: the figures may not contradict it. */
  teachersMeetingMinimum: number;
}

/** The Russian sentence for the first problem zod found in teacher `position`. */
function describeIssue(raw: unknown[], path: readonly PropertyKey[]): string {
  const index = Number(path[0]);
  const teacher = raw[index] as Record<string, unknown> | undefined;
  const problem = (() => {
    if (typeof teacher !== 'object' || teacher === null) return t.noCode;
    if (path[1] === 'code')
      return typeof teacher.code === 'string' && teacher.code.trim() !== '' ? t.nameNotCode : t.noCode;
    if (path[1] !== 'weeks' || path.length < 3) return t.badWeeks;
    const week = Number(path[2]) + 1;
    const what = path[3] === 'messages' ? t.messages : path[3] === 'calls' ? t.calls : null;
    if (what === null) return t.badWeek(week);
    const figures = (teacher.weeks as Record<string, unknown>[])[week - 1]!;
    return t.badCount(week, what, figures[String(path[3])], TEACHER_WEEK_COUNT_MAX);
  })();
  return t.atTeacher(index + 1, problem);
}

/**
 * Checks the weekly figures sent with a report: a list of at most 500 teachers, each under a code
 * (a name-like identifier is refused without repeating it), one entry per full week of the month,
 * whole counts ≥ 0, no code twice, and as many teachers meeting the minimum as the report says.
 * @returns the clean list (codes trimmed), or one Russian message
 */
export function validateTeacherWeeks(
  input: unknown,
  rules: TeacherWeeksRules,
): Validated<TeacherWeeks[], 'teacherWeeks'> {
  const refuse = (message: string) => ({ ok: false as const, errors: [{ field: 'teacherWeeks', message }] });
  if (!Array.isArray(input)) return refuse(t.notAList);
  if (input.length > TEACHER_WEEKS_MAX_TEACHERS) return refuse(t.tooMany(input.length, TEACHER_WEEKS_MAX_TEACHERS));
  const parsed = teacherWeeksSchema.safeParse(input);
  if (!parsed.success) return refuse(describeIssue(input, parsed.error.issues[0]?.path ?? [0]));
  const weeks = fullWeeksOf(rules.period).length;
  const seen = new Set<string>();
  const list: TeacherWeeks[] = [];
  for (const [i, entry] of parsed.data.entries()) {
    const code = entry.code.trim();
    if (seen.has(code)) return refuse(t.atTeacher(i + 1, t.duplicateCode(code)));
    seen.add(code);
    if (entry.weeks.length !== weeks)
      return refuse(t.atTeacher(i + 1, t.wrongWeeks(entry.weeks.length, weeks, formatPeriod(rules.period))));
    list.push({ code, weeks: entry.weeks.map((w) => (w === null ? null : { messages: w.messages, calls: w.calls })) });
  }
  const length = formatTeacherWeeks(list).length;
  if (length > TEXT_CELL_MAX) return refuse(t.tooLongToStore(length, TEXT_CELL_MAX));
  const met = countMeetingMinimum(list, rules.period, rules.minMessages, rules.minCalls);
  if (met !== rules.teachersMeetingMinimum) return refuse(t.mismatch(met, rules.teachersMeetingMinimum));
  return { ok: true, teacherWeeks: list };
}

/** Teachers meeting the minimum in a list of weekly figures. */
export function countMeetingMinimum(
  list: readonly TeacherWeeks[],
  period: Period,
  minMessages: number,
  minCalls: number,
): number {
  const weeks = fullWeeksOf(period).length;
  return list.filter((teacher) => meetsMinimum(teacher.weeks, weeks, minMessages, minCalls)).length;
}

const NOT_PASTED = '—';

/** Compact text for one cell: «П-012: 12/1, 15/2, —; П-013: 10/1, 10/1, 11/1» (messages/calls per week). */
export function formatTeacherWeeks(list: readonly TeacherWeeks[]): string {
  return list
    .map(
      (teacher) =>
        `${teacher.code}: ${teacher.weeks.map((w) => (w === null ? NOT_PASTED : `${w.messages}/${w.calls}`)).join(', ')}`,
    )
    .join('; ');
}

/** Reads formatTeacherWeeks() text back; '' is an empty list; null when the text is not in that form. */
export function parseTeacherWeeks(text: string): TeacherWeeks[] | null {
  if (text.trim() === '') return [];
  const list: TeacherWeeks[] = [];
  for (const part of text.split(';')) {
    const colon = part.indexOf(':');
    if (colon < 0) return null;
    const code = part.slice(0, colon).trim();
    if (!isTeacherCode(code)) return null;
    const weeks: (TeacherWeek | null)[] = [];
    for (const cell of part.slice(colon + 1).split(',')) {
      const value = cell.trim();
      if (value === NOT_PASTED) {
        weeks.push(null);
        continue;
      }
      const m = /^(\d{1,7})\/(\d{1,7})$/.exec(value);
      if (!m) return null;
      weeks.push({ messages: Number(m[1]), calls: Number(m[2]) });
    }
    list.push({ code, weeks });
  }
  return list;
}
