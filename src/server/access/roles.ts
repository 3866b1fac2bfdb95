// Who is at the keyboard: district admin (owner or listed in Settings), coordinator (listed in the
// registry) or neither. The server decides on every call; the sidebar is never trusted.
import { normaliseEmail, sameEmail } from '../../domain/email';
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

/**
 * Who is at the keyboard in a call the user made (menu item, sidebar), lower-cased; '' when Google
 * reveals nothing. getActiveUser() first; when it is hidden (a personal account of another domain:
 * https://developers.google.com/apps-script/reference/base/user#getEmail()), getEffectiveUser(),
 * which in a user's own call is that same user ("In most other scenarios, this returns the same
 * account as getActiveUser()", https://developers.google.com/apps-script/reference/base/session#getEffectiveUser()).
 * Never call it in a trigger: there the effective user is the trigger's creator, not a caller.
 */
export function activeEmail(): string {
  const active = norm(Session.getActiveUser().getEmail() ?? '');
  return active !== '' ? active : norm(Session.getEffectiveUser().getEmail() ?? '');
}

/** The spreadsheet owner's e-mail ('' for files on shared drives, which have no owner). */
export function ownerEmail(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): string {
  const owner = ss.getOwner();
  return owner ? norm(owner.getEmail()) : '';
}

/** Whether `email` is a district admin: the owner or listed in Settings (no registry needed). */
export function isAdminEmail(email: string, owner: string, settings: Settings): boolean {
  return sameEmail(email, owner) || settings.adminEmails.some((a) => sameEmail(a, email));
}

/**
 * Decides the role of `email` from the owner, the settings and the registry; addresses compare as
 * the same person whatever their case, googlemail.com/gmail.com and Gmail dots (src/domain/email.ts).
 * `owner` and `registry` are asked only when needed: the owner when the caller is not an admin
 * listed in Settings (or when asked whether they own the file), an admin's organisations (all of
 * them) when first read.
 */
export function identify(
  email: string,
  owner: string | (() => string),
  settings: Settings,
  registry: readonly RegistryEntry[] | (() => readonly RegistryEntry[]),
): Caller {
  const entries = typeof registry === 'function' ? registry : () => registry;
  const ownerOf = typeof owner === 'function' ? owner : () => owner;
  const listed = isAdminEmail(email, '', settings);
  const isAdmin = listed || isAdminEmail(email, ownerOf(), settings);
  if (isAdmin) {
    let all: string[] | undefined;
    return {
      email,
      role: 'admin',
      isAdmin,
      get isOwner() {
        return sameEmail(email, ownerOf());
      },
      get orgIds() {
        all ??= entries().map((e) => e.organisation.id);
        return all;
      },
    };
  }
  const me = normaliseEmail(email);
  const orgIds =
    me === ''
      ? []
      : entries()
          .filter((e) => e.organisation.coordinatorEmails.some((c) => normaliseEmail(c) === me))
          .map((e) => e.organisation.id);
  return { email, role: orgIds.length > 0 ? 'coordinator' : 'none', isAdmin, isOwner: false, orgIds };
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
