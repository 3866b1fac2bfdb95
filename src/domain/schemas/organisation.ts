// Organisation registry record: the organisation, its type and its coordinator (order п. 6).
import * as z from 'zod/mini';
import { organisationFieldLabels as label, validation } from '../messages';
import { lazySchema } from './lazy';
import {
  COORDINATOR_EMAILS_MAX,
  coerceIsoDate,
  emailList,
  fieldErrors,
  isoDate,
  requiredText,
  text,
  type Validated,
} from './fields';

/** Organisation types; the type decides which report sections and rules apply. */
export const ORGANISATION_TYPES = ['school', 'preschool', 'additional'] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

const buildOrganisationType = () =>
  z.enum(ORGANISATION_TYPES, {
    error: (iss) => validation.badChoice(label.type, iss.input),
  });

const buildOrganisation = () =>
  z.object({
    id: requiredText(label.id, 50),
    name: requiredText(label.name, 300),
    type: buildOrganisationType(),
    coordinatorName: text(label.coordinatorName, 200),
    coordinatorPosition: text(label.coordinatorPosition, 200),
    coordinatorEmails: emailList(label.coordinatorEmails, COORDINATOR_EMAILS_MAX),
    coordinatorPhone: text(label.coordinatorPhone, 50),
    /** Number of the organisation's own order appointing the coordinator ('' until appointed). */
    appointmentOrderNumber: text(label.appointmentOrderNumber, 50),
    appointmentOrderDate: z.nullable(isoDate(label.appointmentOrderDate)),
    /** Date the copy of that order reached the deputy head (due by 21.11.2023). */
    orderCopyReceived: z.nullable(isoDate(label.orderCopyReceived)),
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

/**
 * Validates a registry row as typed by an admin: trims text, splits e-mails on commas, semicolons or
 * spaces, reads dates as ДД.ММ.ГГГГ or ГГГГ-ММ-ДД, turns blank dates into null.
 */
export function validateOrganisation(input: unknown): Validated<Organisation, 'organisation'> {
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
  };
  const parsed = organisationSchema.safeParse(candidate);
  return parsed.success
    ? { ok: true, organisation: parsed.data }
    : { ok: false, errors: fieldErrors(parsed.error.issues) };
}
