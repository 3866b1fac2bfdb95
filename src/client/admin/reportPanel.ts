// The drawer with one organisation's report: checks, the latest figures beside last month's, what a
// hand edit changed, older versions and the difference between two, the last 12 months with a small
// chart, and the admin's decision (accept, return with a reason, or reopen an accepted report).
import { summaryUi } from '../../domain/messages';
import type { AdminReportView, AdminVersionView } from '../../contract/summary';
import { byId, el, fill } from './dom';
import { drawTrend } from './trendChart';

/** The organisation whose report the drawer shows, and the control that opened it. */
let shown: { orgId: string; opener: HTMLElement | null } | null = null;

export interface ReportActions {
  accept(report: AdminReportView): void;
  return(report: AdminReportView): void;
  close(): void;
}

function fields(v: AdminVersionView): HTMLElement {
  const list = el('dl');
  for (const f of v.fields) list.append(el('dt', {}, f.label), el('dd', {}, f.value));
  return list;
}

/** A small table: a header row and text rows (the first cell of each row is its header). */
function table(cls: string, head: readonly string[], rows: readonly (readonly string[])[]): HTMLElement {
  return el(
    'table',
    { class: 'mini ' + cls },
    el('thead', {}, el('tr', {}, ...head.map((h) => el('th', { scope: 'col' }, h)))),
    el(
      'tbody',
      {},
      ...rows.map((r) => el('tr', {}, ...r.map((c, i) => (i === 0 ? el('th', { scope: 'row' }, c) : el('td', {}, c))))),
    ),
  );
}

/** The latest version's figures beside last month's, changes beyond the threshold marked «!». */
function comparison(report: AdminReportView, v: AdminVersionView): HTMLElement {
  if (!report.previousLabel) return el('div', {}, el('p', { class: 'muted' }, summaryUi.noPrevious), fields(v));
  const c = summaryUi.fieldColumns;
  const t = table(
    'compare',
    [c.field, c.now, c.previous, c.change],
    v.fields.map((f) => [f.label, f.value, f.previous, f.change ? f.change + (f.flagged ? ' !' : '') : '']),
  );
  v.fields.forEach((f, i) => {
    if (f.flagged) t.querySelectorAll('tbody tr')[i]?.classList.add('flagged');
  });
  return el(
    'div',
    { class: 'comparison' },
    el('h3', {}, summaryUi.previousMonth(report.previousLabel)),
    report.thresholdText ? el('p', { class: 'muted' }, report.thresholdText) : null,
    t,
  );
}

/** For a hand-edited version: which fields differ from what the add-on wrote. */
function edits(v: AdminVersionView): HTMLElement | null {
  if (!v.handEdited) return null;
  const c = summaryUi.editedColumns;
  const body =
    v.editedFields === null
      ? el('p', {}, summaryUi.editedUnknown)
      : v.editedFields.length === 0
        ? el('p', {}, summaryUi.editedNone)
        : table(
            'edited',
            [c.field, c.written, c.now],
            v.editedFields.map((f) => [f.label, f.written, f.now]),
          );
  return el('div', { class: 'alert warn edits' }, el('h3', {}, summaryUi.editedTitle), body);
}

function versionBlock(v: AdminVersionView): HTMLElement[] {
  return [
    el('p', {}, v.title),
    v.handEdited ? el('p', { class: 'alert warn' }, summaryUi.flagHandEdited) : null,
    edits(v),
    v.reviewed ? el('p', { class: 'muted' }, v.reviewed) : null,
    v.returnReason ? el('p', { class: 'reason' }, summaryUi.returnReasonLine(v.returnReason)) : null,
  ].filter((n): n is HTMLElement => n !== null);
}

/** Two version pickers and the fields that differ between them. */
function versionDiff(report: AdminReportView): HTMLElement | null {
  if (report.versions.length < 2) return null;
  const picker = (id: string, label: string, selected: number): HTMLElement[] => {
    const select = el('select', { id });
    for (const v of report.versions) {
      const option = el('option', { value: String(v.version) }, String(v.version));
      option.selected = v.version === selected;
      select.append(option);
    }
    return [el('label', { for: id }, label), select];
  };
  const out = el('div', { id: 'versionDiffResult', 'aria-live': 'polite' });
  const box = el(
    'details',
    { class: 'versiondiff' },
    el('summary', {}, summaryUi.compareTitle),
    el(
      'div',
      { class: 'pickers' },
      ...picker('diffFrom', summaryUi.compareFrom, report.versions[1]!.version),
      ...picker('diffTo', summaryUi.compareTo, report.versions[0]!.version),
    ),
    out,
  );
  const render = (): void => {
    const from = report.versions.find(
      (v) => String(v.version) === (box.querySelector('#diffFrom') as HTMLSelectElement).value,
    );
    const to = report.versions.find(
      (v) => String(v.version) === (box.querySelector('#diffTo') as HTMLSelectElement).value,
    );
    if (!from || !to || from === to) {
      fill(out, el('p', { class: 'muted' }, summaryUi.compareSame));
      return;
    }
    const rows = from.fields.map((f, i) => [f.label, f.value, to.fields[i]?.value ?? '']).filter(([, a, b]) => a !== b);
    const c = summaryUi.compareColumns;
    fill(
      out,
      rows.length === 0
        ? el('p', {}, summaryUi.compareNone)
        : table('diff', [c.field, c.from(from.version), c.to(to.version)], rows),
    );
  };
  box.addEventListener('change', render);
  render();
  return box;
}

/** The organisation's last 12 months: a small chart of its coverage and a table of statuses. */
function history(report: AdminReportView): HTMLElement | null {
  if (report.history.length === 0) return null;
  const figure = el('figure', { class: 'trend small', 'aria-label': summaryUi.historyAria });
  const c = summaryUi.historyColumns;
  const box = el(
    'details',
    { class: 'history' },
    el('summary', {}, summaryUi.historyTitle),
    figure,
    table(
      'history',
      [c.month, c.status, c.figures],
      [...report.history].reverse().map((h) => [h.label, h.statusLabel, h.figures]),
    ),
  );
  box.addEventListener('toggle', () => {
    if (box.open) drawTrend(figure, report.history, summaryUi.historyTitle);
  });
  return box;
}

/** Shows the report in the drawer. */
export function showReport(report: AdminReportView, on: ReportActions): void {
  const drawer = byId('report');
  const active = document.activeElement;
  shown = {
    orgId: report.orgId,
    opener:
      active instanceof HTMLElement && active !== document.body && !drawer.contains(active)
        ? active
        : (shown?.opener ?? null),
  };
  const closeButton = el('button', { type: 'button', id: 'reportClose' }, summaryUi.close);
  closeButton.addEventListener('click', () => on.close());
  const buttons = el('div', { class: 'buttons' });
  if (report.canReview) {
    const latest = report.versions[0];
    const accept = el('button', { type: 'button', class: 'primary', id: 'accept' }, summaryUi.accept);
    accept.addEventListener('click', () => on.accept(report));
    // A hand-edited version cannot be accepted (the server refuses): only returned.
    if (latest?.handEdited) accept.disabled = true;
    const ret = el('button', { type: 'button', id: 'return' }, summaryUi.return);
    ret.addEventListener('click', () => on.return(report));
    buttons.append(accept, ret);
  }
  if (report.canReopen) {
    const reopen = el('button', { type: 'button', id: 'reopen' }, summaryUi.reopen);
    reopen.addEventListener('click', () => on.return(report));
    buttons.append(reopen);
  }
  buttons.append(closeButton);
  const [latest, ...older] = report.versions;
  const checks = el(
    'ul',
    { class: 'checks' },
    ...report.checks.map((c) => {
      const symbol = c.ok === true ? '✓' : c.ok === false ? '✗' : '–';
      return el(
        'li',
        {},
        el('span', { class: 'mark ' + (c.ok === true ? 'ok' : c.ok === false ? 'fail' : 'na') }, symbol),
        `${c.label}: ${c.text}`,
      );
    }),
  );
  fill(
    drawer,
    el('h2', { id: 'reportTitle' }, report.title),
    buttons,
    latest ? el('div', {}, ...versionBlock(latest)) : el('p', {}, summaryUi.noReport(report.periodLabel)),
    latest ? comparison(report, latest) : null,
    latest ? checks : null,
    versionDiff(report),
    older.length > 0
      ? el(
          'details',
          {},
          el('summary', {}, summaryUi.olderVersions(older.length)),
          ...older.flatMap((v) => [...versionBlock(v), fields(v)]),
        )
      : null,
    history(report),
  );
  drawer.hidden = false;
  closeButton.focus();
}

/** True while the drawer is open. */
export const isReportOpen = (): boolean => !byId('report').hidden;

/**
 * Closes the drawer. With `restoreFocus`, the focus goes back to what opened it — or, when the
 * table was redrawn since, to that organisation's «Открыть» (else the status line).
 */
export function hideReport(restoreFocus = false): void {
  byId('report').hidden = true;
  const was = shown;
  shown = null;
  if (restoreFocus && was) focusRow(was.orgId, was.opener);
}

/** Focuses `preferred` if it is still on the page, else the organisation's «Открыть», else the status line. */
export function focusRow(orgId: string, preferred: HTMLElement | null = null): void {
  const target =
    preferred?.isConnected && !preferred.hidden
      ? preferred
      : document.querySelector<HTMLElement>(`#table tbody tr[data-org="${CSS.escape(orgId)}"] button.open`);
  if (target) target.focus();
  else focusStatus();
}

/** The status line takes the focus (it is not a control: tabindex -1). */
export function focusStatus(): void {
  const status = byId('status');
  status.setAttribute('tabindex', '-1');
  status.focus();
}
