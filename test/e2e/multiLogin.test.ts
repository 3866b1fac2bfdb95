// A user signed in to several Google accounts at once: Google fails every google.script.run call
// (multi-login "isn't supported for Apps Script, add-ons, or web apps"); the sidebars say in
// Russian what to do instead of showing Google's English error.
import type { Browser } from 'playwright-core';
import { identityHelp } from '../../src/domain/messages';
import { launchBrowser } from '../support/browser';
import { COORD_A, district, OWNER } from '../support/district';
import { openSidebar } from '../support/sidebar';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

test.each([
  ['Coordinator', COORD_A, 300],
  ['Admin', OWNER, 1200],
] as const)('%s: the multi-login failure becomes the Russian explanation', async (html, user, width) => {
  const d = district();
  const s = await openSidebar(browser, d, user, html, width, { multiLogin: true });
  // What the user reads: innerText (textContent would include the page's own script).
  const shown = async (): Promise<string> => s.page.evaluate(() => document.body.innerText);
  await s.page.waitForFunction((text) => document.body.innerText.includes(text), identityHelp.multiLogin);
  expect(await shown()).not.toMatch(/PERMISSION_DENIED|server error/);
  expect(s.calls).toEqual([]);
  await s.page.close();
});
