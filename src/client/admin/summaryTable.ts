// The month's table: one row per organisation with its status, a mark per check of the order
// (value on hover or tap), flags, a selection box and «Открыть»; search by name or code, filters by
// type, status and failed check, sortable by every column.
import { summaryUi } from '../../domain/messages';
import type { ComplianceId } from '../../domain/compliance';
import type { OrgPeriodStatus } from '../../domain/summary';
import type { DistrictSummaryView, RowCheckView, SummaryRowView } from '../../contract/summary';
import { byId, el, fill } from './dom';

/** Problems first, finished last. */
const STATUS_ORDER: OrgPeriodStatus[] = ['overdue', 'returned', 'not-submitted', 'late', 'on-time', 'accepted'];

export type SortKey = 'status' | 'name' | 'submitted' | 'flags' | ComplianceId;

export interface TableFilter {
  /** Part of the name or the code, any case. */
  query: string;
  /** Organisation type label, '' = any. */
  type: string;
  status: OrgPeriodStatus | '';
  /** A check that failed, 'any' for any failed check, '' = no filter. */
  check: ComplianceId | 'any' | '';
}

export interface TableState {
  sort: SortKey;
  descending: boolean;
  selected: Set<string>;
  filter: TableFilter;
}

export const NO_FILTER: TableFilter = { query: '', type: '', status: '', check: '' };

/** The rows the filter lets through. */
export function filterRows(rows: readonly SummaryRowView[], f: TableFilter): SummaryRowView[] {
  const q = f.query.trim().toLocaleLowerCase('ru');
  return rows.filter(
    (r) =>
      (q === '' || r.name.toLocaleLowerCase('ru').includes(q) || r.orgId.toLocaleLowerCase('ru').includes(q)) &&
      (f.type === '' || r.typeLabel === f.type) &&
      (f.status === '' || r.status === f.status) &&
      (f.check === '' || r.checks.some((c) => c.ok === false && (f.check === 'any' || c.id === f.check))),
  );
}

/** Failed first, then not judged, then met; no report last. */
const checkRank = (r: SummaryRowView, id: ComplianceId): number => {
  const c = r.checks.find((x) => x.id === id);
  return c === undefined ? 3 : c.ok === false ? 0 : c.ok === null ? 1 : 2;
};
const flagCount = (r: SummaryRowView): number =>
  Number(r.handEdited) + Number(r.registryEdited) + Number(r.foreignMessengers) + Number(r.afterAccepted);
/** The sort key of a row under `key` (numbers compare as numbers, texts as Russian). */
function rank(r: SummaryRowView, key: SortKey): number | string {
  if (key === 'status') return STATUS_ORDER.indexOf(r.status);
  if (key === 'name') return r.name;
  if (key === 'submitted') return r.version === null ? Infinity : -r.version;
  if (key === 'flags') return -flagCount(r);
  return checkRank(r, key);
}

export interface TableHandlers {
  open(row: SummaryRowView): void;
  selectionChanged(): void;
  sortChanged(): void;
}

export function sortRows(
  rows: readonly SummaryRowView[],
  state: Pick<TableState, 'sort' | 'descending'>,
): SummaryRowView[] {
  const byName = (a: SummaryRowView, b: SummaryRowView): number => a.name.localeCompare(b.name, 'ru');
  const compare = (a: SummaryRowView, b: SummaryRowView): number => {
    const x = rank(a, state.sort);
    const y = rank(b, state.sort);
    const primary =
      typeof x === 'number' && typeof y === 'number'
        ? x === y
          ? 0
          : x < y
            ? -1
            : 1
        : String(x).localeCompare(String(y), 'ru');
    return primary || byName(a, b);
  };
  const sorted = [...rows].sort(compare);
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

/** «Показано 20 из 500» beside the filters. */
function setShown(shown: number, total: number): void {
  const box = document.getElementById('shown');
  if (box) box.textContent = summaryUi.shownCount(shown, total);
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
  if (row.afterAccepted && row.version !== null) add('after-accepted', '↻', summaryUi.flagAfterAccepted(row.version));
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
  const rows = sortRows(filterRows(view.rows, state.filter), state);
  setShown(rows.length, view.rows.length);
  if (rows.length === 0) {
    fill(table, el('caption', {}, summaryUi.nothingFound));
    return;
  }
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
  const sortButton = (key: SortKey, label: string, title: string): HTMLElement => {
    const arrow = state.sort === key ? (state.descending ? ' ▼' : ' ▲') : '';
    // The name is the visible text (a screen-reader user says what they see); the action is the description.
    const b = el(
      'button',
      { type: 'button', class: 'sort', id: 'sort-' + key, title: summaryUi.sortBy(title) },
      label + arrow,
    );
    b.addEventListener('click', () => {
      state.descending = state.sort === key ? !state.descending : false;
      state.sort = key;
      on.sortChanged();
    });
    return b;
  };
  const sorted = (key: SortKey): string =>
    state.sort === key ? (state.descending ? 'descending' : 'ascending') : 'none';
  const th = (key: SortKey, label: string, title: string, cls = ''): HTMLElement =>
    el('th', { scope: 'col', class: cls, 'aria-sort': sorted(key) }, sortButton(key, label, title));
  const head = el(
    'tr',
    {},
    el('th', {}, all),
    th('name', summaryUi.columns.organisation, summaryUi.columns.organisation),
    th('status', summaryUi.columns.status, summaryUi.columns.status),
    th('submitted', summaryUi.columns.submitted, summaryUi.columns.submitted),
    ...view.checkColumns.map((c) => th(c.id, c.short, c.label, 'check')),
    th('flags', summaryUi.columns.flags, summaryUi.legendFlags),
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
