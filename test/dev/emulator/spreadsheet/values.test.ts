// Cell values: blanks, dates in the spreadsheet time zone, ru_RU typed-input parsing, formulas, display.
import { makeTestContext } from './testContext';

const sheetOf = () => makeTestContext().app.getActive().getSheets()[0]!;

describe('Range values', () => {
  it('reads blanks as empty strings everywhere', () => {
    const sheet = sheetOf();
    const range = sheet.getRange(1, 1, 2, 3);
    expect(range.getValues()).toEqual([
      ['', '', ''],
      ['', '', ''],
    ]);
    expect(range.getDisplayValues()).toEqual([
      ['', '', ''],
      ['', '', ''],
    ]);
    expect(sheet.getRange('B2').getValue()).toBe('');
    expect(range.getFormulas()).toEqual([
      ['', '', ''],
      ['', '', ''],
    ]);
  });

  it('round-trips Dates exactly in Europe/Moscow and applies a date format', () => {
    const sheet = sheetOf();
    const withTime = new Date(Date.UTC(2023, 10, 30, 20, 59, 59, 123));
    const midnightMsk = new Date(Date.UTC(2023, 10, 29, 21, 0, 0));
    sheet.getRange(1, 1, 1, 2).setValues([[withTime, midnightMsk]]);
    const [a, b] = sheet.getRange(1, 1, 1, 2).getValues()[0]!;
    expect(a).toBeInstanceOf(Date);
    expect((a as Date).getTime()).toBe(withTime.getTime());
    expect((b as Date).getTime()).toBe(midnightMsk.getTime());
    expect(sheet.getRange(1, 1, 1, 2).getDisplayValues()).toEqual([['30.11.2023 23:59:59', '30.11.2023']]);
    expect(sheet.getRange('B1').getNumberFormat()).toBe('dd.MM.yyyy');
  });

  it('reads a number in a date-formatted cell as a Date', () => {
    const sheet = sheetOf();
    const cell = sheet.getRange('C3').setNumberFormat('dd.MM.yyyy').setValue(45260);
    expect((cell.getValue() as Date).toISOString()).toBe('2023-11-29T21:00:00.000Z');
  });

  it('parses strings as Sheets does in ru_RU', () => {
    const sheet = sheetOf();
    const inputs = [
      '1,5',
      '12',
      '-5',
      '+5',
      'TRUE',
      'ИСТИНА',
      'ложь',
      '01.12.2023',
      "'0123",
      '1 000',
      'текст',
      '50%',
      '1.5',
      '3.14',
    ];
    const range = sheet.getRange(1, 1, 1, inputs.length);
    range.setValues([inputs]);
    const values = range.getValues()[0]!;
    expect(values.slice(0, 7)).toEqual([1.5, 12, -5, 5, true, true, false]);
    expect((values[7] as Date).toISOString()).toBe('2023-11-30T21:00:00.000Z');
    expect(values.slice(8, 11)).toEqual(['0123', 1000, 'текст']);
    expect(values[11]).toBe(0.5);
    expect((values[12] as Date).toISOString()).toBe('2023-04-30T21:00:00.000Z'); // 1.5 is 1 May in ru_RU
    expect(values[13]).toBe('3.14');
  });

  it('reads a month and year typed in words or as ГГГГ-ММ as the date of its first day (strictest reading)', () => {
    const sheet = sheetOf();
    const range = sheet.getRange(1, 1, 1, 5);
    range.setValues([['ноябрь 2023', 'November 2023', '2023-11', "'ноябрь 2023", 'ноябрь']]);
    const values = range.getValues()[0]!;
    for (const v of values.slice(0, 3)) expect((v as Date).toISOString()).toBe('2023-10-31T21:00:00.000Z');
    expect(values.slice(3)).toEqual(['ноябрь 2023', 'ноябрь']);
  });

  it('treats +text / -text as a broken formula, like Sheets', () => {
    const sheet = sheetOf();
    sheet.getRange('A1').setValue('+7 (999) 123-45-67');
    expect(sheet.getRange('A1').getFormula()).toBe('=+7 (999) 123-45-67');
    expect(sheet.getRange('A1').getValue()).toBe('#ERROR!');
    sheet.getRange('A2').setValue('@user');
    expect(sheet.getRange('A2').getValue()).toBe('@user');
  });

  it('keeps strings exactly under plain-text format @', () => {
    const sheet = sheetOf();
    const range = sheet.getRange(1, 1, 1, 4).setNumberFormat('@');
    range.setValues([['1,5', '01.12.2023', '0123', '=A1']]);
    expect(range.getValues()).toEqual([['1,5', '01.12.2023', '0123', '=A1']]);
    expect(range.getFormulas()).toEqual([['', '', '', '']]);
  });

  it('stores formulas as text; without a formula hook (a bare store, no createEmulator) they read as blank', () => {
    const sheet = sheetOf();
    sheet.getRange('A1').setValue(1);
    sheet.getRange('B1').setValue('=A1+1');
    sheet.getRange('C1').setFormula('=SUM(A1:B1)');
    sheet.getRange('A2:B2').setFormulas([['=A1', '']]);
    expect(sheet.getRange('A1:C1').getFormulas()).toEqual([['', '=A1+1', '=SUM(A1:B1)']]);
    expect(sheet.getRange('A1:C1').getValues()).toEqual([[1, '', '']]);
    expect(sheet.getRange('A2:B2').getFormulas()).toEqual([['=A1', '']]);
    sheet.getRange('B1').setValue(2);
    expect(sheet.getRange('B1').getFormula()).toBe('');
  });

  it('formats display values per number format with a decimal comma', () => {
    const sheet = sheetOf();
    const range = sheet.getRange(1, 1, 1, 6);
    range.setValues([[1.25, 1.25, 0.125, 0.125, 1234.5, true]]);
    range.setNumberFormats([['0', '0.0', '0%', '0.0%', 'General', 'General']]);
    expect(range.getDisplayValues()).toEqual([['1', '1,3', '13%', '12,5%', '1234,5', 'ИСТИНА']]);
    sheet
      .getRange('A2')
      .setValue(new Date(Date.UTC(2024, 0, 5, 7, 5)))
      .setNumberFormat('dd.MM.yyyy HH:mm');
    expect(sheet.getRange('A2').getDisplayValue()).toBe('05.01.2024 10:05');
  });

  it('null clears a cell; NaN dates clear too', () => {
    const sheet = sheetOf();
    sheet.getRange('A1:B1').setValues([[1, 2]]);
    sheet.getRange('A1:B1').setValues([[null, new Date(NaN)]]);
    expect(sheet.getRange('A1:B1').getValues()).toEqual([['', '']]);
    expect(sheet.getLastRow()).toBe(0);
  });
});
