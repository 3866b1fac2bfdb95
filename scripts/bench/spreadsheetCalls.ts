// Bench (3): per server operation and workbook size (5/50/500 organisations × 1/12/36 months):
// spreadsheet calls, cells read (of them from «Отчёты») and written, the add-on's CPU (emulator
// excluded) and the estimated real Apps Script time of docs/performance.md's cost model.
import { createEmulator, type Emulator, type ExecutionResult } from '../../src/dev/emulator';
import { COST, figuresOf, type Figures } from './costModel';
import { operations, type BenchOperation, type BenchSize } from './operations';
import { printTable } from './table';

export const ALL_SIZES: BenchSize[] = [5, 50, 500].flatMap((organisations) =>
  [1, 12, 36].map((months) => ({ organisations, months })),
);

export interface OperationFigures extends Figures {
  name: string;
  /** The operation's whole label (several cases of one server function share `name`). */
  case: string;
  orgs: number;
  months: number;
}

/** How many runs an operation that can be repeated is measured over (add-on CPU: their median). */
export const REPEATS = 3;

/**
 * The median add-on CPU of `first` and REPEATS − 1 more runs on the same workbook, each in a new
 * emulator (so `Code.js` is compiled afresh, as for the first). One run's figure swings by half with
 * when Node's garbage collector runs — the seeding's and the emulator's garbage included —; calls
 * and cells are the first run's.
 */
function medianCpu(emulator: Emulator, op: BenchOperation, state: unknown, first: ExecutionResult): number {
  const samples = [figuresOf(first).addonCpuMs];
  for (let i = 1; i < REPEATS; i++) {
    const again = op.run(createEmulator({ store: emulator.store, now: emulator.now() }), state);
    if (again.ok) samples.push(figuresOf(again).addonCpuMs);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

/** The server function an operation calls (its name up to the first space). */
const functionOf = (name: string): string => name.split(' ')[0]!;

export function benchSpreadsheetCalls(sizes: readonly BenchSize[]): OperationFigures[] {
  const errors: string[] = [];
  const out: OperationFigures[] = [];
  const rows: string[][] = [];
  for (const op of operations) {
    const counts: number[] = [];
    for (const size of sizes) {
      if (size.months < (op.minMonths ?? 1)) continue;
      const emulator = createEmulator({ now: Date.UTC(2025, 0, 10, 9) });
      try {
        const state = op.prepare(emulator, size);
        const result = op.run(emulator, state);
        if (!result.ok) {
          errors.push(`${op.name} at ${size.organisations}×${size.months}: ${result.error?.message ?? '?'}`);
          continue;
        }
        const f = figuresOf(result, op.repeatable ? medianCpu(emulator, op, state, result) : undefined);
        counts.push(f.calls);
        out.push({ name: functionOf(op.name), case: op.name, orgs: size.organisations, months: size.months, ...f });
        rows.push([
          op.name,
          `${size.organisations}×${size.months}`,
          String(f.calls),
          String(f.cellsRead),
          String(f.reportCellsRead),
          String(f.cellsWritten),
          f.addonCpuMs.toFixed(1),
          (f.estimatedMs / 1000).toFixed(2),
          (((f.cellsRead + f.cellsWritten) * COST.perSpreadsheetCallMs) / 1000).toFixed(0),
        ]);
      } catch (e) {
        errors.push(`${op.name} at ${size.organisations}×${size.months}: prepare/run threw: ${(e as Error).message}`);
      }
    }
    if (counts.length > 1 && counts[counts.length - 1]! > Math.max(...counts.slice(0, -1)))
      errors.push(`${op.name}: spreadsheet calls GROW with the workbook (${counts.join(', ')})`);
  }
  printTable(
    '3. Work per operation (organisations × months)',
    ['operation', 'size', 'calls', 'cells read', 'of «Отчёты»', 'written', 'add-on ms', 'est. s', 'naive s'],
    rows,
    [
      'calls = SpreadsheetApp calls; cells = cells moved (values and formats); add-on ms = Code.js load + its own code,',
      "the emulator's service time excluded (views and the district report: the median of " +
        REPEATS +
        ' runs on the same workbook);',
      "est. s = docs/performance.md's cost model; naive s = the same cells one call each.",
      ...errors,
    ],
  );
  return out;
}
