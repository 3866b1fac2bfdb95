// The coordinator's sidebar «Отчёт организации»: opens in one round trip, validates as you type,
// submits once per attempt, keeps typed values on any error.
import { coordinatorUi as ui } from '../../domain/messages';
import { periodFromKey } from '../../domain/period';
import type { MonthlyReport } from '../../domain/schemas/report';
import type { PeriodOption, ReportFormView, VersionView } from '../../contract/coordinator';
import { callServer } from '../common/server';
import { showStatus } from '../common/status';
import { askConfirm } from './confirm';
import { byId, replaceChildren } from './dom';
import { fromReport, totalsOf } from './fields';
import { buildReportForm, type ReportForm } from './form';
import { buildHeader } from './header';
import { buildHistory, buildReadOnlyView } from './history';
import { buildFeedbackPanel, type FeedbackPanel } from './feedback';
import { buildPastePanel } from './paste';
import { submissionPayload, SubmissionAttempt, type PendingTeacherWeeks } from './submission';
import { checkForm, type FormCheck } from './validation';

const app = byId('app');
const mainView = byId('main-view');
const viewer = byId('viewer');
const headerArea = byId('header-area');
const formArea = byId('form-area');
const historyArea = byId('history-area');
const confirmBox = byId('confirm');
const hint = byId('hint');
const hintText = byId('hint-text');
const showProblems = byId<HTMLButtonElement>('show-problems');
const submit = byId<HTMLButtonElement>('submit');

const state = {
  view: null as ReportFormView | null,
  form: null as ReportForm | null,
  feedback: null as FeedbackPanel | null,
  check: null as FormCheck | null,
  touched: new Set<string>(),
  showAll: false,
  /** Edited since the form was filled from the server: switching reports asks first. */
  dirty: false,
  busy: 0,
  confirming: false,
  /** Weekly figures under teacher codes applied from the paste panel (only when Settings allow). */
  pendingWeeks: null as PendingTeacherWeeks | null,
};
const attempt = new SubmissionAttempt();

const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

function setBusy(delta: 1 | -1): void {
  state.busy = Math.max(0, state.busy + delta);
  app.setAttribute('aria-busy', String(state.busy > 0));
  for (const id of ['org-picker', 'period-picker']) {
    const select = document.getElementById(id) as HTMLSelectElement | null;
    if (select) select.disabled = state.busy > 0;
  }
  updateSubmit();
}

function updateSubmit(): void {
  submit.hidden = state.view === null;
  submit.disabled = state.view === null || state.busy > 0 || state.confirming || !state.check?.ok;
}

function revalidate(): void {
  const { view, form } = state;
  if (!view || !form) return;
  const check = checkForm(form.read(), view.organisation, view.period.key);
  state.check = check;
  form.showErrors(check.errors, (name) => state.showAll || state.touched.has(name));
  // Unchanged since it was loaded with a stored version: the picture of what was submitted.
  state.feedback?.update(form.read(), !state.dirty && view.current !== null);
  hint.hidden = check.ok;
  hintText.textContent = check.ok ? '' : ui.formIncomplete(check.errors.size);
  updateSubmit();
}

function firstInvalid(): string | undefined {
  return state.form?.fields().find((f) => state.check?.errors.has(f));
}

function render(view: ReportFormView): void {
  state.view = view;
  state.touched = new Set();
  state.showAll = false;
  state.dirty = false;
  state.pendingWeeks = null;
  attempt.finish();
  replaceChildren(headerArea, buildHeader({ view, onChoose: (orgId, period) => void choose(orgId, period) }));
  const paste = buildPastePanel({
    period: periodFromKey(view.period.key),
    minMessages: view.rules.minMessagesPerWeek,
    minCalls: view.rules.minCallsPerWeek,
    storeTeacherCodes: view.rules.storeTeacherCodes,
    onApply(count, teacherWeeks) {
      const form = state.form;
      if (!form) return;
      state.pendingWeeks = view.rules.storeTeacherCodes && teacherWeeks ? { count, teacherWeeks } : null;
      form.write({ ...form.read(), teachersMeetingMinimum: String(count) });
      state.touched.add('teachersMeetingMinimum');
      state.dirty = true;
      revalidate();
    },
  });
  const form = buildReportForm({
    org: view.organisation,
    commentMaxLength: view.rules.commentMaxLength,
    afterMinimum: paste.root,
    onEdit(name) {
      if (
        name === 'teachersMeetingMinimum' &&
        state.pendingWeeks &&
        state.form?.read().teachersMeetingMinimum !== String(state.pendingWeeks.count)
      ) {
        state.pendingWeeks = null;
        paste.forgetWeeks();
      }
      state.touched.add(name);
      state.dirty = true;
      revalidate();
    },
  });
  state.form = form;
  if (view.current) {
    form.write(fromReport(view.current.values));
    for (const f of form.fields()) state.touched.add(f);
  } else if (view.prefill) {
    form.write(totalsOf(view.prefill));
  }
  const feedback = buildFeedbackPanel(view.organisation.type, view.rules.coverageTargets, {
    messages: view.rules.minMessagesPerWeek,
    calls: view.rules.minCallsPerWeek,
  });
  state.feedback = feedback;
  replaceChildren(formArea, form.root, feedback.root);
  replaceChildren(
    historyArea,
    buildHistory({
      periodLabel: view.period.label,
      versions: view.versions,
      periods: view.periods,
      onOpenVersion: openVersion,
      onOpenPeriod: (p, trigger) => void openPeriod(p, trigger),
    }),
  );
  submit.textContent = view.current ? ui.resubmit : ui.submit;
  closeViewer();
  revalidate();
}

/** Loads the form for an organisation and month; `quiet` keeps the status line (after a submission). */
async function load(orgId: string | null, period: string | null, quiet = false): Promise<void> {
  setBusy(1);
  if (!quiet) showStatus(ui.loading, 'busy');
  try {
    const view = await callServer('getReportForm', orgId, period);
    render(view);
    if (!quiet) showStatus('', 'info');
  } catch (e) {
    showStatus(errorText(e), 'error');
    if (state.view) resetHeader();
  } finally {
    setBusy(-1);
  }
}

function resetHeader(): void {
  if (state.view) replaceChildren(headerArea, buildHeader({ view: state.view, onChoose: (o, p) => void choose(o, p) }));
}

/** A picker changed: unsent edits are lost on switching, so ask first (in the page). */
async function choose(orgId: string, period: string | null): Promise<void> {
  if (state.confirming) return resetHeader();
  if (state.dirty) {
    state.confirming = true;
    updateSubmit();
    const yes = await askConfirm(confirmBox, ui.discardChanges, ui.discardYes, ui.confirmNo);
    state.confirming = false;
    updateSubmit();
    if (!yes) {
      resetHeader();
      document.getElementById(period === null ? 'org-picker' : 'period-picker')?.focus();
      return;
    }
  }
  await load(orgId, period);
}

function confirmText(current: VersionView, periodLabel: string): string {
  if (current.state === 'returned') return ui.confirmReturned(periodLabel, current.version + 1);
  if (current.state === 'accepted') return ui.confirmAccepted(periodLabel, current.version);
  return ui.confirmResubmit(periodLabel, current.version);
}

async function onSubmit(): Promise<void> {
  const { view } = state;
  if (!view || state.busy > 0 || state.confirming || !state.check?.ok) return;
  const report = state.check.report;
  if (view.current) {
    state.confirming = true;
    updateSubmit();
    const yes = await askConfirm(confirmBox, confirmText(view.current, view.period.label), ui.confirmYes, ui.confirmNo);
    state.confirming = false;
    updateSubmit();
    if (!yes) {
      submit.focus();
      return;
    }
  }
  await send(view, report);
}

async function send(view: ReportFormView, report: MonthlyReport): Promise<void> {
  const payload = submissionPayload(report, state.pendingWeeks, view.rules.storeTeacherCodes);
  const key = attempt.keyFor(payload);
  const form = state.form;
  setBusy(1);
  if (form) form.root.disabled = true;
  showStatus(ui.submitting, 'busy');
  try {
    const result = await callServer('submitReport', payload, key);
    attempt.finish();
    const message = result.message + ' ' + ui.submittedStatus(result.statusLabel);
    showStatus(message, 'ok');
    await load(view.organisation.id, view.period.key, true);
  } catch (e) {
    showStatus(errorText(e), 'error');
  } finally {
    if (form) form.root.disabled = false;
    setBusy(-1);
    if (!document.activeElement || document.activeElement === document.body) submit.focus();
  }
}

function showViewer(content: HTMLElement): void {
  replaceChildren(viewer, content);
  mainView.hidden = true;
  viewer.hidden = false;
  (viewer.querySelector('#viewer-title') as HTMLElement | null)?.focus();
}

function closeViewer(): void {
  viewer.hidden = true;
  mainView.hidden = false;
  replaceChildren(viewer);
}

function openVersion(version: VersionView, periodLabel: string, trigger: HTMLElement): void {
  const view = state.view;
  if (!view) return;
  showViewer(
    buildReadOnlyView(ui.history.viewTitle(periodLabel, version.version), version, view.organisation, () => {
      closeViewer();
      trigger.focus();
    }),
  );
}

async function openPeriod(period: PeriodOption, trigger: HTMLElement): Promise<void> {
  const view = state.view;
  if (!view) return;
  if (period.key === view.period.key && view.current) return openVersion(view.current, period.label, trigger);
  setBusy(1);
  showStatus(ui.loading, 'busy');
  try {
    const other = await callServer('getReportForm', view.organisation.id, period.key);
    showStatus('', 'info');
    if (other.current) openVersion(other.current, period.label, trigger);
    else showStatus(ui.history.noReport(period.label), 'info');
  } catch (e) {
    showStatus(errorText(e), 'error');
  } finally {
    setBusy(-1);
  }
}

document.title = ui.title;
showProblems.textContent = ui.showProblems;
showProblems.addEventListener('click', () => {
  state.showAll = true;
  revalidate();
  const name = firstInvalid();
  if (name) state.form?.focus(name);
});
submit.addEventListener('click', () => void onSubmit());
void load(null, null);
