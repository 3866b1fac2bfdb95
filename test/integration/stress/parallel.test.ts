// `npm run stress` in small: parallel submissions in worker threads lose nothing and double nothing
// under the document lock, while the negative control (a lock that excludes no one) does.
import { parallelSubmissions } from '../../../src/dev/stress/submissions';

jest.setTimeout(300_000);

test('20 submissions in parallel worker threads: none lost, none duplicated', async () => {
  const figures = await parallelSubmissions(2, 10, true);
  expect(figures).toMatchObject({ submitted: 20, lost: 0, duplicated: 0, failed: 0 });
});

test('without the lock the same submissions lose or double versions (the negative control)', async () => {
  // Races are not certain in one batch: up to three batches, until one shows the damage.
  let damage = 0;
  for (let attempt = 0; attempt < 3 && damage === 0; attempt++) {
    const figures = await parallelSubmissions(1, 12, false);
    damage = figures.lost + figures.duplicated;
  }
  expect(damage).toBeGreaterThan(0);
});
