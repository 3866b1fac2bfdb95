// The test gate's structural checks (npm run guards): no import loop between sibling folders of
// src/, the sidebars import only domain/ and contract/, tests import no scripts (bar the scripts'
// own tests), and no test times anything with the wall clock.
import fs from 'node:fs';
import path from 'node:path';
import { folderCycles, forbiddenImports, importEdges } from './guards/importGraph';
import { findTimingAssertions } from './guards/timingAssertions';

const root = path.resolve(__dirname, '..');
const problems: string[] = [];

const srcEdges = importEdges(path.join(root, 'src'));
for (const cycle of folderCycles(srcEdges)) {
  problems.push(`src/: folders import each other round a loop:\n    ${cycle.join('\n    ')}`);
}
for (const edge of forbiddenImports(srcEdges, 'client', ['domain', 'contract'])) {
  problems.push(`src/client may import only src/domain and src/contract: ${edge}`);
}

const testEdges = importEdges(root, ['test']).filter(
  (e) => e.to.startsWith(`scripts${path.sep}`) && !e.from.startsWith(`test${path.sep}scripts${path.sep}`),
);
for (const e of testEdges) problems.push(`tests import no scripts/ (move shared code to src/dev): ${e.from} → ${e.to}`);

const testFiles = (dir: string): string[] =>
  fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((d) =>
      d.isDirectory() ? testFiles(path.join(dir, d.name)) : d.name.endsWith('.ts') ? [path.join(dir, d.name)] : [],
    );
for (const file of testFiles(path.join(root, 'test'))) {
  for (const f of findTimingAssertions(path.relative(root, file), fs.readFileSync(file, 'utf8'))) {
    problems.push(`${f.file}:${f.line}: ${f.reason} (assert the order of events or counted work): ${f.code}`);
  }
}

if (problems.length > 0) {
  console.error(`guards: ${problems.length} problem(s)\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log('guards: no folder loops, sidebars import domain and contract only, no timed tests');
