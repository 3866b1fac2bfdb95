// Bench (3): spreadsheet calls per server operation for 5/50/500 organisations × 1/12/36 months.
import { createEmulator } from '../../src/dev/emulator';
import { operations, type BenchSize } from './operations';
import { printTable } from './table';

const SIZES: BenchSize[] = [5, 50, 500].flatMap((organisations) =>
  [1, 12, 36].map((months) => ({ organisations, months })),
);

export function benchSpreadsheetCalls(): void {
  const errors: string[] = [];
  const failed = (name: string, size: BenchSize, message: string): string => {
    errors.push(`${name} at ${size.organisations}×${size.months}: ${message}`);
    return 'error';
  };
  const rows = operations.map((op) => {
    const counts = SIZES.map((size) => {
      const emulator = createEmulator({ now: Date.UTC(2025, 0, 10, 9) });
      try {
        const result = op.run(emulator, op.prepare(emulator, size));
        return result.ok ? String(result.spreadsheetCalls) : failed(op.name, size, result.error?.message ?? '?');
      } catch (e) {
        return failed(op.name, size, `prepare/run threw: ${(e as Error).message}`);
      }
    });
    const numeric = counts.filter((c) => /^\d+$/.test(c)).map(Number);
    const verdict =
      numeric.length < counts.length
        ? 'failed'
        : new Set(numeric).size === 1
          ? 'constant'
          : grows(numeric)
            ? 'GROWS'
            : `varies ${Math.min(...numeric)}–${Math.max(...numeric)}`;
    return [op.name, ...counts, verdict];
  });
  printTable(
    '3. Spreadsheet calls per operation (organisations × months)',
    ['operation', ...SIZES.map((s) => `${s.organisations}×${s.months}`), 'verdict'],
    rows,
    [
      'Every server operation should use a constant number of batched calls, whatever the size (SPEC §9).',
      'GROWS = more calls at the largest workbook than at every smaller one; "varies" = a few calls more or fewer with the',
      "workbook's state (nothing due that day, a sheet that must grow), not with its size.",
      ...errors,
    ],
  );
}

/** True when the largest size needs more calls than any smaller one (sizes are in increasing order). */
function grows(counts: readonly number[]): boolean {
  return counts[counts.length - 1]! > Math.max(...counts.slice(0, -1));
}
