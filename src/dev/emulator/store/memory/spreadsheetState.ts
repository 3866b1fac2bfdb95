// In-memory state of emulated spreadsheets, protection rules and cell writes shared by the memory store.
import type {
  CellData,
  CellInput,
  CellPatch,
  ChartData,
  GridRect,
  ProtectionData,
  SheetInfo,
  SpreadsheetInfo,
  WriteResult,
} from '../spreadsheetStore';
import { getCell, setCell, contains, overlaps, type Grid } from '../cells/grid';
import { parseTypedInput, DATE_FORMAT, DATE_TIME_FORMAT } from '../cells/typedInput';
import { msToSerial } from '../cells/serialDates';
import { DEFAULT_FORMAT } from '../cells/numberFormat';
import { clearRulesIn } from '../cells/conditionalFormat';

export interface SheetState {
  info: Omit<SheetInfo, 'index'>;
  grid: Grid;
}

export interface DocState extends Omit<SpreadsheetInfo, 'sheets'> {
  sheets: SheetState[];
  protections: ProtectionData[];
  charts: ChartData[];
  active: Record<string, number>;
  nextSheetId: number;
  nextId: number;
}

/** Whether `user` may edit what `p` protects. */
export function canEditProtection(doc: DocState, p: ProtectionData, user: string): boolean {
  if (user !== '' && user === doc.owner) return true;
  const editors = p.editors ?? [doc.owner, ...doc.editors];
  return user !== '' && editors.includes(user);
}

/** True when some enforced protection forbids `user` to edit a cell of `rect`. */
export function isBlocked(doc: DocState, sheetId: number, rect: GridRect, user: string): boolean {
  for (const p of doc.protections) {
    if (p.sheetId !== sheetId || p.warningOnly || canEditProtection(doc, p, user)) continue;
    if (p.type === 'RANGE' && p.rect && overlaps(p.rect, rect)) return true;
    if (p.type === 'SHEET') {
      if (
        p.unprotected.some(
          (u) =>
            contains(u, rect.row, rect.column) &&
            contains(u, rect.row + rect.numRows - 1, rect.column + rect.numColumns - 1),
        )
      )
        continue;
      for (let r = rect.row; r < rect.row + rect.numRows; r++) {
        for (let c = rect.column; c < rect.column + rect.numColumns; c++) {
          if (!p.unprotected.some((u) => contains(u, r, c))) return true;
        }
      }
    }
  }
  return false;
}

/** True when an enforced sheet protection forbids `user` structural changes of the sheet. */
export function isSheetBlocked(doc: DocState, sheetId: number, user: string): boolean {
  return doc.protections.some(
    (p) => p.sheetId === sheetId && p.type === 'SHEET' && !p.warningOnly && !canEditProtection(doc, p, user),
  );
}

const FORMAT_FIELDS = [
  'numberFormat',
  'background',
  'fontWeight',
  'fontColor',
  'fontStyle',
  'fontSize',
  'horizontalAlignment',
  'verticalAlignment',
  'wrap',
] as const;

function applyInput(doc: DocState, cell: CellData, input: CellInput, now: number): void {
  delete cell.value;
  delete cell.formula;
  const unformatted = cell.numberFormat === undefined || cell.numberFormat === DEFAULT_FORMAT;
  switch (input.kind) {
    case 'blank':
      return;
    case 'formula':
      // Google does not say what setFormula does to a cell formatted as plain text; the strictest
      // reading is what typing does there: the text is kept, nothing is calculated.
      if (cell.numberFormat === '@') cell.value = input.formula;
      else cell.formula = input.formula;
      return;
    case 'raw': {
      const v = input.value;
      cell.value = typeof v === 'number' && !Number.isFinite(v) ? '#NUM!' : v;
      return;
    }
    case 'date': {
      const serial = msToSerial(input.ms, doc.timeZone);
      cell.value = serial;
      if (unformatted) cell.numberFormat = Number.isInteger(serial) ? DATE_FORMAT : DATE_TIME_FORMAT;
      return;
    }
    case 'typed': {
      // Plain text keeps what is typed — but a leading apostrophe is Sheets' quote prefix in any
      // format: it marks the rest as text and is not part of the value (Sheets API, ExtendedValue.
      // stringValue: "Leading single quotes are not included"). The add-on relies on the prefix,
      // not on the format, so that text stays text after a person changes a column's format.
      if (cell.numberFormat === '@') {
        const text = input.text.startsWith("'") ? input.text.slice(1) : input.text;
        if (text !== '') cell.value = text;
        return;
      }
      const parsed = parseTypedInput(input.text, doc.locale, now, doc.timeZone);
      if (parsed.value !== undefined) cell.value = parsed.value;
      if (parsed.formula !== undefined) cell.formula = parsed.formula;
      if (parsed.numberFormat && unformatted) cell.numberFormat = parsed.numberFormat;
    }
  }
}

/** Apply a patch to a rectangle (bounds and protections already checked). */
export function applyPatch(doc: DocState, sheet: SheetState, rect: GridRect, patch: CellPatch, now: number): void {
  const attrs = Object.entries(patch.attrs ?? {}) as Array<[keyof CellData, unknown[][]]>;
  const fill = Object.entries(patch.fill ?? {}) as Array<[keyof CellData, unknown]>;
  for (let i = 0; i < rect.numRows; i++) {
    for (let j = 0; j < rect.numColumns; j++) {
      const r = rect.row - 1 + i;
      const c = rect.column - 1 + j;
      const cell: CellData = { ...(getCell(sheet.grid, r, c) ?? {}) };
      const rec = cell as Record<string, unknown>;
      for (const what of patch.clear ?? []) {
        if (what === 'contents') {
          delete cell.value;
          delete cell.formula;
        } else if (what === 'formats') for (const f of FORMAT_FIELDS) delete cell[f];
        else if (what === 'notes') delete cell.note;
        else delete cell.validation;
      }
      const input = patch.input?.[i]?.[j];
      if (input) applyInput(doc, cell, input, now);
      for (const [field, grid] of attrs) {
        const v = grid[i]?.[j];
        if (v === null || v === undefined || v === '') delete rec[field];
        else rec[field] = v;
      }
      for (const [field, v] of fill) {
        if (v === null || v === undefined || v === '') delete rec[field];
        else rec[field] = v;
      }
      setCell(sheet.grid, r, c, cell);
    }
  }
  if (patch.merge !== undefined) {
    sheet.info.merges = sheet.info.merges.filter((m) => !overlaps(m, rect));
    if (patch.merge) sheet.info.merges.push({ ...rect });
  }
  if (patch.clear?.includes('formats') && sheet.info.conditionalFormats)
    sheet.info.conditionalFormats = clearRulesIn(sheet.info.conditionalFormats, rect);
}

/** Check bounds and protections, then apply. */
export function writeChecked(
  doc: DocState,
  sheet: SheetState,
  rect: GridRect,
  patch: CellPatch,
  user: string,
  now: number,
): WriteResult {
  const { maxRows, maxColumns } = sheet.info;
  if (
    rect.row < 1 ||
    rect.column < 1 ||
    rect.row + rect.numRows - 1 > maxRows ||
    rect.column + rect.numColumns - 1 > maxColumns
  ) {
    return { ok: false, reason: 'out-of-bounds' };
  }
  if (isBlocked(doc, sheet.info.sheetId, rect, user)) return { ok: false, reason: 'protected' };
  applyPatch(doc, sheet, rect, patch, now);
  return { ok: true, rect };
}
