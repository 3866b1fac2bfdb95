// Field schemas shared by the record schemas, each carrying its Russian error from the catalogue.
import * as z from 'zod/mini';
import { isoDate as isoDateText, parseCalendarDate } from '../calendar';
import { validation } from '../messages';
import { parsePeriod } from '../period';

const isMissing = (value: unknown): boolean => value === undefined || value === null || value === '';

/** Largest count a form field takes (and the server stores): 7 digits, as the form allows. */
export const COUNT_MAX = 9_999_999;
/** Coordinator e-mails one organisation may list (also what one return notice may be sent to). */
export const COORDINATOR_EMAILS_MAX = 10;
/** Longest text the add-on writes into one cell: well under Sheets' 50 000-character cell limit. */
export const TEXT_CELL_MAX = 45_000;

/** An integer ≥ 0 (a count of people, groups or chats). */
export const count = (label: string) =>
  z
    .int({
      error: (iss) => (isMissing(iss.input) ? validation.required(label) : validation.notInteger(label, iss.input)),
    })
    .check(
      z.minimum(0, { error: (iss) => validation.negative(label, iss.input as number) }),
      z.maximum(COUNT_MAX, { error: () => validation.tooLarge(label, '9 999 999') }),
    );

/** A yes/no answer. */
export const yesNo = (label: string) => z.boolean({ error: () => validation.notYesNo(label) });

/** Free text of at most `max` characters (may be empty). */
export const text = (label: string, max: number) =>
  z
    .string({ error: () => validation.badText(label) })
    .check(z.maxLength(max, { error: (iss) => validation.tooLong(label, max, String(iss.input).length) }));

/** Text that must not be empty. */
export const requiredText = (label: string, max: number) =>
  text(label, max).check(z.minLength(1, { error: () => validation.required(label) }));

/** An e-mail address. */
export const email = (label: string) => z.email({ error: (iss) => validation.badEmail(label, iss.input) });

/** A list of e-mail addresses (possibly empty). */
export const emailList = (label: string, max = Number.MAX_SAFE_INTEGER) =>
  z
    .array(email(label), { error: () => validation.badText(label) })
    .check(z.maxLength(max, { error: (iss) => validation.tooManyEmails(label, max, (iss.input as unknown[]).length) }));

/** A calendar date stored as ГГГГ-ММ-ДД. */
export const isoDate = (label: string) =>
  z.string({ error: (iss) => validation.badDate(label, iss.input) }).check(
    z.refine((value) => /^\d{4}-\d{2}-\d{2}$/.test(value) && parseCalendarDate(value) !== null, {
      error: (iss) => validation.badDate(label, iss.input),
    }),
  );

/** A reporting month stored as ГГГГ-ММ. */
export const periodKeyField = (label: string) =>
  z.string({ error: (iss) => validation.badPeriod(label, iss.input) }).check(
    z.refine((value) => /^\d{4}-\d{2}$/.test(value) && parsePeriod(value) !== null, {
      error: (iss) => validation.badPeriod(label, iss.input),
    }),
  );

/** A share 0–1 (coverage target); null means informational, no target. */
export const share = (label: string) =>
  z.nullable(
    z
      .number({ error: () => validation.outOfRange(label, 0, 1) })
      .check(
        z.minimum(0, { error: () => validation.outOfRange(label, 0, 1) }),
        z.maximum(1, { error: () => validation.outOfRange(label, 0, 1) }),
      ),
  );

/** One validation problem: the field it belongs to and a Russian sentence. */
export interface FieldError {
  field: string;
  message: string;
}

/** Result of validating user input into a record. */
export type Validated<T, K extends string> = ({ ok: true } & Record<K, T>) | { ok: false; errors: FieldError[] };

/** Turns zod issues into one Russian message per field (the first one found). */
export function fieldErrors(issues: readonly { path: PropertyKey[]; message: string }[]): FieldError[] {
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  for (const issue of issues) {
    const field = issue.path.length > 0 ? String(issue.path[0]) : '';
    if (seen.has(field)) continue;
    seen.add(field);
    errors.push({ field, message: issue.message });
  }
  return errors;
}

/** Text from a form field as a number when it is one («12», « 12 »), so the schema can check it. */
export function coerceNumber(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const trimmed = value.trim();
  if (trimmed === '') return null;
  const normalised = trimmed.replace(/[\s\u00a0]/g, '').replace(',', '.');
  return /^[-+]?\d+(\.\d+)?$/.test(normalised) ? Number(normalised) : trimmed;
}

/** A yes/no answer from a form: true/false, «да»/«нет», 'yes'/'no', 'true'/'false'. */
export function coerceYesNo(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const answer = value.trim().toLowerCase();
  if (['да', 'yes', 'true'].includes(answer)) return true;
  if (['нет', 'no', 'false'].includes(answer)) return false;
  return answer === '' ? null : value;
}

/** A date from a form or a cell (Date, ДД.ММ.ГГГГ, ГГГГ-ММ-ДД) as ГГГГ-ММ-ДД; blank as null. */
export function coerceIsoDate(value: unknown): unknown {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return null;
  const date = parseCalendarDate(value);
  return date ? isoDateText(date) : value;
}
