// Shapes the sidebars receive from google.script.run: plain data only (strings, numbers,
// booleans, null, arrays, objects) — never a Date.
import type { OrgPeriodStatus } from '../domain/summary';
import type { MonthlyReport, ReportState } from '../domain/schemas/report';
import type { OrganisationType } from '../domain/schemas/organisation';
import type { TeacherWeeks } from '../domain/schemas/teacherWeeks';
import type { CoverageTargets } from '../domain/schemas/settings';

/** Who the caller is for the add-on. */
export type Role = 'admin' | 'coordinator' | 'none';

export interface AccessView {
  email: string;
  role: Role;
  isAdmin: boolean;
  districtName: string;
  organisations: { id: string; name: string }[];
  /** Russian sentence for users who may not use the add-on ('' otherwise). */
  message: string;
}

export interface PeriodOption {
  key: string;
  label: string;
  deadline: string;
  status: OrgPeriodStatus;
  statusLabel: string;
}

/** A version's figures, with the per-teacher weekly figures stored under codes (null = none stored). */
export type VersionValues = MonthlyReport & { teacherWeeks: TeacherWeeks[] | null };

export interface VersionView {
  version: number;
  state: ReportState;
  submittedAt: string;
  submittedAtText: string;
  submittedBy: string;
  returnReason: string;
  reviewedBy: string;
  values: VersionValues;
}

export interface ReportFormView {
  organisations: { id: string; name: string }[];
  organisation: {
    id: string;
    name: string;
    type: OrganisationType;
    typeLabel: string;
    hasPupils: boolean;
    hasMySchool: boolean;
  };
  /** Newest first. */
  periods: PeriodOption[];
  period: PeriodOption & { daysLeft: number };
  /** Latest version for the period, or null. */
  current: VersionView | null;
  /** Every version for the period, newest first. */
  versions: VersionView[];
  /** The previous month's latest figures, to pre-fill totals. */
  prefill: MonthlyReport | null;
  rules: {
    minMessagesPerWeek: number;
    minCallsPerWeek: number;
    storeTeacherCodes: boolean;
    commentMaxLength: number;
    /** Settings' coverage targets, for the sidebar's live feedback. */
    coverageTargets: CoverageTargets;
  };
}

export interface SubmitResult {
  version: number;
  submittedAt: string;
  submittedAtText: string;
  status: OrgPeriodStatus;
  statusLabel: string;
  /** True when this call found the same submission already stored (double click, retry). */
  duplicate: boolean;
  message: string;
}

export interface ReviewResult {
  orgId: string;
  period: string;
  version: number;
  state: ReportState;
  message: string;
}
