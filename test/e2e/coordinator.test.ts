// The coordinator's sidebar as a coordinator uses it: built Coordinator.html in Chromium at 300 px,
// google.script.run bridged to the built Code.js in the emulator.
import type { Browser, Page } from 'playwright-core';
import { artifactPath, launchBrowser } from '../support/browser';
import {
  district,
  handEdit,
  schoolReport,
  COORD_A,
  COORD_B,
  OWNER,
  SCHOOL,
  STRANGER,
  type District,
} from '../support/district';
import { openSidebar, type SidebarSession } from '../support/sidebar';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A complete, valid November 2023 school report as typed in the form. */
const SCHOOL_FIGURES: Record<string, number> = {
  teachersTotal: 40,
  teachersConnected: 38,
  pupilsTotal: 420,
  pupilsConnected: 400,
  parentsTotal: 600,
  parentsConnected: 450,
  groupsTotal: 20,
  groupsInSferum: 20,
  pupilChats: 20,
  parentChats: 20,
  teachersMeetingMinimum: 30,
  mySchoolTeachers: 36,
};
const KINDER_FIGURES: Record<string, number> = {
  teachersTotal: 12,
  teachersConnected: 12,
  parentsTotal: 150,
  parentsConnected: 120,
  groupsTotal: 6,
  groupsInSferum: 6,
  parentChats: 6,
  teachersMeetingMinimum: 10,
};

async function open(d: District, user: string): Promise<SidebarSession> {
  const s = await openSidebar(browser, d, user, 'Coordinator');
  await s.page.waitForSelector('#report-form');
  await s.page.waitForFunction(() => document.getElementById('app')?.getAttribute('aria-busy') === 'false');
  return s;
}

async function fill(page: Page, figures: Record<string, number | string>): Promise<void> {
  for (const [name, value] of Object.entries(figures)) await page.fill('#f-' + name, String(value));
}

async function answerYes(page: Page, ...names: string[]): Promise<void> {
  for (const name of names) await page.check(`#f-${name}-yes`);
}

async function shot(page: Page, state: string): Promise<void> {
  // The submit bar is sticky: scrolled to the end, it sits where it belongs in a full-page picture.
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await page.screenshot({ path: artifactPath(`coordinator-${state}.png`), fullPage: true });
}

async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const widths = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(widths.scroll).toBeLessThanOrEqual(widths.client);
}

const text = (page: Page, selector: string) => page.locator(selector).innerText();
const submitCalls = (s: SidebarSession) => s.calls.filter((c) => c.fn === 'submitReport');

async function waitStatus(page: Page, kind: 'ok' | 'error'): Promise<string> {
  await page.waitForSelector(`#status.${kind}`);
  return text(page, '#status');
}

test('open, fill, see connected > total refused beside the field, fix, submit, reopen as submitted', async () => {
  const d = district();
  const s = await open(d, COORD_A);
  const { page } = s;
  expect(s.calls.map((c) => c.fn)).toEqual(['getReportForm']);
  expect(s.calls[0]!.args).toEqual([null, null]);
  expect(await text(page, '#org-name')).toBe(SCHOOL.name);
  expect(await text(page, '#org-type')).toBe('Тип организации: общеобразовательная');
  expect(await page.inputValue('#period-picker')).toBe('2023-11');
  expect(await text(page, '#report-status')).toBe('не сдан');
  expect(await text(page, '#deadline')).toBe('Срок сдачи: 30.12.2023 — осталось 15 дней');
  for (const section of ['Сферум', 'Моя школа', 'Подтверждение', 'Комментарий']) {
    await page.getByRole('heading', { name: section, exact: true }).waitFor();
  }
  // Labels are tied to their inputs.
  await page.getByLabel('Всего педагогов', { exact: true }).fill('40');
  expect(await page.isDisabled('#submit')).toBe(true);
  await shot(page, 'open');
  await expectNoHorizontalScroll(page);

  // Keyboard: Tab goes from the month picker to the first field, with a visible focus ring.
  await page.focus('#period-picker');
  await page.keyboard.press('Tab');
  const focus = await page.evaluate(() => ({
    id: document.activeElement?.id,
    outline: getComputedStyle(document.activeElement!).outlineStyle,
  }));
  expect(focus).toEqual({ id: 'f-teachersTotal', outline: 'solid' });

  // A stray character in a count is shown and named, never dropped (dropping turned «12,5» into 125).
  await page.locator('#f-teachersConnected').pressSequentially('4a5-');
  expect(await page.inputValue('#f-teachersConnected')).toBe('4a5-');
  expect(await text(page, '#e-teachersConnected')).toBe('«Подключено педагогов»: нужно целое число, а указано «4a5-».');
  await page.fill('#f-teachersConnected', '45');
  expect(await text(page, '#e-teachersConnected')).toBe('Подключено педагогов (45) больше, чем всего педагогов (40)');
  expect(await page.getAttribute('#f-teachersConnected', 'aria-invalid')).toBe('true');
  await fill(page, { ...SCHOOL_FIGURES, teachersConnected: 45 });
  await answerYes(page, 'staffChat', 'noForeignMessengers');
  expect(await page.isDisabled('#submit')).toBe(true);
  expect(await text(page, '#hint-text')).toContain('1 поле');
  await shot(page, 'invalid');

  await page.fill('#f-teachersConnected', '38');
  expect(await text(page, '#e-teachersConnected')).toBe('');
  await page.fill('#f-comment', '<img src=x onerror="window.__pwned=1"> без замечаний');
  expect(await page.isEnabled('#submit')).toBe(true);

  s.hold();
  await page.click('#submit');
  await page.waitForSelector('#status.busy .spinner');
  expect(await page.isDisabled('#submit')).toBe(true);
  expect(await text(page, '#status')).toBe('Отправка отчёта…');
  await shot(page, 'submitting');
  s.release();
  const confirmation = await waitStatus(page, 'ok');
  expect(confirmation).toBe('Отчёт за ноябрь 2023 сдан: версия 1, 15.12.2023 12:00. Статус: сдан вовремя.');
  await page.waitForFunction(() => document.getElementById('report-status')?.textContent === 'сдан вовремя');
  expect(await page.inputValue('#f-teachersConnected')).toBe('38');
  expect(await text(page, '#submit')).toBe('Сдать новую версию');
  await shot(page, 'submitted');

  const rows = d.sheet('Отчёты');
  expect(rows).toHaveLength(2);
  expect(rows[1]!.slice(0, 6)).toEqual([SCHOOL.id, SCHOOL.name, 'ноябрь 2023', 1, 'сдан', 'в срок']);

  // Reopen: the sidebar shows the submitted report, the typed comment as text.
  const again = await open(d, COORD_A);
  expect(await text(again.page, '#report-status')).toBe('сдан вовремя');
  expect(await text(again.page, '#current-version')).toBe('Версия 1: 15.12.2023 12:00, coord.school1@example.org');
  expect(await again.page.inputValue('#f-pupilsConnected')).toBe('400');
  expect(await again.page.inputValue('#f-comment')).toBe('<img src=x onerror="window.__pwned=1"> без замечаний');
  expect(await again.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await again.page.locator('img').count()).toBe(0);
  await shot(again.page, 'reopened');

  // A resubmission asks first: cancel sends nothing; confirm stores version 2.
  await again.page.fill('#f-parentsConnected', '460');
  await again.page.click('#submit');
  expect(await text(again.page, '#confirm-message')).toBe(
    'Отчёт за ноябрь 2023 уже сдан (версия 1). Сдать новую версию? Прежняя сохранится в истории.',
  );
  expect(await again.page.evaluate(() => document.activeElement?.id)).toBe('confirm-yes');
  await shot(again.page, 'confirm');
  await again.page.keyboard.press('Escape');
  expect(await again.page.isHidden('#confirm')).toBe(true);
  expect(submitCalls(again)).toHaveLength(0);
  await again.page.click('#submit');
  await again.page.click('#confirm-yes');
  expect(await waitStatus(again.page, 'ok')).toContain('версия 2');
  expect(d.sheet('Отчёты')).toHaveLength(3);
});

test('a returned report shows the reason prominently (as text) and can be resubmitted; history opens read-only', async () => {
  const d = district();
  d.call(COORD_A, 'submitReport', schoolReport(), 'submission-0001');
  const reason = 'Проверьте число родителей: <b>600</b> больше, чем в прошлом месяце';
  d.call(OWNER, 'reviewReport', SCHOOL.id, '2023-11', 1, 'return', reason);
  const s = await open(d, COORD_A);
  const { page } = s;
  expect(await text(page, '#report-status')).toBe('возвращён');
  expect(await text(page, '#returned .returned-title')).toBe('Отчёт возвращён на доработку');
  expect(await page.locator('#return-reason').textContent()).toBe(reason);
  expect(await page.locator('#returned b').count()).toBe(0);
  expect(await page.getAttribute('#returned', 'role')).toBe('alert');
  expect(await page.inputValue('#f-parentsTotal')).toBe('600');
  await shot(page, 'returned');
  await expectNoHorizontalScroll(page);

  await page.fill('#f-parentsTotal', '580');
  await page.click('#submit');
  expect(await text(page, '#confirm-message')).toBe('Сдать исправленный отчёт за ноябрь 2023? Будет создана версия 2.');
  await page.click('#confirm-yes');
  expect(await waitStatus(page, 'ok')).toContain('версия 2');
  await page.waitForFunction(() => document.getElementById('report-status')?.textContent === 'сдан вовремя');
  expect(await page.locator('#returned').count()).toBe(0);
  const rows = d.sheet('Отчёты');
  expect(rows).toHaveLength(3);
  expect(rows[2]!.slice(3, 5)).toEqual([2, 'сдан']);

  // History: version 1 opens read-only with its own figures.
  await page.click('#history-list summary');
  await page.click('[data-version="1"]');
  await page.waitForSelector('#viewer-title');
  expect(await text(page, '#viewer-title')).toBe('Отчёт за ноябрь 2023, версия 1 (только просмотр)');
  expect(await text(page, '#viewer-state')).toBe('Версия 1 — возвращён, 15.12.2023 12:00');
  expect(await page.locator('#viewer .reason').textContent()).toBe(reason);
  expect(await page.locator('#viewer input, #viewer textarea, #viewer select').count()).toBe(0);
  expect(await page.locator('#viewer dd').allInnerTexts()).toContain('600');
  expect(await page.isHidden('#main-view')).toBe(true);
  await shot(page, 'history');
  await page.click('#viewer-back');
  expect(await page.isVisible('#report-form')).toBe(true);
  expect(await page.evaluate(() => document.activeElement?.getAttribute('data-version'))).toBe('1');
});

test('a kindergarten sees no «Моя школа» section and no pupil fields, and submits', async () => {
  const d = district();
  const s = await open(d, COORD_B);
  const { page } = s;
  expect(await page.locator('#section-mySchool').count()).toBe(0);
  for (const f of ['pupilsTotal', 'pupilsConnected', 'pupilChats', 'mySchoolTeachers'])
    expect(await page.locator('#f-' + f).count()).toBe(0);
  expect(await page.locator('#report-form').innerText()).not.toMatch(/Моя школа|обучающихся/);
  // «Показать, что исправить» reveals every problem and takes the keyboard to the first one.
  expect(await text(page, '#e-teachersTotal')).toBe('');
  await page.click('#show-problems');
  expect(await text(page, '#e-teachersTotal')).toBe('Заполните поле «Всего педагогов».');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-teachersTotal');
  await fill(page, KINDER_FIGURES);
  await answerYes(page, 'staffChat', 'noForeignMessengers');
  await shot(page, 'kindergarten');
  await expectNoHorizontalScroll(page);
  await page.click('#submit');
  expect(await waitStatus(page, 'ok')).toContain('версия 1');
  const sent = submitCalls(s)[0]!.args[0] as Record<string, unknown>;
  expect(sent).toMatchObject({
    orgId: 'DOU-02',
    pupilsTotal: null,
    pupilsConnected: null,
    pupilChats: null,
    mySchoolTeachers: null,
  });
});

test('a pasted teacher table gives the count of teachers meeting the minimum; only the count is sent', async () => {
  const d = district();
  const s = await open(d, COORD_A);
  const { page } = s;
  // November 2023 has three full weeks (06–12, 13–19, 20–26).
  const table = [
    ['Код', 'Сообщ. 1', 'Звонки 1', 'Сообщ. 2', 'Звонки 2', 'Сообщ. 3', 'Звонки 3'],
    ['П-01', '12', '1', '10', '2', '15', '1'],
    ['П-02', '9', '1', '12', '1', '11', '1'],
    ['П-03', '20', '3', '20', '3', '20', '3'],
    ['П-04', 'много', '1', '10', '1', '10', '1'],
    ['П-05', '10', '0', '10', '1', '10', '1'],
  ]
    .map((r) => r.join('\t'))
    .join('\n');
  await page.click('#paste summary');
  await page.getByLabel('Данные педагогов').fill(table);
  expect(await text(page, '#paste-count')).toBe('Минимум выполнили 2 из 4 педагогов (полных недель в месяце: 3).');
  expect(await page.locator('#paste-issues li').allInnerTexts()).toEqual(['Строка 5: столбец 2: «много» не число.']);
  await shot(page, 'paste');
  await expectNoHorizontalScroll(page);
  await page.click('#paste-apply');
  expect(await page.inputValue('#f-teachersMeetingMinimum')).toBe('2');
  // Applying twice says it once.
  await page.click('#paste-apply');
  expect(await page.locator('#paste-result .ok-text').count()).toBe(1);
  const { teachersMeetingMinimum: _ignored, ...rest } = SCHOOL_FIGURES;
  await fill(page, rest);
  await answerYes(page, 'staffChat', 'noForeignMessengers');
  await page.click('#submit');
  await waitStatus(page, 'ok');
  const sent = submitCalls(s)[0]!.args;
  expect((sent[0] as Record<string, unknown>).teachersMeetingMinimum).toBe(2);
  expect(JSON.stringify(sent)).not.toMatch(/П-0|много/);
});

test('with «Хранить данные педагогов под кодами» on, the weekly figures go under codes and history shows them', async () => {
  const d = district();
  // The admin turns the setting on in the «Настройки» sheet (the key is in the hidden first column).
  handEdit(
    d,
    OWNER,
    `var s = ss.getSheetByName('Настройки'); var rows = s.getDataRange().getValues();
    for (var i = 0; i < rows.length; i++) if (rows[i][0] === 'storeTeacherCodes') s.getRange(i + 1, 3).setValue('да');`,
  );
  const s = await open(d, COORD_A);
  const { page } = s;
  const table = [
    ['Код', 'Сообщ. 1', 'Звонки 1', 'Сообщ. 2', 'Звонки 2', 'Сообщ. 3', 'Звонки 3'],
    ['П-01', '12', '1', '10', '2', '15', '1'],
    ['П-02', '9', '1', '12', '1', '11', '1'],
    ['П-03', '20', '3', '20', '3', '20', '3'],
  ]
    .map((r) => r.join('\t'))
    .join('\n');
  await page.click('#paste summary');
  expect(await text(page, '#paste-privacy')).toContain('только под кодами педагогов, без ФИО');
  // A name among the codes: counts only, and the panel says why.
  await page.getByLabel('Данные педагогов').fill(table + '\nСидорова Анна\t10\t1\t10\t1\t10\t1');
  expect(await text(page, '#paste-store')).toBe(
    'Не у всех педагогов указан код (или вместо кода указано ФИО) — недельные данные не будут сохранены, в отчёт попадёт только число педагогов.',
  );
  await page.getByLabel('Данные педагогов').fill(table);
  expect(await text(page, '#paste-count')).toBe('Минимум выполнили 2 из 3 педагогов (полных недель в месяце: 3).');
  expect(await text(page, '#paste-store')).toBe('Недельные данные будут сохранены под кодами педагогов, без ФИО.');
  await page.click('#paste-apply');
  expect(await page.inputValue('#f-teachersMeetingMinimum')).toBe('2');
  await shot(page, 'paste-codes');
  await expectNoHorizontalScroll(page);
  // The count changed by hand: the figures would contradict it, so they stay behind; applying again restores them.
  await page.fill('#f-teachersMeetingMinimum', '3');
  expect(await text(page, '#paste-dropped')).toContain('изменено вручную');
  expect(await page.locator('#paste-store').count()).toBe(0);
  await page.click('#paste-apply');
  expect(await page.inputValue('#f-teachersMeetingMinimum')).toBe('2');
  expect(await page.locator('#paste-dropped').count()).toBe(0);
  expect(await text(page, '#paste-store')).toBe('Недельные данные будут сохранены под кодами педагогов, без ФИО.');
  const { teachersMeetingMinimum: _ignored, ...rest } = SCHOOL_FIGURES;
  await fill(page, rest);
  await answerYes(page, 'staffChat', 'noForeignMessengers');
  await page.click('#submit');
  expect(await waitStatus(page, 'ok')).toContain('версия 1');
  const sent = submitCalls(s)[0]!.args[0] as Record<string, unknown>;
  expect(sent.teachersMeetingMinimum).toBe(2);
  expect(sent.teacherWeeks).toEqual([
    {
      code: 'П-01',
      weeks: [
        { messages: 12, calls: 1 },
        { messages: 10, calls: 2 },
        { messages: 15, calls: 1 },
      ],
    },
    {
      code: 'П-02',
      weeks: [
        { messages: 9, calls: 1 },
        { messages: 12, calls: 1 },
        { messages: 11, calls: 1 },
      ],
    },
    {
      code: 'П-03',
      weeks: [
        { messages: 20, calls: 3 },
        { messages: 20, calls: 3 },
        { messages: 20, calls: 3 },
      ],
    },
  ]);
  const rows = d.sheet('Отчёты');
  expect(rows[1]![(rows[0] as string[]).indexOf('Недельные данные педагогов (коды)')]).toBe(
    'П-01: 12/1, 10/2, 15/1; П-02: 9/1, 12/1, 11/1; П-03: 20/3, 20/3, 20/3',
  );
  // History: the version shows how many teachers' figures it stored.
  await page.click('#history-list summary');
  await page.click('[data-version="1"]');
  await page.waitForSelector('#viewer-title');
  expect(await text(page, '#viewer-teacher-weeks')).toBe('сохранены под кодами для 3 педагогов');
  await shot(page, 'history-codes');
});

test('a double click submits once', async () => {
  const d = district();
  const s = await open(d, COORD_A);
  await fill(s.page, SCHOOL_FIGURES);
  await answerYes(s.page, 'staffChat', 'noForeignMessengers');
  await s.page.dblclick('#submit');
  await waitStatus(s.page, 'ok');
  expect(submitCalls(s)).toHaveLength(1);
  expect(d.sheet('Отчёты')).toHaveLength(2);
});

test('a lock-busy answer keeps the typed values; the retry reuses the submission key', async () => {
  const d = district();
  const s = await open(d, COORD_A);
  const { page } = s;
  await fill(page, SCHOOL_FIGURES);
  await answerYes(page, 'staffChat');
  await page.check('#f-noForeignMessengers-no');
  await page.fill('#f-foreignMessengersExplanation', 'Один педагог пользуется WhatsApp, переводим в Сферум');
  const release = d.em.holdLock('document', d.doc);
  await page.click('#submit');
  expect(await waitStatus(page, 'error')).toBe(
    'Таблица занята: её сейчас изменяет другой пользователь. Повторите через минуту — введённые данные сохранены в форме.',
  );
  expect(await page.getAttribute('#status', 'role')).toBe('alert');
  for (const [name, value] of Object.entries(SCHOOL_FIGURES))
    expect(await page.inputValue('#f-' + name)).toBe(String(value));
  expect(await page.isChecked('#f-noForeignMessengers-no')).toBe(true);
  expect(await page.inputValue('#f-foreignMessengersExplanation')).toBe(
    'Один педагог пользуется WhatsApp, переводим в Сферум',
  );
  expect(await page.isEnabled('#submit')).toBe(true);
  await shot(page, 'lock-busy');
  expect(d.sheet('Отчёты')).toHaveLength(1);

  release();
  await page.click('#submit');
  await waitStatus(page, 'ok');
  const [first, second] = submitCalls(s);
  expect(second!.args[1]).toBe(first!.args[1]);
  expect(d.sheet('Отчёты')).toHaveLength(2);
});

test('an admin picks any organisation; the form follows its type; the menu opens the sidebar', async () => {
  const d = district();
  d.call(COORD_A, 'showReportSidebar');
  const s = await open(d, OWNER);
  const { page } = s;
  expect(await page.locator('#org-picker option').allInnerTexts()).toHaveLength(2);
  expect(await page.locator('#f-pupilsTotal').count()).toBe(1);
  // Unsent edits: switching asks first; «Отмена» keeps the organisation and the typed value.
  await page.fill('#f-teachersTotal', '41');
  await page.selectOption('#org-picker', 'DOU-02');
  expect(await text(page, '#confirm-message')).toBe('Введённые данные ещё не сданы и пропадут. Открыть другой отчёт?');
  await page.click('#confirm-no');
  expect(await page.inputValue('#org-picker')).toBe('SCH-01');
  expect(await page.inputValue('#f-teachersTotal')).toBe('41');
  expect(s.calls).toHaveLength(1);
  await page.selectOption('#org-picker', 'DOU-02');
  await page.click('#confirm-yes');
  await page.waitForFunction(
    () =>
      !document.getElementById('f-pupilsTotal') &&
      document.getElementById('app')?.getAttribute('aria-busy') === 'false',
  );
  expect(s.calls.at(-1)).toEqual({ fn: 'getReportForm', args: ['DOU-02', null] });
  await shot(page, 'admin');
  await expectNoHorizontalScroll(page);
});

test("a new month starts with last month's totals; earlier months stay selectable", async () => {
  const d = district(Date.UTC(2024, 0, 10, 9, 0, 0));
  d.call(COORD_A, 'submitReport', schoolReport(), 'submission-nov1');
  const s = await open(d, COORD_A);
  const { page } = s;
  expect(await page.inputValue('#period-picker')).toBe('2023-12');
  expect(await page.locator('#period-picker option').allInnerTexts()).toEqual([
    'декабрь 2023 — не сдан',
    'ноябрь 2023 — сдан с опозданием',
  ]);
  expect(await text(page, '#prefill-note')).toBe('Итоговые числа подставлены из отчёта за ноябрь 2023 — проверьте их.');
  for (const [name, value] of Object.entries({
    teachersTotal: '40',
    pupilsTotal: '420',
    parentsTotal: '600',
    groupsTotal: '20',
    teachersConnected: '',
  })) {
    expect(await page.inputValue('#f-' + name)).toBe(value);
  }
  await shot(page, 'prefilled');
  await page.selectOption('#period-picker', '2023-11');
  await page.waitForFunction(() => document.getElementById('report-status')?.textContent === 'сдан с опозданием');
  expect(await page.inputValue('#f-teachersConnected')).toBe('38');
});

test('someone not in the registry sees whom to ask, and no form', async () => {
  const d = district();
  const s = await openSidebar(browser, d, STRANGER, 'Coordinator');
  await s.page.waitForSelector('#status.error');
  expect(await text(s.page, '#status')).toContain('stranger@example.com не указан в реестре');
  expect(await s.page.locator('#report-form').count()).toBe(0);
  expect(await s.page.isHidden('#submit')).toBe(true);
});

test('a count field never silently turns «12,5», «-5» or a long paste into another number: the text stays and the field says why', async () => {
  const d = district();
  const s = await open(d, COORD_A);
  const { page } = s;
  await fill(page, SCHOOL_FIGURES);
  await answerYes(page, 'staffChat', 'noForeignMessengers');
  expect(await page.isDisabled('#submit')).toBe(false);
  // Typed key by key, as a coordinator copying a decimal from a spreadsheet would.
  await page.fill('#f-teachersConnected', '');
  await page.type('#f-teachersConnected', '12,5');
  expect(await page.inputValue('#f-teachersConnected')).toBe('12,5');
  expect(await text(page, '#e-teachersConnected')).toBe('«Подключено педагогов»: нужно целое число, а указано «12,5».');
  expect(await page.isDisabled('#submit')).toBe(true);
  await page.fill('#f-teachersConnected', '-5');
  expect(await page.inputValue('#f-teachersConnected')).toBe('-5');
  expect(await text(page, '#e-teachersConnected')).toContain('не может быть меньше 0');
  expect(await page.isDisabled('#submit')).toBe(true);
  // A letter typed by mistake (Latin «o» for zero) is shown and named, not dropped.
  await page.fill('#f-teachersConnected', '3o');
  expect(await page.inputValue('#f-teachersConnected')).toBe('3o');
  expect(await page.isDisabled('#submit')).toBe(true);
  // A pasted eight-digit figure is not cut to seven digits.
  await page.fill('#f-parentsTotal', '12345678');
  expect(await page.inputValue('#f-parentsTotal')).toBe('12345678');
  // …and is named as over the limit the server also keeps (9 999 999).
  expect(await text(page, '#e-parentsTotal')).toBe('«Всего родителей (законных представителей)»: не больше 9 999 999.');
  // Spaces (thousands separators, also non-breaking) are harmless and go away.
  await page.fill('#f-teachersConnected', '3\u00a08');
  expect(await page.inputValue('#f-teachersConnected')).toBe('38');
  await page.fill('#f-parentsTotal', '600');
  expect(await text(page, '#e-teachersConnected')).toBe('');
  expect(await page.isDisabled('#submit')).toBe(false);
  await page.close();
});
