// google.script.run targets of the admin's registry: list, add and change organisations.
import { describeChanges, organisationLabels } from '../../domain/auditText';
import { auditActions, organisationTypeLabels, serverErrors } from '../../domain/messages';
import { validateOrganisation, type Organisation } from '../../domain/schemas/organisation';
import { requireAdmin } from '../access/roles';
import { forClient, UserError } from './errors';
import { withDocumentLock } from '../workbook/lock';
import type { RegistryView } from '../../contract/registry';
import { nextSeq, readAnchors } from '../storage/anchors';
import { appendAudit, auditRefs, readAudit } from '../storage/auditSheet';
import { appendOrganisations, updateOrganisation, type RegistryEntry } from '../storage/registrySheet';
import { findOrganisation, openWorkbook, openWorkbookForWrite, type Workbook } from '../workbook/workbook';

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
 * The same save sent again (the row already holds exactly these values): nothing to write; when the
 * first call was cut short before its audit entry, the entry is written now. False otherwise.
 */
function repairedSave(wb: Workbook, existing: RegistryEntry, org: Organisation): boolean {
  if (existing.seq === 0 || existing.handEdited) return false;
  if (JSON.stringify(existing.organisation) !== JSON.stringify(org)) return false;
  const audit = readAudit(wb.ss, wb.key).rows;
  if (audit.some((r) => r.ref === auditRefs.registry(existing.seq))) return true;
  const known = audit.some((r) => r.orgId === org.id && auditRefs.parseRegistry(r.ref) !== null);
  appendAudit(
    wb.ss,
    [
      {
        at: new Date().toISOString(),
        user: wb.caller.email,
        action: known ? auditActions.orgChanged : auditActions.orgAdded,
        orgId: org.id,
        period: '',
        before: '',
        after: describeChanges(null, { ...org }, organisationLabels)[1],
        ref: auditRefs.registry(existing.seq),
      },
    ],
    wb.key,
    { registry: { rows: existing.row - 1, seq: existing.seq, hash: '' } },
  );
  return true;
}

/**
 * Adds an organisation (`isNew`) or changes the one with the same code; validated here, audited.
 * @param input the organisation as typed in the admin's form
 * @param isNew true to add: a code already in the registry is then refused
 * @returns the stored organisation, or field errors in Russian
 */
export function saveOrganisation(
  input: unknown,
  isNew: boolean,
): { ok: true; organisation: Organisation } | { ok: false; errors: { field: string; message: string }[] } {
  return forClient('saveOrganisation', () => {
    const validated = validateOrganisation(input);
    if (!validated.ok) return validated;
    const org = validated.organisation;
    return withDocumentLock(() => {
      const wb = openWorkbookForWrite();
      requireAdmin(wb.caller);
      const existing = findOrganisation(wb, org.id);
      if (existing && repairedSave(wb, existing, org)) return { ok: true as const, organisation: org };
      if (isNew && existing) throw new UserError(serverErrors.duplicateOrganisation(org.id));
      if (!isNew && !existing) throw new UserError(serverErrors.unknownOrganisation(org.id));
      const seq = nextSeq(readAnchors(), 'registry', Math.max(0, ...wb.registry.map((e) => e.seq)));
      // The row (an update finds it again by code and number), then the audit entry with the anchors.
      const row = existing
        ? updateOrganisation(wb.ss, existing, org, wb.key, seq)
        : appendOrganisations(wb.ss, [org], wb.key, seq);
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
            ref: auditRefs.registry(seq),
          },
        ],
        wb.key,
        { registry: { rows: row - 1, seq, hash: '' } },
      );
      return { ok: true as const, organisation: org };
    });
  });
}
