// The admin's summary: «Сводка» (the built Summary.html) as a 300-px sidebar that stays open beside
// the grid, and «Сводка по округу» (Admin.html) as a dialog for analysis, sized to fit a 1280×720
// browser window with Sheets' own frame around it.
import { summaryUi } from '../../domain/messages';
import { requireAdmin } from '../access/roles';
import { alertError } from '../errors/userError';
import { openWorkbook } from '../workbook/workbook';

/** The dialog's size: Sheets draws its title bar and margins around it inside the window. */
export const SUMMARY_DIALOG_SIZE = { width: 1180, height: 600 } as const;

/** Menu item «Сводка по округу» (admins, decided on the click): opens the sidebar first; a Russian refusal otherwise. */
export function showDistrictSummary(): void {
  try {
    requireAdmin(openWorkbook().caller);
    const html = HtmlService.createHtmlOutputFromFile('Summary').setTitle(summaryUi.sidebarTitle);
    SpreadsheetApp.getUi().showSidebar(html);
  } catch (err) {
    alertError(summaryUi.title, err);
  }
}

/** The sidebar's «Открыть полную сводку»: the wide dialog with the table, filters and charts. */
export function showSummaryDialog(): void {
  try {
    requireAdmin(openWorkbook().caller);
    const html = HtmlService.createHtmlOutputFromFile('Admin')
      .setWidth(SUMMARY_DIALOG_SIZE.width)
      .setHeight(SUMMARY_DIALOG_SIZE.height)
      .setTitle(summaryUi.title);
    SpreadsheetApp.getUi().showModalDialog(html, summaryUi.title);
  } catch (err) {
    alertError(summaryUi.title, err);
  }
}
