// The add-on menu by role. In AuthMode.NONE nothing but the menu may be touched, so it is minimal.
import { accessHelp, coordinatorUi, menu, menuItems, reminderMenuItems, summaryUi } from '../../domain/messages';
import { activeEmail, identify, ownerEmail, type Role } from '../access/roles';
import { readRegistry } from '../storage/registrySheet';
import { readSettings, SETTINGS_LAYOUT } from '../storage/settingsSheet';

/** A menu line: caption and the top-level function it calls (null = separator). */
export type MenuItem = readonly [caption: string, functionName: string] | null;

/** What each role sees. Features add their items here. */
export const MENUS: Record<Role | 'notSetUpOwner' | 'minimal', MenuItem[]> = {
  minimal: [
    [menuItems.open, 'openAddOn'],
    [menu.about, 'showAbout'],
  ],
  notSetUpOwner: [[menuItems.setup, 'setupWorkbook'], null, [menu.about, 'showAbout']],
  admin: [
    [summaryUi.menuItem, 'showDistrictSummary'],
    [coordinatorUi.menuItem, 'showReportSidebar'],
    null,
    [menuItems.setup, 'setupWorkbook'],
    [menuItems.integrity, 'checkIntegrity'],
    null,
    [reminderMenuItems.enable, 'enableReminders'],
    [reminderMenuItems.disable, 'disableReminders'],
    null,
    [menu.about, 'showAbout'],
  ],
  coordinator: [[coordinatorUi.menuItem, 'showReportSidebar'], null, [menu.about, 'showAbout']],
  none: [
    [menuItems.accessHelp, 'showAccessHelp'],
    [menu.about, 'showAbout'],
  ],
};

/** The caller's menu key, from settings, registry and owner (no writes: onOpen may be LIMITED). */
function menuKey(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): keyof typeof MENUS {
  const email = activeEmail();
  const owner = ownerEmail(ss);
  // Not set up: the owner may set it up; a shared-drive file (no owner) offers it to whoever confirms
  // in set-up's dialog that they manage the drive.
  if (!ss.getSheetByName(SETTINGS_LAYOUT.sheetName))
    return email !== '' && (email === owner || owner === '') ? 'notSetUpOwner' : 'none';
  const { settings } = readSettings(ss);
  const { entries } = readRegistry(ss, '');
  return identify(email, owner, settings, entries).role;
}

function buildMenu(key: keyof typeof MENUS): void {
  const addon = SpreadsheetApp.getUi().createAddonMenu();
  for (const item of MENUS[key]) {
    if (item === null) addon.addSeparator();
    else addon.addItem(item[0], item[1]);
  }
  addon.addToUi();
}

/**
 * Apps Script simple trigger: runs when the spreadsheet opens.
 * @param e the open event (its authMode decides what may be read)
 */
export function onOpen(e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  if (!e || e.authMode === ScriptApp.AuthMode.NONE) {
    buildMenu('minimal');
    return;
  }
  let key: keyof typeof MENUS = 'minimal';
  try {
    key = menuKey(SpreadsheetApp.getActiveSpreadsheet());
  } catch (err) {
    console.error('onOpen: ' + (err instanceof Error ? err.message : String(err)));
  }
  buildMenu(key);
}

/**
 * Runs when a user installs the add-on: builds the menu at once.
 * @param e the install event
 */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}

/** Menu item of the minimal menu: now authorised, rebuild the menu for the caller's role. */
export function openAddOn(): void {
  const key = menuKey(SpreadsheetApp.getActiveSpreadsheet());
  buildMenu(key);
  if (key === 'none') showAccessHelp();
  else SpreadsheetApp.getUi().alert(accessHelp.opened);
}

/** Menu item «Как получить доступ»: whom to ask, in Russian. */
export function showAccessHelp(): void {
  const ui = SpreadsheetApp.getUi();
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const email = activeEmail();
  if (!ss.getSheetByName(SETTINGS_LAYOUT.sheetName)) {
    ui.alert(accessHelp.title, accessHelp.notSetUp, ui.ButtonSet.OK);
    return;
  }
  const admins = [ownerEmail(ss), ...readSettings(ss).settings.adminEmails].filter((a) => a !== '').join(', ');
  ui.alert(
    accessHelp.title,
    email === '' ? accessHelp.noEmail(admins) : accessHelp.notListed(email, admins),
    ui.ButtonSet.OK,
  );
}
