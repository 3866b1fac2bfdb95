// The set-up checklist tab: the order's one-time items per organisation, against the set-up deadline.
// Loaded with its own call when the tab is opened (not with every month's summary), again after a
// change once the tab is shown.
import { summaryUi } from '../../domain/messages';
import type { ChecklistItemView, ChecklistView } from '../../contract/summary';
import { callServer } from '../common/server';
import { withBusy } from './busy';
import { el, fill } from './dom';
import { expandChecklist } from './summaryData';

function item(i: ChecklistItemView): HTMLElement {
  return el(
    'td',
    {},
    el('span', { class: 'pill ' + (i.state === 'late' ? 'late-item' : i.state) }, i.stateLabel),
    el('div', { class: 'muted' }, i.text),
  );
}

export function renderChecklist(panel: HTMLElement, list: ChecklistView): void {
  const c = summaryUi.checklistColumns;
  fill(
    panel,
    el('h2', {}, summaryUi.checklistTitle(list.deadline)),
    el('p', {}, summaryUi.checklistDone(list.done, list.rows.length)),
    el(
      'div',
      { class: 'tablewrap' },
      el(
        'table',
        { id: 'checklist' },
        el(
          'thead',
          {},
          el('tr', {}, ...[c.organisation, c.coordinator, c.order, c.copy, c.structure].map((h) => el('th', {}, h))),
        ),
        el(
          'tbody',
          {},
          ...list.rows.map((r) =>
            el(
              'tr',
              { 'data-org': r.orgId },
              el('td', { class: 'org' }, r.name, el('small', {}, r.orgId)),
              item(r.coordinator),
              item(r.order),
              item(r.copy),
              item(r.structure),
            ),
          ),
        ),
      ),
    ),
  );
}

export class ChecklistTab {
  private loaded = false;

  constructor(private readonly panel: HTMLElement) {}

  /** Loads the checklist unless it is loaded and nothing changed since. */
  async show(): Promise<void> {
    if (this.loaded) return;
    const data = await withBusy(summaryUi.checklistLoading, () => callServer('getSetupChecklist'));
    if (!data) return;
    this.loaded = true;
    renderChecklist(this.panel, expandChecklist(data));
  }

  /** The summary was reloaded (a review, a registry change, «Обновить»): load again when shown. */
  async changed(): Promise<void> {
    this.loaded = false;
    if (!this.panel.hidden) await this.show();
  }
}
