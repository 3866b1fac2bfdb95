// Bench (2): the district summary for 500 organisations × 36 months, from the TS module and from the built bundle.
import { createEmulator } from '../../src/dev/emulator';
import { summariseDistrict } from '../../src/domain/summary';
import { generateDistrict } from '../../test/fixtures/district';
import { OWNER } from './operations';
import { seedDistrict } from './seed';
import { median, ms, printTable } from './table';

const ORGANISATIONS = 500;
const MONTHS = 36;
const RUNS = 5;

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

  // From the built bundle: the admin's «Сводка по округу» on a seeded 500 × 36 workbook, which
  // reads the registry and every report version and runs summariseDistrict inside dist/Code.js.
  const em = createEmulator();
  const seeded = seedDistrict(em, { organisations: ORGANISATIONS, months: MONTHS }, OWNER);
  const runs = Array.from({ length: RUNS }, () => em.runFromClient('getDistrictSummary', [null], { user: OWNER, documentId: seeded.documentId }));
  const failed = runs.find((r) => !r.ok);
  const rows = [
    ['generate fixture (test/fixtures/district.ts)', ms(generateMs), '1'],
    ['summariseDistrict — TS module (src/domain/summary.ts)', ms(median(moduleTimes)), String(RUNS)],
    ['getDistrictSummary — dist/Code.js in the emulator (reads sheets + summary)', failed ? 'failed' : ms(median(runs.map((r) => r.durationMs))), String(RUNS)],
  ];
  printTable(
    `2. District summary: ${ORGANISATIONS} organisations × ${MONTHS} months, ${district.reports.length.toLocaleString('en')} report versions`,
    ['what', 'median ms', 'runs'],
    rows,
    failed ? [`getDistrictSummary failed: ${failed.error?.message}`] : [`The bundle figure includes ${runs[0]!.spreadsheetCalls} spreadsheet calls and copying the answer out, as google.script.run would.`],
  );
}
