// A district with ten organisations, and readers of what the parallel executions left behind.
import type { ExecutionResult } from '../../../src/dev/emulator';
import { ALL, registryInput, reportOf, type Org } from '../../support/bigDistrict';
import { district, OWNER, type District } from '../../support/district';

/** The two organisations of district() plus eight more added through saveOrganisation. */
export const ORGS: Org[] = ALL.slice(0, 10);

/** district(now) with ORGS in its registry. */
export function tenOrganisations(now?: number): District {
  const d = district(now);
  for (const [i, o] of ORGS.slice(2).entries())
    d.call(OWNER, 'saveOrganisation', registryInput(o, i + 3, { reportsFrom: '2023-11' }), true);
  return d;
}

/** A valid report of `org` for `period`. */
export const reportFor = (org: Org, period: string, n = 1): Record<string, unknown> =>
  reportOf(org, period, n + ORGS.indexOf(org));

/** A sidebar's submission key (8–64 of [A-Za-z0-9-]). */
export const submissionKey = (...parts: Array<string | number>): string =>
  ['k', ...parts].join('-').replace(/[^A-Za-z0-9-]/g, '');

export interface StoredRow {
  orgId: string;
  period: string;
  version: number;
  submittedBy: string;
  key: string;
}

/** Rows of «Отчёты» as orgId, period, version, who and submission key. */
export function storedReports(d: District): StoredRow[] {
  const [header, ...rows] = d.sheet('Отчёты') as string[][];
  const col = (label: string): number => header!.indexOf(label);
  const [org, period, version, by, key] = [
    'Код организации',
    'Отчётный месяц',
    'Версия',
    'Кем сдан',
    'Ключ отправки',
  ].map(col) as [number, number, number, number, number];
  return rows.map((r) => ({
    orgId: String(r[org]),
    period: String(r[period]),
    version: Number(r[version]),
    submittedBy: String(r[by]),
    key: String(r[key]),
  }));
}

/** Rows of «Журнал изменений» recording a submission. */
export function submissionAudits(d: District): string[][] {
  return (d.sheet('Журнал изменений') as string[][]).filter((r) => r[2] === 'Сдача отчёта');
}

/** What «Проверить изменения вручную» told the owner. */
export function integrityReport(d: District): string {
  d.call(OWNER, 'checkIntegrity');
  return d.em.store.ui.listEvents(d.doc, OWNER).pop()!.content;
}
export const INTACT = 'Изменений в обход дополнения не найдено';

/** Fails with every execution's error when one did not succeed or wrote without the lock. */
export function expectAllOk(results: ExecutionResult[]): void {
  const bad = results
    .map((r, i) =>
      r.ok && r.unlockedWrites.length === 0 ? null : `#${i}: ${r.error?.message ?? r.unlockedWrites.join(', ')}`,
    )
    .filter(Boolean);
  expect(bad).toEqual([]);
}
