// Which fields the form shows for an organisation, and conversions between form text and a report.
import type { MonthlyReport, ReportField } from '../../domain/schemas/report';

export type FieldKind = 'count' | 'yesNo' | 'text';

export interface FieldSpec {
  name: ReportField;
  kind: FieldKind;
  optional?: boolean;
}

export type SectionId = 'sferum' | 'mySchool' | 'attestation' | 'comment';

export interface SectionSpec {
  id: SectionId;
  fields: FieldSpec[];
}

/** What the form needs to know about the organisation's type. */
export interface OrgFlags {
  hasPupils: boolean;
  hasMySchool: boolean;
}

/** Raw form values: counts as typed digits, yes/no as 'yes' | 'no' | '' (not chosen), text as typed. */
export type FormValues = Partial<Record<ReportField, string>>;

/** Totals carried over from last month's report (they rarely change). */
export const TOTAL_FIELDS: readonly ReportField[] = ['teachersTotal', 'pupilsTotal', 'parentsTotal', 'groupsTotal'];

/** Longest text a count field takes: «9 999 999» (COUNT_MAX with its thousands separators). */
export const COUNT_MAX_LENGTH = 9;

const count = (name: ReportField, optional = false): FieldSpec => ({ name, kind: 'count', optional });

/** The form's sections: kindergartens have no pupil fields, only schools have «Моя школа». */
export function formSections(org: OrgFlags): SectionSpec[] {
  const pupils = (f: FieldSpec): FieldSpec[] => (org.hasPupils ? [f] : []);
  const sections: SectionSpec[] = [
    {
      id: 'sferum',
      fields: [
        count('teachersTotal'),
        count('teachersConnected'),
        ...pupils(count('pupilsTotal')),
        ...pupils(count('pupilsConnected')),
        count('parentsTotal'),
        count('parentsConnected'),
        count('groupsTotal'),
        count('groupsInSferum'),
        { name: 'staffChat', kind: 'yesNo' },
        ...pupils(count('pupilChats')),
        count('parentChats'),
        count('teachersMeetingMinimum'),
        count('teacherMessages', true),
        count('teacherCalls', true),
      ],
    },
  ];
  if (org.hasMySchool) sections.push({ id: 'mySchool', fields: [count('mySchoolTeachers')] });
  sections.push(
    {
      id: 'attestation',
      fields: [
        { name: 'noForeignMessengers', kind: 'yesNo' },
        { name: 'foreignMessengersExplanation', kind: 'text' },
      ],
    },
    { id: 'comment', fields: [{ name: 'comment', kind: 'text' }] },
  );
  return sections;
}

/**
 * Drops the spaces a copied figure may carry (thousands separators, non-breaking spaces) and
 * nothing else: «12,5», «-5» or «3o» stay as typed, so the schema names the mistake beside the field
 * instead of the form silently turning them into 125, 5 or 3.
 */
export function cleanCount(text: string): string {
  return text.replace(/\s/g, '');
}

const yesNoValue = (text: string | undefined): boolean | null => (text === 'yes' ? true : text === 'no' ? false : null);

/** The form's values as the input validateReport() and submitReport() take. */
export function toReportInput(
  values: FormValues,
  orgId: string,
  period: string,
  org: OrgFlags,
): Record<string, unknown> {
  const input: Record<string, unknown> = { orgId, period };
  for (const section of formSections(org)) {
    for (const field of section.fields) {
      const raw = values[field.name] ?? '';
      input[field.name] = field.kind === 'yesNo' ? yesNoValue(raw) : raw;
    }
  }
  if (input.noForeignMessengers !== false) input.foreignMessengersExplanation = '';
  return input;
}

/** A stored report as form values (null = empty). */
export function fromReport(report: MonthlyReport): FormValues {
  const values: FormValues = {};
  for (const [name, value] of Object.entries(report) as [ReportField, unknown][]) {
    if (name === 'orgId' || name === 'period') continue;
    values[name] =
      value === null || value === undefined ? '' : typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value);
  }
  return values;
}

/** Last month's totals only, to pre-fill a new report. */
export function totalsOf(report: MonthlyReport): FormValues {
  const all = fromReport(report);
  const values: FormValues = {};
  for (const name of TOTAL_FIELDS) if (all[name]) values[name] = all[name];
  return values;
}
