// Bench (2): the district summary for 500 organisations × 36 months, from the TS module and from the built bundle.
import { createEmulator } from '../../src/dev/emulator';
import { summariseDistrict } from '../../src/domain/summary';
import { generateDistrict } from '../../src/dev/district/generate';
import { OWNER } from './operations';
import { seedDistrict } from '../../src/dev/district/seed';
import { median, ms, printTable } from './table';

const ORGANISATIONS = 500;
const MONTHS = 36;
const RUNS = 5;

/** The JSON of an answer in UTF-8, as KB (1024 bytes). */
function answerSize(value: unknown): string {
  return value === undefined ? '—' : (Buffer.byteLength(JSON.stringify(value), 'utf8') / 1024).toFixed(1) + ' KB';
}

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
  const as = { user: OWNER, documentId: seeded.documentId };
  const runs = Array.from({ length: RUNS }, () => em.runFromClient('getDistrictSummary', [null], as));
  // The month before the newest: nearly every organisation reported, so every row has its checks.
  const periods = (runs[0]!.value as { periods?: { key: string }[] } | undefined)?.periods ?? [];
  const full = periods[1] ? em.runFromClient('getDistrictSummary', [periods[1].key], as) : null;
  const checklist = Array.from({ length: RUNS }, () => em.runFromClient('getSetupChecklist', [], as));
  const failed = [...runs, ...checklist, ...(full ? [full] : [])].find((r) => !r.ok);
  const time = (rs: typeof runs): string =>
    rs.some((r) => !r.ok) ? 'failed' : ms(median(rs.map((r) => r.durationMs)));
  const rows = [
    ['generate fixture (test/fixtures/district.ts)', ms(generateMs), '1', ''],
    ['summariseDistrict — TS module (src/domain/summary.ts)', ms(median(moduleTimes)), String(RUNS), ''],
    [
      'getDistrictSummary — dist/Code.js in the emulator (reads sheets + summary)',
      time(runs),
      String(RUNS),
      answerSize(runs[0]!.value),
    ],
    [
      `getDistrictSummary of ${periods[1]?.key ?? '—'} (every organisation reported)`,
      full ? time([full]) : '—',
      full ? '1' : '0',
      full ? answerSize(full.value) : '',
    ],
    [
      'getSetupChecklist — the checklist tab, on first open',
      time(checklist),
      String(RUNS),
      answerSize(checklist[0]!.value),
    ],
  ];
  printTable(
    `2. District summary: ${ORGANISATIONS} organisations × ${MONTHS} months, ${district.reports.length.toLocaleString('en')} report versions`,
    ['what', 'median ms', 'runs', 'answer (JSON, UTF-8)'],
    rows,
    failed
      ? [`failed: ${failed.error?.message}`]
      : [
          `The bundle figures include ${runs[0]!.spreadsheetCalls} spreadsheet calls and copying the answer out, as google.script.run would.`,
          'The answer is what google.script.run carries to the browser (test/integration/summary/answerSize.test.ts keeps it under 200 KB).',
        ],
  );
}
