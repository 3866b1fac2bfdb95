// Validates the form with the domain schema (the same rules the server applies) for display.
import type { Organisation, OrganisationType } from '../../domain/schemas/organisation';
import { validateReport, type MonthlyReport } from '../../domain/schemas/report';
import { toReportInput, type FormValues, type OrgFlags } from './fields';

export interface FormOrg extends OrgFlags {
  id: string;
  name: string;
  type: OrganisationType;
}

export type FormCheck =
  | { ok: true; report: MonthlyReport; errors: Map<string, string> }
  | { ok: false; errors: Map<string, string> };

/** The registry record validateReport() needs; only id and type matter to it. */
function asOrganisation(org: FormOrg): Organisation {
  return {
    id: org.id,
    name: org.name,
    type: org.type,
    coordinatorName: '',
    coordinatorPosition: '',
    coordinatorEmails: [],
    coordinatorPhone: '',
    appointmentOrderNumber: '',
    appointmentOrderDate: null,
    orderCopyReceived: null,
  };
}

/**
 * Checks the form: the clean report, or one Russian message per field. Cross-field rules (connected ≤
 * total, the explanation) come from the domain as soon as both fields are valid — no copy here.
 */
export function checkForm(values: FormValues, org: FormOrg, period: string): FormCheck {
  const result = validateReport(toReportInput(values, org.id, period, org), asOrganisation(org));
  if (result.ok) return { ok: true, report: result.report, errors: new Map() };
  const errors = new Map<string, string>();
  for (const e of result.errors) if (!errors.has(e.field)) errors.set(e.field, e.message);
  return { ok: false, errors };
}
