// Organisation registry record: the organisation, its type and its coordinator (order п. 6).
import * as z from 'zod/mini';
import { organisationFieldLabels as label, validation } from '../messages';
import { lazySchema } from './lazy';
import { formatDate, parseCalendarDate } from '../calendar';
import { formatPeriod, parsePeriod, periodFromKey, periodKey } from '../period';
import {
  COORDINATOR_EMAILS_MAX,
  coerceIsoDate,
  emailList,
  fieldErrors,
  isoDate,
  periodKeyField,
  requiredText,
  text,
  type FieldError,
  type Validated,
} from './fields';

/** The date of order № 178: no copy of a coordinator's appointing order can reach the admin before it. */
export const ORDER_178_DATE = '2023-11-15';

/** Organisation types; the type decides which report sections and rules apply. */
export const ORGANISATION_TYPES = ['school', 'preschool', 'additional'] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

/** Longest text of each text field of the registry (the schema's limits; quickParse.ts shares them). */
export const ORGANISATION_TEXT_MAX = {
  id: 50,
  name: 300,
  coordinatorName: 200,
  coordinatorPosition: 200,
  coordinatorPhone: 50,
  appointmentOrderNumber: 50,
} as const;

const buildOrganisationType = () =>
  z.enum(ORGANISATION_TYPES, {
    error: (iss) => validation.badChoice(label.type, iss.input),
  });

const buildOrganisation = () =>
  z.object({
    id: requiredText(label.id, ORGANISATION_TEXT_MAX.id),
    name: requiredText(label.name, ORGANISATION_TEXT_MAX.name),
    type: buildOrganisationType(),
    coordinatorName: text(label.coordinatorName, ORGANISATION_TEXT_MAX.coordinatorName),
    coordinatorPosition: text(label.coordinatorPosition, ORGANISATION_TEXT_MAX.coordinatorPosition),
    coordinatorEmails: emailList(label.coordinatorEmails, COORDINATOR_EMAILS_MAX),
    coordinatorPhone: text(label.coordinatorPhone, ORGANISATION_TEXT_MAX.coordinatorPhone),
    /** Number of the organisation's own order appointing the coordinator ('' until appointed). */
    appointmentOrderNumber: text(label.appointmentOrderNumber, ORGANISATION_TEXT_MAX.appointmentOrderNumber),
    appointmentOrderDate: z.nullable(isoDate(label.appointmentOrderDate)),
    /** Date the copy of that order reached the deputy head (due by 21.11.2023). */
    orderCopyReceived: z.nullable(isoDate(label.orderCopyReceived)),
    /**
     * First reported month it owes ('ГГГГ-ММ'); absent or null in rows from before this column: it
     * reports from Settings' first reported month. An organisation owes nothing before it.
     */
    reportsFrom: z.optional(z.nullable(periodKeyField(label.reportsFrom))),
    /**
     * Day it was closed (archived), or absent/null while it works: it stays in the months before the
     * month of that day (history and totals) and owes nothing from that month on; no reminders.
     */
    closedOn: z.optional(z.nullable(isoDate(label.closedOn))),
  });
export const organisationSchema = lazySchema(buildOrganisation);

export type Organisation = z.infer<typeof organisationSchema>;

/** True when the type has pupils connected to Сферум (kindergartens' «воспитанники» are not). */
export function hasPupils(type: OrganisationType): boolean {
  return type !== 'preschool';
}

/** True when the type reports on ФГИС «Моя школа» (general-education schools only, п. 5). */
export function hasMySchool(type: OrganisationType): boolean {
  return type === 'school';
}

/** True when the coordinator's appointing order is recorded (number and date). */
export function isCoordinatorAppointed(org: Organisation): boolean {
  return org.appointmentOrderNumber.trim() !== '' && org.appointmentOrderDate !== null;
}

/** The first month an organisation owes: its «отчитывается с», never before Settings' first month. */
export function firstOwedPeriod(org: Pick<Organisation, 'reportsFrom'>, firstPeriod: string): string {
  const own = org.reportsFrom ?? '';
  return own > firstPeriod ? own : firstPeriod;
}

/** Whether the organisation is closed on a Moscow date ('ГГГГ-ММ-ДД'). */
export function isClosed(org: Pick<Organisation, 'closedOn'>, today: string): boolean {
  return org.closedOn != null && org.closedOn <= today;
}

/**
 * Whether an organisation owes a month's report ('ГГГГ-ММ'): from its «отчитывается с» month (or
 * Settings' first month) up to the month before the one it was closed in.
 */
export function owesPeriod(
  org: Pick<Organisation, 'reportsFrom' | 'closedOn'>,
  period: string,
  firstPeriod: string,
): boolean {
  if (period < firstOwedPeriod(org, firstPeriod)) return false;
  return org.closedOn == null || period < org.closedOn.slice(0, 7);
}

/** A phone number as people type it: digits with spaces, brackets, dashes, a leading +; «доб. 12» allowed. */
const PHONE = /^\+?[\d\s()\-.]+(?:\s*(?:доб\.?|ext\.?)\s*\d{1,6})?$/i;

/** Each comma- or semicolon-separated number: the characters of a phone and 5–15 digits. */
function isPhoneList(value: string): boolean {
  return value.split(/[,;]/).every((part) => {
    const p = part.trim();
    const digits = p.replace(/доб.*|ext.*/i, '').replace(/\D/g, '').length;
    return PHONE.test(p) && digits >= 5 && digits <= 15;
  });
}

/**
 * What the stored schema does not check (old rows stay readable) but typed input must respect:
 * no date in the future, no copy received before order № 178, phones that are phones, and a
 * closing day not before the first reported month.
 */
function lifeCycleErrors(org: Organisation, today: string): FieldError[] {
  const errors: FieldError[] = [];
  const shown = (iso: string): string => formatDate(parseCalendarDate(iso)!);
  for (const field of ['appointmentOrderDate', 'orderCopyReceived'] as const) {
    const value = org[field];
    if (value !== null && value > today)
      errors.push({ field, message: validation.futureDate(label[field], shown(value), shown(today)) });
  }
  const copy = org.orderCopyReceived;
  if (copy !== null && copy <= today && copy < ORDER_178_DATE)
    errors.push({
      field: 'orderCopyReceived',
      message: validation.beforeOrder(label.orderCopyReceived, shown(copy), shown(ORDER_178_DATE)),
    });
  if (org.coordinatorPhone !== '' && !isPhoneList(org.coordinatorPhone))
    errors.push({
      field: 'coordinatorPhone',
      message: validation.badPhone(label.coordinatorPhone, org.coordinatorPhone),
    });
  if (org.closedOn != null && org.reportsFrom != null && org.closedOn.slice(0, 7) < org.reportsFrom)
    errors.push({
      field: 'closedOn',
      message: validation.closedBeforeStart(shown(org.closedOn), formatPeriod(periodFromKey(org.reportsFrom))),
    });
  return errors;
}

/** A month from a form («ноябрь 2023», 11.2023, 2023-11) as 'ГГГГ-ММ'; blank as null. */
function coercePeriod(value: unknown): unknown {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return null;
  const p = parsePeriod(value);
  return p ? periodKey(p) : value;
}

/**
 * Validates a registry row as typed by an admin: trims text, splits e-mails on commas, semicolons or
 * spaces, reads dates as ДД.ММ.ГГГГ or ГГГГ-ММ-ДД and months as «ноябрь 2023», 11.2023 or ГГГГ-ММ, turns
 * blanks into null; refuses dates after `today` (Moscow, 'ГГГГ-ММ-ДД'), a copy received before order
 * № 178 and phones that are not phones.
 */
export function validateOrganisation(input: unknown, today: string): Validated<Organisation, 'organisation'> {
  if (typeof input !== 'object' || input === null)
    return { ok: false, errors: [{ field: '', message: validation.notAnObject }] };
  const raw = input as Record<string, unknown>;
  const trim = (v: unknown): unknown => (typeof v === 'string' ? v.trim() : (v ?? ''));
  const emails = raw.coordinatorEmails;
  const candidate = {
    id: trim(raw.id),
    name: trim(raw.name),
    type: raw.type,
    coordinatorName: trim(raw.coordinatorName),
    coordinatorPosition: trim(raw.coordinatorPosition),
    coordinatorEmails: typeof emails === 'string' ? emails.split(/[\s,;]+/).filter((e) => e !== '') : (emails ?? []),
    coordinatorPhone: trim(raw.coordinatorPhone),
    appointmentOrderNumber: trim(raw.appointmentOrderNumber),
    appointmentOrderDate: coerceIsoDate(raw.appointmentOrderDate),
    orderCopyReceived: coerceIsoDate(raw.orderCopyReceived),
    reportsFrom: coercePeriod(raw.reportsFrom),
    closedOn: coerceIsoDate(raw.closedOn),
  };
  const parsed = organisationSchema.safeParse(candidate);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error.issues) };
  const errors = lifeCycleErrors(parsed.data, today);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, organisation: parsed.data };
}
