// Prints one closing line for CI, «N passed, N failed», summed over the jest runs of `npm test`;
// exits non-zero when a test failed, a test file could not run, or a run left no report.
import fs from 'node:fs';
import path from 'node:path';

const dir = path.resolve(__dirname, '../test-artifacts');
const RUNS = ['jest-main.json', 'jest-other-tz.json'];
let passed = 0;
let failed = 0;
let skipped = 0;
let broken = false;
for (const file of RUNS) {
  const full = path.join(dir, file);
  if (!fs.existsSync(full)) {
    console.error(`testSummary: ${file} is missing (that jest run did not finish)`);
    broken = true;
    continue;
  }
  const r = JSON.parse(fs.readFileSync(full, 'utf8')) as {
    success: boolean;
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numFailedTestSuites: number;
  };
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += r.numPendingTests;
  if (!r.success && r.numFailedTests === 0) {
    console.error(`testSummary: ${file}: ${r.numFailedTestSuites} test file(s) failed to run`);
    broken = true;
  }
}
console.log(`${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : ''));
process.exit(failed > 0 || broken ? 1 : 0);
