// The add-on menu: the same for everyone, whatever Google reveals in onOpen. onOpen runs in
// AuthMode.NONE or LIMITED, where the user's e-mail is not available ("not available in any
// context that allows a script to run without that user's authorization, like a simple onOpen(e)",
// https://developers.google.com/apps-script/reference/base/user#getEmail()), so the role is decided
// when an item is clicked (AuthMode.FULL) and each item answers the wrong role in Russian.
import {
  accessHelp,
  coordinatorUi,
  menu,
  menuItems,
  reminderMenuItems,
  setupCheckTexts,
  summaryUi,
} from '../../domain/messages';
import { activeEmail, identify, ownerEmail } from '../access/roles';
import { sameEmail } from '../../domain/email';
import { alertError } from '../errors/userError';
import { readRegistry } from '../storage/registrySheet';
import { readSettings, SETTINGS_LAYOUT } from '../storage/settingsSheet';

/** A menu line: caption and the top-level function it calls (null = separator). */
export type MenuItem = readonly [caption: string, functionName: string] | null;

/** The one menu: coordinators' items first, then the district admin's. */
export const MENU: readonly MenuItem[] = [
  [coordinatorUi.menuItem, 'showReportSidebar'],
  [summaryUi.menuItem, 'showDistrictSummary'],
  [menuItems.accessHelp, 'showAccessHelp'],
  null,
  [menuItems.setup, 'setupWorkbook'],
  [menuItems.integrity, 'checkIntegrity'],
  [setupCheckTexts.menuItem, 'runSetupCheck'],
  null,
  [reminderMenuItems.enable, 'enableReminders'],
  [reminderMenuItems.disable, 'disableReminders'],
  null,
  [menu.about, 'showAbout'],
];

function buildMenu(): void {
  const addon = SpreadsheetApp.getUi().createAddonMenu();
  for (const item of MENU) {
    if (item === null) addon.addSeparator();
    else addon.addItem(item[0], item[1]);
  }
  addon.addToUi();
}

/**
 * Apps Script simple trigger: runs when the spreadsheet opens. Builds the menu and reads nothing
 * (AuthMode.NONE allows only the menu; LIMITED would allow reading, but not the e-mail).
 * @param _e the open event
 */
export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  buildMenu();
}

/**
 * Runs when a user installs the add-on (editor add-on only; a container-bound script never gets
 * it): builds the menu at once, as Google recommends.
 * @param e the install event
 */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}

/** The Russian answer of «Как получить доступ» for the caller, from the registry and the settings. */
export function accessHelpText(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, email: string): string {
  if (!ss.getSheetByName(SETTINGS_LAYOUT.sheetName)) return accessHelp.notSetUp;
  const owner = ownerEmail(ss);
  const { settings } = readSettings(ss);
  const { entries } = readRegistry(ss, '');
  const admins = [owner, ...settings.adminEmails.filter((a) => !sameEmail(a, owner))]
    .filter((a) => a !== '')
    .join(', ');
  if (email === '') return accessHelp.noEmail(admins);
  const caller = identify(email, owner, settings, entries);
  if (caller.isAdmin) return accessHelp.admin(email);
  if (caller.role === 'coordinator') {
    const names = entries.filter((e) => caller.orgIds.includes(e.organisation.id)).map((e) => e.organisation.name);
    return accessHelp.coordinator(email, names.join('; '));
  }
  return accessHelp.notListed(email, admins);
}

/**
 * Menu item «Как получить доступ»: looks the caller up in the registry (a registered coordinator is
 * told where their report is, never that they are missing), or says whom to ask.
 */
export function showAccessHelp(): void {
  try {
    const ui = SpreadsheetApp.getUi();
    ui.alert(accessHelp.title, accessHelpText(SpreadsheetApp.getActiveSpreadsheet(), activeEmail()), ui.ButtonSet.OK);
  } catch (err) {
    alertError(accessHelp.title, err);
  }
}
