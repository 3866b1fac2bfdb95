// Every screenshot the user guides (docs/ru/) show, one entry each: `npm run docs:screenshots` replays them.
// A new screen in a guide is one more entry here: who is at the keyboard, «today», the steps, what to crop.
import { DEMO_OWNER, DEMO_STRANGER } from '../preview/demo';

/** Where a selector is looked up: the preview page, the sidebar's frame or the open dialog's frame. */
export type Area = 'page' | 'sidebar' | 'dialog';

/** One action, in the order a person would do it. `in` defaults to 'page'. */
export type Step =
  | { menu: string } // «Расширения» → the add-on → the item calling this function
  | { openMenu: true } // «Расширения» → the add-on, left open
  | { sheet: string } // a sheet tab
  | { click: string; in?: Area }
  | { fill: string; value: string; in?: Area }
  | { select: string; value: string; in?: Area }
  | { press: string; key: string; in?: Area } // a key in that element, e.g. Control+Home
  | { waitFor: string; in?: Area }
  | { scroll: string; in?: Area } // scrolls the element to the top of its frame
  | { closeDialog: true }
  | { runTrigger: true } // the preview's «Запустить ежедневный триггер» (as the trigger's owner)
  | { showOutbox: true } // the preview's «Исходящие»: the e-mails sent so far
  | { print: string } // the preview's «Печать листа» of that sheet: A4 landscape pages as Sheets prints them
  | { call: string; args: unknown[]; as?: string } // set-up done through the add-on's own server function
  | { handEdit: string }; // Apps Script text run as the owner: someone typing into the grid around the add-on

export interface Capture {
  in?: Area;
  /** The element to crop to; several are joined into one rectangle. */
  selector: string | string[];
  /** Extra pixels around the element (default 8; 0 for sidebars and dialogs cut at their edges). */
  pad?: number;
  /** Cut the picture at this height (a long table: the first rows say enough). */
  maxHeight?: number;
}

export interface Shot {
  /** File name in docs/ru/img/ without «.png». */
  name: string;
  /** Who is at the keyboard (the preview's «Пользователь»). */
  user: string;
  /** «Сегодня» in Moscow, ДД.ММ.ГГГГ ЧЧ:ММ; the demo's 20.02.2024 12:00 when left out. */
  clock?: string;
  /** Browser window (default 1280 × 800, a laptop screen); pictures are taken at 1:1. */
  viewport?: { width: number; height: number };
  steps: Step[];
  capture: Capture;
}

/** Demo coordinators (src/dev/preview/demo.ts): each one's January 2024 story. */
const LUGOVAYA = 'lugovaya.school@example.org'; // school, January not submitted yet
const KLENOVAYA = 'klenovaya.school@example.org'; // school, January returned and not fixed
const ZARECHNAYA = 'zarechnaya.school@example.org'; // school, every month on time

/** The reminder Луговая school gets a week before the January deadline, in the preview's outbox. */
const LUGOVAYA_REMINDER = `#outbox-list li.mail:has-text("${LUGOVAYA}"):has-text("Осталось")`;

/**
 * Someone overwrites «Подключено педагогов» of Заречная school's January report in the grid (42 → 40).
 * Columns are found by their headers and the month in either spelling, so a new column or the month
 * written as «январь 2024» leaves the shot as it is.
 */
const HAND_EDIT: Step = {
  handEdit:
    "var s = ss.getSheetByName('Отчёты'); var v = s.getDataRange().getValues();" +
    " var month = v[0].indexOf('Отчётный месяц'), field = v[0].indexOf('Подключено педагогов');" +
    ' for (var r = 1; r < v.length; r++)' +
    "   if (v[r][0] === 'SCH-01' && /^(2024-01|январь 2024)$/.test(String(v[r][month])))" +
    '     s.getRange(r + 1, field + 1).setValue(40);',
};

/** The deputy head lowers «Порог изменения к прошлому месяцу» on «Настройки» from 20 % to 15 %. */
const THRESHOLD_15: Step = {
  handEdit:
    "var s = ss.getSheetByName('Настройки'); var v = s.getDataRange().getValues();" +
    ' for (var r = 0; r < v.length; r++)' +
    "   if (v[r][1] === 'Порог изменения к прошлому месяцу') s.getRange(r + 1, 3).setValue(0.15);",
};

const MENU: Capture = { selector: ['#menu-extensions', '#addon-menu'] };
const ALERT: Capture = { selector: '#modal-box', pad: 0 };
const SIDEBAR: Capture = { selector: '#sidebar', pad: 0 };
// «Сводка по округу» opens the «Сводка» sidebar; its «Открыть полную сводку» opens the dialog.
const summary: Step[] = [
  { menu: 'showDistrictSummary' },
  { waitFor: '#openDialog', in: 'sidebar' },
  { click: '#openDialog', in: 'sidebar' },
  { waitFor: '#table tbody tr', in: 'dialog' },
];
/** Opens one organisation's report in the full summary (of the month chosen there). */
const openReport = (orgId: string): Step[] => [
  { click: `#table tbody tr[data-org="${orgId}"] button.open`, in: 'dialog' },
  { waitFor: '#report:not([hidden]) #reportClose', in: 'dialog' },
];
/** One folded section (`details.<section>`) of an organisation's report, unfolded and scrolled into view. */
const drawerSection = (name: string, month: Step[], orgId: string, section: string, wait: Step[] = []): Shot => ({
  name,
  user: DEMO_OWNER,
  viewport: { width: 1280, height: 1400 },
  steps: [
    ...month,
    ...openReport(orgId),
    { click: `#report details.${section} summary`, in: 'dialog' },
    ...wait,
    { scroll: `#report details.${section}`, in: 'dialog' },
  ],
  capture: { in: 'dialog', selector: `#report details.${section}` },
});
/** The full summary on December 2023: its reports are decided (accepted, one returned and resubmitted). */
const december: Step[] = [...summary, { select: '#period', value: '2023-12', in: 'dialog' }];
/** The full summary's «Реестр» tab, its table loaded. */
const registryTab: Step[] = [
  ...summary,
  { click: '#tab-registry', in: 'dialog' },
  { waitFor: '#registry', in: 'dialog' },
];
/** A shot of the registry's form after `steps` on the «Реестр» tab (a window tall enough for all of it). */
const registryForm = (name: string, steps: Step[], pad?: number): Shot => ({
  name,
  user: DEMO_OWNER,
  viewport: { width: 1280, height: 1100 },
  steps: [...registryTab, ...steps],
  capture: { in: 'dialog', selector: '#registryForm', pad },
});
/** The day after January's deadline the deputy head forms January's district report sheet. */
const formJanuaryReport: Step = { call: 'generateDistrictReport', args: ['2024-01'] };
const januaryReport: Step[] = [formJanuaryReport, { sheet: 'Сводный отчёт январь 2024' }];
/** One page of that sheet as printed (A4 landscape, fit to width): the preview's «Печать листа». */
const printedPage = (name: string, page: string): Shot => ({
  name,
  user: DEMO_OWNER,
  clock: '01.03.2024 10:00',
  viewport: { width: 1280, height: 900 },
  steps: [formJanuaryReport, { print: 'Сводный отчёт январь 2024' }],
  capture: { selector: page, pad: 0 },
});
const sidebar: Step[] = [{ menu: 'showReportSidebar' }, { waitFor: '#report-form', in: 'sidebar' }];

/** Weekly figures of five teachers in January 2024 (four full weeks), as copied from a spreadsheet. */
const TEACHER_WEEKS = [
  'Код\tСообщ. 1\tЗвонки 1\tСообщ. 2\tЗвонки 2\tСообщ. 3\tЗвонки 3\tСообщ. 4\tЗвонки 4',
  'П-01\t14\t2\t12\t1\t15\t1\t11\t3',
  'П-02\t10\t1\t10\t1\t10\t1\t10\t1',
  'П-03\t25\t0\t18\t1\t20\t2\t16\t1',
  'П-04\t12\t1\t\t\t13\t1\t12\t1',
  'П-05\t30\t4\t22\t2\t19\t1\t17\t2',
].join('\n');

export const SHOTS: readonly Shot[] = [
  // ---- Заместителю начальника (admin.md) ----
  { name: 'admin-menu', user: DEMO_OWNER, steps: [{ openMenu: true }], capture: MENU },
  {
    name: 'admin-settings-sheet',
    user: DEMO_OWNER,
    steps: [{ sheet: 'Настройки' }],
    capture: { selector: '#grid', maxHeight: 460, pad: 0 },
  },
  {
    name: 'admin-registry',
    user: DEMO_OWNER,
    steps: registryTab,
    capture: { in: 'dialog', selector: '#panel-registry', maxHeight: 420 },
  },
  registryForm('admin-registry-form', [
    { click: '#registryAdd', in: 'dialog' },
    { fill: '#reg-id', value: 'SCH-06', in: 'dialog' },
    { fill: '#reg-name', value: 'МБОУ «Полевая основная школа»', in: 'dialog' },
    { fill: '#reg-coordinatorName', value: 'Новикова Ольга Петровна', in: 'dialog' },
    { fill: '#reg-coordinatorPosition', value: 'заместитель директора', in: 'dialog' },
    { fill: '#reg-coordinatorEmails', value: 'polevaya.school@example.org', in: 'dialog' },
    { fill: '#reg-appointmentOrderNumber', value: '21-од', in: 'dialog' },
    { fill: '#reg-appointmentOrderDate', value: '19.02.2024', in: 'dialog' },
  ]),
  // The registry refuses a date not yet come and a phone that is no phone, each said under its field.
  registryForm(
    'admin-registry-errors',
    [
      { click: '#registry tr[data-org="SCH-05"] button.edit', in: 'dialog' },
      { fill: '#reg-coordinatorPhone', value: 'abc', in: 'dialog' },
      { fill: '#reg-orderCopyReceived', value: '01.03.2099', in: 'dialog' },
      { click: '#registrySave', in: 'dialog' },
      { waitFor: '#reg-orderCopyReceived[aria-invalid="true"]', in: 'dialog' },
    ],
    0,
  ),
  registryForm(
    'admin-registry-close',
    [
      { click: '#registry tr[data-org="DOD-02"] button.close-org', in: 'dialog' },
      { fill: '#reg-closedOn', value: '01.02.2024', in: 'dialog' },
    ],
    0,
  ),
  {
    name: 'admin-checklist',
    user: DEMO_OWNER,
    steps: [...summary, { click: '#tab-checklist', in: 'dialog' }, { waitFor: '#panel-checklist table', in: 'dialog' }],
    capture: { in: 'dialog', selector: '#panel-checklist', maxHeight: 420 },
  },
  { name: 'admin-reminders-on', user: DEMO_OWNER, steps: [{ menu: 'enableReminders' }], capture: ALERT },
  { name: 'admin-summary', user: DEMO_OWNER, steps: summary, capture: { selector: '#modal-box', pad: 0 } },
  {
    name: 'admin-summary-table',
    user: DEMO_OWNER,
    viewport: { width: 1280, height: 1200 },
    steps: [...summary, { scroll: '.tablebar', in: 'dialog' }],
    capture: { in: 'dialog', selector: ['.tablebar', '#table'], maxHeight: 640 },
  },
  {
    name: 'admin-summary-sidebar',
    user: DEMO_OWNER,
    viewport: { width: 1000, height: 640 }, // a smaller window: the whole of it, grid and sidebar, under 250 KB
    steps: [{ menu: 'showDistrictSummary' }, { waitFor: '#lists ul', in: 'sidebar' }],
    capture: { selector: ['#top', '#workspace'], pad: 0 },
  },
  {
    name: 'admin-summary-sidebar-lists',
    user: DEMO_OWNER,
    viewport: { width: 1280, height: 2400 }, // the sidebar as tall as its lists and figures
    steps: [{ menu: 'showDistrictSummary' }, { waitFor: '#figures > *', in: 'sidebar' }],
    capture: { in: 'sidebar', selector: ['#lists', '#figures'], pad: 6 },
  },
  {
    name: 'admin-summary-filters',
    user: DEMO_OWNER,
    viewport: { width: 1280, height: 1200 },
    steps: [
      ...summary,
      { fill: '#search', value: 'сад', in: 'dialog' },
      { select: '#filterStatus', value: 'not-submitted', in: 'dialog' },
      { click: '#legendTitle', in: 'dialog' },
      { scroll: '.filters', in: 'dialog' },
    ],
    capture: { in: 'dialog', selector: ['.filters', '#legend', '#table'], maxHeight: 620 },
  },
  {
    name: 'admin-report-panel',
    user: DEMO_OWNER,
    viewport: { width: 1280, height: 1000 },
    steps: [THRESHOLD_15, ...summary, ...openReport('SCH-04')],
    capture: { in: 'dialog', selector: '#report', pad: 0 },
  },
  {
    name: 'admin-return-dialog',
    user: DEMO_OWNER,
    steps: [
      ...summary,
      { click: '#table tbody tr[data-org="SCH-03"] button.open', in: 'dialog' },
      { click: '#report:not([hidden]) #return', in: 'dialog' },
      {
        fill: '#returnReason',
        value: 'Родителей подключено больше, чем всего: проверьте число родителей.',
        in: 'dialog',
      },
    ],
    capture: { in: 'dialog', selector: '#returnDialog .modal' },
  },
  drawerSection('admin-report-history', summary, 'SCH-03', 'history', [
    { waitFor: '#report details.history figure svg', in: 'dialog' }, // its chart drawn
  ]),
  drawerSection('admin-version-diff', december, 'SCH-02', 'versiondiff'),
  {
    name: 'admin-reopen-dialog',
    user: DEMO_OWNER,
    steps: [
      ...december,
      ...openReport('SCH-01'),
      { click: '#report #reopen', in: 'dialog' },
      {
        fill: '#returnReason',
        value: 'В отчёте за декабрь неверно указано число классов: уточните и сдайте заново.',
        in: 'dialog',
      },
    ],
    capture: { in: 'dialog', selector: '#returnDialog .modal' },
  },
  {
    name: 'admin-district-report',
    user: DEMO_OWNER,
    clock: '01.03.2024 10:00',
    steps: januaryReport,
    capture: { selector: '#grid', maxHeight: 560, pad: 0 },
  },
  printedPage('admin-district-print', '.page[data-page="1"]'),
  // The page with the signature block (the footer's two lines may run onto a page of their own).
  printedPage('admin-district-print-signature', '.page:has-text("Заместитель начальника Отдела образования")'),
  {
    name: 'admin-hand-edited',
    user: DEMO_OWNER,
    steps: [HAND_EDIT, ...summary],
    capture: { in: 'dialog', selector: '#integrity' },
  },
  {
    name: 'admin-hand-edit-fields',
    user: DEMO_OWNER,
    steps: [HAND_EDIT, ...summary, ...openReport('SCH-01')],
    capture: { in: 'dialog', selector: ['#report h2', '#report .edits'] },
  },
  {
    name: 'admin-integrity-check',
    user: DEMO_OWNER,
    steps: [HAND_EDIT, { menu: 'checkIntegrity' }],
    capture: ALERT,
  },

  // ---- Координатору (coordinator.md) ----
  { name: 'coordinator-menu', user: LUGOVAYA, steps: [{ openMenu: true }], capture: MENU },
  { name: 'coordinator-sidebar', user: LUGOVAYA, steps: sidebar, capture: SIDEBAR },
  {
    name: 'coordinator-form',
    user: LUGOVAYA,
    viewport: { width: 1280, height: 1900 },
    steps: sidebar,
    capture: { in: 'sidebar', selector: '#report-form', pad: 6, maxHeight: 1450 },
  },
  {
    name: 'coordinator-coverage',
    user: LUGOVAYA,
    viewport: { width: 1280, height: 1900 },
    steps: [
      ...sidebar,
      { fill: '#f-teachersConnected', value: '29', in: 'sidebar' },
      { fill: '#f-pupilsConnected', value: '301', in: 'sidebar' },
      { scroll: '#coverage', in: 'sidebar' },
    ],
    capture: { in: 'sidebar', selector: '#coverage', pad: 6 },
  },
  {
    name: 'coordinator-coverage-submitted',
    user: ZARECHNAYA,
    viewport: { width: 1280, height: 1900 },
    steps: [...sidebar, { waitFor: '#coverage li', in: 'sidebar' }, { scroll: '#coverage', in: 'sidebar' }],
    capture: { in: 'sidebar', selector: '#coverage', pad: 6 },
  },
  {
    name: 'coordinator-paste',
    user: LUGOVAYA,
    viewport: { width: 1280, height: 1300 },
    steps: [
      ...sidebar,
      { click: '#paste summary', in: 'sidebar' },
      { fill: '#paste-text', value: TEACHER_WEEKS, in: 'sidebar' },
      { press: '#paste-text', key: 'Control+Home', in: 'sidebar' }, // the codes column in view, as after pasting
      { waitFor: '#paste-count', in: 'sidebar' },
      { scroll: '#paste', in: 'sidebar' },
    ],
    capture: { in: 'sidebar', selector: '#paste', pad: 6 },
  },
  {
    name: 'coordinator-returned',
    user: KLENOVAYA,
    steps: [
      ...sidebar,
      { select: '#period-picker', value: '2024-01', in: 'sidebar' },
      { waitFor: '#returned', in: 'sidebar' },
    ],
    capture: SIDEBAR,
  },
  {
    name: 'coordinator-history',
    user: ZARECHNAYA,
    viewport: { width: 1280, height: 1900 },
    steps: [...sidebar, { click: '#history-area summary', in: 'sidebar' }, { scroll: '#history-area', in: 'sidebar' }],
    capture: { in: 'sidebar', selector: '#history-area', pad: 6 },
  },
  {
    name: 'coordinator-reminder-mail',
    user: DEMO_OWNER,
    clock: '22.02.2024 07:00',
    steps: [
      { menu: 'enableReminders' },
      { closeDialog: true },
      { runTrigger: true },
      { showOutbox: true },
      { click: `${LUGOVAYA_REMINDER} summary` },
    ],
    capture: { selector: LUGOVAYA_REMINDER },
  },
  { name: 'coordinator-stranger-menu', user: DEMO_STRANGER, steps: [{ openMenu: true }], capture: MENU },
  { name: 'coordinator-access-help', user: DEMO_STRANGER, steps: [{ menu: 'showAccessHelp' }], capture: ALERT },

  // ---- Специалисту по ИТ (it.md) ----
  {
    name: 'it-reminders-status',
    user: DEMO_OWNER,
    clock: '22.02.2024 07:05',
    steps: [{ menu: 'enableReminders' }, { closeDialog: true }, { runTrigger: true }, ...summary],
    capture: { in: 'dialog', selector: '#reminders', pad: 4 },
  },
  {
    name: 'it-ledger-sheet',
    user: DEMO_OWNER,
    clock: '22.02.2024 07:05',
    steps: [{ menu: 'enableReminders' }, { closeDialog: true }, { runTrigger: true }, { sheet: 'Журнал напоминаний' }],
    capture: { selector: '#grid', maxHeight: 300, pad: 0 },
  },
  {
    name: 'it-audit-sheet',
    user: DEMO_OWNER,
    steps: [{ sheet: 'Журнал изменений' }],
    capture: { selector: '#grid', maxHeight: 360, pad: 0 },
  },
];
