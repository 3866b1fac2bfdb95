// Shapes the admin's «Сводка по округу» shows (…View: plain data, every text in Russian) and the
// compact forms the server sends for the big ones (…Data): codes and numbers that the dialog turns
// into the views with the same catalogue functions (src/client/admin/summaryData.ts).
import type { CheckValuePart } from '../domain/checkText';
import type { OrgPeriodStatus } from '../domain/summary';
import type { ComplianceId } from '../domain/compliance';
import type { OrganisationType } from '../domain/schemas/organisation';
import type { ReportState } from '../domain/schemas/report';

export interface PeriodChoice {
  key: string;
  label: string;
  due: string;
}

export interface CheckView {
  id: ComplianceId;
  label: string;
  short: string;
  ok: boolean | null;
  /** The value and the target in words, for hover and tap. */
  text: string;
}

/** A check in a table row: its label is the column's (kept once, in checkColumns). */
export type RowCheckView = Pick<CheckView, 'id' | 'ok' | 'text'>;

export interface SummaryRowView {
  orgId: string;
  name: string;
  typeLabel: string;
  status: OrgPeriodStatus;
  statusLabel: string;
  late: boolean;
  /** Latest version, or null when none. */
  version: number | null;
  state: ReportState | null;
  submittedAtText: string;
  checks: RowCheckView[];
  compliant: boolean | null;
  /** A version of this period's report, or the organisation's registry row, was changed in the grid. */
  handEdited: boolean;
  registryEdited: boolean;
  foreignMessengers: boolean;
  foreignExplanation: string;
  /** The latest version is a coordinator's new version of a report the admin had accepted. */
  afterAccepted: boolean;
}

export interface CoverageView {
  id: 'teachers' | 'pupils' | 'parents' | 'teacherMinimum' | 'mySchool';
  label: string;
  share: number | null;
  text: string;
  /** «45 из 50 — по сдавшим 8 из 12»: what the share is of. */
  detail: string;
  /** The order's target (0–1), null when informational. */
  target: number | null;
  /** «цель 100 %» / «для сведения». */
  targetText: string;
  /** Met, short of the target, or not judged (no target or no data). */
  meetsTarget: boolean | null;
  /** «к ноябрю 2023: +3,0 п.» or '' when the previous month has no figure. */
  changeText: string;
  /** The change is beyond the threshold in «Настройки». */
  changeFlagged: boolean;
}

/** How many organisations reported for the month: the base of every district figure. */
export interface ReportedShareView {
  reported: number;
  total: number;
  /** «Сдали отчёт: 8 из 12 (67 %)». */
  text: string;
  /** «по сдавшим 8 из 12». */
  base: string;
}

export interface TrendView {
  period: string;
  label: string;
  teachers: number | null;
  pupils: number | null;
  parents: number | null;
  teacherMinimum: number | null;
  mySchool: number | null;
}

export type ChecklistState = 'done' | 'late' | 'missing' | 'unknown';

export interface ChecklistItemView {
  state: ChecklistState;
  stateLabel: string;
  text: string;
}

export interface ChecklistRowView {
  orgId: string;
  name: string;
  coordinator: ChecklistItemView;
  order: ChecklistItemView;
  copy: ChecklistItemView;
  structure: ChecklistItemView;
  complete: boolean;
}

/** A month other than the shown one that still has overdue or returned organisations. */
export interface BacklogMonthView {
  period: string;
  label: string;
  /** Not submitted, deadline passed. */
  overdue: number;
  /** Returned and not resubmitted. */
  returned: number;
  /** «За январь 2024: не сдали 7, возвращено 1». */
  text: string;
}

export interface DistrictSummaryView {
  districtName: string;
  asOfText: string;
  /** Newest first. */
  periods: PeriodChoice[];
  period: PeriodChoice | null;
  /** The compliance columns of the table, in order. */
  checkColumns: { id: ComplianceId; short: string; label: string }[];
  rows: SummaryRowView[];
  /** Months other than the shown one with something outstanding: the latest few, newest first; moreText counts the rest ('' when none). */
  backlog: { months: BacklogMonthView[]; moreText: string };
  counts: { status: OrgPeriodStatus; label: string; count: number }[];
  /** Shown first: how many reported, the base of the coverage figures below. */
  reported: ReportedShareView | null;
  coverage: CoverageView[];
  /** Oldest first, every reported month. */
  trend: TrendView[];
  integrity: string[];
  pendingNotices: number;
  /** «Напомнить выбранным» goes through the daily reminders' ledger and quota. */
  remindNowAvailable: boolean;
  /** The daily reminders: on or off, the last run and its error (SPEC §7). */
  reminders: { lines: string[]; failed: boolean };
  message: string;
}

/** The set-up checklist tab (its own call, made when the tab is first opened). */
export interface ChecklistView {
  deadline: string;
  done: number;
  rows: ChecklistRowView[];
}

/** SummaryRowView.flags bits. */
export const ROW_FLAGS = {
  late: 1,
  handEdited: 2,
  registryEdited: 4,
  foreignMessengers: 8,
  afterAccepted: 16,
} as const;

/**
 * A table row as sent: codes and numbers instead of labels and texts.
 * `marks` has one character per check in checkColumns order ('1' ok, '0' failed, '-' not judged),
 * '' when the organisation has no report; `values` has that check's [actual, target]
 * (encodeCheckValue), or only the actual when the target is the column's `target`.
 */
export type SummaryRowData = [
  orgId: string,
  name: string,
  type: OrganisationType,
  status: OrgPeriodStatus,
  flags: number,
  version: number | null,
  state: ReportState | null,
  submittedAt: number | null,
  compliant: boolean | null,
  marks: string,
  values: (CheckValuePart | [CheckValuePart, CheckValuePart])[],
  foreignExplanation: string,
];

/** What getDistrictSummary sends: DistrictSummaryView with the rows compact (expandSummary rebuilds the view). */
export interface DistrictSummaryData extends Omit<DistrictSummaryView, 'rows' | 'checkColumns'> {
  /** `target`: the commonest target of the column's checks this month, left out of the rows' values. */
  checkColumns: { id: ComplianceId; label: string; target: CheckValuePart }[];
  rows: SummaryRowData[];
}

/** A checklist item as sent: its state and text (the label is the state's, summaryUi.checklistState). */
export type ChecklistItemData = Omit<ChecklistItemView, 'stateLabel'>;

/** What getSetupChecklist sends. */
export interface ChecklistData {
  deadline: string;
  done: number;
  rows: (Omit<ChecklistRowView, 'coordinator' | 'order' | 'copy' | 'structure'> &
    Record<'coordinator' | 'order' | 'copy' | 'structure', ChecklistItemData>)[];
}

export interface ReportFieldView {
  key: string;
  label: string;
  value: string;
  /** The same field in the previous month's latest version ('' when none or not a figure). */
  previous: string;
  /** «+3 (+12 %)», '' when there is nothing to compare. */
  change: string;
  /** Moved by more than the threshold in «Настройки». */
  flagged: boolean;
}

/** A field of a hand-edited version: what the add-on wrote (from the change log) and what the row holds now. */
export interface EditedFieldView {
  label: string;
  written: string;
  now: string;
}

/** One month of an organisation's history (the report panel's last 12 months). */
export interface HistoryMonthView extends TrendView {
  status: OrgPeriodStatus;
  statusLabel: string;
  /** «педагоги 28 из 30, обучающиеся 250 из 300», '' when not reported. */
  figures: string;
}

export interface AdminVersionView {
  version: number;
  state: ReportState;
  stateLabel: string;
  title: string;
  reviewed: string;
  returnReason: string;
  handEdited: boolean;
  fields: ReportFieldView[];
  /** For a hand-edited version: the fields that differ from what the add-on wrote; null when the log cannot tell. */
  editedFields: EditedFieldView[] | null;
}

export interface AdminReportView {
  orgId: string;
  name: string;
  period: string;
  periodLabel: string;
  title: string;
  /** Newest first. */
  versions: AdminVersionView[];
  /** The latest version awaits the admin's decision. */
  canReview: boolean;
  /** The latest version was accepted: the admin may reopen it with a reason. */
  canReopen: boolean;
  checks: CheckView[];
  /** «к декабрю 2023» — the month the fields' `previous` come from; '' when none. */
  previousLabel: string;
  /** «изменение больше 20 % отмечено», '' when no threshold is set. */
  thresholdText: string;
  /** The last 12 reported months up to this one, oldest first. */
  history: HistoryMonthView[];
}

export interface GeneratedReport {
  sheetName: string;
  organisations: number;
  message: string;
}

/** «Напомнить сейчас»: what went out and what did not. */
export interface RemindNowResult {
  /** Organisations reminded (one e-mail each). */
  sent: number;
  /** Organisations left out: today's mail quota (or the run's time) ran out. */
  deferred: number;
  /** Names of the chosen organisations that owe a report but have no coordinator e-mail. */
  unreachable: string[];
  /** Russian, for the admin. */
  message: string;
}

/** «Отправить уведомления»: return notices the mail quota had held back. */
export interface ReturnNoticesResult {
  sent: number;
  left: number;
  /** Russian, for the admin. */
  message: string;
}
