// Sheets refuses a cell over 50 000 characters with its own English error; the emulator does too.
import { createEmulator } from '../../../../src/dev/emulator';

const CODE = `function put(n) { SpreadsheetApp.getActive().getSheets()[0].getRange('A1:B1').setValues([['Ж'.repeat(n), 'ок']]); }
function read() { return SpreadsheetApp.getActive().getSheets()[0].getRange('A1:B1').getValues()[0].map(function (v) { return String(v).length; }); }`;

test('50 000 characters fit one cell; 50 001 are refused and nothing of the block is written', () => {
  const em = createEmulator({ code: CODE, now: Date.UTC(2024, 1, 15) });
  const documentId = em.createSpreadsheet({ name: 'Предел', owner: 'owner@example.org' });
  const as = { user: 'owner@example.org', documentId };
  expect(em.run('put', [50_000], as).ok).toBe(true);
  expect(em.run('read', [], as).value).toEqual([50_000, 2]);
  const refused = em.run('put', [50_001], as);
  expect(refused.ok).toBe(false);
  expect(refused.error!.message).toBe(
    'Your input contains more than the maximum of 50000 characters in a single cell.',
  );
  expect(em.run('read', [], as).value).toEqual([50_000, 2]);
});
