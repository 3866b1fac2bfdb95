// How text reaches a cell: the quote prefix that keeps it text, the cap under Sheets' cell limit, and
// months in words.
import { fromCell, quoteAsText, toCell } from '../../../src/server/storage/cells';

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

test('a month is written in words and read back as its key from words, the key or a date Sheets made of it', () => {
  expect(toCell('period', '2023-11')).toBe('ноябрь 2023');
  for (const cell of ['ноябрь 2023', '2023-11', new Date(Date.UTC(2023, 10, 1, -3))])
    expect(fromCell('period', cell)).toBe('2023-11');
  expect(toCell('periods', '2023-11, 2023-12')).toBe('ноябрь 2023, декабрь 2023');
  expect(fromCell('periods', 'ноябрь 2023, декабрь 2023')).toBe('2023-11, 2023-12');
  expect(fromCell('periods', '2023-11, 2023-12')).toBe('2023-11, 2023-12');
  // Not a month: kept as it is, for the schema or the seal to report.
  expect(fromCell('period', 'ноябрь')).toBe('ноябрь');
  expect(toCell('periods', 'ноябрь 2023, что-то')).toBe('ноябрь 2023, что-то');
});
