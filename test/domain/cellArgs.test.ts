// Range machinery of the custom functions: broadcasting, shapes, blanks, row-numbered errors.
import { CellInputError, isBlank, mapCells, readCount, readNumber } from '../../src/domain/cellArgs';

const add = (values: unknown[]) => {
  if (values.some(isBlank)) return '';
  return values.reduce<number>((sum, v) => sum + readCount(v, 'число'), 0);
};

describe('mapCells', () => {
  it('scalars give a scalar; ranges give their shape; 1×1 ranges stay 1×1 and broadcast', () => {
    expect(mapCells([1, 2], add)).toBe(3);
    expect(mapCells([[[1], [2]], 10], add)).toEqual([[11], [12]]);
    expect(mapCells([[[5]], 1], add)).toEqual([[6]]);
    expect(
      mapCells(
        [
          [
            [1, 2],
            [3, 4],
          ],
          [[10]],
        ],
        add,
      ),
    ).toEqual([
      [11, 12],
      [13, 14],
    ]);
    expect(mapCells([[1, 2, 3], 1], add)).toEqual([[2, 3, 4]]);
  });
  it('rejects mismatched shapes in Russian', () => {
    expect(() => mapCells([[[1], [2]], [[1, 2]]], add)).toThrow('Диапазоны разного размера (2×1 и 1×2)');
  });
  it('prefixes input errors with row (and column for wide ranges); other errors pass unchanged', () => {
    expect(() => mapCells([[[1], ['x']], 1], add)).toThrow('строка 2: число: «x» не число');
    expect(() => mapCells([[[1, -1]], [[1, 1]]], add)).toThrow(
      'строка 1, столбец 2: число (-1) не может быть отрицательным',
    );
    expect(() => mapCells([-1, 1], add)).toThrow('Число (-1) не может быть отрицательным');
    expect(() =>
      mapCells([[[1], [2]]], () => {
        throw new TypeError('bug');
      }),
    ).toThrow(TypeError);
  });
  it('reads numbers written as text', () => {
    expect(readNumber('0,5', 'x')).toBe(0.5);
    expect(readNumber(' 1 200 ', 'x')).toBe(1200);
    expect(() => readNumber(new Date(), 'дата сдачи')).toThrow(CellInputError);
  });
});
