// Range coordinates and data shapes: Apps Script's exact error messages.
import { makeTestContext } from './testContext';

const sheetOf = () => makeTestContext().app.getActive().getSheets()[0]!;

describe('range coordinates', () => {
  it.each([
    [[0, 1], 'The starting row of the range is too small.'],
    [[1, 0], 'The starting column of the range is too small.'],
    [[1, 1, 0, 1], 'The number of rows in the range must be at least 1.'],
    [[1, 1, 1, 0], 'The number of columns in the range must be at least 1.'],
    [[1000, 1, 2, 1], 'The coordinates of the range are outside the dimensions of the sheet.'],
    [[1, 27], 'The coordinates of the range are outside the dimensions of the sheet.'],
  ])('getRange(%j) throws', (args, message) => {
    const sheet = sheetOf() as unknown as { getRange(...a: number[]): unknown };
    expect(() => sheet.getRange(...(args as number[]))).toThrow(message);
  });

  it('parses A1 notation variants', () => {
    const ss = makeTestContext().app.getActive();
    const sheet = ss.getSheets()[0]!;
    const a2c = sheet.getRange('A2:C');
    expect([a2c.getRow(), a2c.getColumn(), a2c.getNumRows(), a2c.getNumColumns()]).toEqual([2, 1, 999, 3]);
    const col = sheet.getRange('B:B');
    expect([col.getRow(), col.getColumn(), col.getNumRows(), col.getNumColumns()]).toEqual([1, 2, 1000, 1]);
    const q = ss.getRange(`${sheet.getName()}!A1:B2`);
    expect(q.getA1Notation()).toBe('A1:B2');
    expect(q.getSheet().getName()).toBe('Лист1');
    expect(() => sheet.getRange('nonsense!!')).toThrow('Range not found');
    expect(() => ss.getRange('Нет такого!A1')).toThrow('Range not found');
    expect(sheet.getRange('C3').offset(1, -1, 2, 2).getA1Notation()).toBe('B4:C5');
  });
});

describe('data shapes', () => {
  const methods = [
    'setValues',
    'setFormulas',
    'setNumberFormats',
    'setNotes',
    'setBackgrounds',
    'setFontWeights',
    'setFontColors',
    'setHorizontalAlignments',
  ] as const;
  it.each(methods)('%s rejects wrong row and column counts with Apps Script messages', (method) => {
    const range = sheetOf().getRange(1, 1, 3, 2) as unknown as Record<string, (d: unknown) => unknown>;
    const cell = method === 'setValues' ? 1 : '';
    expect(() =>
      range[method]!([
        [cell, cell],
        [cell, cell],
      ]),
    ).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 2 but the range has 3.',
    );
    expect(() =>
      range[method]!([
        [cell, cell],
        [cell, cell, cell],
        [cell, cell],
      ]),
    ).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 3 but the range has 2.',
    );
  });

  it('rejects non-arrays, undefined, functions and objects; changes nothing', () => {
    const range = sheetOf().getRange(1, 1, 1, 2);
    const set = range.setValues.bind(range) as (v: unknown) => unknown;
    expect(() => set('x')).toThrow(
      "The parameters (String) don't match the method signature for SpreadsheetApp.Range.setValues.",
    );
    expect(() => set([1, 2])).toThrow("don't match the method signature for SpreadsheetApp.Range.setValues.");
    expect(() => set([[1, undefined]])).toThrow('SpreadsheetApp.Range.setValues');
    expect(() => set([[1, () => 1]])).toThrow('SpreadsheetApp.Range.setValues');
    expect(() => set([[1, { a: 1 }]])).toThrow(
      "The parameters (Object[][]) don't match the method signature for SpreadsheetApp.Range.setValues.",
    );
    expect(() => (range.setValue as (...a: unknown[]) => unknown)()).toThrow(
      "The parameters () don't match the method signature for SpreadsheetApp.Range.setValue.",
    );
    expect(range.getValues()).toEqual([['', '']]);
  });
});

describe('hidden rows', () => {
  it('hides and shows rows, and a hidden row moves with rows inserted or deleted above it', () => {
    const sheet = sheetOf();
    sheet.hideRows(5, 2);
    expect([4, 5, 6, 7].map((r) => sheet.isRowHiddenByUser(r))).toEqual([false, true, true, false]);
    sheet.insertRowsBefore(1, 3);
    expect([5, 8, 9, 10].map((r) => sheet.isRowHiddenByUser(r))).toEqual([false, true, true, false]);
    sheet.deleteRows(1, 2);
    expect([6, 7].map((r) => sheet.isRowHiddenByUser(r))).toEqual([true, true]);
    sheet.showRows(6);
    expect([6, 7].map((r) => sheet.isRowHiddenByUser(r))).toEqual([false, true]);
  });
});
