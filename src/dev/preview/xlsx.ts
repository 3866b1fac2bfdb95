// «Скачать .xlsx»: the emulated spreadsheet as an Excel workbook (ExcelJS) that LibreOffice, Excel
// and Google Sheets open: values typed, dates as dates, number formats, bold headers, widths, frozen
// rows, and the embedded charts as native charts (xlsxCharts.ts). Conditional format rules are not
// exported as rules: each cell carries the look they give it now (bold, background, font colour baked
// in), so the file shows what the sheet showed when it was downloaded.
import ExcelJS from 'exceljs';
import { isDateFormat } from '../emulator/store/cells/numberFormat';
import type { CellData } from '../emulator/store/spreadsheetStore';
import type { Store } from '../emulator/store/types';
import { effectiveCells } from './grid';
import { addNativeCharts, type SheetCharts } from './xlsxCharts';

/** Spreadsheet serial (days since 30.12.1899) as the Date ExcelJS turns back into the same serial. */
const serialToExcelDate = (serial: number): Date => new Date(Date.UTC(1899, 11, 30) + Math.round(serial * 86_400_000));
/** Sheets colours are #rrggbb; Excel wants ARGB. */
const argb = (hex: string): string => 'FF' + hex.replace('#', '').toUpperCase().padEnd(6, '0').slice(0, 6);

function cellValue(c: CellData): ExcelJS.CellValue {
  const plain =
    c.value === undefined
      ? null
      : typeof c.value === 'number' && isDateFormat(c.numberFormat)
        ? serialToExcelDate(c.value)
        : c.value;
  if (c.formula) {
    const result = plain === null ? undefined : (plain as string | number | boolean | Date);
    return { formula: c.formula.replace(/^=/, ''), result } as ExcelJS.CellFormulaValue;
  }
  return plain;
}

/**
 * The spreadsheet `doc` as .xlsx bytes.
 * @throws if the spreadsheet does not exist
 */
export async function exportXlsx(store: Store, doc: string): Promise<Buffer> {
  const info = store.spreadsheets.getSpreadsheet(doc);
  if (!info) throw new Error(`no spreadsheet ${doc}`);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Отчёты: Сферум и Моя школа (локальный просмотр)';
  wb.title = info.name;
  const charts: SheetCharts[] = [];
  for (const sheet of [...info.sheets].sort((a, b) => a.index - b.index)) {
    charts.push({
      number: charts.length + 1,
      name: sheet.name,
      charts: store.spreadsheets.listCharts(doc, sheet.sheetId),
    });
    const ws = wb.addWorksheet(sheet.name, {
      state: sheet.hidden ? 'hidden' : 'visible',
      views:
        sheet.frozenRows || sheet.frozenColumns
          ? [{ state: 'frozen', ySplit: sheet.frozenRows, xSplit: sheet.frozenColumns }]
          : [],
      ...(sheet.tabColor ? { properties: { tabColor: { argb: argb(sheet.tabColor) } } } : {}),
    });
    const extent = store.spreadsheets.getDataExtent(doc, sheet.sheetId) ?? { lastRow: 0, lastColumn: 0 };
    for (const [col, px] of Object.entries(sheet.columnWidths))
      ws.getColumn(Number(col)).width = Math.round((px / 7) * 10) / 10;
    for (const col of Object.keys(sheet.hiddenColumns ?? {})) ws.getColumn(Number(col)).hidden = true;
    for (const row of Object.keys(sheet.hiddenRows ?? {})) ws.getRow(Number(row)).hidden = true;
    if (extent.lastRow === 0) continue;
    const rect = { row: 1, column: 1, numRows: extent.lastRow, numColumns: extent.lastColumn };
    effectiveCells(store, doc, sheet, rect)?.rows.forEach((row, r) => {
      row.forEach((c, k) => {
        if (c.value === undefined && !c.formula && !c.fontWeight && !c.background && !c.note) return;
        const cell = ws.getCell(r + 1, k + 1);
        cell.value = cellValue(c);
        if (c.numberFormat && c.numberFormat !== 'General') cell.numFmt = c.numberFormat;
        if (c.fontWeight === 'bold' || c.fontStyle === 'italic' || c.fontColor) {
          cell.font = {
            bold: c.fontWeight === 'bold',
            italic: c.fontStyle === 'italic',
            ...(c.fontColor ? { color: { argb: argb(c.fontColor) } } : {}),
          };
        }
        if (c.background && c.background !== '#ffffff')
          cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(c.background) } };
        if (c.wrap || c.horizontalAlignment) {
          const h = c.horizontalAlignment?.toLowerCase();
          cell.alignment = {
            wrapText: c.wrap === true,
            ...(h === 'left' || h === 'center' || h === 'right' ? { horizontal: h } : {}),
          };
        }
        if (c.note) cell.note = c.note;
      });
    });
    for (const m of sheet.merges) ws.mergeCells(m.row, m.column, m.row + m.numRows - 1, m.column + m.numColumns - 1);
  }
  return addNativeCharts(Buffer.from(await wb.xlsx.writeBuffer()), store, doc, charts);
}
