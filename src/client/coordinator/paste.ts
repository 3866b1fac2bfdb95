// «Вставить данные педагогов»: per-teacher weekly figures pasted from a spreadsheet are counted here,
// in the browser; only the number of teachers who met the minimum goes into the report — unless the
// admin turned on «Хранить данные педагогов под кодами» and every teacher is under a code: then the
// weekly figures go too, under the codes (never names).
import { formatDate, type CalendarDate } from '../../domain/calendar';
import { coordinatorUi as ui, pasteErrors, pasteWeeksTexts, teacherWeeksTexts } from '../../domain/messages';
import type { Period } from '../../domain/period';
import { TEXT_CELL_MAX } from '../../domain/schemas/fields';
import { formatTeacherWeeks, TEACHER_WEEKS_MAX_TEACHERS } from '../../domain/schemas/teacherWeeks';
import {
  fullWeeksOf,
  summariseTeacherActivity,
  type TeacherActivitySummary,
  type TeacherWeeks,
} from '../../domain/teacherActivity';
import { el, replaceChildren } from './dom';

export interface PasteOptions {
  period: Period;
  minMessages: number;
  minCalls: number;
  /** Settings «Хранить данные педагогов под кодами». */
  storeTeacherCodes: boolean;
  /** Puts the count into the report's field; `teacherWeeks` is what may be stored with it (null = counts only). */
  onApply(count: number, teacherWeeks: TeacherWeeks[] | null): void;
}

export interface PastePanel {
  root: HTMLElement;
  /** The count was changed by hand: the applied weekly figures will not be sent; say so. */
  forgetWeeks(): void;
}

/** The weekly figures that may leave the browser for this paste, or null (counts only). */
export function storableWeeks(summary: TeacherActivitySummary, storeTeacherCodes: boolean): TeacherWeeks[] | null {
  if (!storeTeacherCodes || summary.teachers === 0 || !summary.teacherWeeks) return null;
  if (summary.teacherWeeks.length !== summary.teachers || summary.teacherWeeks.length > TEACHER_WEEKS_MAX_TEACHERS)
    return null;
  // The server stores them in one cell: what would not fit is never sent (counts only).
  if (formatTeacherWeeks(summary.teacherWeeks).length > TEXT_CELL_MAX) return null;
  return summary.teacherWeeks;
}

/** «06.11–12.11, 13.11–19.11, …»: the month's full Monday–Sunday weeks. */
function weekRanges(starts: readonly CalendarDate[]): string {
  const short = (d: CalendarDate): string => formatDate(d).slice(0, 5);
  return starts.map((s) => `${short(s)}–${short({ ...s, day: s.day + 6 })}`).join(', ');
}

/** Builds the collapsible paste panel. */
export function buildPastePanel(options: PasteOptions): PastePanel {
  const area = el('textarea', {
    id: 'paste-text',
    rows: 5,
    wrap: 'off',
    spellcheck: 'false',
    autocomplete: 'off',
    'aria-describedby': 'paste-hint paste-privacy',
  });
  const result = el('div', { id: 'paste-result', class: 'paste-result', role: 'status' });
  const apply = el('button', { type: 'button', id: 'paste-apply', disabled: true }, ui.paste.apply);
  const starts = fullWeeksOf(options.period);
  const blankChoice = (value: 'zero' | 'refuse', text: string) => {
    const radio = el('input', { type: 'radio', name: 'paste-blanks', id: 'paste-blanks-' + value, value });
    if (value === 'zero') radio.checked = true;
    radio.addEventListener('change', () => recount());
    return el('label', { for: 'paste-blanks-' + value }, radio, ' ' + text);
  };
  const blanks = el(
    'fieldset',
    { class: 'paste-blanks', id: 'paste-blanks' },
    el('legend', {}, pasteWeeksTexts.blanksLegend),
    blankChoice('zero', pasteWeeksTexts.blanksZero),
    blankChoice('refuse', pasteWeeksTexts.blanksRefuse),
  );
  const blankMode = (): 'zero' | 'refuse' =>
    blanks.querySelector<HTMLInputElement>('#paste-blanks-refuse')?.checked ? 'refuse' : 'zero';
  let met: number | null = null;
  let weeks: TeacherWeeks[] | null = null;
  let note: HTMLElement | null = null;

  /** What happens to the weekly figures when storing is on (nothing is said when it is off). */
  const storeNote = (summary: TeacherActivitySummary): HTMLElement | null => {
    if (!options.storeTeacherCodes || summary.teachers === 0) return null;
    const text = weeks
      ? teacherWeeksTexts.willStore
      : summary.teacherWeeks && summary.teacherWeeks.length > TEACHER_WEEKS_MAX_TEACHERS
        ? teacherWeeksTexts.tooManyToStore(TEACHER_WEEKS_MAX_TEACHERS)
        : summary.teacherWeeks && formatTeacherWeeks(summary.teacherWeeks).length > TEXT_CELL_MAX
          ? teacherWeeksTexts.tooMuchToStore
          : teacherWeeksTexts.countsOnly;
    return el('p', { id: 'paste-store', class: 'muted' }, text);
  };

  const recount = () => {
    met = null;
    weeks = null;
    apply.disabled = true;
    if (area.value.trim() === '') return replaceChildren(result);
    const summary = summariseTeacherActivity(area.value, {
      period: options.period,
      minMessages: options.minMessages,
      minCalls: options.minCalls,
      blanks: blankMode(),
    });
    weeks = storableWeeks(summary, options.storeTeacherCodes);
    note = storeNote(summary);
    const issues = summary.issues.map((i) => el('li', {}, i.row > 0 ? pasteErrors.atRow(i.row, i.message) : i.message));
    replaceChildren(
      result,
      summary.teachers > 0
        ? el(
            'p',
            { id: 'paste-count', class: 'paste-count' },
            ui.paste.result(summary.metMinimum, summary.teachers, summary.weeks),
          )
        : null,
      note,
      issues.length > 0 ? el('p', { class: 'field-error' }, ui.paste.unreadable(issues.length)) : null,
      issues.length > 0 ? el('ul', { id: 'paste-issues', class: 'paste-issues' }, ...issues) : null,
    );
    if (summary.teachers > 0) {
      met = summary.metMinimum;
      apply.disabled = false;
    }
  };
  area.addEventListener('input', recount);
  apply.addEventListener('click', () => {
    if (met === null) return;
    options.onApply(met, weeks);
    result.querySelector('#paste-dropped')?.remove();
    result.querySelector('.ok-text')?.remove();
    if (note && !result.contains(note)) result.querySelector('#paste-count')?.after(note);
    result.appendChild(el('p', { class: 'ok-text' }, ui.paste.applied(met)));
  });

  const root = el(
    'details',
    { class: 'paste', id: 'paste' },
    el('summary', {}, ui.paste.title),
    el('p', { class: 'muted', id: 'paste-hint' }, ui.paste.hint(options.minMessages, options.minCalls)),
    el('p', { class: 'muted', id: 'paste-weeks' }, pasteWeeksTexts.weeks(starts.length, weekRanges(starts))),
    blanks,
    el(
      'p',
      { class: 'muted', id: 'paste-privacy' },
      options.storeTeacherCodes ? teacherWeeksTexts.privacyStored : ui.paste.privacy,
    ),
    el('label', { for: 'paste-text' }, ui.paste.label),
    area,
    result,
    apply,
  );
  return {
    root,
    forgetWeeks() {
      if (result.querySelector('#paste-dropped')) return;
      note?.remove();
      result.appendChild(el('p', { id: 'paste-dropped', class: 'muted' }, teacherWeeksTexts.dropped));
    },
  };
}
