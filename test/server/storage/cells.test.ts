// How text reaches a cell: the quote prefix that keeps it text, and the cap under Sheets' cell limit.
import { quoteAsText, toCell } from '../../../src/server/storage/cells';

test('every non-empty string is written with the quote prefix; other values as they are', () => {
  expect(quoteAsText('=1+1')).toBe("'=1+1");
  expect(quoteAsText("'уже в кавычках")).toBe("''уже в кавычках");
  expect(quoteAsText('')).toBe('');
  expect(quoteAsText(42)).toBe(42);
  const when = new Date(Date.UTC(2024, 0, 1));
  expect(quoteAsText(when)).toBe(when);
});

test('a text cell never reaches Sheets over 45 000 characters: the end is cut and marked «…»', () => {
  const cell = toCell('text', 'Ж'.repeat(60_000)) as string;
  expect(cell).toHaveLength(45_000);
  expect(cell.endsWith('Ж…')).toBe(true);
  expect(toCell('text', 'Ж'.repeat(45_000))).toBe('Ж'.repeat(45_000));
});
