// Human-readable «было → стало» texts for the audit sheet, with the catalogue's field labels.
import { organisationFieldLabels, reportFieldLabels } from './messages';
import { monthsInWords } from './period';

/** A field value as the audit writes it («—», «да», «нет», lists joined). */
export const show = (value: unknown): string =>
  value === null || value === undefined || value === ''
    ? '—'
    : value === true
      ? 'да'
      : value === false
        ? 'нет'
        : Array.isArray(value)
          ? value.join(', ')
          : String(value);

/** Fields holding a month key (report, registry, settings): shown in words, «ноябрь 2023». */
const MONTH_FIELDS: ReadonlySet<string> = new Set(['period', 'reportsFrom', 'firstPeriod']);

/** A field's value as the audit writes it: `show`, with a month in words. */
const showField = (key: string, value: unknown): string =>
  MONTH_FIELDS.has(key) && typeof value === 'string' && value !== '' ? monthsInWords(value) : show(value);

/** «Метка: значение; …» for every field of a record that has a label. */
export function describeRecord(record: Record<string, unknown>, labels: Record<string, string>): string {
  return Object.keys(labels)
    .filter((k) => k in record)
    .map((k) => `${labels[k]}: ${showField(k, record[k])}`)
    .join('; ');
}

/** Only the fields that differ: [before text, after text]. */
export function describeChanges(
  before: Record<string, unknown> | null,
  after: Record<string, unknown>,
  labels: Record<string, string>,
): [string, string] {
  if (!before) return ['', describeRecord(after, labels)];
  const changed = Object.keys(labels).filter((k) => show(before[k]) !== show(after[k]));
  return [
    changed.map((k) => `${labels[k]}: ${showField(k, before[k])}`).join('; '),
    changed.map((k) => `${labels[k]}: ${showField(k, after[k])}`).join('; '),
  ];
}

export const reportLabels: Record<string, string> = reportFieldLabels;
export const organisationLabels: Record<string, string> = organisationFieldLabels;
