// A district of 12 organisations with three months of history (November 2023 – January 2024),
// built through the real API as people would: registry, submissions at different times, reviews.
import { district, schoolReport, OWNER, COORD_A, COORD_B, SCHOOL, KINDERGARTEN, type District } from './district';

const MSK = 3 * 3600_000;
/** A Moscow wall-clock moment. */
export const msk = (y: number, m: number, d: number, h = 12): number => Date.UTC(y, m - 1, d, h) - MSK;
/** 15.02.2024 12:00 MSK: November and December are due, January (due 29.02.2024) is not. */
export const T_FEB_15 = msk(2024, 2, 15);

export const HOSTILE_NAME = 'МОУ «Школа <b>№ 7</b>»';
export const HOSTILE_EXPLANATION = '<img src=x onerror="window.__xss=1">WhatsApp в 9 «Б»';

export interface Org {
  id: string;
  name: string;
  type: 'school' | 'preschool' | 'additional';
  coordinator: string;
}

/** The 10 organisations added to the two of district(). */
export const EXTRA: Org[] = [
  { id: 'SCH-03', name: 'МБОУ «Берёзовская основная школа»', type: 'school', coordinator: 'coord.sch03@example.org' },
  { id: 'SCH-04', name: 'МБОУ «Кесовогорская СОШ»', type: 'school', coordinator: 'coord.sch04@example.org' },
  { id: 'SCH-05', name: 'МБОУ «Никольская СОШ»', type: 'school', coordinator: 'coord.sch05@example.org' },
  { id: 'SCH-07', name: HOSTILE_NAME, type: 'school', coordinator: 'coord.sch07@example.org' },
  { id: 'SCH-08', name: 'МБОУ «Стрелихинская ООШ»', type: 'school', coordinator: 'coord.sch08@example.org' },
  { id: 'DOU-09', name: 'МБДОУ «Детский сад „Солнышко“»', type: 'preschool', coordinator: 'coord.dou09@example.org' },
  { id: 'DOU-10', name: 'МБДОУ «Детский сад „Колосок“»', type: 'preschool', coordinator: 'coord.dou10@example.org' },
  { id: 'DOU-11', name: 'МБДОУ «Детский сад „Берёзка“»', type: 'preschool', coordinator: 'coord.dou11@example.org' },
  {
    id: 'DOD-12',
    name: 'МБУ ДО «Дом детского творчества»',
    type: 'additional',
    coordinator: 'coord.dod12@example.org',
  },
  { id: 'DOD-13', name: 'МБУ ДО «Детская школа искусств»', type: 'additional', coordinator: 'coord.dod13@example.org' },
];

export const ALL: Org[] = [
  { id: SCHOOL.id, name: SCHOOL.name, type: 'school', coordinator: COORD_A },
  { id: KINDERGARTEN.id, name: KINDERGARTEN.name, type: 'preschool', coordinator: COORD_B },
  ...EXTRA,
];

/** A valid report of `org` for `period`; `n` varies the figures. */
export function reportOf(
  org: Org,
  period: string,
  n: number,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  const teachers = 10 + ((n * 7) % 30);
  const connected = teachers - (n % 3);
  const base = schoolReport({
    orgId: org.id,
    period,
    teachersTotal: teachers,
    teachersConnected: connected,
    parentsTotal: teachers * 12,
    parentsConnected: teachers * 9,
    groupsTotal: 4 + (n % 5),
    groupsInSferum: 4 + (n % 5),
    pupilChats: 4 + (n % 5),
    parentChats: 4 + (n % 5),
    teachersMeetingMinimum: connected - 2,
    mySchoolTeachers: teachers - 1,
  });
  if (org.type !== 'school') base.mySchoolTeachers = null;
  if (org.type === 'preschool') Object.assign(base, { pupilsTotal: null, pupilsConnected: null, pupilChats: null });
  else Object.assign(base, { pupilsTotal: teachers * 10, pupilsConnected: teachers * 10 - n });
  return { ...base, ...overrides };
}

/** Status the summary must show, per period and organisation, at T_FEB_15. */
export const EXPECTED: Record<string, Record<string, string>> = {
  '2023-11': {
    'SCH-01': 'принят',
    'DOU-02': 'принят',
    'SCH-03': 'сдан с опозданием',
    'SCH-04': 'возвращён',
    'SCH-05': 'сдан вовремя',
    'SCH-07': 'сдан вовремя',
    'SCH-08': 'просрочен',
    'DOU-09': 'принят',
    'DOU-10': 'сдан вовремя',
    'DOU-11': 'сдан с опозданием',
    'DOD-12': 'сдан вовремя',
    'DOD-13': 'принят',
  },
  '2023-12': {
    'SCH-01': 'сдан вовремя',
    'DOU-02': 'сдан вовремя',
    'SCH-03': 'сдан вовремя',
    'SCH-04': 'сдан с опозданием',
    'SCH-05': 'принят',
    'SCH-07': 'сдан вовремя',
    'SCH-08': 'просрочен',
    'DOU-09': 'сдан вовремя',
    'DOU-10': 'просрочен',
    'DOU-11': 'сдан вовремя',
    'DOD-12': 'сдан вовремя',
    'DOD-13': 'сдан с опозданием',
  },
  '2024-01': {
    'SCH-01': 'сдан вовремя',
    'DOU-02': 'не сдан',
    'SCH-03': 'сдан вовремя',
    'SCH-04': 'не сдан',
    'SCH-05': 'сдан вовремя',
    'SCH-07': 'сдан вовремя',
    'SCH-08': 'не сдан',
    'DOU-09': 'сдан вовремя',
    'DOU-10': 'не сдан',
    'DOU-11': 'сдан вовремя',
    'DOD-12': 'не сдан',
    'DOD-13': 'сдан вовремя',
  },
};

const org = (id: string): Org => ALL.find((o) => o.id === id)!;
let keys = 0;
const key = (): string => 'bigdistrict-' + String(++keys).padStart(6, '0');

/** Submits as the organisation's coordinator at Moscow time `at`. */
export function submit(
  d: District,
  id: string,
  period: string,
  at: number,
  overrides: Record<string, unknown> = {},
): number {
  d.em.setNow(at);
  const o = org(id);
  const r = d.call<{ version: number }>(
    o.coordinator,
    'submitReport',
    reportOf(o, period, ALL.indexOf(o) + Number(period.slice(5)), overrides),
    key(),
  );
  return r.version;
}

function review(
  d: District,
  id: string,
  period: string,
  version: number,
  decision: 'accept' | 'return',
  at: number,
  reason = '',
): void {
  d.em.setNow(at);
  d.call(OWNER, 'reviewReport', id, period, version, decision, reason);
}

/** What the admin types into the registry for `org` (coordinator «Координатор `n`»). */
export function registryInput(org: Org, n: number, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: org.id,
    name: org.name,
    type: org.type,
    coordinatorName: `Координатор ${n}`,
    coordinatorPosition: 'заместитель директора',
    coordinatorEmails: org.coordinator,
    coordinatorPhone: '',
    appointmentOrderNumber: `${n + 7}-од`,
    appointmentOrderDate: '10.11.2023',
    orderCopyReceived: '20.11.2023',
    ...overrides,
  };
}

/** The district at T_FEB_15 with the statuses of EXPECTED. */
export function bigDistrict(): District {
  const d = district(msk(2023, 11, 28, 12));
  for (const [i, o] of EXTRA.entries()) {
    const noOrder = i % 4 === 3;
    d.call(
      OWNER,
      'saveOrganisation',
      registryInput(o, i + 3, {
        appointmentOrderNumber: noOrder ? '' : `${i + 10}-од`,
        appointmentOrderDate: noOrder ? '' : `1${i % 9}.11.2023`,
        orderCopyReceived: noOrder ? '' : i === 2 ? '28.11.2023' : '20.11.2023',
      }),
      true,
    );
  }
  // November 2023 (due 30.12.2023).
  for (const id of ['SCH-01', 'DOU-02', 'SCH-04', 'SCH-05', 'DOU-09', 'DOU-10', 'DOD-12', 'DOD-13'])
    submit(d, id, '2023-11', msk(2023, 12, 10));
  submit(d, 'SCH-07', '2023-11', msk(2023, 12, 30, 23), {
    noForeignMessengers: false,
    foreignMessengersExplanation: HOSTILE_EXPLANATION,
  });
  for (const id of ['SCH-03', 'DOU-11']) submit(d, id, '2023-11', msk(2024, 1, 3));
  for (const id of ['SCH-01', 'DOU-02', 'DOU-09', 'DOD-13']) review(d, id, '2023-11', 1, 'accept', msk(2024, 1, 4));
  review(d, 'SCH-04', '2023-11', 1, 'return', msk(2024, 1, 4), 'Проверьте число педагогов.');
  // December 2023 (due 30.01.2024).
  for (const id of ['SCH-01', 'DOU-02', 'SCH-03', 'SCH-05', 'SCH-07', 'DOU-09', 'DOU-11', 'DOD-12'])
    submit(d, id, '2023-12', msk(2024, 1, 20));
  for (const id of ['SCH-04', 'DOD-13']) submit(d, id, '2023-12', msk(2024, 2, 2));
  review(d, 'SCH-05', '2023-12', 1, 'accept', msk(2024, 2, 3));
  // January 2024 (due 29.02.2024).
  for (const id of ['SCH-01', 'SCH-03', 'SCH-05', 'SCH-07', 'DOU-09', 'DOU-11', 'DOD-13'])
    submit(d, id, '2024-01', msk(2024, 2, 10));
  d.em.setNow(T_FEB_15);
  return d;
}
