// Bench (1): each custom function over a 10,000-row range, through dist/Code.js in the emulator.
import { createEmulator } from '../../src/dev/emulator';
import { median, ms, printTable } from './table';

const ROWS = 10_000;
const RUNS = 5;
const MSK = 3 * 3600_000;

/** A Moscow date cell as Sheets passes it (00:00 MSK). */
const dateCell = (y: number, m: number, d: number): Date => new Date(Date.UTC(y, m - 1, d) - MSK);
const column = (f: (i: number) => unknown): unknown[][] => Array.from({ length: ROWS }, (_, i) => [f(i)]);

/** Every tenth row blank, like an open range with gaps. */
function cases(): [string, unknown[]][] {
  const periods = column((i) => (i % 10 === 9 ? '' : dateCell(2023 + (Math.floor(i / 12) % 3), (i % 12) + 1, 15)));
  const counts = column((i) => (i % 10 === 9 ? '' : i % 11));
  const totals = column((i) => (i % 10 === 9 ? '' : 10));
  return [
    ['REPORT_DEADLINE', [periods]],
    ['DAYS_TO_DEADLINE', [periods, dateCell(2025, 6, 1)]],
    ['REPORT_STATUS', [periods, column((i) => (i % 3 ? dateCell(2024, (i % 12) + 1, 20) : '')), dateCell(2025, 6, 1)]],
    ['COVERAGE', [counts, totals]],
    ['MEETS_TARGET', [counts, totals, '90%']],
    ['TEACHER_MINIMUM_MET', [column((i) => i % 20), column((i) => i % 2)]],
  ];
}

export function benchCustomFunctions(): void {
  const em = createEmulator({ now: Date.UTC(2025, 0, 10, 9) });
  const doc = em.createSpreadsheet({ name: 'bench', owner: 'admin@example.org' });
  const time = (fn: string, args: unknown[]): { times: number[]; ok: boolean; calls: number } => {
    const times: number[] = [];
    let ok = true;
    let calls = 0;
    em.runCustomFunction(fn, args, doc); // warm-up
    for (let i = 0; i < RUNS; i++) {
      const r = em.runCustomFunction(fn, args, doc);
      times.push(r.durationMs);
      ok &&= r.ok;
      calls += r.totalCalls;
    }
    return { times, ok, calls };
  };
  const baseline = median(time('COVERAGE', [1, 2]).times);
  const rows = cases().map(([fn, args]) => {
    const { times, ok, calls } = time(fn, args);
    return [fn, ms(median(times)), ms(Math.min(...times)), ms(Math.max(...times)), String(calls), ok ? 'ok' : 'ERROR'];
  });
  printTable(
    `1. Custom functions over ${ROWS.toLocaleString('en')} rows (dist/Code.js in the emulator, median of ${RUNS})`,
    ['function', 'median ms', 'min ms', 'max ms', 'service calls', 'result'],
    rows,
    [
      `Each figure is one whole execution: fresh realm, loading Code.js, copying the range in and out.`,
      `For comparison, a one-cell call (COVERAGE(1; 2)) takes ${ms(baseline)} ms. Sheets' limit is 30 s per call.`,
    ],
  );
}
