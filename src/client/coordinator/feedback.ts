// The coverage panel under the form: each coverage figure as typed and whether the order's target is
// met, recomputed on every keystroke and shown again after a submission.
import { coverageFeedback } from '../../domain/coverageFeedback';
import { coverageFeedbackTexts as say } from '../../domain/messages';
import type { OrganisationType } from '../../domain/schemas/organisation';
import type { CoverageTargets } from '../../domain/schemas/settings';
import { el, replaceChildren } from './dom';

export interface FeedbackPanel {
  root: HTMLElement;
  /** Recomputes from the form's values; `submitted` says it is the stored version's picture. */
  update(values: Partial<Record<string, string>>, submitted: boolean): void;
}

export function buildFeedbackPanel(
  type: OrganisationType,
  targets: CoverageTargets,
  minimum: { messages: number; calls: number },
): FeedbackPanel {
  const list = el('ul', { class: 'coverage-list' });
  const lead = el('p', { class: 'muted', id: 'coverage-lead' }, say.intro);
  const total = el('p', { id: 'coverage-total', class: 'coverage-total' });
  const root = el(
    'section',
    { id: 'coverage', class: 'coverage', 'aria-live': 'polite', 'aria-labelledby': 'coverage-title' },
    el('h2', { id: 'coverage-title' }, say.title),
    lead,
    list,
    total,
  );
  return {
    root,
    update(values, submitted) {
      const lines = coverageFeedback(values, type, targets, minimum);
      lead.textContent = submitted ? say.afterSubmit : say.intro;
      replaceChildren(
        list,
        ...lines.map((l) =>
          el(
            'li',
            { 'data-id': l.id, class: l.met === true ? 'met' : l.met === false ? 'not-met' : 'open' },
            el('span', { class: 'coverage-label' }, l.label),
            el('span', { class: 'coverage-value' }, l.text),
            el(
              'span',
              { class: 'coverage-verdict' },
              (l.met === true ? '✓ ' : l.met === false ? '✗ ' : '') + l.verdict,
            ),
          ),
        ),
      );
      const judged = lines.filter((l) => l.met !== null);
      total.textContent = judged.length > 0 ? say.summary(judged.filter((l) => l.met).length, judged.length) : '';
    },
  };
}
