// Sheet.getRangeList and RangeList: one script call formats every range of the list; a list that is
// empty, not A1 notation, of another sheet or outside the sheet throws; a copy of a hidden template is hidden.
import { makeTestContext } from './testContext';

const setup = () => {
  const h = makeTestContext();
  const ss = h.app.getActive();
  return { ...h, ss, sheet: ss.getSheets()[0]! };
};

test('one call sets the wrap, weight, background, number format and size of every range in the list', () => {
  const { sheet, counts } = setup();
  counts.length = 0;
  const list = sheet.getRangeList(['A1:B2', 'D4', 'C10:C12']);
  list.setWrap(true).setFontWeight('bold').setBackground('#fce8e6').setNumberFormat('0.0%').setFontSize(13);
  expect(counts).toEqual([
    'SpreadsheetApp:Sheet.getRangeList',
    'SpreadsheetApp:RangeList.setWrap',
    'SpreadsheetApp:RangeList.setFontWeight',
    'SpreadsheetApp:RangeList.setBackground',
    'SpreadsheetApp:RangeList.setNumberFormat',
    'SpreadsheetApp:RangeList.setFontSize',
  ]);
  expect(sheet.getRange('A1:D4').getWraps()).toEqual([
    [true, true, false, false],
    [true, true, false, false],
    [false, false, false, false],
    [false, false, false, true],
  ]);
  expect(sheet.getRange('C9:C13').getFontWeights().flat()).toEqual(['normal', 'bold', 'bold', 'bold', 'normal']);
  expect(sheet.getRange('D4').getBackground()).toBe('#fce8e6');
  expect(sheet.getRange('C12').getNumberFormat()).toBe('0.0%');
  expect(sheet.getRange('B2').getFontSize()).toBe(13);
  expect(sheet.getRange('E5').getFontSize()).toBe(10);
  expect(list.getRanges().map((r) => r.getA1Notation())).toEqual(['A1:B2', 'D4', 'C10:C12']);
});

test('an empty list, a notation that is not A1, another sheet or a range outside the sheet throws', () => {
  const { ss, sheet } = setup();
  ss.insertSheet('Другой');
  expect(() => sheet.getRangeList([])).toThrow('Range not found');
  expect(() => sheet.getRangeList(['A1', 'не адрес'])).toThrow('Range not found');
  expect(() => sheet.getRangeList(["'Другой'!A1"])).toThrow('Range not found');
  expect(() => sheet.getRangeList(['A1:A1001'])).toThrow('outside the dimensions of the sheet');
  expect(() => sheet.getRangeList(['A1']).setWrap('yes' as unknown as boolean)).toThrow();
});

test('a copy of a hidden template is hidden until the script shows it', () => {
  const { ss } = setup();
  const template = ss.insertSheet('Шаблон');
  template.getRange('A1').setFontWeight('bold');
  template.hideSheet();
  const copy = ss.insertSheet('Копия', 0, { template });
  expect(copy.isSheetHidden()).toBe(true);
  expect(copy.getRange('A1').getFontWeight()).toBe('bold');
  expect(copy.showSheet().isSheetHidden()).toBe(false);
});
