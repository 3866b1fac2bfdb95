// Store hooks for tests and `npm run stress`: a write that fails part-way through an execution (a mid-write fault), and
// a person's edit of the grid landing between the add-on's read and its write.
import type { Store } from './store/types';

/** The store calls that change a document: spreadsheet writes and property writes. */
const WRITES: Record<'spreadsheets' | 'properties', readonly string[]> = {
  spreadsheets: ['writeCells', 'appendRow', 'insertDimension', 'deleteDimension', 'insertSheet', 'updateSheet'],
  properties: ['write', 'remove'],
};

type Part = Record<string, (...args: unknown[]) => unknown>;

/** Replaces `method` of a store part with `wrap(original)`; returns the undo. */
function patch(
  store: Store,
  part: 'spreadsheets' | 'properties',
  method: string,
  wrap: (f: Part[string]) => Part[string],
) {
  const target = store[part] as unknown as Part;
  const original = target[method]!;
  target[method] = wrap(original.bind(target));
  return () => {
    target[method] = original;
  };
}

/**
 * Makes the `n`-th write (1-based) from now fail as Google's «Service error» would, once.
 * @returns how many writes were seen, and the undo
 */
export function failAtWrite(store: Store, n: number): { writes(): number; failed(): boolean; restore(): void } {
  let seen = 0;
  let failed = false;
  const undo = Object.entries(WRITES).flatMap(([part, methods]) =>
    methods.map((m) =>
      patch(store, part as 'spreadsheets' | 'properties', m, (f) => (...args) => {
        seen++;
        if (seen === n) {
          failed = true;
          throw new Error('Service error: Spreadsheets (simulated fault)');
        }
        return f(...args);
      }),
    ),
  );
  return {
    writes: () => seen,
    failed: () => failed,
    restore: () => {
      for (const u of undo) u();
    },
  };
}

/**
 * Runs `edit` once, just before the first read of one row of the sheet `sheetId` that is
 * `width` cells wide (the add-on re-reading a row's key cells right before it writes).
 */
export function beforeRowRead(store: Store, sheetId: number, width: number, edit: () => void): () => void {
  let done = false;
  return patch(store, 'spreadsheets', 'readCells', (f) => (...args) => {
    const rect = args[2] as { numRows: number; numColumns: number };
    if (!done && args[1] === sheetId && rect.numRows === 1 && rect.numColumns === width) {
      done = true;
      edit();
    }
    return f(...args);
  });
}

/** The id of a sheet by name. */
export function sheetIdOf(store: Store, doc: string, name: string): number {
  return store.spreadsheets.getSpreadsheet(doc)!.sheets.find((s) => s.name === name)!.sheetId;
}

/** Makes the next write of cells to the sheet `sheetId` fail as Google's «Service error» would, once. */
export function failNextWriteTo(store: Store, sheetId: number): () => void {
  let done = false;
  return patch(store, 'spreadsheets', 'writeCells', (f) => (...args) => {
    if (!done && args[1] === sheetId) {
      done = true;
      throw new Error('Service error: Spreadsheets (simulated fault)');
    }
    return f(...args);
  });
}
