// Text typed by people stays text in the workbook whatever number format a person gives a column:
// the emulator parses unprefixed strings as Sheets does (formula, number, date), the add-on's
// apostrophe prefix keeps them text, and the «Проверка установки» helper says so on a real file.
import * as esbuild from 'esbuild';
import path from 'node:path';
import { createEmulator } from '../../../src/dev/emulator';

const OWNER = 'deputy.head@example.org';
const ROOT = path.resolve(__dirname, '../../..');

/** The helper bundled alone, as Code.js would carry it, plus a raw writer for the negative control. */
function helperBundle(): string {
  const out = esbuild.buildSync({
    stdin: {
      contents: `
        import { verifyTextStaysText } from './src/server/workbook/textCheck';
        import { quoteAsText } from './src/server/storage/cells';
        globalThis.check = () => verifyTextStaysText(SpreadsheetApp.getActiveSpreadsheet());
        globalThis.write = (format, text, quoted) => {
          const cell = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange('A1');
          cell.setNumberFormat(format).setValue(quoted ? quoteAsText(text) : text);
          return { value: cell.getValue(), formula: cell.getFormula() };
        };
        globalThis.sheetNames = () => SpreadsheetApp.getActiveSpreadsheet().getSheets().map((s) => s.getName());`,
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    write: false,
    target: 'es2020',
  });
  return (
    out.outputFiles[0]!.text +
    '\nfunction check() { return globalThis.check(); }\n' +
    'function write(f, t, q) { return globalThis.write(f, t, q); }\nfunction sheetNames() { return globalThis.sheetNames(); }\n'
  );
}

function emulator() {
  const em = createEmulator({ code: helperBundle(), now: Date.UTC(2024, 1, 15, 9) });
  const doc = em.createSpreadsheet({ name: 'Округ', owner: OWNER });
  const run = <T>(fn: string, ...args: unknown[]): T => {
    const r = em.run<T>(fn, args, { user: OWNER, documentId: doc });
    if (!r.ok) throw new Error(`${fn}: ${r.error?.message}`);
    return r.value as T;
  };
  return run;
}

test('without the prefix the emulator reads typed text as Sheets does when the format is not plain text', () => {
  const run = emulator();
  expect(run('write', '0', '=1+1', false)).toEqual({ value: 2, formula: '=1+1' });
  expect(run('write', 'General', '-5', false)).toEqual({ value: -5, formula: '' });
  expect(run('write', '0', '+7 900', false)).toEqual({ value: 7900, formula: '' }); // a phone becomes a number
  expect(run('write', '0', '+Иванов', false)).toEqual({ value: '#NAME?', formula: '=+Иванов' });
  // A plain-text format keeps it — the add-on does not rely on this.
  expect(run('write', '@', '=1+1', false)).toEqual({ value: '=1+1', formula: '' });
});

test.each(['0', 'General', '@'])('with the prefix, text stays exactly the text in format %s', (format) => {
  const run = emulator();
  for (const text of ['=1+1', '+7 900 000-00-00', '-5', '@директор', "'в кавычках'", '007'])
    expect(run('write', format, text, true)).toEqual({ value: text, formula: '' });
});

test('the set-up check passes, names nothing, and leaves no sheet behind', () => {
  const run = emulator();
  const before = run<string[]>('sheetNames');
  const result = run<{ ok: boolean; problems: string[]; summary: string }>('check');
  expect(result).toEqual({
    ok: true,
    problems: [],
    summary: 'Текст, начинающийся с «=», «+», «-» или «@», сохраняется как текст при любом формате столбца.',
  });
  expect(run('sheetNames')).toEqual(before);
});
