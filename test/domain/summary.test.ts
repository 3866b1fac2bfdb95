// District summary: statuses, lateness from the first version, totals, coverage, lists, trend, speed.
import {
  contributionOf,
  DISTRICT_TOTAL_KEYS,
  figuresOf,
  monthFiguresFrom,
  summariseDistrict,
} from '../../src/domain/summary';
import { periodFromKey } from '../../src/domain/period';
import { validateReport } from '../../src/domain/schemas/report';
import { validateOrganisation, type Organisation } from '../../src/domain/schemas/organisation';
import { defaultSettings } from '../../src/domain/schemas/settings';
import type { ReportRecord } from '../../src/domain/schemas/report';
import { generateDistrict } from '../../src/dev/district/generate';
import { organisation, report } from '../fixtures/records';

const msk = (iso: string): Date => new Date(iso + '+03:00');
const record = (base: ReturnType<typeof report>, over: Partial<ReportRecord>): ReportRecord => ({
  ...base,
  version: 1,
  submittedBy: 'coordinator@example.org',
  submittedAt: msk('2023-12-10T10:00:00').toISOString(),
  state: 'submitted',
  returnReason: '',
  ...over,
});

describe('summariseDistrict (hand-made)', () => {
  const school = organisation('school', { id: 's1' });
  const kg = organisation('preschool', { id: 'k1' });
  const extra = organisation('additional', { id: 'a1' });
  const late = organisation('school', { id: 's2' });
  const returned = organisation('school', { id: 's3' });
  const organisations = [school, kg, extra, late, returned];
  const reports: ReportRecord[] = [
    record(report(school, { orgId: 's1' }), { state: 'accepted' }),
    record(report(kg, { orgId: 'k1', noForeignMessengers: false, foreignMessengersExplanation: 'x' }), {}),
    record(report(late, { orgId: 's2', teachersConnected: 10 }), {
      submittedAt: msk('2023-12-31T00:00:00').toISOString(),
    }),
    record(report(returned, { orgId: 's3' }), { state: 'returned', returnReason: 'нет' }),
    record(report(returned, { orgId: 's3', teachersConnected: 19 }), {
      version: 2,
      submittedAt: msk('2024-01-05T00:00:00').toISOString(),
    }),
  ];
  const summary = summariseDistrict({
    organisations,
    reports,
    settings: defaultSettings(),
    asOf: msk('2024-01-10T09:00:00'),
  });

  it('covers the periods from the first reported month to the last ended one', () => {
    expect(summary.periods.map((p) => p.period)).toEqual(['2023-11', '2023-12']);
    expect(summary.periods[0]).toMatchObject({ periodLabel: 'ноябрь 2023', due: '30.12.2023' });
  });
  it('gives each organisation its status', () => {
    const nov = summary.periods[0]!;
    expect(nov.rows.map((r) => [r.orgId, r.statusLabel])).toEqual([
      ['s1', 'принят'],
      ['k1', 'сдан вовремя'],
      ['a1', 'просрочен'],
      ['s2', 'сдан с опозданием'],
      ['s3', 'сдан вовремя'],
    ]);
    expect(summary.periods[1]!.rows.every((r) => r.statusLabel === 'не сдан')).toBe(true);
    expect(nov.counts).toEqual({ 'not-submitted': 0, 'on-time': 2, late: 1, overdue: 1, accepted: 1, returned: 0 });
  });
  it('takes the latest version but judges lateness by the first', () => {
    const row = summary.periods[0]!.rows.find((r) => r.orgId === 's3')!;
    expect([row.report?.version, row.late, row.report?.teachersConnected]).toEqual([2, false, 19]);
  });
  it('lists late, missing, foreign-messenger and non-compliant organisations', () => {
    const nov = summary.periods[0]!;
    expect(nov.lateOrgIds).toEqual(['s2']);
    expect(nov.missingOrgIds).toEqual(['a1']);
    expect(nov.foreignMessengerOrgIds).toEqual(['k1']);
    expect(nov.nonCompliantOrgIds).toEqual(['k1', 's2', 's3']);
  });
  it('sums totals and coverage per role; «Моя школа» over schools only', () => {
    const nov = summary.periods[0]!;
    expect(nov.totals).toMatchObject({
      teachersTotal: 80,
      teachersConnected: 69,
      pupilsTotal: 600,
      schoolTeachersTotal: 60,
      mySchoolTeachers: 60,
    });
    expect(nov.coverage).toMatchObject({ teachers: 69 / 80, pupils: 1, mySchool: 1, teacherMinimum: 1 });
    expect(summary.periods[1]!.coverage).toEqual({
      teachers: null,
      pupils: null,
      parents: null,
      teacherMinimum: null,
      mySchool: null,
    });
  });
  it('builds the trend', () => {
    expect(summary.trend.map((t) => [t.period, t.submitted, t.onTime])).toEqual([
      ['2023-11', 0.8, 0.6],
      ['2023-12', 0, 0],
    ]);
  });
});

describe('generated district', () => {
  it('is deterministic and made of valid records with invented data', () => {
    const a = generateDistrict({ organisations: 30, months: 6, seed: 7 });
    expect(generateDistrict({ organisations: 30, months: 6, seed: 7 })).toEqual(a);
    const orgs = new Map(a.organisations.map((o) => [o.id, o]));
    for (const org of a.organisations) {
      expect(validateOrganisation(org, '2024-06-01').ok).toBe(true);
      expect(org.coordinatorEmails.every((e) => e.endsWith('@example.org'))).toBe(true);
    }
    for (const r of a.reports) {
      const result = validateReport(r, orgs.get(r.orgId)!);
      expect(result.ok ? [] : result.errors).toEqual([]);
      expect(Date.parse(r.submittedAt)).toBeLessThan(a.asOf.getTime());
    }
    expect(new Set(a.organisations.map((o) => o.type))).toEqual(new Set(['school', 'preschool', 'additional']));
  });
  it('summarises 500 organisations × 36 months (speed: npm run bench)', () => {
    const district = generateDistrict({ organisations: 500, months: 36 });
    const summary = summariseDistrict(district);
    expect(summary.periods).toHaveLength(36);
    expect(summary.periods[35]!.rows).toHaveLength(500);
    const statuses = new Set(summary.periods.flatMap((p) => p.rows.map((r) => r.status)));
    expect(statuses).toEqual(new Set(['not-submitted', 'on-time', 'late', 'overdue', 'accepted', 'returned']));
  });
});

describe('monthFiguresFrom (the month before, from the index’s contributions)', () => {
  const district = generateDistrict({ organisations: 40, months: 4, seed: 11 });
  const typeNow = (orgId: string) => district.organisations.find((o) => o.id === orgId)?.type;
  /** Each organisation's latest contribution of `period`, as the report index records it at submission. */
  const contributions = (
    reports: readonly ReportRecord[],
    period: string,
    typeOf: (orgId: string) => Organisation['type'] | undefined,
  ) => {
    const latest = new Map<string, ReportRecord>();
    for (const r of reports)
      if (r.period === period && (latest.get(r.orgId)?.version ?? 0) < r.version) latest.set(r.orgId, r);
    const c = new Map<string, number[]>();
    for (const [orgId, r] of latest) {
      const totals = contributionOf(r, typeOf(orgId));
      c.set(
        orgId,
        DISTRICT_TOTAL_KEYS.map((k) => totals[k]),
      );
    }
    return c;
  };
  const figures = (
    reports: readonly ReportRecord[],
    period: string,
    typeOf: (orgId: string) => Organisation['type'] | undefined,
  ) =>
    monthFiguresFrom(
      district.organisations,
      contributions(reports, period, typeOf),
      periodFromKey(period),
      district.settings.firstPeriod,
    );

  it('gives every month the figures its summary has', () => {
    for (const s of summariseDistrict(district).periods)
      expect(figures(district.reports, s.period, typeNow)).toEqual(figuresOf(s));
  });

  it('counts a contribution by the organisation’s type today, as the summary of its rows does', () => {
    // Sent when every school was a kindergarten and every other organisation a school: a report sent
    // as another type than a school has no «Моя школа» figure (validateReport clears it).
    const typeThen = (orgId: string) => (typeNow(orgId) === 'school' ? 'preschool' : 'school');
    const reports = district.reports.map((r) =>
      typeThen(r.orgId) === 'school' ? r : { ...r, mySchoolTeachers: null },
    );
    const s = summariseDistrict({ ...district, reports }).periods[2]!;
    const recorded = figures(reports, s.period, typeThen);
    expect(recorded.totals.schoolTeachersTotal).toBeGreaterThan(0);
    expect(recorded).toEqual(figuresOf(s));
  });
});
