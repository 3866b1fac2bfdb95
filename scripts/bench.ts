// `npm run bench` (`-- --quick`: only 500 × 36): prints the figures of docs/performance.md and
// writes them to test-artifacts/bench.json; never asserts (run after `npm run build`).
import fs from 'node:fs';
import path from 'node:path';
import { benchCustomFunctions } from './bench/customFunctions';
import { benchLoad } from './bench/load';
import { benchReminders, reminderSchedule } from './bench/reminders';
import { ALL_SIZES, benchSpreadsheetCalls } from './bench/spreadsheetCalls';
import { benchSummary } from './bench/summary';

const quick = process.argv.includes('--quick');
const started = performance.now();
console.log(
  `Benchmarks — Node ${process.version}, ${new Date().toISOString()}${quick ? ' (quick: 500 × 36 only)' : ''}`,
);
benchLoad();
if (!quick) {
  benchCustomFunctions();
  benchSummary();
}
const operations = benchSpreadsheetCalls(quick ? [{ organisations: 500, months: 36 }] : ALL_SIZES);
if (!quick) benchReminders();
const reminders = reminderSchedule();
const out = path.join(__dirname, '..', 'test-artifacts', 'bench.json');
fs.mkdirSync(path.dirname(out), { recursive: true });
const round = (n: number): number => Math.round(n * 10) / 10;
fs.writeFileSync(
  out,
  JSON.stringify(
    {
      operations: operations.map((o) => ({
        ...o,
        addonCpuMs: round(o.addonCpuMs),
        estimatedMs: Math.round(o.estimatedMs),
      })),
      reminders,
    },
    null,
    2,
  ) + '\n',
);
console.log(
  `\nWrote ${path.relative(process.cwd(), out)}. Total ${((performance.now() - started) / 1000).toFixed(1)} s.`,
);
