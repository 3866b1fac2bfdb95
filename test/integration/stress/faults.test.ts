// `npm run stress` in small: every mid-write fault of a submission and a return is named or absent
// and completed exactly once by a retry; every kind of hand edit (deletion, replay, duplicate,
// truncation, reorder, rows inserted or deleted while the add-on writes) is named or harmless.
import { faultsAndHandEdits } from '../../../src/dev/stress/faults';

jest.setTimeout(600_000);

test('mid-write faults and hand edits of the grid: none undetected', () => {
  const figures = faultsAndHandEdits(1, 2);
  expect(figures.examples).toEqual([]);
  expect(figures.undetected).toBe(0);
  expect(figures.faults).toBeGreaterThan(20);
});
