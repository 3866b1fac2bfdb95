// Parallel submissions in worker threads (Emulator.runParallel): rounds of coordinators submitting
// at the same moment, two per organisation. Counts what was answered as stored but is missing (lost)
// and what is stored twice (duplicated). The negative control runs the same with a document lock
// that never excludes anyone: it must show losses or duplicates, or the test proves nothing.
import { reportFor, reportRows, stressDistrict, PERIODS } from './district';

/** The Russian «таблица занята» answer (serverErrors.busy). */
const BUSY = /Таблица занята/;

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
    // A submission answered «таблица занята» is sent again with the same key, as the sidebar's
    // retry would (up to 5 times); anything else that fails counts as failed.
    let pending = calls;
    for (let attempt = 0; attempt < 5 && pending.length > 0; attempt++) {
      const results = await d.em.runParallel(
        pending.map((c) => ({
          kind: 'client' as const,
          fn: 'submitReport',
          args: [c.report, c.key],
          as: { user: c.org.coordinator, documentId: d.doc, authMode: 'FULL' as const },
        })),
        { maxExecutionMs: 120_000 },
      );
      const busy: typeof calls = [];
      results.forEach((r, i) => {
        const c = pending[i]!;
        // The negative control holds no lock by design: its writes all count as unlocked.
        if (r.ok && (!withLock || r.unlockedWrites.length === 0))
          answered.set(c.key, (r.value as { version: number }).version);
        else if (withLock && BUSY.test(r.error?.message ?? '')) busy.push(c);
        else failed++;
      });
      pending = busy;
    }
    failed += pending.length;
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
