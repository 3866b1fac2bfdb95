// «Сводка»: the admin's 300-px sidebar that stays open beside the grid. Month picker, the share
// reported and counts by status, the organisations to act on (not reported, returned, awaiting a
// decision, hand-edited, late) with one-click open, remind and accept, the district figures against
// the order's targets, and «Открыть полную сводку» for the dialog. One server call per action.
import { summaryUi } from '../../domain/messages';
import type { AdminReportView, DistrictSummaryView, SummaryRowView } from '../../contract/summary';
import { callServer } from '../common/server';
import { showStatus } from '../common/status';
import { withBusy } from '../admin/busy';
import { byId, el, fill, setText } from '../admin/dom';
import { coverageCard, reportedCard } from '../admin/figures';
import { focusStatus, hideReport, isReportOpen, showReport } from '../admin/reportPanel';
import { initReturnDialog } from '../admin/returnDialog';
import { decide } from '../admin/reviewFlow';
import { expandSummary } from '../admin/summaryData';

/** Organisations shown per list; the rest are counted and left to the full summary. */
export const LIST_LIMIT = 8;

type Action = 'remind' | 'accept';
interface ListSpec {
  id: keyof typeof summaryUi.listTitles;
  rows(v: DistrictSummaryView): SummaryRowView[];
  actions: Action[];
}

/** A submitted latest version that may be accepted (a hand-edited one may not). */
const awaitsDecision = (r: SummaryRowView): boolean => r.state === 'submitted' && !r.handEdited;

const LISTS: ListSpec[] = [
  {
    id: 'overdue',
    rows: (v) => v.rows.filter((r) => r.status === 'overdue' || r.status === 'not-submitted'),
    actions: ['remind'],
  },
  { id: 'returned', rows: (v) => v.rows.filter((r) => r.status === 'returned'), actions: ['remind'] },
  { id: 'review', rows: (v) => v.rows.filter(awaitsDecision), actions: ['accept'] },
  { id: 'handEdited', rows: (v) => v.rows.filter((r) => r.handEdited), actions: [] },
  { id: 'late', rows: (v) => v.rows.filter((r) => r.late), actions: ['accept'] },
];

let view: DistrictSummaryView | null = null;
const currentPeriod = (): string | null => view?.period?.key ?? null;

function item(r: SummaryRowView, actions: readonly Action[]): HTMLElement {
  const open = el(
    'button',
    { type: 'button', class: 'linklike open', 'aria-label': summaryUi.openOneAria(r.name), 'data-org': r.orgId },
    r.name,
  );
  open.addEventListener('click', () => void openReport(r.orgId));
  const buttons: HTMLElement[] = [];
  if (actions.includes('remind')) {
    const b = el(
      'button',
      { type: 'button', class: 'small remind', 'aria-label': summaryUi.remindOneAria(r.name) },
      summaryUi.remindOne,
    );
    b.addEventListener('click', () => void remind(r));
    buttons.push(b);
  }
  if (actions.includes('accept') && awaitsDecision(r)) {
    const b = el(
      'button',
      { type: 'button', class: 'small accept', 'aria-label': summaryUi.acceptOneAria(r.name) },
      summaryUi.acceptOne,
    );
    b.addEventListener('click', () => void accept(r));
    buttons.push(b);
  }
  const note = r.afterAccepted && r.version !== null ? el('small', {}, summaryUi.flagAfterAccepted(r.version)) : null;
  return el(
    'li',
    { 'data-org': r.orgId },
    open,
    el('small', {}, `${r.orgId} · ${r.statusLabel}`),
    note,
    buttons.length > 0 ? el('span', { class: 'actions' }, ...buttons) : null,
  );
}

function renderLists(v: DistrictSummaryView): void {
  const sections = LISTS.map((spec) => {
    const rows = spec.rows(v);
    const title = `${summaryUi.listTitles[spec.id]} (${rows.length})`;
    const headingId = 'list-' + spec.id + '-title';
    return el(
      'section',
      { class: 'orglist', id: 'list-' + spec.id, 'aria-labelledby': headingId },
      el('h2', { id: headingId }, title),
      rows.length === 0
        ? el('p', { class: 'muted' }, summaryUi.listEmpty)
        : el('ul', {}, ...rows.slice(0, LIST_LIMIT).map((r) => item(r, spec.actions))),
      rows.length > LIST_LIMIT ? el('p', { class: 'muted' }, summaryUi.listMore(rows.length - LIST_LIMIT)) : null,
    );
  });
  fill(byId('lists'), ...sections);
}

function render(v: DistrictSummaryView): void {
  view = v;
  setText('title', `${summaryUi.sidebarTitle}: ${v.districtName}`);
  const select = byId<HTMLSelectElement>('period');
  fill(
    select,
    ...v.periods.map((p) => {
      const option = el('option', { value: p.key }, summaryUi.periodOption(p.label, p.due));
      option.selected = p.key === v.period?.key;
      return option;
    }),
  );
  fill(byId('reported'), v.reported ? reportedCard(v.reported) : null);
  fill(
    byId('counts'),
    ...v.counts
      .filter((c) => c.count > 0)
      .map((c) => el('span', { class: 'pill ' + c.status }, `${c.label}: ${c.count}`)),
  );
  renderLists(v);
  fill(byId('figures'), ...v.coverage.map(coverageCard));
  if (v.message) showStatus(v.message, 'info');
}

async function load(period: string | null): Promise<void> {
  const data = await withBusy(summaryUi.loading, () => callServer('getDistrictSummary', period));
  if (data) render(expandSummary(data));
}

async function remind(r: SummaryRowView): Promise<void> {
  const result = await withBusy(summaryUi.reminding, () => callServer('remindSelected', [r.orgId]));
  if (!result) return;
  showStatus(result.message, result.deferred > 0 || result.unreachable.length > 0 ? 'error' : 'ok');
  focusStatus();
}

async function accept(r: SummaryRowView): Promise<void> {
  const period = currentPeriod();
  if (!period || r.version === null) return;
  const result = await withBusy(summaryUi.accepting, () =>
    callServer('reviewReport', r.orgId, period, r.version!, 'accept', ''),
  );
  if (!result) return;
  await load(period);
  showStatus(result.message, 'ok');
  focusStatus();
}

async function review(report: AdminReportView, decision: 'accept' | 'return'): Promise<void> {
  const result = await decide(report, decision);
  if (!result) return;
  hideReport();
  await load(report.period);
  showStatus(result.message, 'ok');
  focusStatus();
}

async function openReport(orgId: string): Promise<void> {
  const period = currentPeriod();
  if (!period) return;
  const report = await withBusy(summaryUi.reportLoading, () => callServer('getAdminReport', orgId, period));
  if (!report) return;
  showReport(report, {
    accept: (x) => void review(x, 'accept'),
    return: (x) => void review(x, 'return'),
    close: () => {
      hideReport();
      document.querySelector<HTMLElement>(`#lists button.open[data-org="${CSS.escape(orgId)}"]`)?.focus();
    },
  });
}

async function openDialog(): Promise<void> {
  const done = await withBusy(summaryUi.openingDialog, () => callServer('showSummaryDialog').then(() => true));
  if (done) showStatus(summaryUi.dialogOpened, 'ok');
}

function init(): void {
  setText('title', summaryUi.sidebarTitle);
  setText('periodLabel', summaryUi.period);
  setText('openDialog', summaryUi.openDialog);
  setText('overviewTitle', summaryUi.countsTitle);
  setText('figuresTitle', summaryUi.figuresTitle);
  initReturnDialog();
  byId('period').addEventListener('change', (e) => void load((e.target as HTMLSelectElement).value));
  byId('openDialog').addEventListener('click', () => void openDialog());
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && isReportOpen() && byId('returnDialog').hidden) hideReport(true);
  });
  void load(null);
}

init();
