// «История отчётов»: the versions of this month and every month's status; each opens read-only.
import { coordinatorUi as ui, reportFieldLabels, storedStateLabels, teacherWeeksTexts } from '../../domain/messages';
import type { MonthlyReport } from '../../domain/schemas/report';
import type { PeriodOption, VersionView } from '../../contract/coordinator';
import { el } from './dom';
import { formSections, type OrgFlags } from './fields';

export interface HistoryOptions {
  periodLabel: string;
  versions: VersionView[];
  periods: PeriodOption[];
  onOpenVersion(version: VersionView, periodLabel: string, trigger: HTMLElement): void;
  onOpenPeriod(period: PeriodOption, trigger: HTMLElement): void;
}

/** The collapsible history list. */
export function buildHistory(options: HistoryOptions): HTMLElement {
  const versionItems = options.versions.map((v) => {
    const button = el(
      'button',
      { type: 'button', class: 'linklike', 'data-version': v.version },
      ui.history.openVersion(v.version, storedStateLabels[v.state], v.submittedAtText),
    );
    button.addEventListener('click', () => options.onOpenVersion(v, options.periodLabel, button));
    return el('li', {}, button);
  });
  const periodItems = options.periods.map((p) => {
    const button = el(
      'button',
      { type: 'button', class: 'linklike', 'data-period': p.key },
      ui.history.openPeriod(p.label, p.statusLabel),
    );
    button.addEventListener('click', () => options.onOpenPeriod(p, button));
    return el('li', {}, button);
  });
  return el(
    'details',
    { class: 'history', id: 'history-list' },
    el('summary', {}, ui.history.title),
    el('h3', {}, ui.history.versionsTitle),
    versionItems.length > 0
      ? el('ul', { class: 'plain' }, ...versionItems)
      : el('p', { class: 'muted' }, ui.history.none),
    el('h3', {}, ui.history.periodsTitle),
    el('ul', { class: 'plain' }, ...periodItems),
  );
}

function shown(value: unknown): string {
  if (value === null || value === undefined || value === '') return ui.history.empty;
  if (typeof value === 'boolean') return value ? ui.yes : ui.no;
  return String(value);
}

/** A read-only view of one version: label and value pairs, text only. */
export function buildReadOnlyView(title: string, version: VersionView, org: OrgFlags, onBack: () => void): HTMLElement {
  const values: MonthlyReport = version.values;
  const items: HTMLElement[] = [
    el(
      'p',
      { id: 'viewer-state', class: 'muted' },
      ui.history.openVersion(version.version, storedStateLabels[version.state], version.submittedAtText),
    ),
  ];
  if (version.state === 'returned' && version.returnReason) {
    items.push(
      el(
        'div',
        { class: 'returned' },
        el('strong', {}, ui.returnedTitle),
        el('p', { class: 'reason' }, version.returnReason),
      ),
    );
  }
  for (const section of formSections(org)) {
    items.push(el('h3', {}, ui.sections[section.id]));
    const pairs: HTMLElement[] = [];
    for (const f of section.fields) {
      if (f.name === 'foreignMessengersExplanation' && values.noForeignMessengers !== false) continue;
      pairs.push(el('dt', {}, reportFieldLabels[f.name]), el('dd', {}, shown(values[f.name])));
      const stored = version.values.teacherWeeks;
      if (f.name === 'teachersMeetingMinimum' && stored && stored.length > 0) {
        pairs.push(
          el('dt', {}, teacherWeeksTexts.label),
          el('dd', { id: 'viewer-teacher-weeks' }, teacherWeeksTexts.storedFor(stored.length)),
        );
      }
    }
    items.push(el('dl', { class: 'readonly' }, ...pairs));
  }
  const back = el('button', { type: 'button', id: 'viewer-back' }, ui.history.back);
  back.addEventListener('click', onBack);
  return el(
    'section',
    { class: 'viewer', 'aria-labelledby': 'viewer-title' },
    el('h2', { id: 'viewer-title', tabindex: -1 }, title),
    ...items,
    back,
  );
}
