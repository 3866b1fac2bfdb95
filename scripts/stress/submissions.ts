// Parallel submissions in worker threads (Emulator.runParallel): rounds of coordinators submitting
// at the same moment, two per organisation. Counts what was answered as stored but is missing (lost)
// and what is stored twice (duplicated). The negative control runs the same with a document lock
// that never excludes anyone: it must show losses or duplicates, or the test proves nothing.
import { reportFor, reportRows, stressDistrict, PERIODS } from './district';

export interface SubmissionFigures {
  submitted: number;
  lost: number;
  duplicated: number;
  failed: number;
}

/**
 * @param rounds how many batches run one after the other
 * @param perRound parallel executions in each batch (two per organisation)
 * @param withLock false for the negative control (the lock is granted to everyone at once); its
 *   submissions all go to one organisation, so any two that overlap race for the same version
 */
export async function parallelSubmissions(
  rounds: number,
  perRound: number,
  withLock = true,
): Promise<SubmissionFigures> {
  const d = stressDistrict(Math.min(12, Math.ceil(perRound / 2)), { strict: withLock });
  if (!withLock) {
    const locks = d.em.store.locks as unknown as { acquire: (...a: unknown[]) => boolean };
    locks.acquire = () => true;
  }
  const answered = new Map<string, number>();
  let failed = 0;
  for (let round = 0; round < rounds; round++) {
    const period = PERIODS[round % PERIODS.length]!;
    const calls = Array.from({ length: perRound }, (_, i) => {
      const org = d.orgs[withLock ? i % d.orgs.length : 0]!;
      const key = `stress-${round}-${i}-${withLock ? 'l' : 'n'}`;
      return { org, key, report: reportFor(org, period, round * perRound + i) };
    });
    const results = await d.em.runParallel(
      calls.map((c) => ({
        kind: 'client' as const,
        fn: 'submitReport',
        args: [c.report, c.key],
        as: { user: c.org.coordinator, documentId: d.doc, authMode: 'FULL' as const },
      })),
      { maxExecutionMs: 120_000 },
    );
    results.forEach((r, i) => {
      if (r.ok && r.unlockedWrites.length === 0) answered.set(calls[i]!.key, (r.value as { version: number }).version);
      else failed++;
    });
  }
  const rows = reportRows(d);
  const byKey = new Map<string, number>();
  for (const r of rows) byKey.set(r.key, (byKey.get(r.key) ?? 0) + 1);
  const byVersion = new Map<string, number>();
  for (const r of rows) {
    const k = `${r.orgId}|${r.period}|${r.version}`;
    byVersion.set(k, (byVersion.get(k) ?? 0) + 1);
  }
  const lost = [...answered.keys()].filter((k) => !byKey.has(k)).length;
  const duplicated =
    [...byKey.values()].reduce((n, c) => n + (c - 1), 0) + [...byVersion.values()].reduce((n, c) => n + (c - 1), 0);
  return { submitted: answered.size + failed, lost, duplicated, failed };
}
