// The formula engine evaluates long dependency chains and large sheets of blank-reading formulas
// (a 500-organisation district report) without running out of call stack.
import { createEmulator } from '../../../../src/dev/emulator';

const NOW = Date.UTC(2024, 1, 15, 9);
const HELPERS = `
function putFormulas(a1, rows) { SpreadsheetApp.getActive().getSheets()[0].getRange(a1).setFormulas(rows); }
function values(a1) { return SpreadsheetApp.getActive().getSheets()[0].getRange(a1).getValues(); }
function lastRow() { return SpreadsheetApp.getActive().getSheets()[0].getLastRow(); }
function grow(rows) { var s = SpreadsheetApp.getActive().getSheets()[0]; s.insertRowsAfter(s.getMaxRows(), rows); }
/** @customfunction */
function SHARE(part, whole) { return part === '' || whole === '' || whole === 0 ? '' : part / whole; }
`;

function sheetWith(rows: number) {
  const em = createEmulator({ code: HELPERS, now: NOW });
  em.createSpreadsheet({ name: 'Цепочки', owner: 'owner@example.org' });
  const run = <T>(fn: string, ...args: unknown[]): T => {
    const r = em.run<T>(fn, args);
    if (!r.ok) throw new Error(`${fn}: ${r.error?.message}`);
    return r.value as T;
  };
  run('grow', rows);
  return run;
}

test('a chain of 20 000 formulas, each adding one to the cell above, reads 20 000 at its end', () => {
  const n = 20_000;
  const run = sheetWith(n);
  const formulas = [['=1'], ...Array.from({ length: n - 1 }, (_, i) => [`=A${i + 1}+1`])];
  run('putFormulas', `A1:A${n}`, formulas);
  expect(run<unknown[][]>('values', `A${n}`)).toEqual([[n]]);
  // Read from the top as well: every link is the same number the chain promises.
  const all = run<unknown[][]>('values', `A1:A${n}`);
  expect(all.map((r) => r[0])).toEqual(Array.from({ length: n }, (_, i) => i + 1));
});

test('a chain running upwards (each cell reads the one below, through SUM and a minus) reads from its top', () => {
  const n = 20_000;
  const run = sheetWith(n);
  const formulas = Array.from({ length: n }, (_, i) => [i === n - 1 ? '=0' : `=SUM(B${i + 2})-(-1)`]);
  run('putFormulas', `B1:B${n}`, formulas);
  expect(run<unknown[][]>('values', 'B1')).toEqual([[n - 1]]);
});

test('1 500 custom-function cells reading blank cells, with totals over them, all compute', () => {
  // The district report's shape: per organisation a share of two cells (blank when no report),
  // then totals over the whole column — for 500 organisations × 3 shares.
  const orgs = 500;
  const run = sheetWith(orgs + 10);
  const rows = Array.from({ length: orgs }, (_, i) => {
    const r = i + 2;
    const blank = i % 3 === 0; // a third did not report: their figures are blank
    return [
      blank ? '' : String(10 + (i % 7)),
      blank ? '' : String(5 + (i % 5)),
      `=SHARE(B${r},A${r})`,
      `=SHARE(A${r},B${r})`,
      `=SHARE(E${r - 1},A${r})`,
    ];
  });
  run('putFormulas', `A2:E${orgs + 1}`, rows);
  run('putFormulas', `A${orgs + 2}:C${orgs + 2}`, [
    [`=SUM(A2:A${orgs + 1})`, `=SUM(B2:B${orgs + 1})`, `=SHARE(B${orgs + 2},A${orgs + 2})`],
  ]);
  const values = run<unknown[][]>('values', `A2:E${orgs + 2}`);
  const reported = rows.filter((r) => r[0] !== '');
  const sumA = reported.reduce((a, r) => a + Number(r[0]), 0);
  const sumB = reported.reduce((a, r) => a + Number(r[1]), 0);
  expect(values[orgs]!.slice(0, 2)).toEqual([sumA, sumB]);
  expect(values[orgs]![2]).toBeCloseTo(sumB / sumA, 12);
  expect(values[0]![2]).toBe('');
  expect(values[1]![2]).toBeCloseTo(6 / 11, 12);
  expect(values.flat()).not.toContain('#ERROR!');
  expect(values.flat()).not.toContain('#REF!');
  expect(run<number>('lastRow')).toBe(orgs + 2);
});
