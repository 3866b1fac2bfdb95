// What the sidebar sends about teachers: counts only, unless Settings allow weekly figures under codes
// and every pasted teacher is under a code and the count in the form is still the pasted one.
import { storableWeeks } from '../../../src/client/coordinator/paste';
import { submissionPayload } from '../../../src/client/coordinator/submission';
import { summariseTeacherActivity } from '../../../src/domain/teacherActivity';
import { report, organisation } from '../../fixtures/records';

const nov2023 = { year: 2023, month: 11 };
const coded = 'П-01\t12\t1\t10\t1\t11\t1\nП-02\t9\t1\t10\t1\t11\t1';
const summary = (text: string) => summariseTeacherActivity(text, { period: nov2023 });

test('weekly figures may leave only with the setting on and a code for every teacher', () => {
  expect(storableWeeks(summary(coded), false)).toBeNull();
  expect(storableWeeks(summary(coded), true)?.map((t) => t.code)).toEqual(['П-01', 'П-02']);
  expect(storableWeeks(summary(coded + '\nСидорова\t10\t1\t10\t1\t10\t1'), true)).toBeNull();
  expect(storableWeeks(summary('12\t1\t10\t1\t11\t1'), true)).toBeNull();
  expect(storableWeeks(summary(''), true)).toBeNull();
});

test('the payload carries the figures only while the form keeps the pasted count', () => {
  const school = organisation('school');
  const weeks = storableWeeks(summary(coded), true)!;
  const pending = { count: 1, teacherWeeks: weeks };
  expect(submissionPayload(report(school, { teachersMeetingMinimum: 1 }), pending, true)).toEqual({
    ...report(school, { teachersMeetingMinimum: 1 }),
    teacherWeeks: weeks,
  });
  expect(submissionPayload(report(school, { teachersMeetingMinimum: 2 }), pending, true)).toEqual(
    report(school, { teachersMeetingMinimum: 2 }),
  );
  expect(submissionPayload(report(school, { teachersMeetingMinimum: 1 }), pending, false)).not.toHaveProperty(
    'teacherWeeks',
  );
  expect(submissionPayload(report(school, { teachersMeetingMinimum: 1 }), null, true)).not.toHaveProperty(
    'teacherWeeks',
  );
});
