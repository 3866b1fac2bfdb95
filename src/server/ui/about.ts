// Shows the «О дополнении» dialog (the built About.html).
import { titles } from '../../domain/messages';

/** Menu item: opens the about dialog. */
export function showAbout(): void {
  const html = HtmlService.createHtmlOutputFromFile('About').setWidth(420).setHeight(260).setTitle(titles.about);
  SpreadsheetApp.getUi().showModalDialog(html, titles.about);
}
