// The preview's grid is editable as in Sheets: values and formulas (custom functions too) typed as
// the tab's own user, protections enforced (a warning-only one asks first), hand edits flagged by the
// add-on; two tabs are two users. «Отчёты» reads as a person expects: months in words, on time or late.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { DEMO_OWNER } from '../../src/dev/preview/demo';
import { startPreview, type RunningPreview } from '../../src/dev/preview/server';
import { artifactPath, launchBrowser } from '../support/browser';

jest.setTimeout(180_000);

const COORDINATOR = 'lugovaya.school@example.org';

let browser: Browser;
let preview: RunningPreview;
let dataDir: string;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'preview-grid-'));
  [browser, preview] = await Promise.all([launchBrowser(), startPreview({ port: 0, dataDir, log: () => undefined })]);
});

afterAll(async () => {
  await browser?.close();
  await preview?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

async function openTab(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'ru-RU' });
  await page.goto(preview.url);
  await page.waitForSelector('#grid table');
  return page;
}

async function showSheet(page: Page, name: string): Promise<void> {
  await page.click(`#tabs button:has-text("${name}")`);
  await page.waitForSelector(`#grid table[data-sheet-name="${name}"]`);
}

async function type(page: Page, cell: string, input: string): Promise<string> {
  await page.click(`#grid td[data-cell="${cell}"]`);
  await page.fill('#cell-input', input);
  // Forget the last message, so the wait below sees this edit's answer.
  await page.$eval('#status', (s) => (s.textContent = ''));
  await page.press('#cell-input', 'Enter');
  await page.waitForFunction(
    () =>
      !document.querySelector('#status')?.classList.contains('busy') && document.querySelector('#status')?.textContent,
  );
  return (await page.textContent('#status')) ?? '';
}

const cellText = (page: Page, cell: string): Promise<string> =>
  page.$eval(`#grid td[data-cell="${cell}"]`, (td) => td.textContent ?? '');

test('«Отчёты» shows each month in words and «в срок» / «с опозданием» beside the state', async () => {
  const page = await openTab();
  await page.selectOption('#user-select', DEMO_OWNER);
  await page.waitForFunction(() => document.querySelector('#status')?.textContent?.includes('Таблица открыта заново'));
  await showSheet(page, 'Отчёты');
  expect(await Promise.all(['C1', 'E1', 'F1'].map((c) => cellText(page, c)))).toEqual([
    'Отчётный месяц',
    'Статус',
    'Срок сдачи',
  ]);
  const columnText = (letter: string) =>
    page.$$eval(`#grid td[data-cell^="${letter}"]`, (tds) =>
      tds.filter((td) => !/^[A-Z]+1$/.test(td.getAttribute('data-cell') ?? '')).map((td) => td.textContent ?? ''),
    );
  const months = (await columnText('C')).filter((t) => t !== '');
  expect(months.length).toBeGreaterThan(10);
  expect(new Set(months)).toEqual(new Set(['ноябрь 2023', 'декабрь 2023', 'январь 2024']));
  const timeliness = (await columnText('F')).filter((t) => t !== '');
  expect(timeliness).toHaveLength(months.length);
  expect(new Set(timeliness)).toEqual(new Set(['в срок', 'с опозданием']));
  await page.screenshot({ path: artifactPath('preview-reports-months.png') });
  await page.close();
});

test('values and formulas typed as the tab’s user; warning-only asks; hand edits flagged; two tabs two users', async () => {
  const admin = await openTab();
  await admin.selectOption('#user-select', DEMO_OWNER);
  await admin.waitForFunction(() => document.querySelector('#status')?.textContent?.includes('Таблица открыта заново'));

  // «Отчёты» is protected warning-only: Sheets asks first; declining writes nothing.
  await showSheet(admin, 'Отчёты');
  const before = await cellText(admin, 'I2');
  admin.once('dialog', (d) => void d.dismiss());
  expect(await type(admin, 'I2', '999')).toBe('Ячейка I2 не изменена.');
  expect(await cellText(admin, 'I2')).toBe(before);
  let asked = '';
  admin.once('dialog', (d) => {
    asked = d.message();
    void d.accept();
  });
  expect(await type(admin, 'I2', '999')).toBe('Ячейка I2 изменена.');
  expect(asked).toContain('Вы пытаетесь изменить защищённую часть таблицы');
  expect(await cellText(admin, 'I2')).toBe('999');

  // Custom functions typed into cells compute as in Sheets (the warning is accepted from here on).
  admin.on('dialog', (d) => void d.accept());
  await type(admin, 'I3', '=COVERAGE(38; 40)');
  expect(await cellText(admin, 'I3')).toMatch(/^(0[,.]95|1)$/);
  await type(admin, 'J3', '=MEETS_TARGET(38; 40; 0,9)');
  expect(await cellText(admin, 'J3')).toMatch(/^(TRUE|ИСТИНА|1)$/);
  await admin.screenshot({ path: artifactPath('preview-grid-edit.png') });

  // The add-on flags the hand edit.
  // The summary verifies the rows of the month it shows (docs/performance.md): look at each month.
  const findings = ['2023-11', '2023-12', '2024-01'].map((period) =>
    JSON.stringify(
      preview.session.em.runFromClient<{ integrity: unknown }>('getDistrictSummary', [period], {
        user: DEMO_OWNER,
        documentId: preview.session.doc,
      }).value?.integrity,
    ),
  );
  expect(findings.join(' ')).toContain('вручную');

  // A second tab is a coordinator; the first stays the admin.
  const coordinator = await openTab();
  await coordinator.selectOption('#user-select', COORDINATOR);
  await coordinator.waitForFunction(() =>
    document.querySelector('#status')?.textContent?.includes('Таблица открыта заново'),
  );
  await showSheet(coordinator, 'Настройки');
  const refused = await type(coordinator, 'C2', 'Другой округ');
  expect(refused).toMatch(/защищ|protected/i);
  await coordinator.screenshot({ path: artifactPath('preview-grid-protected.png') });
  await admin.reload();
  await admin.waitForSelector('#grid table');
  expect(await admin.inputValue('#user-select')).toBe(DEMO_OWNER);
  expect(await coordinator.inputValue('#user-select')).toBe(COORDINATOR);
});
