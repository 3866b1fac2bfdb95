// The demo district of the local preview: invented organisations and three months of history,
// created through the real bundle (setupWorkbook, saveOrganisation, submitReport, reviewReport).
import type { Emulator, ExecutionResult } from '../emulator';
import { REPORTS_LAYOUT } from '../../server/storage/reportsSheet';
import { reportFigures } from '../district/figures';

export const DEMO_OWNER = 'deputy.head@example.org';
export const DEMO_SPREADSHEET_NAME = 'Отчёты округа (демо)';
/** A user the add-on does not know. */
export const DEMO_STRANGER = 'guest@example.com';
/** Moscow is UTC+3 all year (no DST since 2014). */
const MSK = 3 * 3600_000;
/** Epoch ms of a Moscow wall-clock time. */
export const msk = (y: number, m: number, d: number, h = 12, min = 0): number => Date.UTC(y, m - 1, d, h, min) - MSK;
/** "Today" after seeding: January 2024 is open (due 29.02), November and December are history. */
export const DEMO_TODAY = msk(2024, 2, 20, 12);

type OrgType = 'school' | 'preschool' | 'additional';
interface DemoOrg {
  id: string;
  name: string;
  type: OrgType;
  coordinator: string;
  position: string;
  email: string;
  /** Size: teachers total. */
  teachers: number;
  /** Per month (Nov, Dec, Jan): what happens to the report. */
  story: [Story, Story, Story];
  /** Share of the targets reached (1 = everything connected). */
  reach: number;
}
/** on-time | late | missing | returned (then fixed) | returned-open (not yet fixed) | pending (submitted, not reviewed). */
type Story = 'on-time' | 'late' | 'missing' | 'returned' | 'returned-open' | 'pending';

/** Invented organisations of the three types; names and people do not exist. */
export const DEMO_ORGS: readonly DemoOrg[] = [
  {
    id: 'SCH-01',
    name: 'МБОУ «Заречная средняя школа»',
    type: 'school',
    coordinator: 'Примерова Анна Сергеевна',
    position: 'заместитель директора',
    email: 'zarechnaya.school@example.org',
    teachers: 42,
    reach: 1,
    story: ['on-time', 'on-time', 'on-time'],
  },
  {
    id: 'SCH-02',
    name: 'МБОУ «Луговая средняя школа»',
    type: 'school',
    coordinator: 'Образцов Илья Петрович',
    position: 'учитель информатики',
    email: 'lugovaya.school@example.org',
    teachers: 31,
    reach: 0.9,
    story: ['on-time', 'returned', 'missing'],
  },
  {
    id: 'SCH-03',
    name: 'МБОУ «Сосновская основная школа»',
    type: 'school',
    coordinator: 'Тестова Марина Олеговна',
    position: 'заместитель директора',
    email: 'sosnovka.school@example.org',
    teachers: 18,
    reach: 0.8,
    story: ['late', 'late', 'pending'],
  },
  {
    id: 'SCH-04',
    name: 'МБОУ «Кленовая средняя школа»',
    type: 'school',
    coordinator: 'Макетов Павел Андреевич',
    position: 'педагог-организатор',
    email: 'klenovaya.school@example.org',
    teachers: 27,
    reach: 0.95,
    story: ['missing', 'on-time', 'returned-open'],
  },
  {
    id: 'SCH-05',
    name: 'МБОУ «Озёрная начальная школа»',
    type: 'school',
    coordinator: 'Пробина Елена Викторовна',
    position: 'директор',
    email: 'ozernaya.school@example.org',
    teachers: 9,
    reach: 1,
    story: ['on-time', 'on-time', 'missing'],
  },
  {
    id: 'DOU-01',
    name: 'МБДОУ «Детский сад „Солнышко“»',
    type: 'preschool',
    coordinator: 'Учебнова Ольга Ивановна',
    position: 'старший воспитатель',
    email: 'solnyshko.dou@example.org',
    teachers: 16,
    reach: 1,
    story: ['on-time', 'on-time', 'on-time'],
  },
  {
    id: 'DOU-02',
    name: 'МБДОУ «Детский сад „Колокольчик“»',
    type: 'preschool',
    coordinator: 'Шаблонова Вера Николаевна',
    position: 'заведующий',
    email: 'kolokolchik.dou@example.org',
    teachers: 12,
    reach: 0.75,
    story: ['late', 'missing', 'missing'],
  },
  {
    id: 'DOU-03',
    name: 'МБДОУ «Детский сад „Берёзка“»',
    type: 'preschool',
    coordinator: 'Черновикова Наталья Юрьевна',
    position: 'старший воспитатель',
    email: 'berezka.dou@example.org',
    teachers: 10,
    reach: 0.9,
    story: ['returned', 'on-time', 'pending'],
  },
  {
    id: 'DOU-04',
    name: 'МБДОУ «Детский сад „Теремок“»',
    type: 'preschool',
    coordinator: 'Эскизова Татьяна Львовна',
    position: 'воспитатель',
    email: 'teremok.dou@example.org',
    teachers: 8,
    reach: 1,
    story: ['on-time', 'late', 'missing'],
  },
  {
    id: 'DOD-01',
    name: 'МБУ ДО «Дом детского творчества»',
    type: 'additional',
    coordinator: 'Демонстрационный Олег Сергеевич',
    position: 'методист',
    email: 'ddt@example.org',
    teachers: 14,
    reach: 0.85,
    story: ['on-time', 'on-time', 'on-time'],
  },
  {
    id: 'DOD-02',
    name: 'МБУ ДО «Детская школа искусств»',
    type: 'additional',
    coordinator: 'Вымыслова Ирина Павловна',
    position: 'заместитель директора',
    email: 'dshi@example.org',
    teachers: 11,
    reach: 0.7,
    story: ['missing', 'late', 'missing'],
  },
  {
    id: 'DOD-03',
    name: 'МБУ ДО «Спортивная школа „Старт“»',
    type: 'additional',
    coordinator: 'Условнов Артём Игоревич',
    position: 'тренер-преподаватель',
    email: 'start.sport@example.org',
    teachers: 7,
    reach: 1,
    story: ['on-time', 'returned', 'on-time'],
  },
];

const PERIODS = ['2023-11', '2023-12', '2024-01'] as const;
/** When things happen in each period's month after it: on time, late, review, resubmission (Moscow days). */
const TIMING: Record<(typeof PERIODS)[number], { month: [number, number]; onTime: number }> = {
  '2023-11': { month: [2023, 12], onTime: 12 },
  '2023-12': { month: [2024, 1], onTime: 15 },
  '2024-01': { month: [2024, 2], onTime: 6 },
};

/** Report of one organisation for one month: deterministic, with shortfalls when reach < 1. */
function figures(org: DemoOrg, monthIndex: number, returnedVersion: boolean): Record<string, unknown> {
  const foreign = org.id === 'DOD-02' && monthIndex === 0;
  return {
    orgId: org.id,
    period: PERIODS[monthIndex],
    ...reportFigures(org.type, org.teachers, Math.min(1, org.reach + monthIndex * 0.03), {
      extraTeachersTotal: returnedVersion ? 5 : 0,
      foreignMessengers: foreign
        ? 'Один кружок ещё переписывается в стороннем мессенджере; переход в Сферум — до конца месяца.'
        : '',
    }),
    comment: returnedVersion
      ? ''
      : monthIndex === 2 && org.reach < 0.8
        ? 'Часть родителей ещё не подключена, работа продолжается.'
        : '',
  };
}

/**
 * The owner deletes the new spreadsheet's «Лист1» once the add-on has made its sheets, as a
 * person tidying the workbook would: every sheet of `sheetIds` that is still empty goes (the
 * emulator refuses to delete the last sheet or a protected one).
 */
function removeUnusedSheets(em: Emulator, doc: string, sheetIds: number[]): void {
  for (const sheetId of sheetIds) {
    const extent = em.store.spreadsheets.getDataExtent(doc, sheetId);
    if (!extent || extent.lastRow > 0 || extent.lastColumn > 0) continue;
    const r = em.store.spreadsheets.deleteSheet(doc, sheetId, { user: DEMO_OWNER, now: em.now() });
    if (!r.ok) throw new Error(`demo: deleting the empty sheet ${sheetId}: ${r.reason}`);
  }
}

export type SeedLog = (line: string) => void;

/**
 * Creates the demo district in the (empty) spreadsheet `doc` owned by DEMO_OWNER, every step
 * through the bundle as the user who would do it, with the clock set to the day it happens.
 * @returns the number of executions run
 * @throws if any step fails (the demo would be misleading otherwise)
 */
export function seedDemo(em: Emulator, doc: string, log: SeedLog = () => undefined): number {
  let runs = 0;
  const as = (user: string) => ({ user, documentId: doc, authMode: 'FULL' as const });
  const must = <T>(what: string, r: ExecutionResult<T>): T => {
    runs++;
    if (!r.ok) throw new Error(`demo: ${what}: ${r.error?.message}`);
    const v = r.value as unknown as { ok?: boolean; errors?: unknown };
    if (v && typeof v === 'object' && v.ok === false) throw new Error(`demo: ${what}: ${JSON.stringify(v.errors)}`);
    return r.value as T;
  };
  em.setNow(msk(2023, 11, 16, 10));
  const blank = em.store.spreadsheets.getSpreadsheet(doc)?.sheets.map((s) => s.sheetId) ?? [];
  must('setupWorkbook', em.run('setupWorkbook', [], as(DEMO_OWNER)));
  removeUnusedSheets(em, doc, blank);
  DEMO_ORGS.forEach((org, i) => {
    em.setNow(msk(2023, 11, 21 + Math.floor(i / 4), 11, i * 3));
    const appointed = org.story[0] !== 'missing';
    must(
      `saveOrganisation ${org.id}`,
      em.runFromClient(
        'saveOrganisation',
        [
          {
            id: org.id,
            name: org.name,
            type: org.type,
            coordinatorName: org.coordinator,
            coordinatorPosition: org.position,
            coordinatorEmails: org.email,
            coordinatorPhone: `+7 000 000-00-${String(i + 1).padStart(2, '0')}`,
            appointmentOrderNumber: appointed ? `${10 + i}-од` : '',
            appointmentOrderDate: appointed ? '17.11.2023' : '',
            orderCopyReceived: appointed ? '20.11.2023' : '',
          },
          true,
        ],
        as(DEMO_OWNER),
      ),
    );
  });
  log(`демо: ${DEMO_ORGS.length} организаций в реестре`);

  // Every submission and review of the three months, run in time order (the audit log stays ordered).
  const events: { at: number; run: () => void }[] = [];
  PERIODS.forEach((period, m) => {
    const t = TIMING[period];
    const [y, mo] = t.month;
    DEMO_ORGS.forEach((org, i) => {
      const story = org.story[m]!;
      if (story === 'missing') return;
      const submit = (at: number, version: number, returned: boolean) =>
        events.push({
          at,
          run: () =>
            must(
              `submitReport ${org.id} ${period} v${version}`,
              em.runFromClient(
                'submitReport',
                [figures(org, m, returned), `demo-${org.id}-${period}-v${version}`],
                as(org.email),
              ),
            ),
        });
      const review = (at: number, version: number, decision: 'accept' | 'return', reason = '') =>
        events.push({
          at,
          run: () =>
            must(
              `reviewReport ${org.id} ${period} v${version}`,
              em.runFromClient('reviewReport', [org.id, period, version, decision, reason], as(DEMO_OWNER)),
            ),
        });
      const day = (d: number, h = 10) => msk(y, mo, d, h, (i * 7) % 60);
      const lateAt = mo === 12 ? msk(y + 1, 1, 3 + (i % 5), 11) : msk(y, mo + 1, 2 + (i % 5), 11);
      if (story === 'late') {
        submit(lateAt, 1, false);
        if (m < 2) review(lateAt + 86_400_000, 1, 'accept');
      } else if (story === 'returned' || story === 'returned-open') {
        submit(day(t.onTime - 4 + (i % 3)), 1, true);
        review(
          day(t.onTime),
          1,
          'return',
          'Число педагогов больше, чем в прошлом месяце: проверьте, пожалуйста, и сдайте заново.',
        );
        if (story === 'returned') {
          submit(day(t.onTime + 2), 2, false);
          review(day(t.onTime + 3), 2, 'accept');
        }
      } else {
        submit(day(t.onTime - 5 + (i % 6)), 1, false);
        if (story === 'on-time' && m < 2) review(day(t.onTime + 1, 16), 1, 'accept');
      }
    });
  });
  for (const e of events.sort((a, b) => a.at - b.at)) {
    em.setNow(e.at);
    e.run();
  }
  log(`демо: ${events.length} сдач и проверок отчётов за ${PERIODS.join(', ')}`);
  em.setNow(DEMO_TODAY);
  // The owner last looked at the reports (Sheets reopens a document on the user's last sheet).
  const reports = em.store.spreadsheets.getSpreadsheet(doc)?.sheets.find((s) => s.name === REPORTS_LAYOUT.sheetName);
  if (reports) em.store.spreadsheets.setActiveSheetId(doc, DEMO_OWNER, reports.sheetId);
  return runs;
}
