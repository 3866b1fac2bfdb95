// Every name Apps Script calls (triggers, menu items, google.script.run targets, custom
// functions) — and nothing else. The build generates a top-level stub for each exported function.
import type { ServerApi } from '../contract/serverApi';
export { onOpen, onInstall, showAccessHelp } from './ui/menu';
export { showAbout } from './ui/about';
export { setupWorkbook } from './workbook/setup';
export { checkIntegrity } from './workbook/handEdits';
export { runSetupCheck } from './selfCheck/setupCheck';
export { getMyAccess } from './api/session';
export { getReportForm, submitReport } from './api/reports';
export { reviewReport } from './api/review';
export { getRegistry, saveOrganisation } from './api/registry';
export {
  REPORT_DEADLINE,
  DAYS_TO_DEADLINE,
  REPORT_STATUS,
  COVERAGE,
  MEETS_TARGET,
  TEACHER_MINIMUM_MET,
} from './functions/customFunctions';
export { showReportSidebar } from './ui/coordinatorSidebar';
export { showDistrictSummary, showSummaryDialog } from './ui/summaryDialog';
export {
  getDistrictSummary,
  getSetupChecklist,
  getAdminReport,
  sendReturnNotices,
  remindSelected,
} from './api/summary';
export { generateDistrictReport } from './api/districtReport';
export { enableReminders, disableReminders } from './reminders/trigger';
export { runDailyReminders } from './reminders/daily';

/** Fails type-checking when an export above drifts from what the sidebars call (src/contract/serverApi.ts). */
export type ServerImplementsApi = Implements<typeof import('./index')>;
type Implements<T extends ServerApi> = T;
