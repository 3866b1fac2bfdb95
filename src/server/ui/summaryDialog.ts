// Opens «Сводка по округу» (the built Admin.html) as a wide modal dialog: the month's table with
// twelve compliance marks per organisation does not fit a 300-px sidebar. Admins only, decided on
// the click (FULL mode); the dialog's first call checks the role again.
import { summaryUi } from '../../domain/messages';
import { requireAdmin } from '../access/roles';
import { alertError } from '../errors/userError';
import { openWorkbook } from '../workbook/workbook';

/** Menu item «Сводка по округу»: the dialog for admins, a Russian refusal for anyone else. */
export function showDistrictSummary(): void {
  try {
    requireAdmin(openWorkbook().caller);
    const html = HtmlService.createHtmlOutputFromFile('Admin').setWidth(1200).setHeight(760).setTitle(summaryUi.title);
    SpreadsheetApp.getUi().showModalDialog(html, summaryUi.title);
  } catch (err) {
    alertError(summaryUi.title, err);
  }
}
