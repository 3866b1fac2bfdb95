// The admin's summary: «Сводка» (the built Summary.html) as a 300-px sidebar that stays open beside
// the grid, and «Сводка по округу» (Admin.html) as a dialog for analysis, sized to fit a 1280×720
// browser window with Sheets' own frame around it.
import { summaryUi } from '../../domain/messages';

/** The dialog's size: Sheets draws its title bar and margins around it inside the window. */
export const SUMMARY_DIALOG_SIZE = { width: 1180, height: 600 } as const;

/** Menu item «Сводка по округу» (admins): opens the sidebar first (its first call checks the role again). */
export function showDistrictSummary(): void {
  const html = HtmlService.createHtmlOutputFromFile('Summary').setTitle(summaryUi.sidebarTitle);
  SpreadsheetApp.getUi().showSidebar(html);
}

/** The sidebar's «Открыть полную сводку»: the wide dialog with the table, filters and charts. */
export function showSummaryDialog(): void {
  const html = HtmlService.createHtmlOutputFromFile('Admin')
    .setWidth(SUMMARY_DIALOG_SIZE.width)
    .setHeight(SUMMARY_DIALOG_SIZE.height)
    .setTitle(summaryUi.title);
  SpreadsheetApp.getUi().showModalDialog(html, summaryUi.title);
}
