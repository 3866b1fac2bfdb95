// The top of the sidebar: organisation and month pickers, status, deadline, the admin's return reason.
import { coordinatorUi as ui, organisationFieldLabels } from '../../domain/messages';
import { formatPeriod, periodFromKey, previousPeriod } from '../../domain/period';
import type { ReportFormView } from '../../contract/coordinator';
import { el } from './dom';

export interface HeaderOptions {
  view: ReportFormView;
  onChoose(orgId: string, period: string | null): void;
}

const STATUS_KIND: Record<string, string> = {
  'not-submitted': 'neutral',
  overdue: 'error',
  'on-time': 'ok',
  late: 'warn',
  accepted: 'ok',
  returned: 'error',
};
const OPEN_STATUSES = ['not-submitted', 'overdue', 'returned'];

function picker(
  id: string,
  label: string,
  options: { value: string; text: string }[],
  selected: string,
  onChange: (v: string) => void,
): HTMLElement {
  const select = el('select', { id, name: id });
  for (const o of options) select.appendChild(el('option', { value: o.value, selected: o.value === selected }, o.text));
  select.value = selected;
  select.addEventListener('change', () => onChange(select.value));
  return el('div', { class: 'field' }, el('label', { for: id }, label), select);
}

/** Builds the header; pickers call `onChoose` (a new organisation starts at its month most in need). */
export function buildHeader({ view, onChoose }: HeaderOptions): HTMLElement {
  const org = view.organisation;
  const orgPart =
    view.organisations.length > 1
      ? picker(
          'org-picker',
          ui.organisation,
          view.organisations.map((o) => ({ value: o.id, text: o.name })),
          org.id,
          (id) => onChoose(id, null),
        )
      : el('div', { class: 'org' }, el('div', { class: 'org-name', id: 'org-name' }, org.name));
  const orgType = el(
    'div',
    { class: 'muted org-type', id: 'org-type' },
    organisationFieldLabels.type + ': ' + org.typeLabel,
  );
  const periodPart = picker(
    'period-picker',
    ui.period,
    view.periods.map((p) => ({ value: p.key, text: ui.periodOption(p.label, p.statusLabel) })),
    view.period.key,
    (key) => onChoose(org.id, key),
  );
  const p = view.period;
  const status = el(
    'div',
    { class: 'status-line' },
    el('span', {}, ui.status + ': '),
    el('span', { id: 'report-status', class: 'badge ' + (STATUS_KIND[p.status] ?? 'neutral') }, p.statusLabel),
  );
  const deadline = el(
    'div',
    { id: 'deadline', class: 'deadline' },
    ui.deadline(p.deadline) + (OPEN_STATUSES.includes(p.status) ? ' — ' + ui.daysLeft(p.daysLeft) : ''),
  );
  const current = view.current;
  const version = current
    ? el(
        'div',
        { id: 'current-version', class: 'muted' },
        ui.versionLine(current.version, current.submittedAtText, current.submittedBy),
      )
    : null;
  let notice: HTMLElement | null = null;
  if (current?.state === 'returned') {
    notice = el(
      'div',
      { id: 'returned', class: 'returned', role: 'alert' },
      el('strong', { class: 'returned-title' }, ui.returnedTitle),
      el('p', { id: 'return-reason', class: 'reason' }, current.returnReason),
      current.reviewedBy ? el('p', { class: 'muted' }, ui.returnedBy(current.reviewedBy)) : null,
      el('p', {}, ui.returnedHint),
    );
  } else if (current?.state === 'accepted') {
    notice = el('p', { id: 'accepted', class: 'accepted' }, ui.acceptedNote);
  } else if (!current && view.prefill) {
    notice = el(
      'p',
      { id: 'prefill-note', class: 'muted' },
      ui.prefilled(formatPeriod(previousPeriod(periodFromKey(p.key)))),
    );
  }
  return el('header', { class: 'report-header' }, orgPart, orgType, periodPart, status, deadline, version, notice);
}
