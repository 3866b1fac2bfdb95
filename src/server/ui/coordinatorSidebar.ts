// Shows the coordinator's sidebar «Отчёт организации» (the built Coordinator.html) — to a
// coordinator or an admin, decided on the click (FULL mode), never from onOpen.
import { accessHelp, coordinatorUi, serverErrors } from '../../domain/messages';
import { alertError, UserError } from '../errors/userError';
import { openWorkbook } from '../workbook/workbook';
import { accessHelpText } from './menu';

/** Menu item «Отчёт организации»: the report form for coordinators and admins, a Russian answer otherwise. */
export function showReportSidebar(): void {
  try {
    const wb = openWorkbook();
    if (wb.caller.email === '') throw new UserError(serverErrors.noEmail);
    if (wb.caller.role === 'none') {
      const ui = SpreadsheetApp.getUi();
      ui.alert(accessHelp.title, accessHelpText(wb.ss, wb.caller.email), ui.ButtonSet.OK);
      return;
    }
    const html = HtmlService.createHtmlOutputFromFile('Coordinator').setTitle(coordinatorUi.title);
    SpreadsheetApp.getUi().showSidebar(html);
  } catch (err) {
    alertError(coordinatorUi.title, err);
  }
}
