// google.script.run targets of the admin's registry: list, add and change organisations.
import { describeChanges, organisationLabels } from '../../domain/auditText';
import { auditActions, organisationTypeLabels, serverErrors } from '../../domain/messages';
import { validateOrganisation } from '../../domain/schemas/organisation';
import { requireAdmin } from '../access/roles';
import { forClient, UserError } from '../errors/userError';
import { withDocumentLock } from '../workbook/lock';
import type { RegistryView, SaveOrganisationResult } from '../../contract/registry';
import { appendAudit } from '../storage/auditSheet';
import { appendOrganisation, updateOrganisation } from '../storage/registrySheet';
import { findOrganisation, openWorkbook, openWorkbookForWrite } from '../workbook/workbook';

/** Every organisation of the registry (admins only). */
export function getRegistry(): RegistryView {
  return forClient('getRegistry', () => {
    const wb = openWorkbook();
    requireAdmin(wb.caller);
    return {
      organisations: wb.registry.map((e) => ({
        ...e.organisation,
        typeLabel: organisationTypeLabels[e.organisation.type],
        handEdited: e.handEdited,
      })),
    };
  });
}

/**
 * Adds an organisation (`isNew`) or changes the one with the same code; validated here, audited.
 * @param input the organisation as typed in the admin's form
 * @param isNew true to add: a code already in the registry is then refused
 * @returns the stored organisation, or field errors in Russian
 */
export function saveOrganisation(input: unknown, isNew: boolean): SaveOrganisationResult {
  return forClient('saveOrganisation', () => {
    const validated = validateOrganisation(input);
    if (!validated.ok) return validated;
    const org = validated.organisation;
    return withDocumentLock(() => {
      const wb = openWorkbookForWrite(requireAdmin);
      const existing = findOrganisation(wb, org.id);
      if (isNew && existing) throw new UserError(serverErrors.duplicateOrganisation(org.id));
      if (!isNew && !existing) throw new UserError(serverErrors.unknownOrganisation(org.id));
      if (existing) updateOrganisation(wb.ss, existing.row, org, wb.key);
      else appendOrganisation(wb.ss, org, wb.key);
      const [before, after] = describeChanges(
        existing ? { ...existing.organisation } : null,
        { ...org },
        organisationLabels,
      );
      appendAudit(
        wb.ss,
        [
          {
            at: new Date().toISOString(),
            user: wb.caller.email,
            action: existing ? auditActions.orgChanged : auditActions.orgAdded,
            orgId: org.id,
            period: '',
            before,
            after,
          },
        ],
        wb.key,
      );
      return { ok: true as const, organisation: org };
    });
  });
}
