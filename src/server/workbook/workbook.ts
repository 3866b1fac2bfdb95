// Opens the district workbook for one server call: settings, registry and the caller, in a
// constant number of spreadsheet calls whatever the number of organisations.
import { serverErrors } from '../../domain/messages';
import { parsePeriod, periodKey, type Period } from '../../domain/period';
import type { Settings } from '../../domain/schemas/settings';
import type { FieldError } from '../../domain/schemas/fields';
import { activeEmail, identify, isAdminEmail, ownerEmail, type Caller } from '../access/roles';
import { UserError } from '../errors/userError';
import { ensureIntegrityKey, integrityKey } from '../storage/rowSeal';
import { readCoordinatorEntries, readRegistry, type DamagedRow, type RegistryEntry } from '../storage/registrySheet';
import { readSettings } from '../storage/settingsSheet';
import { auditSettingsChanges } from './settingsAudit';

export interface Workbook {
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  key: string;
  settings: Settings;
  settingsProblems: FieldError[];
  /** The whole registry, read and parsed when first asked (a coordinator's call never asks). */
  readonly registry: RegistryEntry[];
  readonly damagedRegistryRows: DamagedRow[];
  /** The registry entries of the caller's organisations (admins: every one). */
  callerEntries: RegistryEntry[];
  caller: Caller;
  owner: string;
}

/**
 * Reads what every call needs; throws the Russian "set-up needed" error on a bare spreadsheet.
 * An admin's call reads the whole registry; anyone else's reads its e-mail column and their own
 * organisations' rows only (docs/performance.md).
 * @param key the integrity key (default: the document's, from document properties)
 * @param ss the spreadsheet (default: the active one; the add-on's trigger passes the one it opened)
 */
export function openWorkbook(
  key: string = integrityKey(),
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet = SpreadsheetApp.getActiveSpreadsheet(),
): Workbook {
  const { settings, problems } = readSettings(ss);
  let whole: ReturnType<typeof readRegistry> | undefined;
  const all = () => {
    whole ??= readRegistry(ss, key);
    return whole;
  };
  const owner = ownerEmail(ss);
  const email = activeEmail();
  const callerEntries = isAdminEmail(email, owner, settings) ? all().entries : readCoordinatorEntries(ss, key, email);
  return {
    ss,
    key,
    settings,
    settingsProblems: problems,
    get registry() {
      return all().entries;
    },
    get damagedRegistryRows() {
      return all().damaged;
    },
    callerEntries,
    caller: identify(email, owner, settings, callerEntries),
    owner,
  };
}

/**
 * openWorkbook for a write (call inside the document lock). `authorise` decides on the caller first
 * and throws to refuse: a refused call writes nothing — neither the integrity key nor the audit of
 * settings edited in the sheet, which happen only for an allowed caller.
 */
export function openWorkbookForWrite(authorise: (caller: Caller) => void): Workbook {
  const first = openWorkbook();
  authorise(first.caller);
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
  const mine = (e: RegistryEntry) => e.organisation.id === orgId;
  return wb.callerEntries.find(mine) ?? wb.registry.find(mine);
}
