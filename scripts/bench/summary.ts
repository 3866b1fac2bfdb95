// Bench (2): the district summary for 500 organisations × 36 months (inside the bundle when it exposes it).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createEmulator } from '../../src/dev/emulator';
import { summariseDistrict } from '../../src/domain/summary';
import { generateDistrict } from '../../test/fixtures/district';
import { median, ms, printTable } from './table';

const ORGANISATIONS = 500;
const MONTHS = 36;
const RUNS = 5;
const PROBE = `
function __benchHasSummary() { return typeof AddOn !== 'undefined' && typeof AddOn.summariseDistrict === 'function'; }
function __benchSummarise(input) { var s = AddOn.summariseDistrict(input); return s.periods.length; }`;

export function benchSummary(): void {
  let started = performance.now();
  const district = generateDistrict({ organisations: ORGANISATIONS, months: MONTHS });
  const generateMs = performance.now() - started;

  const moduleTimes: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    started = performance.now();
    summariseDistrict(district);
    moduleTimes.push(performance.now() - started);
  }

  const code = fs.readFileSync(path.resolve(__dirname, '../../dist/Code.js'), 'utf8') + PROBE;
  const em = createEmulator({ code, now: district.asOf });
  const doc = em.createSpreadsheet({ name: 'bench', owner: 'admin@example.org' });
  const inBundle = em.runCustomFunction<boolean>('__benchHasSummary', [], doc).value === true;
  const rows = [
    ['generate fixture (test/fixtures/district.ts)', ms(generateMs), '1'],
    ['summariseDistrict — TS module (src/domain/summary.ts)', ms(median(moduleTimes)), String(RUNS)],
  ];
  if (inBundle) {
    const bundleTimes = Array.from({ length: RUNS }, () => em.runCustomFunction('__benchSummarise', [district], doc).durationMs);
    rows.push(['summariseDistrict — inside dist/Code.js (incl. copying input)', ms(median(bundleTimes)), String(RUNS)]);
  }
  printTable(
    `2. District summary: ${ORGANISATIONS} organisations × ${MONTHS} months, ${district.reports.length.toLocaleString('en')} report versions`,
    ['what', 'median ms', 'runs'],
    rows,
    inBundle ? [] : ['dist/Code.js does not expose summariseDistrict (AddOn.summariseDistrict), so it is timed from the TS module only.'],
  );
}
