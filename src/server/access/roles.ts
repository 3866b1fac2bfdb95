// Who is at the keyboard: district admin (owner or listed in Settings), coordinator (listed in the
// registry) or neither. The server decides on every call; the sidebar is never trusted.
import { serverErrors } from '../../domain/messages';
import type { Settings } from '../../domain/schemas/settings';
import { UserError } from '../errors/userError';
import type { RegistryEntry } from '../storage/registrySheet';

import type { Role } from '../../contract/coordinator';

export type { Role };

export interface Caller {
  /** Lower-case e-mail; '' when Google does not reveal it. */
  email: string;
  role: Role;
  isAdmin: boolean;
  isOwner: boolean;
  /** Organisations whose coordinator this user is (admins: all). */
  orgIds: string[];
}

const norm = (email: string): string => email.trim().toLowerCase();

/** The active user's e-mail, lower-cased ('' for consumer accounts of other domains). */
export function activeEmail(): string {
  return norm(Session.getActiveUser().getEmail() ?? '');
}

/** The spreadsheet owner's e-mail ('' for files on shared drives, which have no owner). */
export function ownerEmail(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): string {
  const owner = ss.getOwner();
  return owner ? norm(owner.getEmail()) : '';
}

/** Decides the role of `email` from the owner, the settings and the registry. */
export function identify(email: string, owner: string, settings: Settings, registry: readonly RegistryEntry[]): Caller {
  const isOwner = email !== '' && email === owner;
  const isAdmin = isOwner || (email !== '' && settings.adminEmails.some((a) => norm(a) === email));
  const own = registry
    .filter((e) => e.organisation.coordinatorEmails.some((c) => norm(c) === email))
    .map((e) => e.organisation.id);
  const orgIds = isAdmin ? registry.map((e) => e.organisation.id) : email === '' ? [] : own;
  const role: Role = isAdmin ? 'admin' : orgIds.length > 0 ? 'coordinator' : 'none';
  return { email, role, isAdmin, isOwner, orgIds };
}

/** Throws the Russian refusal unless the caller is an admin. */
export function requireAdmin(caller: Caller): void {
  if (caller.email === '') throw new UserError(serverErrors.noEmail);
  if (!caller.isAdmin) throw new UserError(serverErrors.notAdmin);
}

/** Throws the Russian refusal unless the caller may read and submit this organisation's reports. */
export function requireOrganisation(caller: Caller, orgId: string): void {
  if (caller.email === '') throw new UserError(serverErrors.noEmail);
  if (caller.role === 'none') throw new UserError(serverErrors.notCoordinator(caller.email));
  if (!caller.orgIds.includes(orgId)) throw new UserError(serverErrors.notYourOrganisation);
}
