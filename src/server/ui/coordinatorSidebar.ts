// Shows the coordinator's sidebar «Отчёт организации» (the built Coordinator.html).
import { coordinatorUi } from '../../domain/messages';

/** Menu item of coordinators and admins: opens the report form in the sidebar. */
export function showReportSidebar(): void {
  const html = HtmlService.createHtmlOutputFromFile('Coordinator').setTitle(coordinatorUi.title);
  SpreadsheetApp.getUi().showSidebar(html);
}
