// Conditional format rules: built, set and read back; carried by a template copy; shifted by rows and
// columns; written like any sheet write; invisible to getBackgrounds, visible in the preview's grid.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { failAtWrite } from '../../../../src/dev/emulator/faults';
import { RULE_MSG } from '../../../../src/dev/emulator/spreadsheet/ConditionalFormat';
import { createMemoryStore, loadStore, saveStore } from '../../../../src/dev/emulator/store/memory/index';
import { sheetGrid } from '../../../../src/dev/preview/grid';
import { DOC_ID, EDITOR, OWNER, makeTestContext, type TestContextOptions } from './testContext';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const setup = (opts: TestContextOptions = {}) => {
  const h = makeTestContext(opts);
  const ss = h.app.getActive();
  return { ...h, ss, sheet: ss.getSheets()[0]! };
};

/** The rule the district report needs: «не сдан» in red, bold. */
const notReported = (h: ReturnType<typeof setup>, ranges: GoogleAppsScript.Spreadsheet.Range[]) =>
  h.app
    .newConditionalFormatRule()
    .whenTextEqualTo('не сдан')
    .setBold(true)
    .setBackground('#F4CCCC')
    .setFontColor('#990000')
    .setRanges(ranges)
    .build();

/** What a person sees in row `r`, column `c` (1-based) of `sheet`. */
const look = (h: ReturnType<typeof setup>, sheet: Sheet, r: number, c: number) => {
  const cell = sheetGrid(h.store, DOC_ID, sheet.getSheetId())!.rows[r - 1]![c - 1]!;
  return { bold: cell.bold === true, bg: cell.bg ?? null };
};

const a1s = (sheet: Sheet) => sheet.getConditionalFormatRules().map((r) => r.getRanges().map((x) => x.getA1Notation()));

describe('ConditionalFormatRuleBuilder and Sheet rules', () => {
  it('round-trips a rule through set and get, and replaces or clears the rules', () => {
    const h = setup();
    const { sheet, app } = h;
    sheet.setConditionalFormatRules([notReported(h, [sheet.getRange('B2:B10'), sheet.getRange('D2:D3')])]);
    const [rule] = sheet.getConditionalFormatRules();
    expect(rule!.getRanges().map((r) => r.getA1Notation())).toEqual(['B2:B10', 'D2:D3']);
    const cond = rule!.getBooleanCondition()!;
    expect(cond.getCriteriaType()).toBe(app.BooleanCriteria.TEXT_EQUAL_TO);
    expect(cond.getCriteriaValues()).toEqual(['не сдан']);
    expect([cond.getBold(), cond.getBackground(), cond.getFontColor()]).toEqual([true, '#f4cccc', '#990000']);
    expect(rule!.getGradientCondition()).toBeNull();

    const changed = rule!.copy().whenTextStartsWith('сдан').setBold(null).setFontColor(null).build();
    const c2 = changed.getBooleanCondition()!;
    expect([c2.getCriteriaType(), c2.getCriteriaValues(), c2.getBold(), c2.getFontColor(), c2.getBackground()]).toEqual(
      [app.BooleanCriteria.TEXT_STARTS_WITH, ['сдан'], null, null, '#f4cccc'],
    );
    sheet.setConditionalFormatRules([changed]);
    expect(sheet.getConditionalFormatRules().map((r) => r.getBooleanCondition()!.getCriteriaValues())).toEqual([
      ['сдан'],
    ]);
    sheet.clearConditionalFormatRules();
    expect(sheet.getConditionalFormatRules()).toEqual([]);
  });

  it('writes as any sheet write: guarded, refused on a protected sheet or by a fault, unchanged then', () => {
    const h = setup();
    h.sheet.setConditionalFormatRules([notReported(h, [h.sheet.getRange('A1:A3')])]);
    expect(h.writes).toContain('Sheet.setConditionalFormatRules');
    expect(h.storeCalls).toContain('updateSheet');

    const refused = setup({ store: h.store, rejectWrites: true });
    expect(() => refused.sheet.clearConditionalFormatRules()).toThrow('write rejected');
    expect(a1s(h.sheet)).toEqual([['A1:A3']]);

    h.sheet.protect().removeEditors([EDITOR]);
    const editor = setup({ store: h.store, user: EDITOR });
    expect(() => editor.sheet.clearConditionalFormatRules()).toThrow('You are trying to edit a protected cell');
    expect(a1s(h.sheet)).toEqual([['A1:A3']]);

    const fn = setup({ store: h.store, authMode: 'CUSTOM_FUNCTION' });
    expect(() => fn.sheet.clearConditionalFormatRules()).toThrow(
      'You do not have permission to call clearConditionalFormatRules',
    );

    const store = createMemoryStore();
    store.spreadsheets.createSpreadsheet({ id: DOC_ID, name: 'Отчёты', owner: OWNER, editors: [EDITOR] });
    const f = setup({ store });
    const fault = failAtWrite(store, 1);
    expect(() => f.sheet.setConditionalFormatRules([notReported(f, [f.sheet.getRange('A1')])])).toThrow(
      'Service error',
    );
    fault.restore();
    expect(f.sheet.getConditionalFormatRules()).toEqual([]);
  });

  it('refuses bad arguments, a rule without condition or range, and ranges of another sheet', () => {
    const h = setup();
    const { app, sheet } = h;
    const other = h.ss.insertSheet('Другой');
    const b = () => app.newConditionalFormatRule();
    const sig = /don't match the method signature/;
    expect(() => b().whenTextEqualTo(5 as unknown as string)).toThrow(sig);
    expect(() => b().setBold('да' as unknown as boolean)).toThrow(sig);
    expect(() => b().setBackground(5 as unknown as string)).toThrow(sig);
    expect(() => b().setBackground('')).toThrow('Invalid argument: color');
    expect(() => b().setRanges('A1' as unknown as GoogleAppsScript.Spreadsheet.Range[])).toThrow(sig);
    expect(() => b().setRanges([{}] as GoogleAppsScript.Spreadsheet.Range[])).toThrow(sig);
    expect(() =>
      b()
        .setBold(true)
        .setRanges([sheet.getRange('A1')])
        .build(),
    ).toThrow(RULE_MSG.noCondition);
    expect(() => b().whenTextContains('сдан').build()).toThrow(RULE_MSG.noRange);

    sheet.setConditionalFormatRules([notReported(h, [sheet.getRange('A1:A3')])]);
    const foreign = notReported(h, [sheet.getRange('C1'), other.getRange('A1:A3')]);
    expect(() => sheet.setConditionalFormatRules([foreign])).toThrow(RULE_MSG.otherSheet);
    expect(() => sheet.setConditionalFormatRules('правило' as unknown as [])).toThrow(sig);
    expect(() => sheet.setConditionalFormatRules([{}] as GoogleAppsScript.Spreadsheet.ConditionalFormatRule[])).toThrow(
      sig,
    );
    expect(a1s(sheet)).toEqual([['A1:A3']]);
  });

  it('a template copy carries the rules onto its own cells; values written to the copy drive its look', () => {
    const h = setup();
    const template = h.sheet;
    template.setConditionalFormatRules([notReported(h, [template.getRange('B2:B5')])]);
    const copy = h.ss.insertSheet('Сводный отчёт декабрь 2023', { template });
    const [rule] = copy.getConditionalFormatRules();
    expect(rule!.getRanges().map((r) => [r.getSheet().getName(), r.getA1Notation()])).toEqual([
      ['Сводный отчёт декабрь 2023', 'B2:B5'],
    ]);

    copy.getRange('B2:B4').setValues([['не сдан'], ['сдан вовремя'], ['не сдан']]);
    expect(look(h, copy, 2, 2)).toEqual({ bold: true, bg: '#f4cccc' });
    expect(look(h, copy, 3, 2)).toEqual({ bold: false, bg: null });
    expect(look(h, copy, 4, 2)).toEqual({ bold: true, bg: '#f4cccc' });
    expect(look(h, template, 2, 2)).toEqual({ bold: false, bg: null });
    // What a script reads is the cell's own format, never the conditional one.
    expect(copy.getRange('B2:B3').getBackgrounds()).toEqual([['#ffffff'], ['#ffffff']]);
    expect(copy.getRange('B2').getFontWeight()).toBe('normal');

    // The copy's rules are its own: the template going away leaves them.
    h.ss.deleteSheet(template);
    expect(a1s(copy)).toEqual([['B2:B5']]);
  });

  it('rows and columns inserted or deleted move, grow and shrink the ranges; a rule left with none goes', () => {
    const h = setup();
    const { sheet } = h;
    const other = h.app
      .newConditionalFormatRule()
      .whenTextContains('сдан')
      .setBackground('#d9ead3')
      .setRanges([sheet.getRange('E1:E2'), sheet.getRange('G5')])
      .build();
    sheet.setConditionalFormatRules([notReported(h, [sheet.getRange('B2:B5')]), other]);
    sheet.insertRowsBefore(1, 2);
    expect(a1s(sheet)).toEqual([['B4:B7'], ['E3:E4', 'G7']]);
    sheet.insertRowsAfter(4, 1);
    expect(a1s(sheet)).toEqual([['B4:B8'], ['E3:E4', 'G8']]);
    sheet.deleteRows(4, 2);
    expect(a1s(sheet)).toEqual([['B4:B6'], ['E3', 'G6']]);
    sheet.deleteColumns(2, 1);
    expect(a1s(sheet)).toEqual([['D3', 'F6']]);
    sheet.deleteColumn(4);
    expect(a1s(sheet)).toEqual([['E6']]);
    sheet.getRange('E6').setValue('не сдан');
    expect(look(h, sheet, 6, 5).bg).toBe('#d9ead3');
  });

  it('clearing formats clears the conditional look of those cells; clearing contents keeps it', () => {
    const h = setup();
    const { sheet } = h;
    sheet.setConditionalFormatRules([notReported(h, [sheet.getRange('B2:D5')])]);
    sheet.getRange('C3').clearFormat();
    expect(a1s(sheet)).toEqual([['B2:D2', 'B4:D5', 'B3', 'D3']]);
    sheet.getRange('B2:D5').clearContent();
    sheet.getRange('A1:E9').clear({ contentsOnly: true });
    sheet.clearContents();
    expect(a1s(sheet)).toEqual([['B2:D2', 'B4:D5', 'B3', 'D3']]);
    sheet.getRange('B4:D5').clear({ formatOnly: true });
    expect(a1s(sheet)).toEqual([['B2:D2', 'B3', 'D3']]);
    sheet.clearFormats();
    expect(sheet.getConditionalFormatRules()).toEqual([]);
    sheet.setConditionalFormatRules([notReported(h, [sheet.getRange('B2:D5')])]);
    sheet.clear();
    expect(sheet.getConditionalFormatRules()).toEqual([]);
  });

  it('the first rule that holds alone decides a cell’s look; only text matches, case-sensitively', () => {
    const h = setup();
    const { sheet } = h;
    const range = [sheet.getRange('A1:A8')];
    const startsRed = h.app
      .newConditionalFormatRule()
      .whenTextStartsWith('не')
      .setBackground('#ff0000')
      .setRanges(range)
      .build();
    const exact = notReported(h, range);
    sheet
      .getRange('A1:A8')
      .setValues([['не сдан'], ['Не сдан'], ['сдан'], [5], [new Date(Date.UTC(2023, 11, 1))], [''], [true], ['не']]);
    sheet.setConditionalFormatRules([startsRed, exact]);
    expect(look(h, sheet, 1, 1)).toEqual({ bold: false, bg: '#ff0000' });
    expect(look(h, sheet, 8, 1)).toEqual({ bold: false, bg: '#ff0000' });
    sheet.setConditionalFormatRules([exact, startsRed]);
    expect(look(h, sheet, 1, 1)).toEqual({ bold: true, bg: '#f4cccc' });
    expect(look(h, sheet, 8, 1)).toEqual({ bold: false, bg: '#ff0000' });
    // «Не сдан» differs in case; numbers, dates, blanks and booleans are never text.
    for (const r of [2, 3, 4, 5, 6, 7]) expect(look(h, sheet, r, 1)).toEqual({ bold: false, bg: null });

    const contains = h.app.newConditionalFormatRule().whenTextContains('сдан').setBold(true).setRanges(range).build();
    sheet.setConditionalFormatRules([contains]);
    expect([1, 2, 3, 4].map((r) => look(h, sheet, r, 1).bold)).toEqual([true, true, true, false]);
    // Outside the rule's ranges nothing changes.
    sheet.getRange('B1').setValue('сдан');
    expect(look(h, sheet, 1, 2).bold).toBe(false);
  });

  it('saveStore and loadStore keep a sheet’s rules', () => {
    const store = createMemoryStore();
    store.spreadsheets.createSpreadsheet({ id: DOC_ID, name: 'Отчёты', owner: OWNER, editors: [EDITOR] });
    const h = setup({ store });
    h.sheet.setConditionalFormatRules([notReported(h, [h.sheet.getRange('C3:C9')])]);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cf-')), 'store.json');
    saveStore(store, file);
    const again = setup({ store: loadStore(file) });
    const [rule] = again.sheet.getConditionalFormatRules();
    expect(rule!.getRanges().map((r) => r.getA1Notation())).toEqual(['C3:C9']);
    expect(rule!.getBooleanCondition()!.getCriteriaValues()).toEqual(['не сдан']);
  });
});
