// Compliance: each rule of the order, by organisation type and Settings.
import { checkCompliance, failedChecks, isCompliant, shareOf, type ComplianceCheck } from '../../src/domain/compliance';
import { plural } from '../../src/domain/messages';
import { defaultSettings } from '../../src/domain/schemas/settings';
import { organisation, report } from '../fixtures/records';

const settings = defaultSettings();
const byId = (checks: ComplianceCheck[]) => Object.fromEntries(checks.map((c) => [c.id, c]));
const msk = (iso: string): Date => new Date(iso + '+03:00');

describe('checkCompliance', () => {
  it('a complete school report passes every rule', () => {
    const org = organisation('school');
    const checks = checkCompliance(report(org), org, settings, msk('2023-12-20T10:00:00'));
    expect(checks.map((c) => c.id)).toEqual([
      'teachersCoverage',
      'pupilsCoverage',
      'parentsCoverage',
      'groupsCreated',
      'staffChat',
      'pupilChats',
      'parentChats',
      'teacherMinimum',
      'mySchool',
      'coordinatorAppointed',
      'noForeignMessengers',
      'submittedOnTime',
    ]);
    expect(failedChecks(checks)).toEqual([]);
    expect(isCompliant(checks)).toBe(true);
    const c = byId(checks);
    expect(c.parentsCoverage).toMatchObject({ ok: null, actual: 250 / 300, target: null });
    expect(c.coordinatorAppointed).toMatchObject({ ok: true, actual: '№ 12-од от 17.11.2023' });
    expect(c.submittedOnTime).toMatchObject({ ok: true, actual: '20.12.2023', target: '30.12.2023' });
    expect(c.teacherMinimum?.label).toBe('Педагоги выполняют минимум: 10 сообщений и 1 звонок в неделю (п. 4)');
  });
  it('flags each shortfall', () => {
    const org = organisation('school', { appointmentOrderDate: null });
    const bad = report(org, {
      teachersConnected: 19,
      pupilsConnected: 150,
      groupsInSferum: 10,
      staffChat: false,
      pupilChats: 9,
      parentChats: 3,
      teachersMeetingMinimum: 5,
      mySchoolTeachers: 18,
      noForeignMessengers: false,
      foreignMessengersExplanation: 'x',
    });
    const c = byId(checkCompliance(bad, org, settings, msk('2023-12-31T00:00:00')));
    for (const id of [
      'teachersCoverage',
      'pupilsCoverage',
      'groupsCreated',
      'staffChat',
      'pupilChats',
      'parentChats',
      'teacherMinimum',
      'mySchool',
      'coordinatorAppointed',
      'noForeignMessengers',
      'submittedOnTime',
    ]) {
      expect([id, c[id]?.ok]).toEqual([id, false]);
    }
    expect(c.teachersCoverage).toMatchObject({ actual: 0.95, target: 1 });
    expect(c.pupilChats).toMatchObject({ actual: 9, target: 11 });
    expect(c.coordinatorAppointed?.actual).toBeNull();
  });
  it('kindergartens: pupil rules and «Моя школа» do not apply', () => {
    const org = organisation('preschool');
    const c = byId(checkCompliance(report(org), org, settings));
    expect([c.pupilsCoverage?.ok, c.pupilChats?.ok, c.mySchool?.ok]).toEqual([null, null, null]);
    expect(c.parentChats?.ok).toBe(true);
    expect(c.submittedOnTime).toMatchObject({ ok: null, actual: null });
  });
  it('additional education: pupils apply, «Моя школа» does not', () => {
    const org = organisation('additional');
    const c = byId(checkCompliance(report(org, { pupilsConnected: 10 }), org, settings));
    expect([c.pupilsCoverage?.ok, c.mySchool?.ok]).toEqual([false, null]);
  });
  it('honours Settings: targets, thresholds and the deadline day', () => {
    const org = organisation('school');
    const custom = {
      ...defaultSettings(),
      deadlineDay: 10,
      minMessagesPerWeek: 5,
      minCallsPerWeek: 2,
      coverageTargets: { teachers: 0.9, pupils: null, parents: 0.8, teacherMinimum: 0.5, mySchool: 1 },
    };
    const c = byId(
      checkCompliance(
        report(org, { teachersConnected: 18, pupilsConnected: 1, teachersMeetingMinimum: 10 }),
        org,
        custom,
        msk('2023-12-11T00:00:00'),
      ),
    );
    expect([
      c.teachersCoverage?.ok,
      c.pupilsCoverage?.ok,
      c.parentsCoverage?.ok,
      c.teacherMinimum?.ok,
      c.submittedOnTime?.ok,
    ]).toEqual([true, null, true, true, false]);
    expect(c.teacherMinimum?.label).toBe('Педагоги выполняют минимум: 5 сообщений и 2 звонка в неделю (п. 4)');
  });
  it('an organisation with nothing to cover passes coverage', () => {
    const org = organisation('additional');
    const empty = report(org, {
      pupilsTotal: 0,
      pupilsConnected: 0,
      groupsTotal: 0,
      groupsInSferum: 0,
      pupilChats: 0,
      parentChats: 0,
    });
    const c = byId(checkCompliance(empty, org, settings));
    expect([c.pupilsCoverage?.ok, c.pupilsCoverage?.actual, c.groupsCreated?.ok]).toEqual([true, null, true]);
    expect(shareOf(0, 0)).toBeNull();
  });
});

describe('plural', () => {
  it.each([
    [1, '1 звонок'],
    [2, '2 звонка'],
    [5, '5 звонков'],
    [11, '11 звонков'],
    [21, '21 звонок'],
    [112, '112 звонков'],
    [0, '0 звонков'],
  ])('%i', (n, text) => expect(plural(n, 'звонок', 'звонка', 'звонков')).toBe(text));
});
