// The spreadsheet and UI parts of the emulator store: plain-data shapes and narrow, atomic interfaces.
// Every method is synchronous and takes/returns structured-clonable data only, so a worker-thread
// proxy can implement the same interfaces. Dates never cross this boundary: cells hold spreadsheet
// serial numbers; incoming dates are `{ kind: 'date', ms }` inputs the store converts in its time zone.

/** 1-based rectangle on one sheet. */
export interface GridRect {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

/** A stored cell value: dates are serial numbers whose number format is a date format. */
export type StoredValue = number | string | boolean;

/** Data validation rule as stored. Date arguments are epoch milliseconds. */
export interface ValidationData {
  criteria: string;
  args: Array<string | number | boolean | null | string[] | RangeRef>;
  allowInvalid: boolean;
  helpText: string;
}

/** A reference to a range of a sheet (validation sources, chart ranges, named ranges). */
export interface RangeRef {
  sheetId: number;
  rect: GridRect;
}

/** Formatting and annotation attributes of a cell (absent = default). */
export interface CellAttrs {
  numberFormat?: string;
  note?: string;
  background?: string;
  fontWeight?: string;
  fontColor?: string;
  fontStyle?: string;
  fontSize?: number;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrap?: boolean;
  validation?: ValidationData;
}

/**
 * One stored cell. A formula cell stores no value: readCells computes it through the formula hook
 * (see FormulaHook); without a hook it reads as blank. `formulaError` is never stored: readCells
 * fills it for a formula cell whose value is an error, with the message Sheets shows on hover.
 */
export interface CellData extends CellAttrs {
  value?: StoredValue;
  formula?: string;
  formulaError?: string;
}

export type CellField = keyof CellData;
export type AttrField = keyof CellAttrs;

/** What a script writes into one cell. `typed` strings are parsed as Sheets parses typed input. */
export type CellInput =
  | { kind: 'blank' }
  | { kind: 'raw'; value: number | boolean | string }
  | { kind: 'typed'; text: string }
  | { kind: 'date'; ms: number }
  | { kind: 'formula'; formula: string };

/** One atomic write into a rectangle; every grid must have the rectangle's dimensions. */
export interface CellPatch {
  /** Contents (values/formulas). */
  input?: CellInput[][];
  /** Per-cell attributes; `null` removes the attribute. */
  attrs?: { [K in AttrField]?: Array<Array<CellAttrs[K] | null>> };
  /** Same attribute for every cell; `null` removes it. */
  fill?: { [K in AttrField]?: CellAttrs[K] | null };
  /**
   * Clear before writing: contents (value+formula), formats (all attrs but note/validation, and the rectangle
   * from the sheet's conditional format rules), notes, validations.
   */
  clear?: Array<'contents' | 'formats' | 'notes' | 'validations'>;
  /** Merge the rectangle (true) or break merges inside it (false). */
  merge?: boolean;
}

/** Who writes and when: needed for protection checks and for parsing dates like `1.5`. */
export interface WriteOptions {
  user: string;
  now: number;
}

export type WriteResult =
  | { ok: true; rect?: GridRect }
  | {
      ok: false;
      reason:
        | 'protected'
        | 'no-sheet'
        | 'no-spreadsheet'
        | 'out-of-bounds'
        | 'duplicate-name'
        | 'last-sheet'
        | 'all-rows'
        | 'all-columns'
        | 'denied'
        | 'not-found';
    };

export interface SheetInfo {
  sheetId: number;
  name: string;
  index: number;
  maxRows: number;
  maxColumns: number;
  frozenRows: number;
  frozenColumns: number;
  hidden: boolean;
  tabColor: string | null;
  /** Column widths in pixels by 1-based column number (absent = 100). */
  columnWidths: Record<string, number>;
  /** Columns hidden by hideColumns, by 1-based column number. */
  hiddenColumns?: Record<string, true>;
  /** Rows hidden by hideRows, by 1-based row number. */
  hiddenRows?: Record<string, true>;
  merges: GridRect[];
  /** Conditional format rules in their order (Sheet.setConditionalFormatRules); absent = none. */
  conditionalFormats?: ConditionalRuleData[];
}

/** Text criteria of a conditional format rule (Apps Script's BooleanCriteria names). */
export type ConditionalCriteria = 'TEXT_EQUAL_TO' | 'TEXT_STARTS_WITH' | 'TEXT_CONTAINS';

/**
 * One conditional format rule as stored with its sheet: the rectangles it formats (on that sheet),
 * its boolean condition and the format it applies; an absent format field leaves the cell's own.
 */
export interface ConditionalRuleData {
  ranges: GridRect[];
  criteria: ConditionalCriteria;
  values: string[];
  format: { bold?: boolean; background?: string; fontColor?: string };
}

export interface NamedRangeData {
  name: string;
  sheetId: number;
  rect: GridRect;
}

export interface SpreadsheetInfo {
  id: string;
  name: string;
  owner: string;
  editors: string[];
  locale: string;
  timeZone: string;
  sheets: SheetInfo[];
  namedRanges: NamedRangeData[];
}

export interface ProtectionData {
  id: string;
  type: 'RANGE' | 'SHEET';
  sheetId: number;
  /** Protected rectangle (RANGE) or null (whole SHEET). */
  rect: GridRect | null;
  unprotected: GridRect[];
  description: string;
  warningOnly: boolean;
  /** null: mirrors the spreadsheet's editors, as Apps Script does until the editor list is changed. */
  editors: string[] | null;
  domainEdit: boolean;
  rangeName: string | null;
}

export type ProtectionPatch = Partial<
  Pick<ProtectionData, 'description' | 'warningOnly' | 'domainEdit' | 'unprotected' | 'rangeName' | 'rect'>
> & {
  addEditors?: string[];
  removeEditors?: string[];
};

export interface ChartData {
  chartId: string;
  sheetId: number;
  type: string;
  ranges: RangeRef[];
  position: { row: number; column: number; offsetX: number; offsetY: number };
  options: Record<string, string | number | boolean | null>;
}

export interface SpreadsheetInit {
  id: string;
  name: string;
  owner: string;
  editors?: string[];
  locale?: string;
  timeZone?: string;
  sheetNames?: string[];
}

export interface SheetInit {
  name: string;
  index?: number;
  maxRows?: number;
  maxColumns?: number;
  /** Copy all of this sheet (insertSheet's `template` option): cells, formats, sizes, merges, conditional rules. */
  template?: number;
}

export type SheetPatch = Partial<Pick<SheetInfo, 'name' | 'frozenRows' | 'frozenColumns' | 'hidden' | 'tabColor'>> & {
  /** Set widths for columns [start, start+count). */
  columnWidths?: { start: number; count: number; width: number };
  /** Hide or show columns [start, start+count). */
  hiddenColumns?: { start: number; count: number; hidden: boolean };
  /** Hide or show rows [start, start+count). */
  hiddenRows?: { start: number; count: number; hidden: boolean };
  /** Replace the sheet's conditional format rules (an empty list removes them). */
  conditionalFormats?: ConditionalRuleData[];
};

/** Read-only view of one spreadsheet's stored cells, handed to the formula hook during one read. */
export interface FormulaDocView {
  readonly id: string;
  readonly locale: string;
  readonly timeZone: string;
  readonly sheets: ReadonlyArray<{ sheetId: number; name: string; maxRows: number; maxColumns: number }>;
  readonly namedRanges: readonly NamedRangeData[];
  /** The stored cell (1-based); never modify it. */
  cell(sheetId: number, row: number, column: number): Readonly<CellData> | undefined;
  /** Last row/column with a stored value or formula (spilled array results not included). */
  extent(sheetId: number): { lastRow: number; lastColumn: number };
  /** Every formula cell of a sheet (1-based), row-major. */
  formulaCells(sheetId: number): ReadonlyArray<{ row: number; column: number }>;
}

/** What a formula (or an array result spilled over a blank cell) makes a cell read as. */
export interface ComputedCell {
  /** Absent: the formula's result is blank. */
  value?: StoredValue;
  /** Format Sheets gives the result in a cell nobody formatted (dates). */
  numberFormat?: string;
  /** Message of an error value. */
  formulaError?: string;
}

/**
 * Computes formula cells at read time. Installed by the emulator facade (it may run the script's
 * custom functions, so it lives outside the store); the store's data stays plain and clonable.
 */
export interface FormulaHook {
  /** Computed contents of `rect` (null: the cell reads as stored). Called only for sheets holding formulas. */
  compute(view: FormulaDocView, sheetId: number, rect: GridRect): Array<Array<ComputedCell | null>>;
  /** Data extent including array results spilled beyond the stored cells. */
  extent(view: FormulaDocView, sheetId: number): { lastRow: number; lastColumn: number };
}

/** Emulated spreadsheets: metadata, cell grids, protections, named ranges, charts. */
export interface SpreadsheetStore {
  /** Install (or remove) the formula evaluator used by readCells and getDataExtent. */
  setFormulaHook(hook: FormulaHook | null): void;
  createSpreadsheet(init: SpreadsheetInit): SpreadsheetInfo;
  getSpreadsheet(id: string): SpreadsheetInfo | null;
  listSpreadsheetIds(): string[];
  updateSpreadsheet(
    id: string,
    patch: { name?: string; locale?: string; timeZone?: string; addEditors?: string[] },
  ): WriteResult;
  insertSheet(
    id: string,
    init: SheetInit,
    opts: WriteOptions,
  ): { ok: true; sheet: SheetInfo } | { ok: false; reason: 'duplicate-name' | 'no-spreadsheet' };
  deleteSheet(id: string, sheetId: number, opts: WriteOptions): WriteResult;
  updateSheet(id: string, sheetId: number, patch: SheetPatch, opts: WriteOptions): WriteResult;
  moveSheet(id: string, sheetId: number, toIndex: number): WriteResult;
  getActiveSheetId(id: string, user: string): number | null;
  setActiveSheetId(id: string, user: string, sheetId: number): void;
  /**
   * Read a block of cells (only the requested fields) plus what is needed to interpret them.
   * With a formula hook, `value`/`numberFormat`/`formulaError` of formula cells (and of blank cells an
   * array result spills over) are the computed ones.
   */
  readCells(
    id: string,
    sheetId: number,
    rect: GridRect,
    fields: CellField[],
  ): { timeZone: string; locale: string; rows: CellData[][] } | null;
  writeCells(id: string, sheetId: number, rect: GridRect, patch: CellPatch, opts: WriteOptions): WriteResult;
  /** Append after the last row with content, growing the sheet if needed; returns the written rect. */
  appendRow(id: string, sheetId: number, row: CellInput[], opts: WriteOptions): WriteResult;
  /** Last row/column with content (value, formula, or a spilled array result); 0 on an empty sheet. */
  getDataExtent(id: string, sheetId: number): { lastRow: number; lastColumn: number } | null;
  insertDimension(
    id: string,
    sheetId: number,
    dimension: 'ROWS' | 'COLUMNS',
    before: number,
    count: number,
    opts: WriteOptions,
  ): WriteResult;
  deleteDimension(
    id: string,
    sheetId: number,
    dimension: 'ROWS' | 'COLUMNS',
    start: number,
    count: number,
    opts: WriteOptions,
  ): WriteResult;
  setNamedRange(id: string, named: NamedRangeData): WriteResult;
  removeNamedRange(id: string, name: string): WriteResult;
  listProtections(id: string): ProtectionData[];
  addProtection(
    id: string,
    init: { type: 'RANGE' | 'SHEET'; sheetId: number; rect: GridRect | null },
    opts: WriteOptions,
  ): ProtectionData | null;
  updateProtection(id: string, protectionId: string, patch: ProtectionPatch, opts: WriteOptions): WriteResult;
  removeProtection(id: string, protectionId: string, opts: WriteOptions): WriteResult;
  listCharts(id: string, sheetId: number): ChartData[];
  /** Insert (no chartId match) or replace a chart. */
  upsertChart(id: string, chart: ChartData): WriteResult;
  removeChart(id: string, chartId: string): WriteResult;
  snapshot(): unknown;
  restore(data: unknown): void;
}

export interface MenuItemData {
  kind: 'item' | 'separator' | 'submenu';
  caption?: string;
  functionName?: string;
  items?: MenuItemData[];
}

export interface MenuData {
  /** 'addon' for createAddonMenu(), otherwise the menu's name. */
  key: string;
  name: string;
  items: MenuItemData[];
}

/** Something shown to a user: sidebar, dialog, alert, prompt or toast. */
export interface UiEvent {
  documentId: string;
  user: string;
  kind: 'sidebar' | 'modal' | 'modeless' | 'alert' | 'prompt' | 'toast';
  title: string;
  content: string;
  width: number | null;
  height: number | null;
  buttons: string | null;
  /** The answer the script received (alert/prompt). */
  answer: UiResponse | null;
  at: number;
}

/** A scripted answer to the next alert/prompt: Ui.Button name and, for prompts, the typed text. */
export interface UiResponse {
  button: 'OK' | 'CANCEL' | 'YES' | 'NO' | 'CLOSE';
  text?: string;
}

/** Emulated editor UI state: menus per document and user, shown dialogs, scripted answers. */
export interface UiStore {
  setMenu(documentId: string, user: string, menu: MenuData): void;
  getMenus(documentId: string, user: string): MenuData[];
  record(event: UiEvent): void;
  listEvents(documentId?: string, user?: string): UiEvent[];
  queueResponse(documentId: string, user: string, response: UiResponse): void;
  takeResponse(documentId: string, user: string): UiResponse | null;
  snapshot(): unknown;
  restore(data: unknown): void;
}
