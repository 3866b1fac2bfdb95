// google.script.run targets of the admin's registry: list, add and change organisations.
import { describeChanges, organisationLabels } from '../../domain/auditText';
import { isoDate, moscowDateOf } from '../../domain/calendar';
import { periodKey, periodOfInstant } from '../../domain/period';
import { auditActions, organisationTypeLabels, serverErrors } from '../../domain/messages';
import { validateOrganisation, type Organisation } from '../../domain/schemas/organisation';
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

/** The audit's name for a change: added, closed, reopened or changed. */
function auditAction(before: Organisation | undefined, after: Organisation): string {
  if (!before) return auditActions.orgAdded;
  if ((before.closedOn ?? null) === null && (after.closedOn ?? null) !== null) return auditActions.orgClosed;
  if ((before.closedOn ?? null) !== null && (after.closedOn ?? null) === null) return auditActions.orgReopened;
  return auditActions.orgChanged;
}

/**
 * Adds an organisation (`isNew`) or changes the one with the same code; validated here, audited.
 * A new organisation reports from the month it is added unless «Отчитывается с» says otherwise; a
 * change that does not send «Отчитывается с» or «Закрыта с» (an older form) keeps the stored ones.
 * Closing is a change with «Закрыта с» set; clearing it reopens the organisation.
 * @param input the organisation as typed in the admin's form
 * @param isNew true to add: a code already in the registry is then refused
 * @returns the stored organisation, or field errors in Russian
 */
export function saveOrganisation(input: unknown, isNew: boolean): SaveOrganisationResult {
  return forClient('saveOrganisation', () => {
    const now = new Date();
    const validated = validateOrganisation(input, isoDate(moscowDateOf(now)));
    if (!validated.ok) return validated;
    const typed = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
    return withDocumentLock(() => {
      const wb = openWorkbookForWrite(requireAdmin);
      const existing = findOrganisation(wb, validated.organisation.id);
      if (isNew && existing) throw new UserError(serverErrors.duplicateOrganisation(validated.organisation.id));
      if (!isNew && !existing) throw new UserError(serverErrors.unknownOrganisation(validated.organisation.id));
      const kept = existing?.organisation;
      const org: Organisation = {
        ...validated.organisation,
        reportsFrom: !kept
          ? (validated.organisation.reportsFrom ?? periodKey(periodOfInstant(now)))
          : 'reportsFrom' in typed
            ? (validated.organisation.reportsFrom ?? null)
            : (kept.reportsFrom ?? null),
        closedOn: 'closedOn' in typed ? (validated.organisation.closedOn ?? null) : (kept?.closedOn ?? null),
      };
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
            at: now.toISOString(),
            user: wb.caller.email,
            action: auditAction(kept, org),
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
