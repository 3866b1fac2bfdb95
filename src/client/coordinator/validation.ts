// Validates the form with the domain schema (the same rules the server applies) for display.
import { reportFieldLabels, validation } from '../../domain/messages';
import type { Organisation, OrganisationType } from '../../domain/schemas/organisation';
import { PART_OF_WHOLE, validateReport, type MonthlyReport } from '../../domain/schemas/report';
import { toReportInput, type FormValues, type OrgFlags } from './fields';

export interface FormOrg extends OrgFlags {
  id: string;
  name: string;
  type: OrganisationType;
}

export type FormCheck = { ok: true; report: MonthlyReport; errors: Map<string, string> } | { ok: false; errors: Map<string, string> };

/** The registry record validateReport() needs; only id and type matter to it. */
function asOrganisation(org: FormOrg): Organisation {
  return {
    id: org.id, name: org.name, type: org.type, coordinatorName: '', coordinatorPosition: '', coordinatorEmails: [],
    coordinatorPhone: '', appointmentOrderNumber: '', appointmentOrderDate: null, orderCopyReceived: null,
  };
}

/** Checks the form: the clean report, or one Russian message per field. */
export function checkForm(values: FormValues, org: FormOrg, period: string): FormCheck {
  const result = validateReport(toReportInput(values, org.id, period, org), asOrganisation(org));
  if (result.ok) return { ok: true, report: result.report, errors: new Map() };
  const errors = new Map<string, string>();
  for (const e of result.errors) if (!errors.has(e.field)) errors.set(e.field, e.message);
  for (const [field, message] of earlyCrossFieldErrors(values)) if (!errors.has(field)) errors.set(field, message);
  return { ok: false, errors };
}

/**
 * The schema checks parts against wholes only once every field is valid; the coordinator should see
 * «подключено больше, чем всего» as soon as both numbers are typed. Same rules, same sentences.
 */
function earlyCrossFieldErrors(values: FormValues): Map<string, string> {
  const errors = new Map<string, string>();
  const num = (text: string | undefined): number | null => (text && /^\d+$/.test(text) ? Number(text) : null);
  for (const [part, whole] of PART_OF_WHOLE) {
    const p = num(values[part]);
    const w = num(values[whole]);
    if (p !== null && w !== null && p > w) errors.set(part, validation.exceeds(reportFieldLabels[part], p, reportFieldLabels[whole], w));
  }
  if (values.noForeignMessengers === 'no' && (values.foreignMessengersExplanation ?? '').trim() === '') {
    errors.set('foreignMessengersExplanation', validation.explanationRequired);
  }
  return errors;
}
