// The set-up checklist tab: the order's one-time items per organisation, against the set-up deadline.
import { summaryUi } from '../../domain/messages';
import type { ChecklistItemView, DistrictSummaryView } from '../../server/api/summaryViews';
import { el, fill } from './dom';

function item(i: ChecklistItemView): HTMLElement {
  return el('td', {}, el('span', { class: 'pill ' + (i.state === 'late' ? 'late-item' : i.state) }, i.stateLabel), el('div', { class: 'muted' }, i.text));
}

export function renderChecklist(panel: HTMLElement, view: DistrictSummaryView): void {
  const c = summaryUi.checklistColumns;
  const list = view.checklist;
  fill(panel,
    el('h2', {}, summaryUi.checklistTitle(list.deadline)),
    el('p', {}, summaryUi.checklistDone(list.done, list.rows.length)),
    el('div', { class: 'tablewrap' }, el('table', { id: 'checklist' },
      el('thead', {}, el('tr', {}, ...[c.organisation, c.coordinator, c.order, c.copy, c.structure].map((h) => el('th', {}, h)))),
      el('tbody', {}, ...list.rows.map((r) => el('tr', { 'data-org': r.orgId },
        el('td', { class: 'org' }, r.name, el('small', {}, r.orgId)), item(r.coordinator), item(r.order), item(r.copy), item(r.structure)))),
    )),
  );
}
