// What the admin's registry tab receives: the organisations and their labels.
import type { Organisation } from '../domain/schemas/organisation';

export interface RegistryView {
  organisations: (Organisation & { typeLabel: string; handEdited: boolean })[];
}

/** The answer to saving an organisation: the stored organisation, or the fields to correct. */
export type SaveOrganisationResult =
  | { ok: true; organisation: Organisation }
  | { ok: false; errors: { field: string; message: string }[] };
