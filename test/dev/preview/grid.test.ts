// What the preview's grid is given of a sheet: the sheet's column widths (default 100 px), hidden
// columns left out with the places marked, wrap and alignment as set.
import { createEmulator } from '../../../src/dev/emulator';
import { sheetGrid } from '../../../src/dev/preview/grid';

const OWNER = 'owner@example.org';
const CODE = `
function layout() {
  var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
  sheet.getRange(1, 1, 2, 6).setValues([
    ['Длинный заголовок отчёта, который не помещается в узкий столбец', '', '', '', '', ''],
    ['№', 'Код', 'скрыт', 'Организация', 'скрыт', 'Итог'],
  ]);
  sheet.getRange(2, 1, 1, 6).setWrap(true);
  sheet.getRange(1, 6).setHorizontalAlignment('right');
  sheet.setColumnWidth(1, 40);
  sheet.setColumnWidths(4, 1, 300);
  sheet.hideColumns(3);
  sheet.hideColumns(5);
  sheet.setFrozenRows(2);
}
`;

test('columns carry the sheet widths; hidden ones are left out and their places marked', () => {
  const em = createEmulator({ code: CODE, now: Date.UTC(2024, 1, 20, 9) });
  const doc = em.createSpreadsheet({ name: 'Проба', owner: OWNER });
  const r = em.run('layout', [], { user: OWNER, documentId: doc });
  expect(r.error).toBeUndefined();
  const sheet = em.store.spreadsheets.getSpreadsheet(doc)!.sheets[0]!;
  const g = sheetGrid(em.store, doc, sheet.sheetId)!;
  expect(g.columns.map((c) => [c.letter, c.width])).toEqual([
    ['A', 40],
    ['B', 100],
    ['D', 300],
    ['F', 100],
    ['G', 100],
    ['H', 100],
  ]);
  expect(g.columns.filter((c) => c.hiddenBefore).map((c) => c.letter)).toEqual(['D', 'F']);
  expect(g.columns.filter((c) => c.hiddenAfter).map((c) => c.letter)).toEqual(['B', 'D']);
  expect(g.rows[0]!.map((c) => c.t)).toEqual([
    'Длинный заголовок отчёта, который не помещается в узкий столбец',
    '',
    '',
    '',
    '',
    '',
  ]);
  expect(g.rows[1]!.map((c) => c.t)).toEqual(['№', 'Код', 'Организация', 'Итог', '', '']);
  expect(g.rows[1]![0]!.wrap).toBe(true);
  expect(g.frozenRows).toBe(2);
});
