// `npm run bench`: prints timings and call counts as tables; never asserts (run after `npm run build`).
import { benchCustomFunctions } from './bench/customFunctions';
import { benchReminders } from './bench/reminders';
import { benchSpreadsheetCalls } from './bench/spreadsheetCalls';
import { benchSummary } from './bench/summary';

const started = performance.now();
console.log(`Benchmarks — Node ${process.version}, ${new Date().toISOString()}`);
benchCustomFunctions();
benchSummary();
benchSpreadsheetCalls();
benchReminders();
console.log(`\nTotal ${((performance.now() - started) / 1000).toFixed(1)} s.`);
