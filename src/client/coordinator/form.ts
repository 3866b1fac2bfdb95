// The report form: sections, labelled inputs, messages beside fields. Values only via .value.
import { coordinatorUi as ui, reportFieldLabels } from '../../domain/messages';
import type { ReportField } from '../../domain/schemas/report';
import { el, replaceChildren } from './dom';
import { cleanCount, COUNT_MAX_LENGTH, formSections, type FieldSpec, type FormValues, type OrgFlags } from './fields';

export interface FormOptions {
  org: OrgFlags;
  commentMaxLength: number;
  /** Inserted right after the «teachers meeting the minimum» field (the paste panel). */
  afterMinimum?: HTMLElement;
  /** Called after every edit with the field's name. */
  onEdit(name: ReportField): void;
}

export interface ReportForm {
  root: HTMLFieldSetElement;
  read(): FormValues;
  write(values: FormValues): void;
  /** Shows `errors` beside the fields in `visible`; clears the others. */
  showErrors(errors: Map<string, string>, visible: (name: string) => boolean): void;
  focus(name: string): void;
  fields(): ReportField[];
}

interface Control {
  spec: FieldSpec;
  get(): string;
  set(value: string): void;
  focusTarget(): HTMLElement;
  row: HTMLElement;
  error: HTMLElement;
  invalidTarget: HTMLElement;
}

function countControl(spec: FieldSpec, onEdit: () => void): Control {
  const id = 'f-' + spec.name;
  const input = el('input', {
    id,
    name: spec.name,
    type: 'text',
    inputmode: 'numeric',
    autocomplete: 'off',
    maxlength: COUNT_MAX_LENGTH,
    class: 'count',
    'aria-describedby': 'e-' + spec.name,
  });
  input.addEventListener('input', () => {
    const clean = cleanCount(input.value);
    if (clean !== input.value) input.value = clean;
    onEdit();
  });
  const label = el(
    'label',
    { for: id },
    reportFieldLabels[spec.name],
    spec.optional ? el('span', { class: 'muted' }, ' ' + ui.optional) : null,
  );
  const error = el('div', { class: 'field-error', id: 'e-' + spec.name });
  const row = el('div', { class: 'field', id: 'row-' + spec.name }, label, input, error);
  return {
    spec,
    row,
    error,
    invalidTarget: input,
    get: () => input.value,
    set: (v) => (input.value = cleanCount(v)),
    focusTarget: () => input,
  };
}

function yesNoControl(spec: FieldSpec, onEdit: () => void): Control {
  const radio = (value: 'yes' | 'no', text: string) => {
    const input = el('input', { type: 'radio', name: spec.name, value, id: `f-${spec.name}-${value}` });
    input.addEventListener('change', onEdit);
    return { input, label: el('label', { for: input.id, class: 'choice' }, input, ' ' + text) };
  };
  const yes = radio('yes', ui.yes);
  const no = radio('no', ui.no);
  const error = el('div', { class: 'field-error', id: 'e-' + spec.name });
  const legendId = 'l-' + spec.name;
  const group = el(
    'fieldset',
    { class: 'field yesno', id: 'row-' + spec.name, 'aria-describedby': 'e-' + spec.name },
    el('legend', { id: legendId }, reportFieldLabels[spec.name]),
    el('div', { class: 'choices' }, yes.label, no.label),
    error,
  );
  return {
    spec,
    row: group,
    error,
    invalidTarget: group,
    get: () => (yes.input.checked ? 'yes' : no.input.checked ? 'no' : ''),
    set: (v) => {
      yes.input.checked = v === 'yes';
      no.input.checked = v === 'no';
    },
    focusTarget: () => (no.input.checked ? no.input : yes.input),
  };
}

function textControl(spec: FieldSpec, max: number, onEdit: () => void): Control {
  const id = 'f-' + spec.name;
  const counter = el('div', { class: 'muted counter', id: 'c-' + spec.name });
  const area = el('textarea', {
    id,
    name: spec.name,
    rows: 3,
    maxlength: max,
    'aria-describedby': `e-${spec.name} c-${spec.name}`,
  });
  const count = () => (counter.textContent = ui.charCount(area.value.length, max));
  area.addEventListener('input', () => {
    count();
    onEdit();
  });
  count();
  const error = el('div', { class: 'field-error', id: 'e-' + spec.name });
  const row = el(
    'div',
    { class: 'field', id: 'row-' + spec.name },
    el('label', { for: id }, reportFieldLabels[spec.name]),
    area,
    counter,
    error,
  );
  return {
    spec,
    row,
    error,
    invalidTarget: area,
    get: () => area.value,
    set: (v) => {
      area.value = v;
      count();
    },
    focusTarget: () => area,
  };
}

/** Builds the form for an organisation type. */
export function buildReportForm(options: FormOptions): ReportForm {
  const controls = new Map<ReportField, Control>();
  const root = el('fieldset', { class: 'report-form', id: 'report-form' });
  const syncExplanation = () => {
    const row = controls.get('foreignMessengersExplanation')?.row;
    if (row) row.hidden = controls.get('noForeignMessengers')?.get() !== 'no';
  };
  for (const section of formSections(options.org)) {
    const headingId = 'h-' + section.id;
    const box = el(
      'section',
      { class: 'form-section', id: 'section-' + section.id, 'aria-labelledby': headingId },
      el('h2', { id: headingId }, ui.sections[section.id]),
    );
    for (const spec of section.fields) {
      const edit = () => {
        if (spec.name === 'noForeignMessengers') syncExplanation();
        options.onEdit(spec.name);
      };
      const control =
        spec.kind === 'count'
          ? countControl(spec, edit)
          : spec.kind === 'yesNo'
            ? yesNoControl(spec, edit)
            : textControl(spec, options.commentMaxLength, edit);
      controls.set(spec.name, control);
      box.appendChild(control.row);
      if (spec.name === 'teachersMeetingMinimum' && options.afterMinimum) box.appendChild(options.afterMinimum);
    }
    root.appendChild(box);
  }
  syncExplanation();
  return {
    root,
    read() {
      const values: FormValues = {};
      for (const [name, c] of controls) values[name] = c.get();
      return values;
    },
    write(values) {
      for (const [name, c] of controls) c.set(values[name] ?? '');
      syncExplanation();
    },
    showErrors(errors, visible) {
      for (const [name, c] of controls) {
        const message = visible(name) ? (errors.get(name) ?? '') : '';
        replaceChildren(c.error, message);
        if (message) c.invalidTarget.setAttribute('aria-invalid', 'true');
        else c.invalidTarget.removeAttribute('aria-invalid');
      }
    },
    focus(name) {
      controls
        .get(name as ReportField)
        ?.focusTarget()
        .focus();
    },
    fields: () => [...controls.keys()],
  };
}
