// The registry tab: the organisations and their coordinators; add or change one through the same
// validation and audit as every other write (saveOrganisation on the server).
import {
  appointmentOrder,
  organisationFieldLabels as label,
  organisationTypeLabels,
  summaryUi,
} from '../../domain/messages';
import type { RegistryView } from '../../contract/registry';
import { formatPeriod, parsePeriod } from '../../domain/period';
import { callServer } from '../common/server';
import { showStatus } from '../common/status';
import { withBusy } from './busy';
import { el, fill } from './dom';

type Entry = RegistryView['organisations'][number];
const FIELDS = [
  'id',
  'name',
  'type',
  'coordinatorName',
  'coordinatorPosition',
  'coordinatorEmails',
  'coordinatorPhone',
  'appointmentOrderNumber',
  'appointmentOrderDate',
  'orderCopyReceived',
  'reportsFrom',
  'closedOn',
] as const;
type Field = (typeof FIELDS)[number];
const DATE_FIELDS: Field[] = ['appointmentOrderDate', 'orderCopyReceived', 'closedOn'];
const HINTS: Partial<Record<Field, string>> = {
  appointmentOrderDate: summaryUi.registryDateHint,
  orderCopyReceived: summaryUi.registryDateHint,
  closedOn: summaryUi.registryClosedHint,
  reportsFrom: summaryUi.registryReportsFromHint,
  coordinatorEmails: summaryUi.registryEmailsHint,
};

/** 'ГГГГ-ММ' → «ноябрь 2023». */
const shownMonth = (key: string | null | undefined): string => {
  const p = key ? parsePeriod(key) : null;
  return p ? formatPeriod(p) : '';
};

/** 'ГГГГ-ММ-ДД' → 'ДД.ММ.ГГГГ' for the form. */
const shownDate = (iso: string | null): string => (iso ? iso.split('-').reverse().join('.') : '');

function fieldValue(org: Entry | null, f: Field): string {
  if (!org) return f === 'type' ? 'school' : '';
  if (f === 'coordinatorEmails') return org.coordinatorEmails.join(', ');
  if (DATE_FIELDS.includes(f)) return shownDate(org[f as 'appointmentOrderDate'] ?? null);
  if (f === 'reportsFrom') return shownMonth(org.reportsFrom);
  return String(org[f] ?? '');
}

export class RegistryTab {
  private loaded = false;
  private organisations: Entry[] = [];

  constructor(
    private readonly panel: HTMLElement,
    private readonly saved: () => Promise<void>,
  ) {}

  /** Loads the registry on first show. */
  async show(): Promise<void> {
    if (this.loaded) return;
    const view = await withBusy(summaryUi.registryLoading, () => callServer('getRegistry'));
    if (!view) return;
    this.organisations = view.organisations;
    this.loaded = true;
    this.render(null);
  }

  private render(editing: Entry | null | 'new', focus: Field | null = null): void {
    const add = el('button', { type: 'button', class: 'primary', id: 'registryAdd' }, summaryUi.registryAdd);
    add.addEventListener('click', () => this.render('new'));
    const rows = this.organisations.map((o) => {
      const edit = el(
        'button',
        { type: 'button', class: 'edit', 'aria-label': `${summaryUi.registryEdit}: ${o.name}` },
        summaryUi.registryEdit,
      );
      edit.addEventListener('click', () => this.render(o));
      const close = o.closedOn
        ? ''
        : el(
            'button',
            { type: 'button', class: 'close-org', 'aria-label': `${summaryUi.registryClose}: ${o.name}` },
            summaryUi.registryClose,
          );
      if (close) close.addEventListener('click', () => this.render(o, 'closedOn'));
      return el(
        'tr',
        { 'data-org': o.id, ...(o.closedOn ? { class: 'closed' } : {}) },
        el('td', {}, o.id),
        el(
          'td',
          { class: 'org' },
          o.name,
          el('small', {}, o.typeLabel),
          o.closedOn
            ? el('small', { class: 'closed-badge' }, summaryUi.registryClosedBadge(shownDate(o.closedOn)))
            : '',
        ),
        el('td', {}, o.coordinatorName, el('div', { class: 'muted' }, o.coordinatorEmails.join(', '))),
        el(
          'td',
          {},
          o.appointmentOrderNumber
            ? appointmentOrder(o.appointmentOrderNumber, shownDate(o.appointmentOrderDate))
            : summaryUi.empty,
        ),
        el('td', {}, shownDate(o.orderCopyReceived) || summaryUi.empty),
        el('td', {}, shownMonth(o.reportsFrom) || summaryUi.registryReportsFromDefault),
        el(
          'td',
          { class: 'actions' },
          o.handEdited ? el('span', { class: 'flag edited', title: summaryUi.flagRegistryEdited }, '✎') : '',
          edit,
          close,
        ),
      );
    });
    const table = el(
      'div',
      { class: 'tablewrap' },
      el(
        'table',
        { id: 'registry' },
        el(
          'thead',
          {},
          el(
            'tr',
            {},
            ...[
              label.id,
              label.name,
              label.coordinatorName,
              label.appointmentOrderNumber,
              label.orderCopyReceived,
              label.reportsFrom,
            ].map((h) => el('th', {}, h)),
            el('th', { class: 'actions' }, summaryUi.columns.actions),
          ),
        ),
        el('tbody', {}, ...rows),
      ),
    );
    fill(this.panel, add, editing ? this.form(editing === 'new' ? null : editing, focus) : null, table);
    // The form opens above the table: take the focus there (and scroll to it in a narrow dialog).
    const first = focus ? '#reg-' + focus : editing === 'new' ? '#reg-id' : '#reg-name';
    if (editing) this.panel.querySelector<HTMLInputElement>(first)?.focus();
  }

  private form(org: Entry | null, focus: Field | null): HTMLElement {
    const form = el('form', { class: 'registry', id: 'registryForm', novalidate: '' });
    form.append(
      el(
        'h2',
        { style: 'grid-column: 1 / -1' },
        org ? summaryUi.registryEditTitle(org.id) : summaryUi.registryNewTitle,
      ),
    );
    if (org && focus === 'closedOn')
      form.append(el('p', { class: 'hint', style: 'grid-column: 1 / -1' }, summaryUi.registryCloseTitle(org.id)));
    const inputs = new Map<Field, HTMLInputElement | HTMLSelectElement>();
    const errors = new Map<Field, HTMLElement>();
    for (const f of FIELDS) {
      const id = 'reg-' + f;
      const input =
        f === 'type'
          ? el(
              'select',
              { id, name: f },
              ...(Object.keys(organisationTypeLabels) as (keyof typeof organisationTypeLabels)[]).map((t) =>
                el('option', { value: t }, organisationTypeLabels[t]),
              ),
            )
          : el('input', {
              id,
              name: f,
              type: 'text',
              ...(HINTS[f] ? { placeholder: HINTS[f] } : {}),
            });
      input.value = fieldValue(org, f);
      if (f === 'id' && org) input.setAttribute('readonly', '');
      const error = el('p', { class: 'field-error', id: id + '-error' });
      input.setAttribute('aria-describedby', id + '-error');
      inputs.set(f, input);
      errors.set(f, error);
      form.append(el('div', {}, el('label', { for: id }, label[f]), input, error));
    }
    const save = el('button', { type: 'submit', class: 'primary', id: 'registrySave' }, summaryUi.registrySave);
    const cancel = el('button', { type: 'button' }, summaryUi.cancel);
    cancel.addEventListener('click', () => this.render(null));
    form.append(el('div', { class: 'buttons' }, save, cancel));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const input: Record<string, string> = {};
      for (const [f, i] of inputs) input[f] = i.value;
      void this.save(input, org === null, inputs, errors);
    });
    return form;
  }

  private async save(
    input: Record<string, string>,
    isNew: boolean,
    inputs: Map<Field, HTMLElement>,
    errors: Map<Field, HTMLElement>,
  ): Promise<void> {
    for (const [f, e] of errors) {
      e.textContent = '';
      inputs.get(f)?.removeAttribute('aria-invalid');
    }
    const result = await withBusy(summaryUi.registrySaving, () => callServer('saveOrganisation', input, isNew));
    if (!result) return;
    if (!result.ok) {
      for (const problem of result.errors) {
        const key = problem.field.split('.')[0] ?? '';
        const f = (FIELDS as readonly string[]).includes(key) ? (key as Field) : 'id';
        const e = errors.get(f)!;
        e.textContent = (e.textContent ? e.textContent + ' ' : '') + problem.message;
        inputs.get(f)?.setAttribute('aria-invalid', 'true');
      }
      showStatus(summaryUi.registryFixFields, 'error');
      return;
    }
    this.loaded = false;
    await this.show();
    await this.saved();
    showStatus(summaryUi.registrySaved(result.organisation.name), 'ok');
  }
}
