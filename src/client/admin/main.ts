// «Сводка по округу»: the admin's dialog. One server call opens it; the period picker, review,
// report generation, checklist and registry each make their own call, one at a time (the checklist
// and the registry when their tab is first opened).
import { organisationTypeLabels, statusLabels, summaryUi } from '../../domain/messages';
import type { ComplianceId } from '../../domain/compliance';
import type { OrgPeriodStatus } from '../../domain/summary';
import type { AdminReportView, DistrictSummaryView, SummaryRowView } from '../../contract/summary';
import { callServer } from '../common/server';
import { showStatus } from '../common/status';
import { withBusy } from './busy';
import { ChecklistTab } from './checklist';
import { askConfirm, initConfirmDialog } from './confirmDialog';
import { byId, el, fill, setText } from './dom';
import { RegistryTab } from './registry';
import { focusRow, focusStatus, hideReport, isReportOpen, showReport } from './reportPanel';
import { initReturnDialog } from './returnDialog';
import { expandSummary } from './summaryData';
import { decide } from './reviewFlow';
import { coverageCard, reportedCard } from './figures';
import { hideHint, NO_FILTER, renderTable, type TableState } from './summaryTable';
import { drawTrend } from './trendChart';

let view: DistrictSummaryView | null = null;
const table: TableState = { sort: 'status', descending: false, selected: new Set(), filter: { ...NO_FILTER } };
const registry = new RegistryTab(byId('panel-registry'), () => load(currentPeriod()));
const checklist = new ChecklistTab(byId('panel-checklist'));

const currentPeriod = (): string | null => view?.period?.key ?? null;

function renderPeriods(v: DistrictSummaryView): void {
  const select = byId<HTMLSelectElement>('period');
  fill(
    select,
    ...v.periods.map((p) => {
      const option = el('option', { value: p.key }, summaryUi.periodOption(p.label, p.due));
      option.selected = p.key === v.period?.key;
      return option;
    }),
  );
}

/** Share reported first (the base of every figure), the counts by status, then the figures. */
function renderTotals(v: DistrictSummaryView): void {
  const counts = el(
    'div',
    { class: 'counts' },
    ...v.counts
      .filter((c) => c.count > 0)
      .map((c) => el('span', { class: 'pill ' + c.status }, `${c.label}: ${c.count}`)),
  );
  fill(
    byId('totals'),
    el('h2', { style: 'grid-column: 1 / -1' }, summaryUi.totalsTitle),
    v.reported ? reportedCard(v.reported) : null,
    counts,
    ...v.coverage.map(coverageCard),
  );
}

/** The filter drop-downs for the shown month's rows and columns (the choice kept when still offered). */
function renderFilters(v: DistrictSummaryView): void {
  const options = (id: string, all: string, items: [string, string][], value: string): void => {
    const select = byId<HTMLSelectElement>(id);
    fill(select, el('option', { value: '' }, all), ...items.map(([k, label]) => el('option', { value: k }, label)));
    select.value = items.some(([k]) => k === value) ? value : '';
  };
  options(
    'filterType',
    summaryUi.filterAll,
    Object.values(organisationTypeLabels).map((l) => [l, l]),
    table.filter.type,
  );
  options(
    'filterStatus',
    summaryUi.filterAll,
    (Object.keys(statusLabels) as OrgPeriodStatus[]).map((k) => [k, statusLabels[k]]),
    table.filter.status,
  );
  options(
    'filterCheck',
    summaryUi.filterNone,
    [['any', summaryUi.filterAnyCheck], ...v.checkColumns.map((c): [string, string] => [c.id, c.label])],
    table.filter.check,
  );
  readFilters();
  const legend = byId('legendList');
  fill(legend, ...v.checkColumns.flatMap((c) => [el('dt', {}, c.short), el('dd', {}, c.label)]));
}

function readFilters(): void {
  table.filter = {
    query: byId<HTMLInputElement>('search').value,
    type: byId<HTMLSelectElement>('filterType').value,
    status: byId<HTMLSelectElement>('filterStatus').value as OrgPeriodStatus | '',
    check: byId<HTMLSelectElement>('filterCheck').value as ComplianceId | 'any' | '',
  };
}

function renderAlerts(v: DistrictSummaryView): void {
  const blocks: HTMLElement[] = [];
  if (v.integrity.length > 0) {
    blocks.push(
      el(
        'div',
        { class: 'alert', id: 'integrity' },
        el('h2', {}, summaryUi.integrityTitle),
        el('ul', {}, ...v.integrity.map((line) => el('li', {}, line))),
      ),
    );
  }
  if (v.pendingNotices > 0) {
    const send = el('button', { type: 'button', id: 'sendPending' }, summaryUi.sendPending);
    send.addEventListener('click', () => void sendPending());
    blocks.push(
      el('div', { class: 'alert warn', id: 'pending' }, el('p', {}, summaryUi.pendingNotices(v.pendingNotices)), send),
    );
  }
  blocks.push(
    el(
      'div',
      { class: v.reminders.failed ? 'alert warn' : 'muted', id: 'reminders' },
      ...v.reminders.lines.map((line) => el('div', {}, line)),
    ),
  );
  fill(byId('alerts'), ...blocks);
}

/** Other months still owing: a notice per month that opens it, then «и ещё N месяцев». */
function renderBacklog(v: DistrictSummaryView): void {
  const box = byId('backlog');
  box.setAttribute('aria-label', summaryUi.backlogTitle);
  const notices = v.backlog.months.map((m) => {
    const b = el(
      'button',
      { type: 'button', class: 'notice', 'data-period': m.period, title: summaryUi.backlogShow(m.text) },
      m.text,
    );
    // The notice is gone once its month is shown: the focus goes to the month picker, which names it.
    b.addEventListener('click', () => void load(m.period).then(() => byId('period').focus()));
    return b;
  });
  fill(box, ...notices, v.backlog.moreText ? el('span', { class: 'muted' }, v.backlog.moreText) : null);
  box.hidden = notices.length === 0;
}

function renderRemind(): void {
  const button = byId<HTMLButtonElement>('remind');
  button.textContent = summaryUi.remindSelected(table.selected.size);
  button.disabled = !view?.remindNowAvailable || table.selected.size === 0;
  setText(
    'remindNote',
    view && !view.remindNowAvailable
      ? summaryUi.remindUnavailable
      : table.selected.size === 0
        ? summaryUi.remindNone
        : '',
  );
}

async function remind(): Promise<void> {
  const ids = [...table.selected];
  if (ids.length === 0) return;
  const names = new Map(view?.rows.map((r) => [r.orgId, r.name]) ?? []);
  const confirmed = await askConfirm({
    title: summaryUi.remindConfirmTitle(ids.length),
    items: ids.map((id) => names.get(id) ?? id),
    hint: summaryUi.remindConfirmHint,
    confirm: summaryUi.remindConfirmOk,
  });
  if (!confirmed) return;
  const result = await withBusy(summaryUi.reminding, () => callServer('remindSelected', ids));
  if (!result) return;
  table.selected.clear();
  await load(currentPeriod());
  showStatus(result.message, result.deferred > 0 || result.unreachable.length > 0 ? 'error' : 'ok');
  // «Напомнить выбранным» is disabled now that nothing is ticked: the focus goes to the result.
  focusStatus();
}

function renderSummary(): void {
  if (!view) return;
  renderTable(view, table, {
    open: (row) => void openReport(row),
    selectionChanged: renderRemind,
    sortChanged: renderSummary,
  });
  renderRemind();
}

function render(v: DistrictSummaryView): void {
  view = v;
  const known = new Set(v.rows.map((r) => r.orgId));
  for (const id of [...table.selected]) if (!known.has(id)) table.selected.delete(id);
  setText('title', `${summaryUi.title}: ${v.districtName}`);
  setText('asOf', summaryUi.asOf(v.asOfText));
  byId<HTMLButtonElement>('generate').disabled = v.period === null;
  renderPeriods(v);
  renderAlerts(v);
  renderBacklog(v);
  renderTotals(v);
  renderFilters(v);
  drawTrend(byId('trend'), v.trend);
  renderSummary();
  if (v.message) showStatus(v.message, 'info');
}

async function load(period: string | null): Promise<void> {
  const data = await withBusy(summaryUi.loading, () => callServer('getDistrictSummary', period));
  if (!data) return;
  render(expandSummary(data));
  await checklist.changed();
}

async function openReport(row: SummaryRowView): Promise<void> {
  if (!view?.period) return;
  const period = view.period.key;
  const report = await withBusy(summaryUi.reportLoading, () => callServer('getAdminReport', row.orgId, period));
  if (report)
    showReport(report, {
      accept: (r) => void review(r, 'accept'),
      return: (r) => void review(r, 'return'),
      close: () => hideReport(true),
    });
}

async function review(report: AdminReportView, decision: 'accept' | 'return'): Promise<void> {
  const result = await decide(report, decision);
  if (result === null) return;
  if (!result) {
    // The error is in the status line; the drawer stays open with its buttons.
    const button = document.getElementById(decision === 'accept' ? 'accept' : report.canReopen ? 'reopen' : 'return');
    if (button && isReportOpen()) button.focus();
    else focusStatus();
    return;
  }
  hideReport();
  await load(report.period);
  showStatus(result.message, 'ok');
  // The drawer (and the button pressed) is gone and the table redrawn: the focus goes to the row's «Открыть».
  focusRow(report.orgId);
}

async function sendPending(): Promise<void> {
  const result = await withBusy(summaryUi.working, () => callServer('sendReturnNotices'));
  if (!result) return;
  await load(currentPeriod());
  showStatus(result.message, result.left > 0 ? 'error' : 'ok');
}

async function generate(): Promise<void> {
  const period = currentPeriod();
  if (!period) return;
  const result = await withBusy(summaryUi.generating, () => callServer('generateDistrictReport', period));
  if (result) showStatus(result.message, 'ok');
}

function selectTab(name: 'summary' | 'checklist' | 'registry'): void {
  for (const t of ['summary', 'checklist', 'registry'] as const) {
    byId(`tab-${t}`).setAttribute('aria-selected', String(t === name));
    byId(`panel-${t}`).hidden = t !== name;
  }
  hideHint();
  if (name === 'registry') void registry.show();
  if (name === 'checklist') void checklist.show();
}

function init(): void {
  setText('title', summaryUi.title);
  setText('periodLabel', summaryUi.period);
  setText('refresh', summaryUi.refresh);
  setText('generate', summaryUi.generate);
  setText('tab-summary', summaryUi.tabs.summary);
  setText('tab-checklist', summaryUi.tabs.checklist);
  setText('tab-registry', summaryUi.tabs.registry);
  setText('searchLabel', summaryUi.search);
  setText('filterTypeLabel', summaryUi.filterType);
  setText('filterStatusLabel', summaryUi.filterStatus);
  setText('filterCheckLabel', summaryUi.filterCheck);
  setText('legendTitle', summaryUi.legendTitle);
  setText('legendMarks', summaryUi.legendMarks);
  setText('legendFlags', summaryUi.legendFlags);
  let typing: ReturnType<typeof setTimeout> | undefined;
  byId('search').addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => {
      readFilters();
      renderSummary();
    }, 150);
  });
  for (const id of ['filterType', 'filterStatus', 'filterCheck'])
    byId(id).addEventListener('change', () => {
      readFilters();
      renderSummary();
    });
  initReturnDialog();
  initConfirmDialog(summaryUi.cancel);
  renderRemind();
  byId('period').addEventListener('change', (e) => void load((e.target as HTMLSelectElement).value));
  byId('refresh').addEventListener('click', () => void load(currentPeriod()));
  byId('generate').addEventListener('click', () => void generate());
  byId('remind').addEventListener('click', () => void remind());
  for (const t of ['summary', 'checklist', 'registry'] as const)
    byId(`tab-${t}`).addEventListener('click', () => selectTab(t));
  document.addEventListener('click', hideHint);
  document.addEventListener('keydown', (e) => {
    // The dialogs above the drawer handle their own Escape (and stop it there).
    if (e.key !== 'Escape') return;
    hideHint();
    if (isReportOpen() && byId('returnDialog').hidden && byId('confirmDialog').hidden) hideReport(true);
  });
  window.addEventListener('resize', () => view && drawTrend(byId('trend'), view.trend));
  void load(null);
}

init();
