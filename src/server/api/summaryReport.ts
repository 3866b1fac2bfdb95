// The admin's report panel beyond one version: each figure beside last month's with its change,
// the organisation's last 12 months, and for a hand-edited version the fields that differ from what
// the add-on wrote (rebuilt from the change log's «стало» texts). From data already read.
import { show } from '../../domain/auditText';
import { countChange } from '../../domain/comparison';
import { auditActions, reportFieldLabels, summaryUi, teacherWeeksTexts } from '../../domain/messages';
import { percentText } from '../../domain/checkText';
import { comparePeriods, periodFromKey, periodRange, type Period } from '../../domain/period';
import { hasMySchool, hasPupils, type Organisation } from '../../domain/schemas/organisation';
import type { ReportRecord } from '../../domain/schemas/report';
import type { Settings } from '../../domain/schemas/settings';
import { summariseDistrict } from '../../domain/summary';
import { AUDIT_LAYOUT } from '../storage/auditSheet';
import { readTable, requireSheet } from '../storage/table';
import type { EditedFieldView, HistoryMonthView, ReportFieldView } from '../../contract/summary';

type FieldKey = keyof typeof reportFieldLabels;
const FIELD_ORDER = Object.keys(reportFieldLabels).filter((k) => k !== 'orgId' && k !== 'period') as FieldKey[];
const PUPIL_FIELDS: readonly string[] = ['pupilsTotal', 'pupilsConnected', 'pupilChats'];
/** How many months the report panel's history shows. */
export const HISTORY_MONTHS = 12;

/** The report fields that apply to the organisation's type, in the form's order. */
export function fieldKeys(org: Organisation): FieldKey[] {
  return FIELD_ORDER.filter(
    (f) => (hasPupils(org.type) || !PUPIL_FIELDS.includes(f)) && (hasMySchool(org.type) || f !== 'mySchoolTeachers'),
  );
}

const fieldValue = (r: ReportRecord, key: FieldKey): unknown => (r as unknown as Record<string, unknown>)[key];

function fieldText(value: unknown): string {
  if (value === null || value === undefined || value === '') return summaryUi.empty;
  if (typeof value === 'boolean') return value ? summaryUi.yes : summaryUi.no;
  return String(value);
}

/** A version's fields, each beside the previous month's (numbers only) with the change. */
export function compareFields(
  r: ReportRecord,
  previous: ReportRecord | null,
  keys: readonly FieldKey[],
  threshold: number | null,
): ReportFieldView[] {
  return keys.map((key) => {
    const now = fieldValue(r, key);
    const before = previous ? fieldValue(previous, key) : null;
    const numbers = typeof now === 'number' && typeof before === 'number';
    const change = numbers ? countChange(now, before, threshold) : { text: '', flagged: false };
    return {
      key,
      label: reportFieldLabels[key],
      value: fieldText(now),
      previous: numbers ? fieldText(before) : '',
      change: change.text,
      flagged: change.flagged,
    };
  });
}

/**
 * The organisation's last HISTORY_MONTHS reported months up to `upTo` (not before the first
 * reported month), oldest first: status, two headline figures and the coverage shares.
 */
export function organisationHistory(
  org: Organisation,
  reports: readonly ReportRecord[],
  settings: Settings,
  upTo: Period,
  now: Date,
): HistoryMonthView[] {
  const first = periodFromKey(settings.firstPeriod);
  const all = periodRange(first, upTo);
  const periods = all.slice(Math.max(0, all.length - HISTORY_MONTHS));
  if (periods.length === 0 || comparePeriods(upTo, first) < 0) return [];
  const summary = summariseDistrict({ organisations: [org], reports, settings, asOf: now, periods });
  return summary.periods.map((p) => {
    const row = p.rows[0]!;
    const rep = row.report;
    const ofText = (part: number | null, whole: number | null): string =>
      part === null || whole === null || whole === 0
        ? ''
        : `${summaryUi.coverageOf(part, whole)} (${percentText(part / whole)})`;
    return {
      period: p.period,
      label: p.periodLabel,
      status: row.status,
      statusLabel: row.statusLabel,
      figures: rep
        ? summaryUi.historyFigures(
            ofText(rep.teachersConnected, rep.teachersTotal),
            ofText(rep.pupilsConnected, rep.pupilsTotal),
          )
        : '',
      ...p.coverage,
    };
  });
}

/** The «Метка: значение» pairs of an audit text, for the given labels (values may hold «; »). */
export function parseAuditFields(text: string, labels: Record<string, string>): Record<string, string> {
  const marks: { at: number; key: string | null; length: number }[] = [];
  const terminator = teacherWeeksTexts.audit(1).split(':')[0]! + ': ';
  const candidates: [string | null, string][] = [
    ...Object.entries(labels).map(([k, l]): [string, string] => [k, l + ': ']),
    [null, terminator],
  ];
  for (const [key, prefix] of candidates) {
    for (let at = text.indexOf(prefix); at >= 0; at = text.indexOf(prefix, at + 1)) {
      if (at === 0 || text.slice(at - 2, at) === '; ') marks.push({ at, key, length: prefix.length });
    }
  }
  marks.sort((a, b) => a.at - b.at || b.length - a.length);
  const fields: Record<string, string> = {};
  marks.forEach((m, i) => {
    if (m.key === null || (i > 0 && marks[i - 1]!.at === m.at)) return;
    const end = marks.slice(i + 1).find((n) => n.at > m.at)?.at;
    fields[m.key] = text.slice(m.at + m.length, end === undefined ? text.length : end - 2);
  });
  return fields;
}

/**
 * For each version of one organisation's month, the field texts the add-on wrote: version 1's
 * audit names every field, each later one only those it changed (describeChanges).
 */
export function writtenVersions(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  orgId: string,
  period: string,
): Map<number, Record<string, string>> {
  const written = new Map<number, Record<string, string>>();
  let current: Record<string, string> = {};
  for (const r of readTable(requireSheet(ss, AUDIT_LAYOUT), AUDIT_LAYOUT)) {
    const v = r.values;
    if (v.action !== auditActions.submit || v.orgId !== orgId || v.period !== period) continue;
    current = { ...current, ...parseAuditFields(String(v.after), reportFieldLabels) };
    written.set(written.size + 1, current);
  }
  return written;
}

/** The fields of a hand-edited version that differ from what the add-on wrote; null when not logged. */
export function editedFields(
  r: ReportRecord,
  written: Record<string, string> | undefined,
  keys: readonly FieldKey[],
): EditedFieldView[] | null {
  if (!written) return null;
  return keys
    .filter((k) => k in written && written[k] !== show(fieldValue(r, k)))
    .map((k) => ({ label: reportFieldLabels[k], written: written[k]!, now: show(fieldValue(r, k)) }));
}
