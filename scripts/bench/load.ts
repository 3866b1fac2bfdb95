// Bench (0): loading Code.js once per execution (what each custom-function cell pays too).
import { createEmulator } from '../../src/dev/emulator';
import { median, ms, printTable } from './table';

export function benchLoad(): void {
  const em = createEmulator({ now: Date.UTC(2025, 0, 10, 9) });
  const doc = em.createSpreadsheet({ name: 'bench', owner: 'admin@example.org' });
  const loads: number[] = [];
  for (let i = 0; i < 21; i++) loads.push(em.runCustomFunction('COVERAGE', [1, 2], doc).timing?.loadMs ?? NaN);
  printTable(
    '0. Code.js load per execution (top level run in a fresh realm)',
    ['what', 'median ms', 'min ms'],
    [['load (after one warm-up)', ms(median(loads.slice(1))), ms(Math.min(...loads.slice(1)))]],
  );
}
