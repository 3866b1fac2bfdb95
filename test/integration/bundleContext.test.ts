// SPEC §8: dist/Code.js uses only Apps Script's globals — no free references to Node/browser ones — and loads in the emulator.
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { createEmulator } from '../../src/dev/emulator';
import { FORBIDDEN_GLOBALS } from '../../src/dev/emulator/realm';

/** SPEC §8's list, plus the other host globals the emulator's realm removes (Apps Script does have `console`). */
const FORBIDDEN = [
  ...new Set([
    'setTimeout',
    'fetch',
    'URL',
    'TextEncoder',
    'Buffer',
    'process',
    'require',
    'window',
    ...FORBIDDEN_GLOBALS.filter((n) => n !== 'console'),
  ]),
];
const codePath = path.resolve(__dirname, '../../dist/Code.js');

/**
 * Free references to `names` in a script: identifiers in expression position (not `x.name`, not
 * `{ name: … }`) that no declaration in the script binds. Parsed, so strings and comments never count.
 * @returns "name (line N)" for each reference
 */
function freeReferences(source: string, names: readonly string[]): string[] {
  const fileName = 'Code.js';
  const host = ts.createCompilerHost({});
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.ES2020, true, ts.ScriptKind.JS);
  host.getSourceFile = (f) => (f === fileName ? file : undefined);
  const program = ts.createProgram([fileName], { allowJs: true, noLib: true, types: [], noResolve: true }, host);
  const checker = program.getTypeChecker();
  const wanted = new Set(names);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && wanted.has(node.text)) {
      const p = node.parent;
      const isPropertyName =
        (ts.isPropertyAccessExpression(p) && p.name === node) ||
        ((ts.isPropertyAssignment(p) ||
          ts.isMethodDeclaration(p) ||
          ts.isPropertyDeclaration(p) ||
          ts.isGetAccessor(p) ||
          ts.isSetAccessor(p)) &&
          p.name === node);
      if (!isPropertyName && !checker.getSymbolAtLocation(node)?.declarations?.length) {
        found.push(`${node.text} (line ${file.getLineAndCharacterOfPosition(node.getStart()).line + 1})`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe('dist/Code.js references no Node or browser global', () => {
  it('the scanner finds free references and ignores properties, keys, strings, comments and local bindings', () => {
    const sample = `// setTimeout in a comment
      var a = { URL: 1, fetch() {} }; a.URL; a?.process; "window"; \`Buffer \${a.URL}\`;
      function f(process) { var require = 1; return process + require; }
      setTimeout(f); var t = new TextEncoder(); if (typeof window !== 'undefined') {}`;
    expect(freeReferences(sample, FORBIDDEN).map((r) => r.split(' ')[0])).toEqual([
      'setTimeout',
      'TextEncoder',
      'window',
    ]);
  });

  it('has none in the built bundle', () => {
    expect(freeReferences(fs.readFileSync(codePath, 'utf8'), FORBIDDEN)).toEqual([]);
  });
});

describe('the bundle loads in a realm with only Apps Script globals', () => {
  const em = createEmulator({ now: Date.UTC(2024, 0, 10, 9) });
  const doc = em.createSpreadsheet({ name: 'Мониторинг Сферума', owner: 'admin@example.org' });
  it.each([
    ['REPORT_DEADLINE', ['2023-11']],
    ['DAYS_TO_DEADLINE', ['2023-11']],
    ['REPORT_STATUS', ['2023-11', '']],
    ['COVERAGE', [1, 2]],
    ['MEETS_TARGET', [1, 2]],
    ['TEACHER_MINIMUM_MET', [10, 1]],
  ])('%s runs', (fn, args) => {
    const r = em.runCustomFunction(fn, args, doc);
    expect(r.error).toBeUndefined();
    expect(r.ok).toBe(true);
    expect(r.totalCalls).toBe(0);
  });
});
