// The stress tests' district: the built bundle in the emulator (strict: every write under the
// lock), set up by its owner with N organisations added through the API. No jest here.
import { createEmulator, type Emulator, type ExecutionResult } from '../emulator';
import { ALL, reportOf, type Org } from '../../../test/support/bigDistrict';

export const OWNER = 'deputy.head@example.org';
export const STRANGER = 'stranger@example.com';
/** 15.02.2024 12:00 MSK: November 2023 – January 2024 can be reported. */
export const NOW = Date.UTC(2024, 1, 15, 9);
export const PERIODS = ['2023-11', '2023-12', '2024-01'] as const;
export const INTACT = 'Изменений в обход дополнения не найдено';

export interface StressDistrict {
  em: Emulator;
  doc: string;
  orgs: Org[];
  run<T = unknown>(user: string, fn: string, ...args: unknown[]): ExecutionResult<T>;
  call<T = unknown>(user: string, fn: string, ...args: unknown[]): T;
  /** Values of a sheet as Apps Script reads them (null: no such sheet). */
  sheet(name: string): unknown[][];
  /** Script text run against the document by a person, without the lock (a hand edit). */
  handEdit(body: string): void;
  /** What «Проверить изменения вручную» says. */
  integrity(): string;
}

/** The registry form of an organisation. */
export function organisationInput(o: Org, i: number): Record<string, unknown> {
  return {
    id: o.id,
    name: o.name,
    type: o.type,
    coordinatorName: `Координатор ${i + 1}`,
    coordinatorPosition: 'заместитель директора',
    coordinatorEmails: o.coordinator,
    coordinatorPhone: '',
    appointmentOrderNumber: `${i + 10}-од`,
    appointmentOrderDate: '10.11.2023',
    orderCopyReceived: '20.11.2023',
    // Reports from the first month the stress runs use (a new organisation otherwise starts this month).
    reportsFrom: PERIODS[0],
  };
}

export const reportFor = (o: Org, period: string, n = 1): Record<string, unknown> => reportOf(o, period, n);

/** A set-up district with the first `orgCount` (≤ 12) invented organisations. */
export function stressDistrict(orgCount = 4, opts: { strict?: boolean } = {}): StressDistrict {
  const em = createEmulator({ now: NOW, strict: opts.strict ?? true, mailQuota: 10_000 });
  const doc = em.createSpreadsheet({ name: 'Отчёты округа', owner: OWNER });
  const run = <T>(user: string, fn: string, ...args: unknown[]): ExecutionResult<T> =>
    em.runFromClient<T>(fn, args, { user, documentId: doc, authMode: 'FULL' });
  const call = <T>(user: string, fn: string, ...args: unknown[]): T => {
    const r = run<T>(user, fn, ...args);
    if (!r.ok) throw new Error(`${fn} as ${user}: ${r.error?.message}`);
    return r.value as T;
  };
  const script = (code: string) => createEmulator({ store: em.store, code });
  const orgs = ALL.slice(0, orgCount);
  const d: StressDistrict = {
    em,
    doc,
    orgs,
    run,
    call,
    sheet(name) {
      const r = script(
        'function read(n) { var s = SpreadsheetApp.getActive().getSheetByName(n); return s ? s.getDataRange().getValues() : null; }',
      ).run<unknown[][]>('read', [name], { user: OWNER, documentId: doc });
      if (!r.ok) throw new Error(r.error?.message);
      return r.value ?? [];
    },
    handEdit(body) {
      const r = script(`function edit() { var ss = SpreadsheetApp.getActive(); ${body} }`).run('edit', [], {
        user: OWNER,
        documentId: doc,
      });
      if (!r.ok) throw new Error('hand edit: ' + r.error?.message);
    },
    integrity() {
      call(OWNER, 'checkIntegrity');
      return em.store.ui.listEvents(doc, OWNER).pop()!.content;
    },
  };
  call(OWNER, 'setupWorkbook');
  for (const [i, o] of orgs.entries()) call(OWNER, 'saveOrganisation', organisationInput(o, i), true);
  return d;
}

/** Rows of «Отчёты» as [orgId, period, version, submissionKey, state]. */
export function reportRows(
  d: StressDistrict,
): { orgId: string; period: string; version: number; key: string; state: string }[] {
  const [header, ...rows] = d.sheet('Отчёты') as string[][];
  const at = (h: string) => header!.indexOf(h);
  return rows
    .filter((r) => r.some((c) => c !== ''))
    .map((r) => ({
      orgId: String(r[at('Код организации')]),
      period: String(r[at('Отчётный месяц')]),
      version: Number(r[at('Версия')]),
      key: String(r[at('Ключ отправки')]),
      state: String(r[at('Статус')]),
    }));
}
