// The accessibility engine (axe-core) over what people use: the coordinator's sidebar (as opened and
// with an error beside a field), every tab of the district summary with a report open, and the
// about dialog — no serious or critical finding anywhere.
import type { Browser, Page } from 'playwright-core';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { seriousViolations } from '../support/axe';
import { bigDistrict } from '../support/bigDistrict';
import { launchBrowser } from '../support/browser';
import { COORD_A, district, OWNER, SCHOOL, schoolReport } from '../support/district';
import { openSidebar } from '../support/sidebar';

// The engine takes seconds per page on a loaded 2-core machine.
jest.setTimeout(180_000);

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Clicks (when given), waits for what it shows, and expects no serious or critical finding then. */
async function clickAndCheck(page: Page, click: string | null, shows: string): Promise<void> {
  if (click) await page.click(click);
  await page.waitForSelector(shows);
  expect(await seriousViolations(page)).toEqual([]);
}

test('the coordinator sidebar: as opened, and with an error beside a field', async () => {
  const d = district();
  const { page } = await openSidebar(browser, d, COORD_A, 'Coordinator');
  await clickAndCheck(page, null, '#f-teachersTotal');
  await page.fill('#f-teachersTotal', '10');
  await page.fill('#f-teachersConnected', '12');
  await clickAndCheck(page, null, '#f-teachersConnected[aria-invalid="true"]');
});

test('the coordinator sidebar with a returned report, its resubmission (question, success) and history read-only', async () => {
  const d = district();
  d.call(COORD_A, 'submitReport', schoolReport(), 'submission-0001');
  d.call(OWNER, 'reviewReport', SCHOOL.id, '2023-11', 1, 'return', 'Проверьте число родителей.');
  const { page } = await openSidebar(browser, d, COORD_A, 'Coordinator');
  await clickAndCheck(page, null, '#returned');
  await page.fill('#f-parentsTotal', '580');
  await clickAndCheck(page, '#submit', '#confirm-message');
  await clickAndCheck(page, '#confirm-yes', '#status.ok');
  await page.click('#history-list summary');
  await clickAndCheck(page, '[data-version="1"]', '#viewer-title');
});

test('the district summary: each tab, and a report open in its drawer', async () => {
  const d = bigDistrict();
  const { page } = await openSidebar(browser, d, OWNER, 'Admin', 1200);
  await clickAndCheck(page, null, '#table tbody tr');
  await clickAndCheck(page, '#table tbody tr[data-org="SCH-01"] button.open', '#report:not([hidden]) #reportTitle');
  await page.keyboard.press('Escape');
  await clickAndCheck(page, '#tab-checklist', '#panel-checklist table, #panel-checklist li');
  await clickAndCheck(page, '#tab-registry', '#registry tbody tr');
  await clickAndCheck(page, '#registryAdd', '#registryForm');
});

test('the about dialog', async () => {
  const page = await browser.newPage({ viewport: { width: 420, height: 260 } });
  await page.goto(pathToFileURL(path.resolve(__dirname, '../../dist/About.html')).href);
  await clickAndCheck(page, null, 'h1');
});
