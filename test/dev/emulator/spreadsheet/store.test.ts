// Store persistence: snapshot → JSON → restore gives back the same spreadsheets and UI state.
import { createMemorySpreadsheetStore } from '../../../../src/dev/emulator/store/memory/spreadsheets';
import { createMemoryUiStore } from '../../../../src/dev/emulator/store/memory/ui';
import { makeStore, makeTestContext, DOC_ID, OWNER } from './testContext';

describe('snapshot/restore', () => {
  it('round-trips spreadsheets through JSON', () => {
    const store = makeStore();
    const { app } = makeTestContext({ store });
    const ss = app.getActive();
    const sheet = ss.insertSheet('Реестр');
    sheet.getRange('A1:C2').setValues([
      ['ИНН', 'Дата', 'Доля'],
      ['7701', new Date(Date.UTC(2023, 10, 20, 9)), 0.5],
    ]);
    sheet.getRange('C2').setNumberFormat('0%');
    sheet.getRange('A1').setFormula('=1+1').setNote('заметка');
    sheet.protect().setDescription('admin only').setWarningOnly(true);
    ss.setNamedRange('hdr', sheet.getRange('A1:C1'));
    app.getUi().createAddonMenu().addItem('Открыть', 'open').addToUi();

    const restored = createMemorySpreadsheetStore();
    restored.restore(JSON.parse(JSON.stringify(store.spreadsheets.snapshot())));
    const ui = createMemoryUiStore();
    ui.restore(JSON.parse(JSON.stringify(store.ui.snapshot())));
    expect(restored.snapshot()).toEqual(store.spreadsheets.snapshot());
    expect(ui.getMenus(DOC_ID, OWNER)).toEqual(store.ui.getMenus(DOC_ID, OWNER));

    const h2 = makeTestContext({ store: { ...store, spreadsheets: restored, ui } });
    const again = h2.app.getActive();
    const s2 = again.getSheetByName('Реестр')!;
    expect(s2.getRange('B2').getValue()).toEqual(new Date(Date.UTC(2023, 10, 20, 9)));
    expect(s2.getRange('C2').getDisplayValue()).toBe('50%');
    expect(s2.getRange('A1').getFormula()).toBe('=1+1');
    expect(again.getRangeByName('hdr')!.getA1Notation()).toBe('A1:C1');
    const [p] = s2.getProtections(h2.app.ProtectionType.SHEET);
    expect([p!.getDescription(), p!.isWarningOnly()]).toEqual(['admin only', true]);
  });

  it('restore rejects foreign data', () => {
    expect(() => createMemorySpreadsheetStore().restore({ nope: 1 })).toThrow('unknown snapshot format');
    expect(() => createMemoryUiStore().restore(null)).toThrow('unknown snapshot format');
  });

  it('store results are copies, not live references', () => {
    const store = makeStore();
    const info = store.spreadsheets.getSpreadsheet(DOC_ID)!;
    info.sheets[0]!.name = 'hacked';
    expect(store.spreadsheets.getSpreadsheet(DOC_ID)!.sheets[0]!.name).toBe('Лист1');
  });
});
