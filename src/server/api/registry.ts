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

/** The audit's name for a change: added, closed, reopened or changed. */
function auditAction(before: Organisation | undefined, after: Organisation): string {
  if (!before) return auditActions.orgAdded;
  if ((before.closedOn ?? null) === null && (after.closedOn ?? null) !== null) return auditActions.orgClosed;
  if ((before.closedOn ?? null) !== null && (after.closedOn ?? null) === null) return auditActions.orgReopened;
  return auditActions.orgChanged;
}

/** An organisation's values as text, whatever the order of its keys (blank and absent alike). */
function canonical(org: Organisation): string {
  const values = org as unknown as Record<string, unknown>;
  return JSON.stringify(
    Object.keys(values)
      .filter((k) => values[k] !== undefined && values[k] !== null)
      .sort()
      .map((k) => [k, values[k]]),
  );
}

/**
 * The same save sent again (the row already holds exactly these values): nothing to write; when the
 * first call was cut short before its audit entry, the entry is written now. False otherwise.
 */
function repairedSave(wb: Workbook, existing: RegistryEntry, org: Organisation): boolean {
  if (existing.seq === 0 || existing.handEdited) return false;
  if (canonical(existing.organisation) !== canonical(org)) return false;
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
            at: now.toISOString(),
            user: wb.caller.email,
            action: auditAction(kept, org),
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
