// Opens the district workbook for one server call: settings, registry and the caller, in a
// constant number of spreadsheet calls whatever the number of organisations.
import { serverErrors } from '../../domain/messages';
import { parsePeriod, periodKey, type Period } from '../../domain/period';
import type { Settings } from '../../domain/schemas/settings';
import type { FieldError } from '../../domain/schemas/fields';
import { activeEmail, identify, isAdminEmail, ownerEmail, type Caller } from '../access/roles';
import { UserError } from '../errors/userError';
import { ensureIntegrityKey, integrityKey } from '../storage/rowSeal';
import {
  readCoordinatorEntries,
  readOrganisationEntry,
  readRegistry,
  type DamagedRow,
  type RegistryEntry,
} from '../storage/registrySheet';
import { readSettings } from '../storage/settingsSheet';
import { auditSettingsChanges } from './settingsAudit';

export interface Workbook {
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  key: string;
  settings: Settings;
  settingsProblems: FieldError[];
  /** The caller's lower-case e-mail ('' when Google does not reveal it). */
  email: string;
  /** The whole registry, read and parsed when first asked (a coordinator's call never asks). */
  readonly registry: RegistryEntry[];
  readonly damagedRegistryRows: DamagedRow[];
  /** The registry entries of the caller's organisations (admins: every one). */
  readonly callerEntries: RegistryEntry[];
  readonly caller: Caller;
  /** The owner's e-mail, asked of Drive when first needed. */
  readonly owner: string;
  /**
   * The registry entry of `orgId` when the caller coordinates it by their own registry rows — enough
   * to let them read and submit its reports without asking who owns the file (owner or not, they
   * may); undefined otherwise (and for admins listed in Settings, who read the whole registry).
   * With `onlyIfRead`, undefined unless the caller's own rows were read already (no read made).
   */
  coordinatorEntry(orgId: string, onlyIfRead?: boolean): RegistryEntry | undefined;
  /**
   * One organisation's registry entry: from the whole registry when it was read, else by reading
   * the code column and its row only (an admin's review or report view needs no other row).
   */
  registryEntry(orgId: string): RegistryEntry | undefined;
}

/**
 * Reads what every call needs; throws the Russian "set-up needed" error on a bare spreadsheet.
 * An admin's call reads the whole registry; anyone else's reads its e-mail column and their own
 * organisations' rows only (docs/performance.md). The owner is asked only when the answer depends
 * on it (an admin listed in Settings, or a coordinator acting for their own organisation, never).
 * @param key the integrity key (default: the document's, from document properties)
 * @param ss the spreadsheet (default: the active one; the add-on's trigger passes the one it opened)
 */
export function openWorkbook(
  key: string = integrityKey(),
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet = SpreadsheetApp.getActiveSpreadsheet(),
): Workbook {
  const { settings, problems } = readSettings(ss);
  const email = activeEmail();
  const listedAdmin = isAdminEmail(email, '', settings);
  let whole: ReturnType<typeof readRegistry> | undefined;
  const all = () => {
    whole ??= readRegistry(ss, key);
    return whole;
  };
  let owner: string | undefined;
  const ownerOf = () => {
    owner ??= ownerEmail(ss);
    return owner;
  };
  let own: RegistryEntry[] | undefined;
  const ownEntries = () => {
    own ??= readCoordinatorEntries(ss, key, email);
    return own;
  };
  let entries: RegistryEntry[] | undefined;
  const callerEntries = () => {
    entries ??= listedAdmin || isAdminEmail(email, ownerOf(), settings) ? all().entries : ownEntries();
    return entries;
  };
  let caller: Caller | undefined;
  const single = new Map<string, RegistryEntry | null>();
  return {
    ss,
    key,
    settings,
    settingsProblems: problems,
    email,
    get registry() {
      return all().entries;
    },
    get damagedRegistryRows() {
      return all().damaged;
    },
    get callerEntries() {
      return callerEntries();
    },
    get caller() {
      caller ??= identify(email, ownerOf, settings, callerEntries);
      return caller;
    },
    get owner() {
      return ownerOf();
    },
    registryEntry(orgId) {
      const mine = (e: RegistryEntry) => e.organisation.id === orgId;
      if (whole) return whole.entries.find(mine);
      const entry = entries?.find(mine) ?? own?.find(mine);
      if (entry) return entry;
      single.set(orgId, single.get(orgId) ?? readOrganisationEntry(ss, key, orgId));
      return single.get(orgId) ?? undefined;
    },
    coordinatorEntry(orgId, onlyIfRead = false) {
      if (email === '' || listedAdmin || (onlyIfRead && own === undefined)) return undefined;
      return ownEntries().find((e) => e.organisation.id === orgId);
    },
  };
}

/**
 * openWorkbook for a write (call inside the document lock). `authorise` decides on the caller first
 * and throws to refuse: a refused call writes nothing — neither the integrity key nor the audit of
 * settings edited in the sheet, which happen only for an allowed caller. With `ownOrg`, a coordinator
 * of that organisation (by their own registry rows) is allowed without asking for the owner.
 */
export function openWorkbookForWrite(authorise: (caller: Caller) => void, ownOrg?: string): Workbook {
  const first = openWorkbook();
  if (ownOrg === undefined || !first.coordinatorEntry(ownOrg)) authorise(first.caller);
  const wb = first.key === '' ? openWorkbook(ensureIntegrityKey()) : first;
  auditSettingsChanges(wb.ss, wb.key, wb.settings, new Date());
  return wb;
}

/** An organisation of the registry and a reported month named by a sidebar, or a Russian error. */
export function resolveOrgPeriod(
  wb: Workbook,
  orgId: unknown,
  period: unknown,
): { entry: RegistryEntry; period: Period; key: string } {
  const entry = findOrganisation(wb, String(orgId));
  if (!entry) throw new UserError(serverErrors.unknownOrganisation(String(orgId)));
  const p = parsePeriod(period);
  if (!p) throw new UserError(serverErrors.badPeriod);
  return { entry, period: p, key: periodKey(p) };
}

/** The registry entry of an organisation, or undefined. */
export function findOrganisation(wb: Workbook, orgId: string): RegistryEntry | undefined {
  return wb.coordinatorEntry(orgId, true) ?? wb.registryEntry(orgId);
}
