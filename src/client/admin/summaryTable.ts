// The month's table: one row per organisation with its status, a mark per check of the order
// (value on hover or tap), flags, a selection box and «Открыть»; sortable by status or name.
import { summaryUi } from '../../domain/messages';
import type { OrgPeriodStatus } from '../../domain/summary';
import type { DistrictSummaryView, RowCheckView, SummaryRowView } from '../../contract/summary';
import { byId, el, fill } from './dom';

/** Problems first, finished last. */
const STATUS_ORDER: OrgPeriodStatus[] = ['overdue', 'returned', 'not-submitted', 'late', 'on-time', 'accepted'];

export type SortKey = 'status' | 'name';

export interface TableState {
  sort: SortKey;
  descending: boolean;
  selected: Set<string>;
}

export interface TableHandlers {
  open(row: SummaryRowView): void;
  selectionChanged(): void;
  sortChanged(): void;
}

export function sortRows(rows: readonly SummaryRowView[], state: TableState): SummaryRowView[] {
  const byName = (a: SummaryRowView, b: SummaryRowView): number => a.name.localeCompare(b.name, 'ru');
  const sorted = [...rows].sort((a, b) =>
    state.sort === 'status'
      ? STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) || byName(a, b)
      : byName(a, b),
  );
  return state.descending ? sorted.reverse() : sorted;
}

/** Shows `text` next to `anchor` (tap or hover); hides it on the next tap elsewhere. */
export function showHint(anchor: HTMLElement, text: string): void {
  const hint = byId('hint');
  hint.textContent = text;
  hint.hidden = false;
  const box = anchor.getBoundingClientRect();
  const left = Math.min(box.left, window.innerWidth - 290);
  hint.style.left = Math.max(4, left) + 'px';
  hint.style.top = box.bottom + 4 + 'px';
}

export function hideHint(): void {
  byId('hint').hidden = true;
}

function mark(check: RowCheckView | undefined, label: string): HTMLElement {
  if (!check) return el('span', { class: 'mark na', 'aria-label': label + ': ' + summaryUi.empty }, summaryUi.empty);
  const kind = check.ok === true ? 'ok' : check.ok === false ? 'fail' : 'na';
  const symbol = check.ok === true ? '✓' : check.ok === false ? '✗' : '–';
  const state = check.ok === true ? summaryUi.markOk : check.ok === false ? summaryUi.markFail : summaryUi.markNone;
  const text = summaryUi.checkHint(label, check.text);
  const button = el(
    'button',
    { type: 'button', class: 'mark ' + kind, title: text, 'aria-label': `${text} (${state})`, 'data-check': check.id },
    symbol,
  );
  button.addEventListener('click', (e) => {
    e.stopPropagation();
    showHint(button, text);
  });
  button.addEventListener('mouseenter', () => showHint(button, text));
  button.addEventListener('mouseleave', hideHint);
  return button;
}

function flags(row: SummaryRowView): HTMLElement {
  const cell = el('td', { class: 'flags' });
  const add = (cls: string, symbol: string, text: string): void => {
    const f = el('span', { class: 'flag ' + cls, title: text, 'aria-label': text, role: 'img', tabindex: '0' }, symbol);
    f.addEventListener('click', (e) => {
      e.stopPropagation();
      showHint(f, text);
    });
    cell.append(f);
  };
  if (row.handEdited) add('edited', '✎', summaryUi.flagHandEdited);
  if (row.registryEdited) add('edited', '✎', summaryUi.flagRegistryEdited);
  if (row.foreignMessengers)
    add(
      'foreign',
      '⚠',
      row.foreignExplanation ? `${summaryUi.flagForeign}: ${row.foreignExplanation}` : summaryUi.flagForeign,
    );
  return cell;
}

/** Renders the whole table for `view` in the current sort and selection. */
export function renderTable(view: DistrictSummaryView, state: TableState, on: TableHandlers): void {
  const table = byId<HTMLTableElement>('table');
  if (view.rows.length === 0) {
    fill(table, el('caption', {}, view.message || summaryUi.noOrganisations));
    return;
  }
  const rows = sortRows(view.rows, state);
  const all = el('input', { type: 'checkbox', id: 'selectAll', 'aria-label': summaryUi.selectAll });
  all.checked = rows.every((r) => state.selected.has(r.orgId));
  all.addEventListener('change', () => {
    for (const r of rows) {
      if (all.checked) state.selected.add(r.orgId);
      else state.selected.delete(r.orgId);
    }
    for (const box of table.querySelectorAll<HTMLInputElement>('input.select')) box.checked = all.checked;
    on.selectionChanged();
  });
  const sortButton = (key: SortKey, label: string, aria: string): HTMLElement => {
    const arrow = state.sort === key ? (state.descending ? ' ▼' : ' ▲') : '';
    // The name is the visible text (a screen-reader user says what they see); the action is the description.
    const b = el('button', { type: 'button', class: 'sort', id: 'sort-' + key, title: aria }, label + arrow);
    b.addEventListener('click', () => {
      state.descending = state.sort === key ? !state.descending : false;
      state.sort = key;
      on.sortChanged();
    });
    return b;
  };
  const head = el(
    'tr',
    {},
    el('th', {}, all),
    el(
      'th',
      { 'aria-sort': state.sort === 'name' ? (state.descending ? 'descending' : 'ascending') : 'none' },
      sortButton('name', summaryUi.columns.organisation, summaryUi.sortByName),
    ),
    el(
      'th',
      { 'aria-sort': state.sort === 'status' ? (state.descending ? 'descending' : 'ascending') : 'none' },
      sortButton('status', summaryUi.columns.status, summaryUi.sortByStatus),
    ),
    el('th', {}, summaryUi.columns.submitted),
    ...view.checkColumns.map((c) => el('th', { class: 'check', title: c.label, scope: 'col' }, c.short)),
    el('th', {}, summaryUi.columns.flags),
    el('th', { class: 'actions' }, summaryUi.columns.actions),
  );
  const body = rows.map((r) => {
    const box = el('input', {
      type: 'checkbox',
      class: 'select',
      'aria-label': `${summaryUi.columns.select}: ${r.name}`,
      'data-org': r.orgId,
    });
    box.checked = state.selected.has(r.orgId);
    box.addEventListener('change', () => {
      if (box.checked) state.selected.add(r.orgId);
      else state.selected.delete(r.orgId);
      on.selectionChanged();
    });
    const open = el(
      'button',
      { type: 'button', class: 'open', 'aria-label': `${summaryUi.open}: ${r.name}` },
      summaryUi.open,
    );
    open.addEventListener('click', () => on.open(r));
    const byCheck = new Map(r.checks.map((c) => [c.id, c]));
    return el(
      'tr',
      { 'data-org': r.orgId, 'data-status': r.status },
      el('td', {}, box),
      el('td', { class: 'org' }, r.name, el('small', {}, `${r.orgId} · ${r.typeLabel}`)),
      el('td', {}, el('span', { class: 'pill ' + r.status }, r.statusLabel)),
      el('td', {}, r.version === null ? summaryUi.empty : summaryUi.versionShort(r.version, r.submittedAtText)),
      ...view.checkColumns.map((c) => el('td', { class: 'check' }, mark(byCheck.get(c.id), c.label))),
      flags(r),
      el('td', { class: 'actions' }, open),
    );
  });
  fill(table, el('thead', {}, head), el('tbody', {}, ...body));
}
