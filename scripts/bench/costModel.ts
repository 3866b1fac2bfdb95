// The cost model of docs/performance.md: an estimate of real Apps Script time from what the
// emulator counts (calls, cells, e-mails) and the add-on's own CPU time measured here.
import type { ExecutionResult } from '../../src/dev/emulator';
import { sheetNames } from '../../src/domain/messages';

/** Each figure and its source are in docs/performance.md («Cost model»). */
export const COST = {
  /** A SpreadsheetApp call that reaches the spreadsheet (read, write, size, header). */
  perSpreadsheetCallMs: 100,
  /** A SpreadsheetApp call that only makes a handle (getRange, getSheetByName, getName …). */
  perHandleCallMs: 5,
  /** A Utilities call (HMAC, digest, UUID): native, in the script's own process. */
  perUtilitiesCallMs: 0.1,
  /** Moving one cell in or out, on top of the call. */
  perCellMs: 0.015,
  /** PropertiesService reads and writes. */
  perPropertyReadMs: 30,
  perPropertyWriteMs: 62,
  /** MailApp.sendEmail of a reminder (HTML + text, a few KB). */
  perMailMs: 1500,
  /** Any other service call (Session, LockService, Utilities, ScriptApp, MailApp quota). */
  perOtherCallMs: 5,
  /** Apps Script's V8 against this machine's Node for the add-on's own code. */
  cpuFactor: 3,
};

export interface Figures {
  calls: number;
  cellsRead: number;
  reportCellsRead: number;
  cellsWritten: number;
  addonCpuMs: number;
  estimatedMs: number;
}

/** SpreadsheetApp methods that make a handle or build a menu without a round trip to the spreadsheet. */
const HANDLES = new Set([
  'SpreadsheetApp.getActiveSpreadsheet',
  'SpreadsheetApp.getActive',
  'Spreadsheet.getSheetByName',
  'Spreadsheet.getName',
  'Spreadsheet.getUrl',
  'Sheet.getRange',
  // A RangeList is handles like getRange's; its setters (RangeList.setWrap …) are the round trips.
  'Sheet.getRangeList',
  'RangeList.getRanges',
  'Sheet.getName',
  'Range.offset',
  'Range.getCell',
  'Range.getRow',
  'Range.getColumn',
  'Range.getSheet',
  'User.getEmail',
  // Building the menu: objects in the script until Menu.addToUi sends the menu (the one round trip).
  'SpreadsheetApp.getUi',
  'Ui.createAddonMenu',
  'Menu.addItem',
  'Menu.addSeparator',
  'Menu.addSubMenu',
  // A developer-metadata finder is built in the script; find() is the round trip, and the entries it
  // returns carry their key and value.
  'Spreadsheet.createDeveloperMetadataFinder',
  'DeveloperMetadataFinder.withKey',
  'DeveloperMetadataFinder.withVisibility',
  'DeveloperMetadata.getKey',
  'DeveloperMetadata.getValue',
  // A chart is built in the script (EmbeddedChartBuilder.*); Sheet.insertChart is the round trip.
  'Sheet.newChart',
  // So is a conditional format rule; Sheet.setConditionalFormatRules is the round trip.
  'SpreadsheetApp.newConditionalFormatRule',
]);

/** Classes whose every method builds an object in the script without reaching the spreadsheet. */
const BUILDER_CLASSES = [
  'EmbeddedChartBuilder.',
  'ConditionalFormatRuleBuilder.',
  // A rule Sheet.getConditionalFormatRules returned carries its ranges and condition.
  'ConditionalFormatRule.',
  'BooleanCondition.',
];

const PROPERTY_WRITES = ['setProperty', 'setProperties', 'deleteProperty', 'deleteAllProperties'];

/** What the cost model charges a service call (ms), by its "Service.Class.method" name. */
export function callCostMs(name: string): number {
  if (name.startsWith('SpreadsheetApp.')) {
    const method = name.slice('SpreadsheetApp.'.length);
    return HANDLES.has(method) || BUILDER_CLASSES.some((c) => method.startsWith(c))
      ? COST.perHandleCallMs
      : COST.perSpreadsheetCallMs;
  }
  if (name.startsWith('Utilities.')) return COST.perUtilitiesCallMs;
  if (name.startsWith('PropertiesService.Properties.'))
    return PROPERTY_WRITES.some((w) => name.endsWith('.' + w)) ? COST.perPropertyWriteMs : COST.perPropertyReadMs;
  if (name === 'MailApp.sendEmail') return COST.perMailMs;
  return COST.perOtherCallMs;
}

/**
 * The bench's figures of one execution.
 * @param cpuMs the add-on CPU to count instead of this execution's (the median of repeated runs)
 */
export function figuresOf(r: ExecutionResult, cpuMs?: number): Figures {
  const cells = Object.entries(r.cells ?? {});
  const cellsRead = cells.reduce((a, [, c]) => a + c.read, 0);
  const cellsWritten = cells.reduce((a, [, c]) => a + c.written, 0);
  const reportCellsRead = cells.filter(([name]) => name === sheetNames.reports).reduce((a, [, c]) => a + c.read, 0);
  const callsMs = Object.entries(r.calls).reduce((a, [name, n]) => a + n * callCostMs(name), 0);
  const addonCpuMs = cpuMs ?? r.timing?.scriptMs ?? r.durationMs;
  const estimatedMs = callsMs + (cellsRead + cellsWritten) * COST.perCellMs + addonCpuMs * COST.cpuFactor;
  return { calls: r.spreadsheetCalls, cellsRead, reportCellsRead, cellsWritten, addonCpuMs, estimatedMs };
}
