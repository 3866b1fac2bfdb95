// Exact shortcuts of the stored-record schemas for rows in their usual shape: the record safeParse
// would give, built without the record schemas (they cost more to build and run than reading a row),
// or null to let the schema decide and word the error. Equality with the schemas:
// test/integration/storage/quickParse.test.ts.
import * as z from 'zod/mini';
import { parseCalendarDate } from '../calendar';
import { parsePeriod } from '../period';
import { COORDINATOR_EMAILS_MAX, COUNT_MAX } from './fields';
import { ORGANISATION_TEXT_MAX as MAX, ORGANISATION_TYPES, type Organisation } from './organisation';
import { COMMENT_MAX_LENGTH, REPORT_STATES, type ReportRecord } from './report';

type Values = Readonly<Record<string, unknown>>;

/**
 * The patterns the schemas test (z.email(), z.iso.datetime()), taken from zod's own formats when first
 * needed: two small schemas, not the records' (zod's whole list of patterns would weigh on Code.js).
 */
let patterns: { email: RegExp; datetime: RegExp } | undefined;
const patternOf = (format: { _zod: { def: { pattern?: RegExp } } }): RegExp => {
  const pattern = format._zod.def.pattern;
  if (!pattern) throw new Error('zod no longer keeps the pattern of a string format in its definition');
  return pattern;
};
const formats = () => {
  patterns ??= { email: patternOf(z.email()), datetime: patternOf(z.iso.datetime()) };
  return patterns;
};

/** Answers of a pure test of a string, kept per execution (months and dates repeat on every row). */
function memo(test: (text: string) => boolean): (text: string) => boolean {
  const known = new Map<string, boolean>();
  return (text) => {
    let answer = known.get(text);
    if (answer === undefined) {
      answer = test(text);
      known.set(text, answer);
    }
    return answer;
  };
}

/** periodKeyField: ГГГГ-ММ naming a month parsePeriod accepts. */
const isPeriodKey = memo((v) => /^\d{4}-\d{2}$/.test(v) && parsePeriod(v) !== null);
/** isoDate: ГГГГ-ММ-ДД naming a real date. */
const isIsoDate = memo((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && parseCalendarDate(v) !== null);
const isEmail = memo((v) => formats().email.test(v));

/** z.int() within [min, max]: a finite safe integer. */
const isInt = (v: unknown, min: number, max: number): v is number =>
  typeof v === 'number' && Number.isSafeInteger(v) && v >= min && v <= max;
const isCount = (v: unknown): v is number => isInt(v, 0, COUNT_MAX);
const isText = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
const isFilled = (v: unknown, max: number): v is string => isText(v, max) && v.length >= 1;
const isNullable = (v: unknown, test: (v: unknown) => boolean): boolean => v === null || test(v);
const isDateField = (v: unknown): boolean => v === null || (typeof v === 'string' && isIsoDate(v));

const COUNTS = [
  'teachersTotal',
  'teachersConnected',
  'parentsTotal',
  'parentsConnected',
  'groupsTotal',
  'groupsInSferum',
  'parentChats',
  'teachersMeetingMinimum',
] as const;
const NULLABLE_COUNTS = [
  'pupilsTotal',
  'pupilsConnected',
  'pupilChats',
  'teacherMessages',
  'teacherCalls',
  'mySchoolTeachers',
] as const;

/** reportRecordSchema.safeParse(values with `state`), when every field is what the add-on writes. */
export function quickReportRecord(v: Values, state: unknown): ReportRecord | null {
  const ok =
    isFilled(v.orgId, MAX.id) &&
    typeof v.period === 'string' &&
    isPeriodKey(v.period) &&
    COUNTS.every((k) => isCount(v[k])) &&
    NULLABLE_COUNTS.every((k) => isNullable(v[k], isCount)) &&
    typeof v.staffChat === 'boolean' &&
    typeof v.noForeignMessengers === 'boolean' &&
    isText(v.foreignMessengersExplanation, COMMENT_MAX_LENGTH) &&
    isText(v.comment, COMMENT_MAX_LENGTH) &&
    isInt(v.version, 1, Number.MAX_SAFE_INTEGER) &&
    typeof v.submittedBy === 'string' &&
    isEmail(v.submittedBy) &&
    typeof v.submittedAt === 'string' &&
    formats().datetime.test(v.submittedAt) &&
    (REPORT_STATES as readonly unknown[]).includes(state) &&
    typeof v.returnReason === 'string';
  if (!ok) return null;
  // The schema's keys in its order (the object it returns holds only those).
  return {
    orgId: v.orgId,
    period: v.period,
    teachersTotal: v.teachersTotal,
    teachersConnected: v.teachersConnected,
    pupilsTotal: v.pupilsTotal,
    pupilsConnected: v.pupilsConnected,
    parentsTotal: v.parentsTotal,
    parentsConnected: v.parentsConnected,
    groupsTotal: v.groupsTotal,
    groupsInSferum: v.groupsInSferum,
    staffChat: v.staffChat,
    pupilChats: v.pupilChats,
    parentChats: v.parentChats,
    teachersMeetingMinimum: v.teachersMeetingMinimum,
    teacherMessages: v.teacherMessages,
    teacherCalls: v.teacherCalls,
    mySchoolTeachers: v.mySchoolTeachers,
    noForeignMessengers: v.noForeignMessengers,
    foreignMessengersExplanation: v.foreignMessengersExplanation,
    comment: v.comment,
    version: v.version,
    submittedBy: v.submittedBy,
    submittedAt: v.submittedAt,
    state,
    returnReason: v.returnReason,
  } as ReportRecord;
}

/** organisationSchema.safeParse(values with `type`), when every field is what the add-on writes. */
export function quickOrganisation(v: Values, type: unknown): Organisation | null {
  const emails = v.coordinatorEmails;
  const ok =
    isFilled(v.id, MAX.id) &&
    isFilled(v.name, MAX.name) &&
    (ORGANISATION_TYPES as readonly unknown[]).includes(type) &&
    isText(v.coordinatorName, MAX.coordinatorName) &&
    isText(v.coordinatorPosition, MAX.coordinatorPosition) &&
    Array.isArray(emails) &&
    emails.length <= COORDINATOR_EMAILS_MAX &&
    emails.every((e) => typeof e === 'string' && isEmail(e)) &&
    isText(v.coordinatorPhone, MAX.coordinatorPhone) &&
    isText(v.appointmentOrderNumber, MAX.appointmentOrderNumber) &&
    isDateField(v.appointmentOrderDate) &&
    isDateField(v.orderCopyReceived) &&
    (v.reportsFrom === null || (typeof v.reportsFrom === 'string' && isPeriodKey(v.reportsFrom))) &&
    isDateField(v.closedOn);
  if (!ok) return null;
  return {
    id: v.id,
    name: v.name,
    type,
    coordinatorName: v.coordinatorName,
    coordinatorPosition: v.coordinatorPosition,
    coordinatorEmails: [...emails],
    coordinatorPhone: v.coordinatorPhone,
    appointmentOrderNumber: v.appointmentOrderNumber,
    appointmentOrderDate: v.appointmentOrderDate,
    orderCopyReceived: v.orderCopyReceived,
    reportsFrom: v.reportsFrom,
    closedOn: v.closedOn,
  } as Organisation;
}
