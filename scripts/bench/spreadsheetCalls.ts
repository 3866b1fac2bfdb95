// Bench (3): per server operation and workbook size (5/50/500 organisations × 1/12/36 months):
// spreadsheet calls, cells read (of them from «Отчёты») and written, the add-on's CPU (emulator
// excluded) and the estimated real Apps Script time of docs/performance.md's cost model.
import { createEmulator } from '../../src/dev/emulator';
import { COST, figuresOf, type Figures } from './costModel';
import { operations, type BenchSize } from './operations';
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

/** The server function an operation calls (its name up to the first space). */
const functionOf = (name: string): string => name.split(' ')[0]!;

export function benchSpreadsheetCalls(sizes: readonly BenchSize[]): OperationFigures[] {
  const errors: string[] = [];
  const out: OperationFigures[] = [];
  const rows: string[][] = [];
  for (const op of operations) {
    const counts: number[] = [];
    for (const size of sizes) {
      const emulator = createEmulator({ now: Date.UTC(2025, 0, 10, 9) });
      try {
        const result = op.run(emulator, op.prepare(emulator, size));
        if (!result.ok) {
          errors.push(`${op.name} at ${size.organisations}×${size.months}: ${result.error?.message ?? '?'}`);
          continue;
        }
        const f = figuresOf(result);
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
      "the emulator's service time excluded; est. s = docs/performance.md's cost model; naive s = the same cells one call each.",
      ...errors,
    ],
  );
  return out;
}
