// Builds the add-on menu. In AuthMode.NONE nothing but the menu may be touched.
import { menu } from '../domain/messages';

/**
 * Apps Script simple trigger: runs when the spreadsheet opens.
 * @param e the open event (its authMode decides what may be read)
 */
export function onOpen(e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  void e;
  SpreadsheetApp.getUi().createAddonMenu().addItem(menu.about, 'showAbout').addToUi();
}

/**
 * Runs when a user installs the add-on: builds the menu at once.
 * @param e the install event
 */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}
