// PLACEHOLDER — owned by the spreadsheet emulator work; replace wholesale.
export interface SpreadsheetStore {}
export interface UiStore {}
