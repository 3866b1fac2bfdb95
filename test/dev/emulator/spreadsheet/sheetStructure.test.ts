// Sheet and Spreadsheet structure: sheets, rows/columns, freezing, widths, named ranges, validation, charts.
import { makeTestContext, OWNER, EDITOR } from './testContext';

const setup = () => {
  const h = makeTestContext();
  const ss = h.app.getActive();
  return { ...h, ss, sheet: ss.getSheets()[0]! };
};

describe('Spreadsheet', () => {
  it('has defaults and the spreadsheet identity', () => {
    const { ss } = setup();
    expect(ss.getId()).toBe('doc-1');
    expect(ss.getName()).toBe('Отчёты');
    expect(ss.getSpreadsheetLocale()).toBe('ru_RU');
    expect(ss.getSpreadsheetTimeZone()).toBe('Europe/Moscow');
    expect(ss.getOwner()!.getEmail()).toBe(OWNER);
    expect(ss.getEditors().map((u) => u.getEmail())).toEqual([OWNER, EDITOR]);
    expect(ss.getUrl()).toBe('https://docs.google.com/spreadsheets/d/doc-1/edit');
  });

  it('inserts, finds, moves and deletes sheets', () => {
    const { ss } = setup();
    const a = ss.insertSheet('Реестр');
    ss.insertSheet('Настройки', 0);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Настройки', 'Лист1', 'Реестр']);
    expect(() => ss.insertSheet('реестр')).toThrow(
      'A sheet with the name "реестр" already exists. Please enter another name.',
    );
    expect(() => ss.getSheetByName('Лист1')!.setName('Реестр')).toThrow(
      'A sheet with the name "Реестр" already exists. Please enter another name.',
    );
    expect(ss.getSheetByName('Нет')).toBeNull();
    expect(a.getIndex()).toBe(3);
    expect(ss.getActiveSheet().getName()).toBe('Настройки');
    ss.setActiveSheet(a);
    ss.moveActiveSheet(1);
    expect(ss.getSheets()[0]!.getName()).toBe('Реестр');
    ss.deleteSheet(ss.getSheetByName('Лист1')!);
    ss.deleteSheet(ss.getSheetByName('Настройки')!);
    expect(() => ss.deleteSheet(a)).toThrow("You can't remove all the sheets in a document.");
    expect(() => a.hideSheet()).toThrow("You can't hide all the sheets in a document.");
  });

  it('named ranges', () => {
    const { ss, sheet } = setup();
    ss.setNamedRange('orgs', sheet.getRange('A2:C10'));
    expect(ss.getRangeByName('orgs')!.getA1Notation()).toBe('A2:C10');
    expect(ss.getNamedRanges().map((n) => n.getName())).toEqual(['orgs']);
    sheet.insertRowsBefore(1, 2);
    expect(ss.getRangeByName('orgs')!.getA1Notation()).toBe('A4:C12');
    ss.removeNamedRange('orgs');
    expect(ss.getRangeByName('orgs')).toBeNull();
  });

  it('records toasts', () => {
    const { ss, store } = setup();
    ss.toast('Готово', 'Отчёт', 3);
    expect(store.ui.listEvents('doc-1')).toMatchObject([{ kind: 'toast', title: 'Отчёт', content: 'Готово' }]);
  });
});

describe('Sheet', () => {
  it('tracks last row/column, data range and appendRow growth', () => {
    const { sheet } = setup();
    expect([sheet.getLastRow(), sheet.getLastColumn(), sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([
      0, 0, 1000, 26,
    ]);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1');
    sheet.getRange('B3').setValue('x');
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([3, 2]);
    sheet.appendRow(['a', 'b', 'c']);
    expect(sheet.getRange('A4:C4').getValues()).toEqual([['a', 'b', 'c']]);
    sheet.deleteRows(5, 996);
    expect(sheet.getMaxRows()).toBe(4);
    sheet.appendRow(Array.from({ length: 30 }, (_, i) => i));
    expect([sheet.getMaxRows(), sheet.getMaxColumns(), sheet.getLastRow()]).toEqual([5, 30, 5]);
  });

  it('inserts and deletes rows and columns, shifting contents', () => {
    const { sheet } = setup();
    sheet.getRange('A1:A3').setValues([[1], [2], [3]]);
    sheet.insertRowsAfter(1, 2);
    expect(sheet.getRange('A1:A5').getValues().flat()).toEqual([1, '', '', 2, 3]);
    sheet.deleteRow(2);
    sheet.insertColumnBefore(1);
    expect(sheet.getRange('B1:B4').getValues().flat()).toEqual([1, '', 2, 3]);
    sheet.deleteColumns(1, 1);
    expect(sheet.getMaxColumns()).toBe(26);
    expect(() => sheet.deleteRows(1000, 5)).toThrow('Those rows are out of bounds.');
    expect(() => sheet.deleteColumns(27, 1)).toThrow('Those columns are out of bounds.');
    sheet.setFrozenRows(1);
    expect(() => sheet.deleteRows(2, sheet.getMaxRows() - 1)).toThrow(
      'Sorry, it is not possible to delete all non-frozen rows.',
    );
  });

  it('freezing, widths, visibility, tab colour, clear', () => {
    const { ss, sheet } = setup();
    ss.insertSheet('Второй');
    sheet.setFrozenRows(2);
    sheet.setFrozenColumns(1);
    sheet.setColumnWidths(2, 3, 150);
    sheet.setColumnWidth(1, 40);
    sheet.autoResizeColumns(1, 5);
    sheet.hideSheet();
    sheet.setTabColor('#ff0000');
    expect([
      sheet.getFrozenRows(),
      sheet.getFrozenColumns(),
      sheet.getColumnWidth(1),
      sheet.getColumnWidth(4),
      sheet.getColumnWidth(5),
    ]).toEqual([2, 1, 40, 150, 100]);
    expect(sheet.isSheetHidden()).toBe(true);
    sheet.showSheet();
    expect(sheet.isSheetHidden()).toBe(false);
    expect(sheet.getTabColor()).toBe('#ff0000');
    sheet.getRange('A1').setValue(1).setBackground('#eeeeee').setNote('n');
    sheet.clearContents();
    expect(sheet.getRange('A1').getValue()).toBe('');
    expect(sheet.getRange('A1').getBackground()).toBe('#eeeeee');
    sheet.clear();
    expect(sheet.getRange('A1').getBackground()).toBe('#ffffff');
  });
});

describe('Range formats, validation, merges', () => {
  it('records and reads back formats and notes', () => {
    const { sheet } = setup();
    const r = sheet.getRange('A1:B1');
    r.setFontWeight('bold')
      .setFontColor('#333333')
      .setHorizontalAlignment('center')
      .setWrap(true)
      .setNotes([['a', 'b']]);
    expect(r.getFontWeights()).toEqual([['bold', 'bold']]);
    expect(r.getFontColors()).toEqual([['#333333', '#333333']]);
    expect(r.getHorizontalAlignments()).toEqual([['center', 'center']]);
    expect(r.getWraps()).toEqual([[true, true]]);
    expect(r.getNotes()).toEqual([['a', 'b']]);
    expect(sheet.getRange('C1').getNumberFormat()).toBe('General');
  });

  it('data validation rules and checkboxes', () => {
    const { app, sheet } = setup();
    const rule = app
      .newDataValidation()
      .requireValueInList(['да', 'нет'])
      .setAllowInvalid(false)
      .setHelpText('Выберите')
      .build();
    sheet.getRange('A1:A3').setDataValidation(rule);
    const got = sheet.getRange('A2').getDataValidation()!;
    expect(String(got.getCriteriaType())).toBe('VALUE_IN_LIST');
    expect(got.getCriteriaType()).toBe(app.DataValidationCriteria.VALUE_IN_LIST);
    expect(got.getCriteriaValues()).toEqual([['да', 'нет'], true]);
    expect([got.getAllowInvalid(), got.getHelpText()]).toEqual([false, 'Выберите']);
    const n = app.newDataValidation().requireNumberBetween(0, 100).build();
    const d = app.newDataValidation().requireDate().build();
    const g = app.newDataValidation().requireNumberGreaterThanOrEqualTo(0).build();
    sheet.getRange('B1:D1').setDataValidations([[n, d, g]]);
    expect(
      sheet
        .getRange('B1:D1')
        .getDataValidations()[0]!
        .map((v) => String(v!.getCriteriaType())),
    ).toEqual(['NUMBER_BETWEEN', 'DATE_IS_VALID_DATE', 'NUMBER_GREATER_THAN_OR_EQUAL_TO']);
    expect(sheet.getRange('E1').getDataValidation()).toBeNull();
    sheet.getRange('F1:F2').insertCheckboxes();
    expect(sheet.getRange('F1:F2').getValues()).toEqual([[false], [false]]);
    expect(String(sheet.getRange('F1').getDataValidation()!.getCriteriaType())).toBe('CHECKBOX');
    expect(() => sheet.getRange('A1').setDataValidation(app.newDataValidation() as never)).toThrow(
      'SpreadsheetApp.Range.setDataValidation',
    );
  });

  it('merges', () => {
    const { sheet } = setup();
    sheet.getRange('A1:C1').merge();
    expect(sheet.getRange('B1').isPartOfMerge()).toBe(true);
    sheet.getRange('A1:C1').breakApart();
    expect(sheet.getRange('B1').isPartOfMerge()).toBe(false);
  });

  it('charts: builder records type, ranges, position and title', () => {
    const { sheet } = setup();
    const chart = sheet
      .newChart()
      .asLineChart()
      .addRange(sheet.getRange('A1:B10'))
      .setPosition(2, 5, 0, 0)
      .setOption('title', 'Охват')
      .build();
    sheet.insertChart(chart);
    const [got] = sheet.getCharts();
    expect(got!.getRanges().map((r) => r.getA1Notation())).toEqual(['A1:B10']);
    expect(got!.getOptions().get('title')).toBe('Охват');
    expect(got!.getContainerInfo().getAnchorRow()).toBe(2);
    expect((got!.modify() as unknown as { getChartType(): string }).getChartType()).toBe('LINE');
    sheet.removeChart(got!);
    expect(sheet.getCharts()).toEqual([]);
  });
});
