// The accessibility engine (axe-core) over what people use: the coordinator's sidebar (as opened and
// with an error beside a field), every tab of the district summary with a report open, and the
// about dialog — no serious or critical finding anywhere.
import type { Browser } from 'playwright-core';
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

test('the coordinator sidebar: as opened, and with an error beside a field', async () => {
  const d = district();
  const { page } = await openSidebar(browser, d, COORD_A, 'Coordinator');
  await page.waitForSelector('#f-teachersTotal');
  expect(await seriousViolations(page)).toEqual([]);
  await page.fill('#f-teachersTotal', '10');
  await page.fill('#f-teachersConnected', '12');
  await page.waitForSelector('#f-teachersConnected[aria-invalid="true"]');
  expect(await seriousViolations(page)).toEqual([]);
});

test('the coordinator sidebar with a returned report, its resubmission (question, success) and history read-only', async () => {
  const d = district();
  d.call(COORD_A, 'submitReport', schoolReport(), 'submission-0001');
  d.call(OWNER, 'reviewReport', SCHOOL.id, '2023-11', 1, 'return', 'Проверьте число родителей.');
  const { page } = await openSidebar(browser, d, COORD_A, 'Coordinator');
  await page.waitForSelector('#returned');
  expect(await seriousViolations(page)).toEqual([]);
  await page.fill('#f-parentsTotal', '580');
  await page.click('#submit');
  await page.waitForSelector('#confirm-message');
  expect(await seriousViolations(page)).toEqual([]);
  await page.click('#confirm-yes');
  await page.waitForSelector('#status.ok');
  expect(await seriousViolations(page)).toEqual([]);
  await page.click('#history-list summary');
  await page.click('[data-version="1"]');
  await page.waitForSelector('#viewer-title');
  expect(await seriousViolations(page)).toEqual([]);
});

test('the district summary: each tab, and a report open in its drawer', async () => {
  const d = bigDistrict();
  const { page } = await openSidebar(browser, d, OWNER, 'Admin', 1200);
  await page.waitForSelector('#table tbody tr');
  expect(await seriousViolations(page)).toEqual([]);
  await page.click('#table tbody tr[data-org="SCH-01"] button.open');
  await page.waitForSelector('#report:not([hidden]) #reportTitle');
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await page.click('#tab-checklist');
  await page.waitForSelector('#panel-checklist table, #panel-checklist li');
  expect(await seriousViolations(page)).toEqual([]);
  await page.click('#tab-registry');
  await page.waitForSelector('#registry tbody tr');
  expect(await seriousViolations(page)).toEqual([]);
  await page.click('#registryAdd');
  await page.waitForSelector('#registryForm');
  expect(await seriousViolations(page)).toEqual([]);
});

test('the about dialog', async () => {
  const page = await browser.newPage({ viewport: { width: 420, height: 260 } });
  await page.goto(pathToFileURL(path.resolve(__dirname, '../../dist/About.html')).href);
  await page.waitForSelector('h1');
  expect(await seriousViolations(page)).toEqual([]);
});
