// Opens «Сводка по округу» (the built Admin.html) as a wide modal dialog: the month's table with
// twelve compliance marks per organisation does not fit a 300-px sidebar.
import { summaryUi } from '../../domain/messages';

/** Menu item «Сводка по округу» (admins; the dialog's first call checks the role again). */
export function showDistrictSummary(): void {
  const html = HtmlService.createHtmlOutputFromFile('Admin').setWidth(1200).setHeight(760).setTitle(summaryUi.title);
  SpreadsheetApp.getUi().showModalDialog(html, summaryUi.title);
}
