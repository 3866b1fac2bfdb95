// `npm run stress` in small: formula, HTML and header-injection payloads in every text field take no effect.
import { injectPayloads, PAYLOADS } from '../../../src/dev/stress/payloads';

jest.setTimeout(300_000);

test('hostile text in every text field stays text: no formula cell, no raw HTML, no injected header', () => {
  const figures = injectPayloads(PAYLOADS.length);
  expect(figures.examples).toEqual([]);
  expect(figures.executed).toBe(0);
  expect(figures.payloads).toBe(PAYLOADS.length * 8);
});
