// The emulated NamedRange: a name bound to a rectangle of a sheet.
import type { ExecutionContext } from '../context';
import { spreadsheetInfo } from './access';
import { emulated } from './emulated';
import { MSG, checkWrite, fail, guardWrite, typeName } from './errors';
import { createRange } from './Range';
import type { RangeLoc } from './access';

type NamedRange = GoogleAppsScript.Spreadsheet.NamedRange;

/** Script-facing NamedRange for `name` in spreadsheet `docId`. */
export function createNamedRange(ctx: ExecutionContext, docId: string, name: string): NamedRange {
  let current = name;
  const data = () =>
    spreadsheetInfo(ctx, docId).namedRanges.find((n) => n.name === current) ?? fail(ctx, MSG.rangeNotFound);
  const impl = {
    getName: () => current,
    getRange: () => {
      const n = data();
      return createRange(ctx, { docId, sheetId: n.sheetId, rect: n.rect });
    },
    setName(newName: string) {
      guardWrite(ctx, 'NamedRange.setName');
      const n = data();
      ctx.store.spreadsheets.removeNamedRange(docId, current);
      checkWrite(ctx, ctx.store.spreadsheets.setNamedRange(docId, { ...n, name: newName }));
      current = newName;
      return this;
    },
    setRange(range: unknown) {
      guardWrite(ctx, 'NamedRange.setRange');
      const loc =
        (range as { _loc?: RangeLoc } | null)?._loc ??
        fail(ctx, MSG.signature(typeName(range), 'SpreadsheetApp.NamedRange.setRange'));
      checkWrite(
        ctx,
        ctx.store.spreadsheets.setNamedRange(docId, { name: current, sheetId: loc.sheetId, rect: loc.rect }),
      );
      return this;
    },
    remove() {
      guardWrite(ctx, 'NamedRange.remove');
      ctx.store.spreadsheets.removeNamedRange(docId, current);
    },
  };
  return emulated<NamedRange>(ctx, 'NamedRange', impl);
}
