// `npm run stress` in small: fuzzed API calls (fast-check, fixed seed); none that must be refused is accepted.
import { fuzzApi } from '../../../src/dev/stress/fuzz';

jest.setTimeout(300_000);

test('300 fuzzed calls by every kind of caller: nothing invalid accepted, nothing valid refused', () => {
  const figures = fuzzApi(300, 15);
  expect(figures.examples).toEqual([]);
  expect(figures).toMatchObject({ cases: 300, wronglyAccepted: 0, validRefused: 0 });
});
