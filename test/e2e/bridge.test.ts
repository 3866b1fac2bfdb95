// The google.script shim behaves like Apps Script's: async handlers, user objects, refused Dates.
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import { district, COORD_A, STRANGER } from '../support/district';
import { openSidebar } from '../support/sidebar';

/** google.script.run as the page sees it: chainable set-up calls, then a server function by name. */
type ScriptRun = {
  withSuccessHandler(f: (value: { role: string }, user: unknown) => void): ScriptRun;
  withFailureHandler(f: (e: Error) => void): ScriptRun;
  withUserObject(u: unknown): ScriptRun;
} & Record<'getMyAccess' | 'submitReport' | 'getReportForm', (...args: unknown[]) => void>;
type PageWindow = { google: { script: { run: ScriptRun } } };

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

test('success and failure handlers receive the server answer and the user object', async () => {
  const d = district();
  const s = await openSidebar(browser, d, COORD_A, 'About');
  const answer = await s.page.evaluate(
    () =>
      new Promise((resolve) => {
        const g = (window as unknown as PageWindow).google.script.run;
        g.withSuccessHandler((v, u) => resolve({ role: v.role, u }))
          .withUserObject('marker')
          .getMyAccess();
      }),
  );
  expect(answer).toEqual({ role: 'coordinator', u: 'marker' });
  const s2 = await openSidebar(browser, d, STRANGER, 'About');
  const failure = await s2.page.evaluate(
    () =>
      new Promise((resolve) => {
        (window as unknown as PageWindow).google.script.run
          .withFailureHandler((e: Error) => resolve(e.message))
          .submitReport({ orgId: 'SCH-01' }, 'submission-xx01');
      }),
  );
  expect(failure).toContain('не указан в реестре');
});

test('a Date argument is refused, as Apps Script does, without reaching the server', async () => {
  const d = district();
  const s = await openSidebar(browser, d, COORD_A, 'About');
  const failure = await s.page.evaluate(
    () =>
      new Promise((resolve) => {
        (window as unknown as PageWindow).google.script.run
          .withFailureHandler((e: Error) => resolve(e.message))
          .getReportForm(new Date(), null);
      }),
  );
  expect(failure).toBe('Failed due to illegal value in property: 0');
  expect(s.calls).toEqual([]);
});
