// Pure logic of the coordinator's form: sections by type, form text ↔ report, early part/whole checks, keys.
import { cleanCount, formSections, fromReport, toReportInput, totalsOf } from '../../../src/client/coordinator/fields';
import { SubmissionAttempt, newSubmissionKey } from '../../../src/client/coordinator/submission';
import { checkForm } from '../../../src/client/coordinator/validation';
import type { MonthlyReport } from '../../../src/domain/schemas/report';

const school = { id: 'SCH-01', name: 'Школа', type: 'school' as const, hasPupils: true, hasMySchool: true };
const kinder = { id: 'DOU-02', name: 'Сад', type: 'preschool' as const, hasPupils: false, hasMySchool: false };
const names = (org: { hasPupils: boolean; hasMySchool: boolean }) =>
  formSections(org).flatMap((s) => s.fields.map((f) => f.name));

const complete = {
  teachersTotal: '40',
  teachersConnected: '38',
  pupilsTotal: '420',
  pupilsConnected: '400',
  parentsTotal: '600',
  parentsConnected: '450',
  groupsTotal: '20',
  groupsInSferum: '20',
  staffChat: 'yes',
  pupilChats: '20',
  parentChats: '20',
  teachersMeetingMinimum: '30',
  teacherMessages: '',
  teacherCalls: '',
  mySchoolTeachers: '36',
  noForeignMessengers: 'yes',
  foreignMessengersExplanation: '',
  comment: '',
};

test('a kindergarten has no pupil fields and no «Моя школа» section', () => {
  expect(formSections(kinder).map((s) => s.id)).toEqual(['sferum', 'attestation', 'comment']);
  expect(names(kinder)).not.toEqual(expect.arrayContaining(['pupilsTotal']));
  expect(names(kinder).filter((n) => /pupil|mySchool/.test(n))).toEqual([]);
  expect(formSections(school).map((s) => s.id)).toEqual(['sferum', 'mySchool', 'attestation', 'comment']);
});

test('count fields drop spaces only: a decimal, a minus or a letter stays for the schema to name', () => {
  expect(cleanCount('1 234\u00a0567')).toBe('1234567');
  expect(cleanCount('12,5')).toBe('12,5');
  expect(cleanCount('-5')).toBe('-5');
  expect(cleanCount('3o')).toBe('3o');
  expect(cleanCount('123456789')).toBe('123456789');
  expect(
    checkForm({ ...complete, teachersConnected: cleanCount('12,5') }, school, '2023-11').errors.get(
      'teachersConnected',
    ),
  ).toBe('«Подключено педагогов»: нужно целое число, а указано «12,5».');
});

test('form text becomes the report input and back; a «yes» attestation drops a stale explanation', () => {
  const input = toReportInput(
    { ...complete, foreignMessengersExplanation: 'старый текст' },
    'SCH-01',
    '2023-11',
    school,
  );
  expect(input).toMatchObject({
    orgId: 'SCH-01',
    period: '2023-11',
    staffChat: true,
    noForeignMessengers: true,
    foreignMessengersExplanation: '',
    teachersTotal: '40',
  });
  const check = checkForm(complete, school, '2023-11');
  expect(check.ok).toBe(true);
  if (!check.ok) return;
  expect(fromReport(check.report)).toMatchObject({ teachersTotal: '40', staffChat: 'yes', teacherMessages: '' });
  expect(totalsOf(check.report as MonthlyReport)).toEqual({
    teachersTotal: '40',
    pupilsTotal: '420',
    parentsTotal: '600',
    groupsTotal: '20',
  });
});

test('connected > total is reported as soon as both are typed, even with other fields empty', () => {
  const check = checkForm({ teachersTotal: '40', teachersConnected: '45' }, school, '2023-11');
  expect(check.ok).toBe(false);
  expect(check.errors.get('teachersConnected')).toBe('Подключено педагогов (45) больше, чем всего педагогов (40)');
  expect(check.errors.get('teachersTotal')).toBeUndefined();
  expect(
    checkForm({ ...complete, noForeignMessengers: 'no' }, school, '2023-11').errors.get('foreignMessengersExplanation'),
  ).toContain('Поясните');
});

test('one key per attempt: the same payload reuses it, changed values or a finished attempt get a new one', () => {
  let n = 0;
  const attempt = new SubmissionAttempt(() => `key-000${++n}`);
  expect(attempt.keyFor({ a: 1 })).toBe('key-0001');
  expect(attempt.keyFor({ a: 1 })).toBe('key-0001');
  expect(attempt.keyFor({ a: 2 })).toBe('key-0002');
  attempt.finish();
  expect(attempt.keyFor({ a: 2 })).toBe('key-0003');
  expect(newSubmissionKey()).toMatch(/^sub-[0-9a-f]{32}$/);
});
