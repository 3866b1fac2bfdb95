// The gate's structural checks catch what they are for: timed tests, folder loops, sidebar imports.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { folderCycles, forbiddenImports, importEdges } from '../../scripts/guards/importGraph';
import { findTimingAssertions } from '../../scripts/guards/timingAssertions';

const lines = (text: string): number[] => findTimingAssertions('x.test.ts', text).map((f) => f.line);

describe('timing assertions', () => {
  it('finds an assertion on an execution duration, as parallel.test.ts once had', () => {
    // The sample is put together so that text scans of the repository do not take it for a real timed test.
    const timed = ['expect(r!.duration', 'Ms).toBe', 'GreaterThanOrEqual(100);'].join('');
    expect(lines(`const [r] = await run();\n${timed}`)).toEqual([2]);
  });

  it('finds a difference of clock readings, directly or through a variable', () => {
    const text = [
      'const t0 = performance.now();',
      'await work();',
      'expect(performance.now() - t0).toBeLessThan(50);',
      'const took = Date.now() - start;',
      'const t1 = new Date().getTime(); log(t1 - t0);',
    ].join('\n');
    expect(lines(text)).toEqual([3, 4, 5]);
  });

  it('leaves simulated clocks and dates of the data alone', () => {
    const text = [
      'const em = createEmulator({ now: Date.now() });',
      'expect(Date.parse(r.submittedAt)).toBeLessThan(asOf.getTime());',
      'expect(em.now()).toBe(T0 + 6000);',
      'const due = new Date(2024, 0, 31).getTime() - 86_400_000;',
    ].join('\n');
    expect(lines(text)).toEqual([]);
  });
});

describe('import graph', () => {
  let root: string;
  const write = (file: string, text: string): void => {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  };
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'guards-'));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('finds two sibling folders importing each other, types included, and names the imports', () => {
    write(
      'emulator/store/contract.ts',
      "import type { Memory } from '../spreadsheet/memory';\nexport type S = Memory;",
    );
    write('emulator/spreadsheet/memory.ts', "import type { S } from '../store/contract';\nexport type Memory = S;");
    write('emulator/formulas/engine.ts', "import type { S } from '../store/contract';\nexport type E = S;");
    const cycles = folderCycles(importEdges(root));
    expect(cycles).toHaveLength(1);
    expect(cycles[0]!.join('\n')).toContain('emulator/store/contract.ts imports emulator/spreadsheet/memory.ts');
    expect(cycles[0]!.join('\n')).not.toContain('formulas');
  });

  it("allows a folder's own files and its subfolders to use each other", () => {
    write('emulator/index.ts', "export { run } from './parallel/run';");
    write('emulator/context.ts', 'export const ctx = 1;');
    write('emulator/parallel/run.ts', "import { ctx } from '../context';\nexport const run = ctx;");
    expect(folderCycles(importEdges(root))).toEqual([]);
  });

  it('finds a sidebar importing server code', () => {
    write('client/common/server.ts', "import type * as Server from '../../server/index';");
    write(
      'client/common/kit.ts',
      "import { x } from '../../domain/x';\nimport type { Api } from '../../contract/api';",
    );
    write('server/index.ts', 'export const s = 1;');
    write('domain/x.ts', 'export const x = 1;');
    write('contract/api.ts', 'export type Api = 1;');
    expect(forbiddenImports(importEdges(root), 'client', ['domain', 'contract'])).toEqual([
      'client/common/server.ts imports server/index.ts',
    ]);
  });

  it('src/ itself has no folder loop and its sidebars import only domain and contract', () => {
    const edges = importEdges(path.resolve(__dirname, '../../src'));
    expect(edges.length).toBeGreaterThan(100);
    expect(folderCycles(edges)).toEqual([]);
    expect(forbiddenImports(edges, 'client', ['domain', 'contract'])).toEqual([]);
  });
});
