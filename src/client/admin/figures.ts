// The district's figures as cards, shared by the dialog and the sidebar: the share reported first,
// then each coverage with its base («по сдавшим 8 из 12»), the order's target and the change.
import { summaryUi } from '../../domain/messages';
import type { CoverageView, ReportedShareView } from '../../contract/summary';
import { el } from './dom';

/** «Сдали отчёт: 8 из 12 (67 %)» — the base of every figure after it. */
export function reportedCard(r: ReportedShareView): HTMLElement {
  return el('div', { class: 'card reported', 'data-coverage': 'reported' }, el('div', { class: 'value' }, r.text));
}

/** One figure: value, label, «45 из 50 — по сдавшим 8 из 12», target and whether it is met, change. */
export function coverageCard(c: CoverageView): HTMLElement {
  const verdict = c.meetsTarget === null ? '' : c.meetsTarget ? summaryUi.targetMet : summaryUi.targetMissed;
  return el(
    'div',
    { class: 'card' + (c.meetsTarget === false ? ' short' : ''), 'data-coverage': c.id },
    el('div', { class: 'value' }, c.text),
    el('div', { class: 'label' }, c.label),
    el('div', { class: 'label target' }, verdict ? `${c.targetText} — ${verdict}` : c.targetText),
    c.changeText
      ? el(
          'div',
          { class: 'label change' + (c.changeFlagged ? ' flagged' : '') },
          c.changeFlagged ? `${c.changeText} (${summaryUi.changeFlagged})` : c.changeText,
        )
      : null,
    el('div', { class: 'label detail' }, c.detail),
  );
}
