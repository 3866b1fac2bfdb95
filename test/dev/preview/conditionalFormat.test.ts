// The preview shows what Sheets shows under conditional format rules: the grid, the print view and the
// .xlsx export carry the rule's bold and background on the copy's cells the rule matches, and only there.
import ExcelJS from 'exceljs';
import { createEmulator } from '../../../src/dev/emulator';
import { sheetGrid } from '../../../src/dev/preview/grid';
import { printHtml } from '../../../src/dev/preview/print';
import { exportXlsx } from '../../../src/dev/preview/xlsx';

const OWNER = 'owner@example.org';
// A hidden template with the rule, copied once, then values written to the copy only (as the add-on will).
const CODE = `
function prepare() {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  var template = ss.getSheets()[0].setName('Шаблон');
  var rule = SpreadsheetApp.newConditionalFormatRule()
    .whenTextEqualTo('не сдан')
    .setBold(true)
    .setBackground('#f4cccc')
    .setRanges([template.getRange('B2:B20')])
    .build();
  template.setConditionalFormatRules([rule]);
  template.getRange('A1:B1').setValues([['Организация', 'Статус']]);
  var copy = ss.insertSheet('Сводный отчёт', { template: template });
  copy.getRange('A2:B3').setValues([['Школа № 1', 'не сдан'], ['Школа № 2', 'сдан вовремя']]);
  return copy.getRange('B2').getBackground();
}
`;

const run = () => {
  const em = createEmulator({ code: CODE, now: Date.UTC(2024, 1, 20, 9) });
  const doc = em.createSpreadsheet({ name: 'Проба', owner: OWNER });
  const r = em.run('prepare', [], { user: OWNER, documentId: doc });
  expect(r.error).toBeUndefined();
  // The script reads the cell's own background, not the conditional one.
  expect(r.value).toBe('#ffffff');
  const sheetId = (name: string) =>
    em.store.spreadsheets.getSpreadsheet(doc)!.sheets.find((s) => s.name === name)!.sheetId;
  return { em, doc, copy: sheetId('Сводный отчёт'), template: sheetId('Шаблон') };
};

test('the grid and the print view show the rule on the matching cell of the copy only', () => {
  const { em, doc, copy, template } = run();
  const rows = sheetGrid(em.store, doc, copy)!.rows;
  expect(rows[1]![1]).toMatchObject({ t: 'не сдан', bold: true, bg: '#f4cccc' });
  expect(rows[2]![1]!.bold).toBeUndefined();
  expect(rows[2]![1]!.bg).toBeUndefined();
  expect(sheetGrid(em.store, doc, template)!.rows[1]![1]).toEqual({ t: '' });
  const html = printHtml(em.store, doc, copy)!;
  expect(html).toMatch(/<td style="font-weight:bold;background:#f4cccc">не сдан<\/td>/);
  expect(html).toMatch(/<td>сдан вовремя<\/td>/);
});

test('the .xlsx export bakes the conditional bold and background into the matching cell', async () => {
  const { em, doc } = run();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await exportXlsx(em.store, doc)) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('Сводный отчёт')!;
  const matched = ws.getCell('B2');
  expect(matched.value).toBe('не сдан');
  expect(matched.font?.bold).toBe(true);
  expect(matched.fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF4CCCC' } });
  const other = ws.getCell('B3');
  expect(other.value).toBe('сдан вовремя');
  expect(other.font?.bold ?? false).toBe(false);
  expect(other.fill?.type === 'pattern' ? other.fill.fgColor : undefined).toBeUndefined();
});
