// The monthly report (SPEC §3): its shape, the stored record, and validation by organisation type.
import * as z from 'zod/mini';
import { reportFieldLabels as label, validation } from '../messages';
import {
  coerceNumber,
  coerceYesNo,
  count,
  email,
  fieldErrors,
  periodKeyField,
  requiredText,
  text,
  yesNo,
  type FieldError,
  type Validated,
} from './fields';
import { lazySchema } from './lazy';
import { hasMySchool, hasPupils, ORGANISATION_TEXT_MAX, type Organisation } from './organisation';

/** Longest comment (and attestation explanation) a coordinator may type. */
export const COMMENT_MAX_LENGTH = 1000;

/** The figures a coordinator submits for one organisation and month; null = not applicable. */
const buildMonthlyReport = () =>
  z.object({
    orgId: requiredText(label.orgId, ORGANISATION_TEXT_MAX.id),
    period: periodKeyField(label.period),
    teachersTotal: count(label.teachersTotal),
    teachersConnected: count(label.teachersConnected),
    pupilsTotal: z.nullable(count(label.pupilsTotal)),
    pupilsConnected: z.nullable(count(label.pupilsConnected)),
    parentsTotal: count(label.parentsTotal),
    parentsConnected: count(label.parentsConnected),
    groupsTotal: count(label.groupsTotal),
    groupsInSferum: count(label.groupsInSferum),
    staffChat: yesNo(label.staffChat),
    pupilChats: z.nullable(count(label.pupilChats)),
    parentChats: count(label.parentChats),
    teachersMeetingMinimum: count(label.teachersMeetingMinimum),
    teacherMessages: z.nullable(count(label.teacherMessages)),
    teacherCalls: z.nullable(count(label.teacherCalls)),
    mySchoolTeachers: z.nullable(count(label.mySchoolTeachers)),
    noForeignMessengers: yesNo(label.noForeignMessengers),
    foreignMessengersExplanation: text(label.foreignMessengersExplanation, COMMENT_MAX_LENGTH),
    comment: text(label.comment, COMMENT_MAX_LENGTH),
  });
export const monthlyReportSchema = lazySchema(buildMonthlyReport);
export type MonthlyReport = z.infer<typeof monthlyReportSchema>;
export type ReportField = keyof MonthlyReport;

/** Review state of a stored version; «не сдан» is the absence of any version. */
export const REPORT_STATES = ['submitted', 'accepted', 'returned'] as const;
export type ReportState = (typeof REPORT_STATES)[number];

/** One stored version of a report, as the add-on records it. */
const buildReportRecord = () =>
  z.extend(buildMonthlyReport(), {
    version: z.int().check(z.minimum(1)),
    submittedBy: email('submittedBy'),
    /** Server time of submission, ISO 8601 UTC. */
    submittedAt: z.iso.datetime(),
    state: z.enum(REPORT_STATES),
    /** The admin's reason when returned ('' otherwise). */
    returnReason: z.string(),
  });
export const reportRecordSchema = lazySchema(buildReportRecord);
export type ReportRecord = z.infer<typeof reportRecordSchema>;

type NumberField = { [K in ReportField]: MonthlyReport[K] extends number | null ? K : never }[ReportField];

const NUMBER_FIELDS = [
  'teachersTotal',
  'teachersConnected',
  'pupilsTotal',
  'pupilsConnected',
  'parentsTotal',
  'parentsConnected',
  'groupsTotal',
  'groupsInSferum',
  'pupilChats',
  'parentChats',
  'teachersMeetingMinimum',
  'teacherMessages',
  'teacherCalls',
  'mySchoolTeachers',
] as const satisfies readonly NumberField[];
const PUPIL_FIELDS = ['pupilsTotal', 'pupilsConnected', 'pupilChats'] as const;
const OPTIONAL_FIELDS = ['teacherMessages', 'teacherCalls'] as const;

/** Each part that may not exceed its whole: [part, whole]. */
export const PART_OF_WHOLE: readonly (readonly [NumberField, NumberField])[] = [
  ['teachersConnected', 'teachersTotal'],
  ['pupilsConnected', 'pupilsTotal'],
  ['parentsConnected', 'parentsTotal'],
  ['groupsInSferum', 'groupsTotal'],
  ['teachersMeetingMinimum', 'teachersConnected'],
  ['mySchoolTeachers', 'teachersTotal'],
];

/** Nullable fields that the organisation's type makes required. */
const requiredFor = (org: Organisation): readonly NumberField[] => [
  ...(hasPupils(org.type) ? PUPIL_FIELDS : []),
  ...(hasMySchool(org.type) ? (['mySchoolTeachers'] as const) : []),
];

function normalise(raw: Record<string, unknown>, org: Organisation): Record<string, unknown> {
  const result: Record<string, unknown> = { ...raw, orgId: raw.orgId ?? org.id };
  for (const field of NUMBER_FIELDS) result[field] = coerceNumber(raw[field]);
  for (const field of OPTIONAL_FIELDS) result[field] ??= null;
  if (!hasPupils(org.type)) for (const field of PUPIL_FIELDS) result[field] = null;
  if (!hasMySchool(org.type)) result.mySchoolTeachers = null;
  result.staffChat = coerceYesNo(raw.staffChat);
  result.noForeignMessengers = coerceYesNo(raw.noForeignMessengers);
  for (const field of ['period', 'foreignMessengersExplanation', 'comment'] as const) {
    const value = raw[field] ?? '';
    result[field] = typeof value === 'string' ? value.trim() : value;
  }
  return result;
}

let fieldOrder: readonly string[] | null = null;
const FIELD_ORDER = (): readonly string[] => {
  fieldOrder ??= Object.keys(buildMonthlyReport().shape);
  return fieldOrder;
};
const byFieldOrder = (a: FieldError, b: FieldError): number =>
  FIELD_ORDER().indexOf(a.field) - FIELD_ORDER().indexOf(b.field);

/**
 * Rules across fields, checked wherever both fields are individually valid (the others already
 * carry their own message): «подключено больше, чем всего» shows as soon as both numbers are typed.
 */
function crossFieldErrors(values: Record<string, unknown>, invalid: ReadonlySet<string>): FieldError[] {
  const errors: FieldError[] = [];
  const valid = (field: string): boolean => !invalid.has(field);
  for (const [part, whole] of PART_OF_WHOLE) {
    const p = values[part];
    const w = values[whole];
    if (valid(part) && valid(whole) && typeof p === 'number' && typeof w === 'number' && p > w) {
      errors.push({ field: part, message: validation.exceeds(label[part], p, label[whole], w) });
    }
  }
  if (
    valid('noForeignMessengers') &&
    valid('foreignMessengersExplanation') &&
    values.noForeignMessengers === false &&
    values.foreignMessengersExplanation === ''
  ) {
    errors.push({ field: 'foreignMessengersExplanation', message: validation.explanationRequired });
  }
  return errors;
}

/**
 * Validates a report as typed in the sidebar (numbers may arrive as text) for one organisation:
 * kindergartens have no pupil fields, only schools have «Моя школа». Usable in browser and server.
 * Cross-field rules are reported for every pair of individually valid fields, together with the
 * per-field problems: one message per field, in form order.
 * @returns the clean report, or every problem as {field, message} with a Russian sentence
 */
export function validateReport(input: unknown, org: Organisation): Validated<MonthlyReport, 'report'> {
  if (typeof input !== 'object' || input === null)
    return { ok: false, errors: [{ field: '', message: validation.notAnObject }] };
  const candidate = normalise(input as Record<string, unknown>, org);
  if (candidate.orgId !== org.id)
    return { ok: false, errors: [{ field: 'orgId', message: validation.wrongOrganisation }] };
  const missing = requiredFor(org)
    .filter((field) => candidate[field] === null || candidate[field] === undefined)
    .map((field) => ({ path: [field], message: validation.required(label[field]) }));
  const parsed = monthlyReportSchema.safeParse(candidate);
  const fieldProblems = fieldErrors([...missing, ...(parsed.error?.issues ?? [])]);
  const cross = crossFieldErrors(candidate, new Set(fieldProblems.map((e) => e.field)));
  if (parsed.success && fieldProblems.length === 0 && cross.length === 0) return { ok: true, report: parsed.data };
  return {
    ok: false,
    errors: fieldErrors([...fieldProblems, ...cross].map((e) => ({ path: [e.field], message: e.message }))).sort(
      byFieldOrder,
    ),
  };
}
