// Prints one closing line for CI, «N passed, N failed», summed over the jest runs of `npm test`.
import fs from 'node:fs';
import path from 'node:path';

const dir = path.resolve(__dirname, '../test-artifacts');
let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of fs.readdirSync(dir).filter((f) => /^jest-.*\.json$/.test(f))) {
  const r = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
  };
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += r.numPendingTests;
}
console.log(`${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : ''));
process.exit(failed > 0 ? 1 : 0);
