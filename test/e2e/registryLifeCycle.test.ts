// The admin's registry tab: «отчитывается с», closing an organisation, and the Russian refusals of a
// future date, a copy received before order № 178 and a phone that is not one.
import type { Browser } from 'playwright-core';
import { artifactPath, launchBrowser } from '../support/browser';
import { district, KINDERGARTEN, OWNER } from '../support/district';
import { openSidebar } from '../support/sidebar';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** 20.02.2024 12:00 MSK. */
const T_FEB_20 = Date.UTC(2024, 1, 20, 9);

test('the registry refuses bad dates and phones in Russian, adds with «отчитывается с» and closes an organisation', async () => {
  const d = district(T_FEB_20);
  const { page } = await openSidebar(browser, d, OWNER, 'Admin', 1200);
  await page.waitForSelector('#table tbody tr');
  await page.click('#tab-registry');
  await page.waitForSelector('#registry tbody tr');
  // Rows from before: from the first reported month.
  expect(await page.textContent(`#registry tr[data-org="${KINDERGARTEN.id}"]`)).toContain('ноябрь 2023');

  await page.click('#registryAdd');
  await page.fill('#reg-id', 'SCH-09');
  await page.fill('#reg-name', 'МБОУ «Новая школа»');
  await page.fill('#reg-coordinatorEmails', 'coord9@example.org');
  await page.fill('#reg-coordinatorPhone', 'abc');
  await page.fill('#reg-orderCopyReceived', '01.03.2099');
  await page.click('#registrySave');
  await page.waitForSelector('#status.error');
  expect(await page.textContent('#reg-orderCopyReceived-error')).toContain(
    'дата ещё не наступила (сегодня 20.02.2024)',
  );
  expect(await page.textContent('#reg-coordinatorPhone-error')).toContain('не похоже на номер телефона');
  await page.fill('#reg-orderCopyReceived', '10.11.2023');
  await page.click('#registrySave');
  await page.waitForSelector('#reg-orderCopyReceived-error:has-text("раньше приказа № 178 от 15.11.2023")');
  await page.screenshot({ path: artifactPath('registry-validation.png'), fullPage: true });
  // Nothing was stored while refused.
  expect(d.sheet('Реестр организаций').some((r) => r[0] === 'SCH-09')).toBe(false);

  await page.fill('#reg-orderCopyReceived', '16.02.2024');
  await page.fill('#reg-coordinatorPhone', '+7 (48274) 2-11-09');
  await page.click('#registrySave');
  await page.waitForSelector('#registry tr[data-org="SCH-09"]');
  // Left blank, «отчитывается с» is the month it was added.
  expect(await page.textContent('#registry tr[data-org="SCH-09"]')).toContain('февраль 2024');

  // Close the kindergarten: the form opens on «Закрыта с» with what closing means.
  await page.click(`#registry tr[data-org="${KINDERGARTEN.id}"] button.close-org`);
  await page.waitForSelector('#registryForm');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('reg-closedOn');
  expect(await page.textContent('#registryForm .hint')).toContain('напоминания ей больше не приходят');
  await page.fill('#reg-closedOn', '20.02.2024');
  await page.click('#registrySave');
  await page.waitForSelector(`#registry tr.closed[data-org="${KINDERGARTEN.id}"]`);
  expect(await page.textContent(`#registry tr[data-org="${KINDERGARTEN.id}"]`)).toContain('закрыта с 20.02.2024');
  expect(await page.locator(`#registry tr[data-org="${KINDERGARTEN.id}"] button.close-org`).count()).toBe(0);
  await page.screenshot({ path: artifactPath('registry-closed.png'), fullPage: true });
  expect(d.sheet('Журнал изменений').map((r) => r[2])).toContain('Организация закрыта (в архиве)');
});
