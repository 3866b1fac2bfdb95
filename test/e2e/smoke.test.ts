// Smoke test: a built, self-contained HTML file renders in a real browser with its inlined script.
import type { Browser } from 'playwright-core';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchBrowser, artifactPath } from '../support/browser';

const dist = path.resolve(__dirname, '../../dist');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

test('the about dialog renders its Russian text without any network access', async () => {
  const page = await browser.newPage({ viewport: { width: 420, height: 260 } });
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(pathToFileURL(path.join(dist, 'About.html')).href);
  await expect(page.locator('h1').textContent()).resolves.toBe('Отчёты: Сферум и Моя школа');
  await expect(page.locator('#close').textContent()).resolves.toBe('Закрыть');
  await page.click('#close');
  await expect(page.locator('#status').textContent()).resolves.toContain('только внутри Google Таблиц');
  await page.screenshot({ path: artifactPath('about-dialog.png') });
  expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
});
