// A demo district in the emulator, driven through the built dist/Code.js as real users would.
import {
  createEmulator,
  type DeploymentProfile,
  type Emulator,
  type ExecutionResult,
  type ParallelOptions,
} from '../../src/dev/emulator';

export const OWNER = 'deputy.head@example.org';
export const ADMIN2 = 'methodist@example.org';
export const COORD_A = 'coord.school1@example.org';
export const COORD_B = 'coord.kinder@example.org';
export const STRANGER = 'stranger@example.com';
/** 15.12.2023 12:00 MSK: November 2023 is open, due 30.12.2023. */
export const T_DEC_15 = Date.UTC(2023, 11, 15, 9, 0, 0);

export const SCHOOL = {
  id: 'SCH-01',
  name: 'МБОУ «Лесная средняя школа»',
  type: 'school',
  coordinatorName: 'Иванова Анна Петровна',
  coordinatorPosition: 'заместитель директора',
  coordinatorEmails: COORD_A,
  coordinatorPhone: '+7 900 000-00-01',
  appointmentOrderNumber: '45-од',
  appointmentOrderDate: '17.11.2023',
  orderCopyReceived: '20.11.2023',
  reportsFrom: 'ноябрь 2023',
};
export const KINDERGARTEN = {
  id: 'DOU-02',
  name: 'МБДОУ «Детский сад „Ромашка“»',
  type: 'preschool',
  coordinatorName: 'Петрова Мария Ивановна',
  coordinatorPosition: 'старший воспитатель',
  coordinatorEmails: COORD_B,
  coordinatorPhone: '',
  appointmentOrderNumber: '',
  appointmentOrderDate: '',
  orderCopyReceived: '',
  reportsFrom: '2023-11',
};

/** A valid November 2023 report of the school. */
export function schoolReport(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    orgId: SCHOOL.id,
    period: '2023-11',
    teachersTotal: 40,
    teachersConnected: 38,
    pupilsTotal: 420,
    pupilsConnected: 400,
    parentsTotal: 600,
    parentsConnected: 450,
    groupsTotal: 20,
    groupsInSferum: 20,
    staffChat: true,
    pupilChats: 20,
    parentChats: 20,
    teachersMeetingMinimum: 30,
    teacherMessages: null,
    teacherCalls: null,
    mySchoolTeachers: 36,
    noForeignMessengers: true,
    foreignMessengersExplanation: '',
    comment: '',
    ...overrides,
  };
}

/** A valid report of the kindergarten for `period` (no pupils, no «Моя школа»). */
export const kindergartenReport = (period: string): Record<string, unknown> =>
  schoolReport({
    orgId: KINDERGARTEN.id,
    period,
    pupilsTotal: null,
    pupilsConnected: null,
    pupilChats: null,
    mySchoolTeachers: null,
  });

export interface District {
  em: Emulator;
  doc: string;
  /** How the script is deployed: `bound` runs dist/, `addon` runs dist-addon/. */
  profile: DeploymentProfile;
  /** google.script.run as `user`: returns the result, failing the test on an unexpected error. */
  call<T>(user: string, fn: string, ...args: unknown[]): T;
  /** google.script.run as `user`, expecting a failure: returns its message. */
  refuse(user: string, fn: string, ...args: unknown[]): string;
  run<T>(user: string, fn: string, ...args: unknown[]): ExecutionResult<T>;
  /** Values of a sheet as Apps Script reads them. */
  sheet(name: string): unknown[][];
}

/**
 * An empty spreadsheet owned by OWNER, in strict mode (every write must hold a lock), under the
 * deployment `profile` (src/dev/emulator/profiles.ts).
 */
export function emptyDistrict(now = T_DEC_15, profile: DeploymentProfile = 'bound'): District {
  const em = createEmulator({ now, strict: true, profile });
  const doc = em.createSpreadsheet({ name: 'Отчёты округа', owner: OWNER });
  const run = <T>(user: string, fn: string, ...args: unknown[]) =>
    em.runFromClient<T>(fn, args, { user, documentId: doc, authMode: 'FULL' });
  return {
    em,
    doc,
    profile,
    run,
    call<T>(user: string, fn: string, ...args: unknown[]): T {
      const r = run<T>(user, fn, ...args);
      if (!r.ok) throw new Error(`${fn} as ${user} failed: ${r.error?.message}`);
      expect(r.unlockedWrites).toEqual([]);
      return r.value as T;
    },
    refuse(user: string, fn: string, ...args: unknown[]): string {
      const r = run(user, fn, ...args);
      if (r.ok) throw new Error(`${fn} as ${user} succeeded, expected a refusal`);
      return r.error!.message;
    },
    sheet(name: string): unknown[][] {
      const reader = createEmulator({
        store: em.store,
        code: 'function read(n) { var s = SpreadsheetApp.getActive().getSheetByName(n); return s ? s.getDataRange().getValues() : null; }',
      });
      const r = reader.run<unknown[][]>('read', [name], { user: OWNER, documentId: doc });
      if (!r.ok) throw new Error(r.error?.message);
      return r.value!;
    },
  };
}

/** A set-up district with a school (COORD_A) and a kindergarten (COORD_B), under `profile`. */
export function district(now = T_DEC_15, profile: DeploymentProfile = 'bound'): District {
  const d = emptyDistrict(now, profile);
  d.call(OWNER, 'setupWorkbook');
  d.call(OWNER, 'saveOrganisation', SCHOOL, true);
  d.call(OWNER, 'saveOrganisation', KINDERGARTEN, true);
  return d;
}

/** Runs arbitrary script text against the same spreadsheet: a person editing the grid by hand. */
export function handEdit(d: District, user: string, body: string): void {
  const editor = createEmulator({
    store: d.em.store,
    code: `function edit() { var ss = SpreadsheetApp.getActive(); ${body} }`,
  });
  const r = editor.run('edit', [], { user, documentId: d.doc });
  if (!r.ok) throw new Error(r.error?.message);
}

/** One google.script.run call of runParallel: `fn(...args)` as `user`. */
export interface ParallelCall {
  user: string;
  fn: string;
  args: unknown[];
}

/**
 * google.script.run calls made at the same moment by different people (or tabs): each one its own
 * execution in its own worker thread, all against the district's one store. Results in order.
 */
export function runParallel(d: District, calls: ParallelCall[], opts?: ParallelOptions): Promise<ExecutionResult[]> {
  return d.em.runParallel(
    calls.map((c) => ({
      kind: 'client',
      fn: c.fn,
      args: c.args,
      as: { user: c.user, documentId: d.doc, authMode: 'FULL' },
    })),
    opts,
  );
}
