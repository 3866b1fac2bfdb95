// Auth modes, the write guard (assertWrite before any change), call counting and not-emulated methods.
import { makeStore, makeTestContext } from './testContext';

describe('AuthMode NONE', () => {
  it('allows only getUi() and menu building', () => {
    const { app, store } = makeTestContext({ authMode: 'NONE' });
    app.getUi().createAddonMenu().addItem('Открыть', 'openSidebar').addToUi();
    expect(store.ui.getMenus('doc-1', 'admin@example.org')).toHaveLength(1);
    // Apps Script names both scopes that would do, then points to its troubleshooting page.
    expect(() => app.getActiveSpreadsheet()).toThrow(
      new Error(
        'You do not have permission to call SpreadsheetApp.getActiveSpreadsheet. Required permissions: ' +
          '(https://www.googleapis.com/auth/spreadsheets.currentonly || https://www.googleapis.com/auth/spreadsheets). ' +
          'For more information, see https://developers.google.com/apps-script/guides/support/troubleshooting#authorization-is',
      ),
    );
    expect(() => app.getActive()).toThrow('You do not have permission to call SpreadsheetApp.getActive.');
    expect(() => app.getActiveSheet()).toThrow('You do not have permission to call SpreadsheetApp.getActiveSheet.');
  });
});

describe('AuthMode CUSTOM_FUNCTION', () => {
  it('reads but cannot write or open the UI', () => {
    const store = makeStore();
    makeTestContext({ store }).app.getActive().getSheets()[0]!.getRange('A1').setValue(7);
    const { app } = makeTestContext({ store, authMode: 'CUSTOM_FUNCTION' });
    const sheet = app.getActive().getSheets()[0]!;
    expect(sheet.getRange('A1').getValue()).toBe(7);
    expect(() => app.getUi()).toThrow('Cannot call SpreadsheetApp.getUi() from this context.');
    expect(() => sheet.getRange('A1').setValue(1)).toThrow('You do not have permission to call setValue');
    expect(() => sheet.getRange('A1:A2').setValues([[1], [2]])).toThrow('You do not have permission to call setValues');
    expect(() => sheet.appendRow([1])).toThrow('You do not have permission to call appendRow');
    expect(sheet.getRange('A1').getValue()).toBe(7);
  });
});

describe('scope', () => {
  it.each(['openById', 'openByUrl', 'create'] as const)('%s is outside spreadsheets.currentonly', (m) => {
    const { app } = makeTestContext();
    expect(() => (app[m] as (a: string) => unknown)('x')).toThrow(
      `You do not have permission to call SpreadsheetApp.${m}. Required permissions: https://www.googleapis.com/auth/spreadsheets`,
    );
  });

  it('the active spreadsheet needs a spreadsheets scope in the manifest', () => {
    const { app } = makeTestContext({ manifest: { timeZone: 'Europe/Moscow', oauthScopes: [] } });
    expect(() => app.getActiveSpreadsheet()).toThrow(
      'You do not have permission to call SpreadsheetApp.getActiveSpreadsheet. Required permissions: ' +
        '(https://www.googleapis.com/auth/spreadsheets.currentonly || https://www.googleapis.com/auth/spreadsheets)',
    );
  });
});

describe('assertWrite guards every write before it happens', () => {
  type Op = [string, (ss: GoogleAppsScript.Spreadsheet.Spreadsheet, s: GoogleAppsScript.Spreadsheet.Sheet) => unknown];
  const ops: Op[] = [
    ['Range.setValue', (_, s) => s.getRange('A1').setValue(1)],
    ['Range.setValues', (_, s) => s.getRange('A1:B1').setValues([[1, 2]])],
    ['Range.setFormula', (_, s) => s.getRange('A1').setFormula('=1')],
    ['Range.setFormulas', (_, s) => s.getRange('A1').setFormulas([['=1']])],
    ['Range.setNumberFormat', (_, s) => s.getRange('A1').setNumberFormat('0')],
    ['Range.setNumberFormats', (_, s) => s.getRange('A1').setNumberFormats([['0']])],
    ['Range.setNote', (_, s) => s.getRange('A1').setNote('n')],
    ['Range.setBackground', (_, s) => s.getRange('A1').setBackground('red')],
    ['Range.setFontWeight', (_, s) => s.getRange('A1').setFontWeight('bold')],
    ['Range.setWrap', (_, s) => s.getRange('A1').setWrap(true)],
    ['Range.clear', (_, s) => s.getRange('A1').clear()],
    ['Range.clearContent', (_, s) => s.getRange('A1').clearContent()],
    ['Range.merge', (_, s) => s.getRange('A1:B1').merge()],
    ['Range.insertCheckboxes', (_, s) => s.getRange('A1').insertCheckboxes()],
    ['Range.setDataValidation', (_, s) => s.getRange('A1').setDataValidation(null as never)],
    ['Range.protect', (_, s) => s.getRange('A1').protect()],
    ['Sheet.appendRow', (_, s) => s.appendRow([1])],
    ['Sheet.insertRowsAfter', (_, s) => s.insertRowsAfter(1, 2)],
    ['Sheet.deleteRows', (_, s) => s.deleteRows(1, 2)],
    ['Sheet.insertColumns', (_, s) => s.insertColumns(1)],
    ['Sheet.deleteColumns', (_, s) => s.deleteColumns(1, 1)],
    ['Sheet.clear', (_, s) => s.clear()],
    ['Sheet.setFrozenRows', (_, s) => s.setFrozenRows(1)],
    ['Sheet.setColumnWidth', (_, s) => s.setColumnWidth(1, 50)],
    ['Sheet.setName', (_, s) => s.setName('Другое')],
    ['Sheet.hideSheet', (_, s) => s.hideSheet()],
    ['Sheet.protect', (_, s) => s.protect()],
    ['Sheet.setTabColor', (_, s) => s.setTabColor('red')],
    ['Spreadsheet.insertSheet', (ss) => ss.insertSheet('Новый')],
    ['Spreadsheet.deleteSheet', (ss, s) => ss.deleteSheet(s)],
    ['Spreadsheet.setNamedRange', (ss, s) => ss.setNamedRange('data', s.getRange('A1'))],
    ['Spreadsheet.rename', (ss) => ss.rename('x')],
  ];

  it.each(ops)('%s', (name, op) => {
    const store = makeStore();
    const before = JSON.stringify(store.spreadsheets.snapshot());
    const { app, writes } = makeTestContext({ store, rejectWrites: true });
    const ss = app.getActive();
    expect(() => op(ss, ss.getSheets()[0]!)).toThrow(`write rejected: ${name}`);
    expect(writes).toEqual([name]);
    expect(JSON.stringify(store.spreadsheets.snapshot())).toBe(before);
  });

  it('strict lock mode: writes need the lock, reads do not', () => {
    const sheet = makeTestContext({ strictLock: true }).app.getActive().getSheets()[0]!;
    expect(sheet.getRange('A1').getValue()).toBe('');
    expect(() => sheet.getRange('A1').setValue(1)).toThrow('write without lock: Range.setValue');
    const locked = makeTestContext({ strictLock: true, holdsLock: true }).app.getActive().getSheets()[0]!;
    locked.getRange('A1').setValue(1);
  });
});

describe('counting and batching', () => {
  it('counts every script call', () => {
    const { app, counts } = makeTestContext();
    app.getActive().getSheets()[0]!.getRange('A1:B2').getValues();
    expect(counts).toEqual([
      'SpreadsheetApp:SpreadsheetApp.getActive',
      'SpreadsheetApp:Spreadsheet.getSheets',
      'SpreadsheetApp:Sheet.getRange',
      'SpreadsheetApp:Range.getValues',
    ]);
  });

  it('reads and writes a 500×20 block in one store call each', () => {
    const h = makeTestContext();
    const sheet = h.app.getActive().getSheets()[0]!;
    const range = sheet.getRange(1, 1, 500, 20);
    const data = Array.from({ length: 500 }, (_, r) =>
      Array.from({ length: 20 }, (_, c) => (c === 0 ? new Date(Date.UTC(2023, 0, 1 + r)) : `${r}:${c}`)),
    );
    h.storeCalls.length = 0;
    range.setValues(data);
    expect(h.storeCalls).toEqual(['writeCells']);
    h.storeCalls.length = 0;
    const values = range.getValues();
    expect(h.storeCalls).toEqual(['readCells']);
    expect(values[499]![19]).toBe('499:19');
    expect((values[10]![0] as Date).getTime()).toBe(Date.UTC(2023, 0, 11));
  });

  it('unemulated methods throw "not emulated"', () => {
    const { app } = makeTestContext();
    const ss = app.getActive();
    const range = ss.getSheets()[0]!.getRange('A1') as unknown as Record<string, () => unknown>;
    expect(() => range.getRichTextValue!()).toThrow('not emulated: Range.getRichTextValue');
    expect(() => (ss as unknown as Record<string, () => unknown>).getBandings!()).toThrow(
      'not emulated: Spreadsheet.getBandings',
    );
    expect(() => (app as unknown as Record<string, () => unknown>).getSelection!()).toThrow(
      'not emulated: SpreadsheetApp.getSelection',
    );
    expect((range as unknown as { then?: unknown }).then).toBeUndefined();
  });
});
