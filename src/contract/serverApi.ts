// Every google.script.run target the sidebars call, with its signature: the client's whole view of
// the server. src/server/index.ts is type-checked against it (ServerImplementsApi there).
import type { AccessView, ReportFormView, ReviewResult, SubmitResult } from './coordinator';
import type { RegistryView, SaveOrganisationResult } from './registry';
import type {
  AdminReportView,
  ChecklistData,
  DistrictSummaryData,
  GeneratedReport,
  RemindNowResult,
  ReturnNoticesResult,
} from './summary';

/** Arguments and answers follow Apps Script's rules: plain data, no Date, no functions. */
export interface ServerApi {
  getMyAccess: () => AccessView;
  getReportForm: (orgId: string | null, period: string | null) => ReportFormView;
  submitReport: (input: unknown, submissionKey: string) => SubmitResult;
  reviewReport: (orgId: string, period: string, version: number, decision: string, reason: string) => ReviewResult;
  getRegistry: () => RegistryView;
  saveOrganisation: (input: unknown, isNew: boolean) => SaveOrganisationResult;
  getDistrictSummary: (period: string | null) => DistrictSummaryData;
  getSetupChecklist: () => ChecklistData;
  getAdminReport: (orgId: string, period: string) => AdminReportView;
  sendReturnNotices: () => ReturnNoticesResult;
  remindSelected: (orgIds: string[]) => RemindNowResult;
  generateDistrictReport: (period: string) => GeneratedReport;
  showSummaryDialog: () => void;
}
