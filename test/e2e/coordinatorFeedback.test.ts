// The coordinator sees each coverage figure against the order's target while typing and after
// submitting; the paste panel names the month's full weeks and lets blanks count as 0 or be refused;
// a new version of an accepted report is confirmed first.
import type { Browser, Page } from 'playwright-core';
import { artifactPath, launchBrowser } from '../support/browser';
import { COORD_A, district, OWNER, SCHOOL } from '../support/district';
import { openSidebar } from '../support/sidebar';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const line = (page: Page, id: string): Promise<string> =>
  page.$eval(`#coverage li[data-id="${id}"]`, (li) => (li as HTMLElement).innerText.replace(/\s+/g, ' ').trim());

test('coverage against the targets while typing and after submitting; accepted reports are confirmed first', async () => {
  const d = district();
  const { page } = await openSidebar(browser, d, COORD_A, 'Coordinator');
  await page.waitForSelector('#report-form');
  await page.fill('#f-teachersTotal', '40');
  await page.fill('#f-teachersConnected', '38');
  expect(await line(page, 'teachers')).toContain('95 % (38 из 40) ✗ цель 100 % — не выполнено');
  await page.fill('#f-teachersConnected', '40');
  expect(await line(page, 'teachers')).toContain('100 % (40 из 40) ✓ цель 100 % — выполнено');
  expect(await line(page, 'parents')).toContain('заполните оба числа без цели (для сведения)');
  await page.fill('#f-mySchoolTeachers', '41');
  expect(await line(page, 'mySchool')).toContain('41 больше, чем 40 — проверьте числа');
  const figures: Record<string, string> = {
    pupilsTotal: '420',
    pupilsConnected: '400',
    parentsTotal: '600',
    parentsConnected: '450',
    groupsTotal: '20',
    groupsInSferum: '20',
    pupilChats: '20',
    parentChats: '20',
    teachersMeetingMinimum: '30',
    mySchoolTeachers: '40',
  };
  for (const [name, value] of Object.entries(figures)) await page.fill('#f-' + name, value);
  await page.check('#f-staffChat-yes');
  await page.check('#f-noForeignMessengers-yes');
  expect(await line(page, 'pupils')).toContain('95,2 % (400 из 420) ✗ цель 100 % — не выполнено');
  expect(await line(page, 'teacherMinimum')).toContain('75 % (30 из 40) ✗');
  expect(await page.textContent('#coverage-total')).toBe('Цели выполнены: 2 из 4.');
  await page.evaluate(() => document.getElementById('coverage')?.scrollIntoView());
  await page.screenshot({ path: artifactPath('coordinator-coverage-typing.png'), fullPage: true });

  await page.click('#submit');
  await page.waitForSelector('#status.ok');
  // After submitting, the same figures as the admin will see them.
  await page.waitForSelector('#coverage-lead:has-text("Так видит ваш отчёт администратор округа")');
  expect(await page.textContent('#coverage-total')).toBe('Цели выполнены: 2 из 4.');
  await page.evaluate(() => document.getElementById('coverage')?.scrollIntoView());
  await page.screenshot({ path: artifactPath('coordinator-coverage-submitted.png'), fullPage: true });

  // The admin accepts; a new version is confirmed in the sidebar first.
  d.call(OWNER, 'reviewReport', SCHOOL.id, '2023-11', 1, 'accept', '');
  const again = await openSidebar(browser, d, COORD_A, 'Coordinator');
  await again.page.waitForSelector('#report-form');
  await again.page.waitForFunction(() => document.getElementById('app')?.getAttribute('aria-busy') === 'false');
  await again.page.fill('#f-parentsConnected', '460');
  await again.page.click('#submit');
  expect(await again.page.textContent('#confirm-message')).toBe(
    'Отчёт за ноябрь 2023 уже принят (версия 1). Сдать новую версию? Её снова рассмотрит администратор.',
  );
  await again.page.screenshot({ path: artifactPath('coordinator-confirm-accepted.png'), fullPage: true });
  await again.page.click('#confirm-no');
  expect(again.calls.filter((c) => c.fn === 'submitReport')).toHaveLength(0);
});

test('the paste panel lists the full weeks by date and lets blanks count as 0 or be refused', async () => {
  const d = district();
  const { page } = await openSidebar(browser, d, COORD_A, 'Coordinator');
  await page.waitForSelector('#report-form');
  await page.click('#paste summary');
  // November 2023 starts on a Wednesday: three full Monday–Sunday weeks.
  expect(await page.textContent('#paste-weeks')).toBe(
    'Полные недели месяца (пн–вс), по порядку столбцов: 06.11–12.11, 13.11–19.11, 20.11–26.11 — всего 3.',
  );
  // Week 2's messages are blank.
  await page.fill('#paste-text', 'П-1\t12\t1\t\t2\t11\t1\nП-2\t10\t1\t10\t1\t10\t1');
  expect(await page.textContent('#paste-count')).toBe(
    'Минимум выполнили 1 из 2 педагогов (полных недель в месяце: 3).',
  );
  await page.check('#paste-blanks-refuse');
  await page.waitForSelector('#paste-issues');
  expect(await page.textContent('#paste-issues')).toBe(
    'Строка 1: столбец 4 пуст — впишите число (0, если сообщений или звонков не было).',
  );
  expect(await page.textContent('#paste-count')).toBe('Минимум выполнили 1 из 1 педагога (полных недель в месяце: 3).');
  await page.evaluate(() => document.getElementById('paste')?.scrollIntoView());
  await page.screenshot({ path: artifactPath('coordinator-paste-weeks.png'), fullPage: true });
});
