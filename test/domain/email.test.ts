// The same person whatever the form of the address: case, googlemail.com, dots in personal Gmail.
import { normaliseEmail, sameEmail } from '../../src/domain/email';

test('case and surrounding spaces never make two people', () => {
  expect(normaliseEmail('  Coord.School1@Example.ORG ')).toBe('coord.school1@example.org');
  expect(sameEmail('COORD.SCHOOL1@example.org', 'coord.school1@example.org')).toBe(true);
});

test('googlemail.com is gmail.com, and dots in a personal Gmail name do not count', () => {
  expect(normaliseEmail('School.Coordinator@googlemail.com')).toBe('schoolcoordinator@gmail.com');
  expect(sameEmail('s.c.oordinator@gmail.com', 'SCoordinator@googlemail.com')).toBe(true);
});

test('dots still count outside Gmail: a Workspace domain may give them to two people', () => {
  expect(sameEmail('first.last@example.org', 'firstlast@example.org')).toBe(false);
  expect(normaliseEmail('first.last@example.org')).toBe('first.last@example.org');
});

test('an empty address is nobody, not a match for another empty address', () => {
  expect(sameEmail('', '')).toBe(false);
  expect(normaliseEmail('')).toBe('');
});
