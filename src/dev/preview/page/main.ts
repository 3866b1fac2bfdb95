// The preview page: draws the emulated spreadsheet, the add-on's menus, sidebars and dialogs, and
// the preview's own controls (user, clock, trigger, outbox); every action goes to the preview server.
import type { MenuData, MenuItemData } from '../../emulator/store/spreadsheetStore';
import type { GridView } from '../grid';
import { linkPrintView, placeCharts } from './charts';
import type { PreviewState, Question, UiEventView } from '../session';
import { formatClock, parseClock } from './clock';

const $ = <T extends HTMLElement = HTMLElement>(id: string): T => document.getElementById(id) as T;
const ADDON_NAME = 'Отчёты: Сферум и Моя школа';
const BUTTONS: Record<string, [string, string][]> = {
  OK: [['OK', 'ОК']],
  OK_CANCEL: [
    ['CANCEL', 'Отмена'],
    ['OK', 'ОК'],
  ],
  YES_NO: [
    ['NO', 'Нет'],
    ['YES', 'Да'],
  ],
  YES_NO_CANCEL: [
    ['CANCEL', 'Отмена'],
    ['NO', 'Нет'],
    ['YES', 'Да'],
  ],
};
const DAY = 86_400_000;

let sheetId: number | null = null;
/** The selected cell (1-based) of the shown sheet, or null. */
let selected: { row: number; column: number; ref: string } | null = null;
/** This tab's user, kept per tab (sessionStorage): two tabs can be two people. */
const TAB_USER_KEY = 'preview.user';
const tabUser = (): string | null => sessionStorage.getItem(TAB_USER_KEY);
let state: PreviewState | null = null;
let busy = false;

/** One feedback line for the whole page. */
function showStatus(message: string, kind: 'info' | 'ok' | 'error' | '' = 'info'): void {
  const el = $('status');
  el.textContent = message;
  el.className = `status ${message ? kind : ''}`;
}

async function api<T>(method: 'GET' | 'POST', url: string, body?: unknown): Promise<T> {
  const user = tabUser();
  const res = await fetch(url, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(user === null ? {} : { 'x-preview-user': encodeURIComponent(user) }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const data = (await res.json()) as T & { failure?: string };
  if (!res.ok) throw new Error(data.failure ?? `HTTP ${res.status}`);
  return data;
}

/** Runs an action with the preview controls disabled until the server answers. */
async function act(what: () => Promise<void>): Promise<void> {
  if (busy) return;
  busy = true;
  setBarDisabled(true);
  try {
    await what();
  } catch (e) {
    showStatus(e instanceof Error ? e.message : String(e), 'error');
  } finally {
    busy = false;
    setBarDisabled(false);
  }
}

function setBarDisabled(disabled: boolean): void {
  const controls = document.querySelectorAll<HTMLButtonElement | HTMLSelectElement>(
    '.preview-bar button, .preview-bar select',
  );
  for (const b of controls) b.disabled = disabled;
}

async function refresh(): Promise<void> {
  draw(await api<PreviewState>('GET', `/api/state${sheetId === null ? '' : `?sheet=${sheetId}`}`));
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  text = '',
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text) e.textContent = text;
  return e;
}

const mskText = (ms: number): string =>
  new Intl.DateTimeFormat('ru-RU', {
    timeZone: 'Europe/Moscow',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(ms);

function draw(s: PreviewState): void {
  state = s;
  $('doc-name').textContent = s.spreadsheetName;
  const select = $<HTMLSelectElement>('user-select');
  select.replaceChildren(
    ...s.users.map((u) => {
      const o = el('option', { value: u.email }, u.label);
      o.selected = u.email === s.user;
      return o;
    }),
  );
  $('today-text').textContent = mskText(s.now);
  const clockInput = $<HTMLInputElement>('clock-input');
  if (document.activeElement !== clockInput) {
    clockInput.value = formatClock(s.now);
    clockInput.removeAttribute('aria-invalid');
  }
  drawMenus(s.menus);
  drawTabs(s);
  drawGrid(s.grid);
  drawOutbox(s);
  $('trigger-info').textContent =
    s.triggers.length === 0
      ? 'напоминания выключены'
      : s.triggers.map((t) => `${t.handler}: ${t.every} (${t.owner})`).join('; ');
  for (const e of s.events) showEvent(e);
}

function menuEntries(items: MenuItemData[]): HTMLElement[] {
  if (items.length === 0) return [el('div', { class: 'empty' }, 'Пунктов нет')];
  return items.map((item) => {
    if (item.kind === 'separator') return el('div', { class: 'sep' });
    if (item.kind === 'submenu') {
      const parent = el('div', { class: 'entry parent' }, item.caption ?? '');
      const sub = el('div', { class: 'dropdown sub', role: 'menu' });
      sub.append(...menuEntries(item.items ?? []));
      parent.append(sub);
      return parent;
    }
    const entry = el(
      'div',
      { class: 'entry menu-item', role: 'menuitem', 'data-fn': item.functionName ?? '' },
      item.caption ?? '',
    );
    entry.addEventListener('click', (ev) => {
      ev.stopPropagation();
      closeMenus();
      void act(() => runMenuItem(item.functionName ?? '', item.caption ?? ''));
    });
    return entry;
  });
}

function drawMenus(menus: MenuData[]): void {
  const addon = menus.find((m) => m.key === 'addon');
  const drop = $('extensions-dropdown');
  const parent = el('div', { class: 'entry parent', id: 'addon-entry' }, ADDON_NAME);
  const sub = el('div', { class: 'dropdown sub', role: 'menu', id: 'addon-menu' });
  sub.append(...menuEntries(addon?.items ?? []));
  parent.append(sub);
  parent.addEventListener('click', (ev) => {
    ev.stopPropagation();
    parent.classList.toggle('open');
  });
  drop.replaceChildren(parent);
  const custom = $('custom-menus');
  custom.replaceChildren(
    ...menus
      .filter((m) => m.key !== 'addon')
      .map((m) => {
        const root = el('span', { class: 'menu-root' });
        const title = el('button', { type: 'button', class: 'menu-title' }, m.name);
        const d = el('div', { class: 'dropdown', role: 'menu' });
        d.append(...menuEntries(m.items));
        title.addEventListener('click', (ev) => {
          ev.stopPropagation();
          const open = !root.classList.contains('open');
          closeMenus();
          root.classList.toggle('open', open);
        });
        root.append(title, d);
        return root;
      }),
  );
}

function closeMenus(): void {
  for (const e of document.querySelectorAll('.menu-root.open, .entry.open')) e.classList.remove('open');
}

function drawTabs(s: PreviewState): void {
  const current = s.grid?.sheetId ?? null;
  sheetId = current;
  $('tabs').replaceChildren(
    ...s.tabs.map((t) => {
      const b = el(
        'button',
        {
          type: 'button',
          class: `tab${t.sheetId === current ? ' active' : ''}${t.hidden ? ' hidden-sheet' : ''}`,
          'data-sheet': String(t.sheetId),
        },
        t.name,
      );
      if (t.tabColor) b.style.borderBottom = `3px solid ${t.tabColor}`;
      if (t.hidden) b.title = 'Скрытый лист';
      b.addEventListener('click', () => {
        sheetId = t.sheetId;
        void act(refresh);
      });
      return b;
    }),
  );
}

const ROWNUM_WIDTH = 46;

/**
 * The sheet as Sheets lays it out: fixed column widths (hidden columns left out), text that
 * does not fit spilling into empty cells beside it or clipped, wrapped cells growing their row,
 * frozen rows stuck under the column letters at their real offsets.
 */
let gridSheet: number | null = null;

function drawGrid(g: GridView | null): void {
  const host = $('grid');
  if ((g?.sheetId ?? null) !== gridSheet) {
    // Another sheet: nothing is selected on it yet.
    gridSheet = g?.sheetId ?? null;
    selected = null;
    $('cell-ref').textContent = '—';
    $<HTMLInputElement>('cell-input').value = '';
    $<HTMLInputElement>('cell-input').disabled = true;
  }
  if (!g) {
    host.replaceChildren(el('div', { class: 'more' }, 'Листов нет.'));
    return;
  }
  const table = el('table', { 'data-sheet-name': g.name });
  // table-layout: fixed needs a definite table width: the sum of the columns, never the content.
  table.style.width = `${ROWNUM_WIDTH + g.columns.reduce((sum, c) => sum + c.width, 0)}px`;
  const colgroup = el('colgroup');
  colgroup.append(
    el('col', { style: `width:${ROWNUM_WIDTH}px` }),
    ...g.columns.map((c) => el('col', { style: `width:${c.width}px`, 'data-col': c.letter })),
  );
  const head = el('tr');
  head.append(
    el('th', { class: 'rownum' }),
    ...g.columns.map((c) => {
      const th = el('th', { 'data-col': c.letter }, c.letter);
      if (c.hiddenBefore) th.classList.add('hidden-before');
      if (c.hiddenAfter) th.classList.add('hidden-after');
      if (c.hiddenBefore || c.hiddenAfter) th.title = 'Рядом скрытые столбцы';
      return th;
    }),
  );
  const body = el('tbody');
  /** Cells whose text may spill into empty neighbours (left-aligned: to the right; right-aligned text: to the left). */
  const spill: { td: HTMLTableCellElement; row: HTMLTableCellElement[]; at: number; dir: 1 | -1 }[] = [];
  g.rows.forEach((row, r) => {
    if (g.hiddenRows.includes(r + 1)) return;
    const tr = el('tr');
    if (r < g.frozenRows) {
      tr.classList.add('frozen');
      if (r === g.frozenRows - 1) tr.classList.add('frozen-last');
    }
    tr.append(el('td', { class: 'rownum' }, String(r + 1)));
    const cells = row.map((c, i) => {
      const td = el('td', {}, c.t);
      const column = g.columns[i]!;
      td.dataset.cell = column.letter + String(r + 1);
      td.addEventListener('click', () => selectCell(td, r + 1, column.n, column.letter, c.f ?? c.t));
      if (c.num) td.classList.add('num');
      if (c.wrap) td.classList.add('wrap');
      if (c.note) {
        td.classList.add('note');
        td.title = c.note;
      } else if (c.f) td.title = c.f;
      else if (c.t.length > 12) td.title = c.t;
      if (c.bold) td.style.fontWeight = 'bold';
      if (c.italic) td.style.fontStyle = 'italic';
      if (c.bg) td.style.background = c.bg;
      if (c.color) td.style.color = c.color;
      const align = c.align?.toLowerCase();
      if (align) td.style.textAlign = align;
      const valign = c.valign?.toLowerCase();
      if (valign === 'top' || valign === 'middle') td.style.verticalAlign = valign;
      return td;
    });
    row.forEach((c, i) => {
      // Sheets spills text (never numbers, never wrapped text) over empty cells; centred text is clipped here.
      if (!c.t || c.wrap || c.num) return;
      const align = c.align?.toLowerCase() ?? 'left';
      if (align === 'left' || align === 'general' || align === 'general-left')
        spill.push({ td: cells[i]!, row: cells, at: i, dir: 1 });
      else if (align === 'right' || align === 'general-right')
        spill.push({ td: cells[i]!, row: cells, at: i, dir: -1 });
    });
    tr.append(...cells);
    body.append(tr);
  });
  table.append(colgroup, el('thead'), body);
  table.tHead!.append(head);
  const parts: HTMLElement[] = [table];
  if (g.truncated)
    parts.push(
      el(
        'div',
        { class: 'more' },
        `Показаны первые ${g.rows.length - 5} строк из ${g.totalRows}; всё — в «Скачать .xlsx».`,
      ),
    );
  const { scrollTop, scrollLeft } = host;
  host.replaceChildren(...parts);
  spillOver(g, spill);
  stickFrozenRows(table, g.frozenRows);
  placeCharts(host, table, g);
  linkPrintView(g);
  host.scrollTop = scrollTop;
  host.scrollLeft = scrollLeft;
}

/** Selects a cell: the formula bar shows its formula or value, ready to type over (as in Sheets). */
function selectCell(td: HTMLTableCellElement, row: number, column: number, letter: string, content: string): void {
  for (const x of document.querySelectorAll('#grid td.selected')) x.classList.remove('selected');
  td.classList.add('selected');
  selected = { row, column, ref: letter + String(row) };
  $('cell-ref').textContent = selected.ref;
  const input = $<HTMLInputElement>('cell-input');
  input.disabled = false;
  input.value = content;
  input.focus();
  input.select();
}

/** Enter in the formula bar: writes the value or formula as this tab's user. */
async function commitCell(confirmed = false): Promise<void> {
  if (!selected || sheetId === null) return;
  const input = $<HTMLInputElement>('cell-input').value;
  const cell = selected;
  const r = await api<{ ok?: true; warning?: string; error?: string }>('POST', '/api/edit', {
    sheet: sheetId,
    row: cell.row,
    column: cell.column,
    input,
    confirmed,
  });
  if (r.warning) {
    // Sheets' own question for a warning-only protection.
    if (window.confirm(r.warning)) return commitCell(true);
    showStatus(`Ячейка ${cell.ref} не изменена.`, 'info');
    return;
  }
  await refresh();
  if (r.error) return showStatus(r.error, 'error');
  showStatus(`Ячейка ${cell.ref} изменена.`, 'ok');
  const td = document.querySelector<HTMLTableCellElement>(`#grid td[data-cell="${cell.ref}"]`);
  if (td) td.classList.add('selected');
}

/**
 * Text wider than its cell takes over the empty cells beside it (one cell spanning them, as
 * Sheets draws it without the grid lines in between); what still does not fit is clipped.
 * All widths are read before any cell changes, so the layout is computed once.
 */
function spillOver(
  g: GridView,
  spill: { td: HTMLTableCellElement; row: HTMLTableCellElement[]; at: number; dir: 1 | -1 }[],
): void {
  const needs = spill.map((s) => s.td.scrollWidth - s.td.clientWidth);
  const taken = new Set<HTMLTableCellElement>();
  spill.forEach((s, k) => {
    let missing = needs[k]!;
    if (missing <= 0 || taken.has(s.td)) return;
    const absorbed: HTMLTableCellElement[] = [];
    for (let i = s.at + s.dir; missing > 0 && i >= 0 && i < s.row.length; i += s.dir) {
      const next = s.row[i]!;
      if (next.textContent !== '' || taken.has(next) || next.style.background !== s.td.style.background) break;
      absorbed.push(next);
      missing -= g.columns[i]!.width;
    }
    if (absorbed.length === 0) return;
    for (const a of absorbed) {
      taken.add(a);
      a.remove();
    }
    if (s.dir < 0) {
      // Spilling to the left: the cell moves to where the first absorbed one was.
      s.td.style.textAlign = 'right';
    }
    s.td.colSpan = absorbed.length + 1;
    s.td.classList.add('spill');
  });
}

/** Frozen rows stay under the column letters, each at the height of everything above it. */
function stickFrozenRows(table: HTMLTableElement, frozenRows: number): void {
  const rows = Array.from(table.tBodies[0]?.rows ?? []).slice(0, frozenRows);
  const tops = rows.map((tr) => tr.offsetTop);
  rows.forEach((tr, r) => {
    for (const td of Array.from(tr.cells)) td.style.top = `${tops[r]}px`;
  });
}

function drawOutbox(s: PreviewState): void {
  $('outbox-count').textContent = String(s.outbox.length);
  $('quota').textContent =
    `Квота писем на сегодня: осталось ${s.quota.remaining} из ${s.quota.limit} (${s.quota.user}).`;
  const list = $('outbox-list');
  if (s.outbox.length === 0) {
    list.replaceChildren(el('li', { class: 'meta' }, 'Писем пока нет.'));
    return;
  }
  list.replaceChildren(
    ...s.outbox.map((m) => {
      const li = el('li', { class: 'mail' });
      const details = el('details');
      const summary = el('summary');
      summary.append(
        el('b', {}, m.subject),
        el('span', { class: 'meta' }, ` — кому: ${m.to}; от: ${m.from}; ${mskText(m.sentAt)} `),
      );
      const link = el('a', { href: `/outbox/${encodeURIComponent(m.file)}`, download: m.file }, '.eml');
      summary.append(link);
      details.append(summary, el('pre', {}, m.body));
      li.append(details);
      return li;
    }),
  );
}

function frame(src: string, width: number, height: number): HTMLIFrameElement {
  const f = el('iframe', { src, title: 'Диалог дополнения' });
  f.style.width = `${width}px`;
  f.style.height = `${height}px`;
  return f;
}

function openModal(title: string, body: HTMLElement[]): void {
  $('modal-title').textContent = title;
  $('modal-body').replaceChildren(...body);
  $('modal').hidden = false;
}

function closeModal(): void {
  $('modal').hidden = true;
  $('modal-body').replaceChildren();
}

function showEvent(e: UiEventView): void {
  if (e.kind === 'sidebar') {
    $('sidebar-title').textContent = e.title;
    $<HTMLIFrameElement>('sidebar-frame').src = `/ui/${e.index}`;
    $('sidebar').hidden = false;
  } else if (e.kind === 'modal' || e.kind === 'modeless') {
    openModal(e.title, [frame(`/ui/${e.index}`, e.width ?? 600, e.height ?? 400)]);
  } else if (e.kind === 'toast') {
    const t = el('div', { class: 'toast' });
    if (e.title) t.append(el('b', {}, e.title));
    t.append(document.createTextNode(e.text));
    $('toasts').append(t);
    setTimeout(() => t.remove(), 6000);
  } else {
    const ok = el('button', { type: 'button', class: 'primary' }, 'ОК');
    ok.addEventListener('click', closeModal);
    const buttons = el('div', { class: 'buttons' });
    buttons.append(ok);
    openModal(e.title || ADDON_NAME, [el('div', { class: 'message' }, e.text), buttons]);
  }
}

/** A prompt or Yes/No alert the script waits on: the answer replays the menu item with it. */
function ask(q: Question): void {
  const message = el('div', { class: 'message' }, q.text);
  const input = el('input', { type: 'text', 'aria-label': 'Ответ' });
  if (q.kind === 'prompt') message.append(input);
  const buttons = el('div', { class: 'buttons' });
  for (const [name, label] of BUTTONS[q.buttons ?? 'OK'] ?? BUTTONS.OK!) {
    const b = el(
      'button',
      { type: 'button', 'data-button': name, class: name === 'OK' || name === 'YES' ? 'primary' : '' },
      label,
    );
    b.addEventListener('click', () => {
      closeModal();
      void act(async () =>
        handleRun(await api('POST', '/api/answer', { token: q.token, button: name, text: input.value })),
      );
    });
    buttons.append(b);
  }
  openModal(q.title || ADDON_NAME, [message, buttons]);
  $('modal-close').dataset.token = q.token;
}

async function handleRun(r: { question?: Question; error?: string }): Promise<void> {
  if (r.error) showStatus(`Ошибка: ${r.error}`, 'error');
  await refresh();
  if (r.question) ask(r.question);
}

async function runMenuItem(fn: string, caption: string): Promise<void> {
  showStatus(`Выполняется «${caption}»…`);
  const r = await api<{ question?: Question; error?: string }>('POST', '/api/menu', { fn });
  if (!r.error) showStatus('');
  await handleRun(r);
}

function wire(): void {
  $('extensions-button').addEventListener('click', (ev) => {
    ev.stopPropagation();
    const root = $('menu-extensions');
    const open = !root.classList.contains('open');
    closeMenus();
    root.classList.toggle('open', open);
  });
  document.addEventListener('click', closeMenus);
  $<HTMLSelectElement>('user-select').addEventListener('change', (ev) => {
    const email = (ev.target as HTMLSelectElement).value;
    $('sidebar').hidden = true;
    closeModal();
    void act(async () => {
      sessionStorage.setItem(TAB_USER_KEY, email);
      draw(await api<PreviewState>('POST', '/api/user', { email, sheet: sheetId }));
      const u = state?.users.find((x) => x.email === email);
      showStatus(`Таблица открыта заново как: ${u?.label ?? email}. Меню построено onOpen.`, 'ok');
    });
  });
  const setClock = (body: unknown) =>
    act(async () => {
      draw(await api<PreviewState>('POST', '/api/clock', { ...(body as object), sheet: sheetId }));
      showStatus(`Часы переставлены: сегодня ${mskText(state!.now)} МСК.`, 'ok');
    });
  // The clock moves only on «Установить» (or Enter in the field after changing it); +1/+7 only change the field.
  const clockInput = $<HTMLInputElement>('clock-input');
  const readClock = (): number | null => {
    const r = parseClock(clockInput.value);
    clockInput.setAttribute('aria-invalid', String(!r.ok));
    if (r.ok) return r.ms;
    showStatus(r.error, 'error');
    return null;
  };
  $('clock-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const ms = readClock();
    if (ms === null) return;
    if (ms === state?.now)
      return showStatus(`Часы уже стоят на ${mskText(ms)} МСК: введите другое время и нажмите «Установить».`, 'info');
    void setClock({ now: ms });
  });
  clockInput.addEventListener('input', () => clockInput.removeAttribute('aria-invalid'));
  const shiftField = (days: number) => {
    const from = parseClock(clockInput.value);
    const ms = (from.ok ? from.ms : (state?.now ?? Date.now())) + days * DAY;
    clockInput.value = formatClock(ms);
    clockInput.removeAttribute('aria-invalid');
    showStatus(`В поле ${formatClock(ms)} — нажмите «Установить», чтобы перевести часы.`, 'info');
  };
  $('advance-day').addEventListener('click', () => shiftField(1));
  $('advance-week').addEventListener('click', () => shiftField(7));
  $('trigger-run').addEventListener(
    'click',
    () =>
      void act(async () => {
        const r = await api<{ message: string; sent: number }>('POST', '/api/trigger', {});
        await refresh();
        showStatus(r.message, r.sent > 0 ? 'ok' : 'info');
        if (r.sent > 0) $('outbox').hidden = false;
      }),
  );
  $('cell-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    void act(() => commitCell());
  });
  $('outbox-toggle').addEventListener('click', () => {
    $('outbox').hidden = !$('outbox').hidden;
  });
  $('sidebar-close').addEventListener('click', () => {
    $('sidebar').hidden = true;
    $<HTMLIFrameElement>('sidebar-frame').removeAttribute('src');
  });
  $('modal-close').addEventListener('click', closeModal);
  window.addEventListener('message', (ev: MessageEvent) => {
    const data = ev.data as { type?: string } | null;
    if (data?.type === 'google.script.host.close') {
      const side = $<HTMLIFrameElement>('sidebar-frame');
      if (ev.source === side.contentWindow) {
        $('sidebar').hidden = true;
        side.removeAttribute('src');
      } else closeModal();
    } else if (data?.type === 'preview.ran') void refresh().catch((e: unknown) => showStatus(String(e), 'error'));
  });
}

wire();
void act(async () => {
  draw(await api<PreviewState>('POST', '/api/open', {}));
});
