// «Вставить данные педагогов»: per-teacher weekly figures pasted from a spreadsheet are counted here,
// in the browser; only the number of teachers who met the minimum goes into the report.
import { coordinatorUi as ui, pasteErrors } from '../../domain/messages';
import type { Period } from '../../domain/period';
import { summariseTeacherActivity } from '../../domain/teacherActivity';
import { el, replaceChildren } from './dom';

export interface PasteOptions {
  period: Period;
  minMessages: number;
  minCalls: number;
  /** Puts the count into the report's field. */
  onApply(count: number): void;
}

/** Builds the collapsible paste panel. */
export function buildPastePanel(options: PasteOptions): HTMLElement {
  const area = el('textarea', { id: 'paste-text', rows: 5, wrap: 'off', spellcheck: 'false', autocomplete: 'off', 'aria-describedby': 'paste-hint paste-privacy' });
  const result = el('div', { id: 'paste-result', class: 'paste-result', role: 'status' });
  const apply = el('button', { type: 'button', id: 'paste-apply', disabled: true }, ui.paste.apply);
  let met: number | null = null;

  const recount = () => {
    met = null;
    apply.disabled = true;
    if (area.value.trim() === '') return replaceChildren(result);
    const summary = summariseTeacherActivity(area.value, { period: options.period, minMessages: options.minMessages, minCalls: options.minCalls });
    const issues = summary.issues.map((i) => el('li', {}, i.row > 0 ? pasteErrors.atRow(i.row, i.message) : i.message));
    replaceChildren(result,
      summary.teachers > 0 ? el('p', { id: 'paste-count', class: 'paste-count' }, ui.paste.result(summary.metMinimum, summary.teachers, summary.weeks)) : null,
      issues.length > 0 ? el('p', { class: 'field-error' }, ui.paste.unreadable(issues.length)) : null,
      issues.length > 0 ? el('ul', { id: 'paste-issues', class: 'paste-issues' }, ...issues) : null);
    if (summary.teachers > 0) {
      met = summary.metMinimum;
      apply.disabled = false;
    }
  };
  area.addEventListener('input', recount);
  apply.addEventListener('click', () => {
    if (met === null) return;
    options.onApply(met);
    replaceChildren(result, ...Array.from(result.childNodes), el('p', { class: 'ok-text' }, ui.paste.applied(met)));
  });

  return el('details', { class: 'paste', id: 'paste' },
    el('summary', {}, ui.paste.title),
    el('p', { class: 'muted', id: 'paste-hint' }, ui.paste.hint(options.minMessages, options.minCalls)),
    el('p', { class: 'muted', id: 'paste-privacy' }, ui.paste.privacy),
    el('label', { for: 'paste-text' }, ui.paste.label),
    area, result, apply);
}
