// The drawer with one organisation's report: checks, the latest figures, older versions, and the
// admin's decision (accept, or return with a reason).
import { summaryUi } from '../../domain/messages';
import type { AdminReportView, AdminVersionView } from '../../contract/summary';
import { byId, el, fill } from './dom';

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

function versionBlock(v: AdminVersionView): HTMLElement[] {
  return [
    el('p', {}, v.title),
    v.handEdited ? el('p', { class: 'alert warn' }, summaryUi.flagHandEdited) : null,
    v.reviewed ? el('p', { class: 'muted' }, v.reviewed) : null,
    v.returnReason ? el('p', { class: 'reason' }, summaryUi.returnReasonLine(v.returnReason)) : null,
    fields(v),
  ].filter((n): n is HTMLElement => n !== null);
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
    const accept = el('button', { type: 'button', class: 'primary', id: 'accept' }, summaryUi.accept);
    accept.addEventListener('click', () => on.accept(report));
    const ret = el('button', { type: 'button', id: 'return' }, summaryUi.return);
    ret.addEventListener('click', () => on.return(report));
    buttons.append(accept, ret);
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
    latest ? checks : null,
    older.length > 0
      ? el('details', {}, el('summary', {}, summaryUi.olderVersions(older.length)), ...older.flatMap(versionBlock))
      : null,
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
