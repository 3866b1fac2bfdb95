// The emulated SpreadsheetApp global: entry points limited to the current document (spreadsheets.currentonly).
import type { ExecutionContext } from '../context';
import { emulated } from './emulated';
import { grants } from '../manifest';
import { MSG, SCOPE_ALL, SCOPE_CURRENT, SCOPE_CURRENTONLY, fail } from './errors';
import { DataValidationCriteria, Dimension, ProtectionType, SheetType, WrapStrategy } from './enums';
import { createSpreadsheet } from './Spreadsheet';
import { createUi } from './Ui';
import { createValidationBuilder } from './DataValidation';

type App = GoogleAppsScript.Spreadsheet.SpreadsheetApp;

/**
 * Build SpreadsheetApp for one execution. In AuthMode NONE only getUi() (menus) works; in
 * CUSTOM_FUNCTION getUi() and all writes throw, as in Apps Script. The active spreadsheet needs
 * `spreadsheets.currentonly` or `spreadsheets` in the manifest; openById/openByUrl/create need the
 * full `spreadsheets` scope (without it they throw Apps Script's permission error).
 * @param ctx the execution's context
 */
export function createSpreadsheetApp(ctx: ExecutionContext): App {
  const needsDocument = (method: string): void => {
    if (ctx.authMode === 'NONE' || !grants(ctx.manifest, SCOPE_CURRENTONLY, SCOPE_ALL)) {
      fail(ctx, MSG.scopePermission(`SpreadsheetApp.${method}`, SCOPE_CURRENT));
    }
  };
  const active = (method: string) => {
    needsDocument(method);
    return createSpreadsheet(ctx, ctx.documentId);
  };
  const outOfScope = (method: string): never =>
    grants(ctx.manifest, SCOPE_ALL)
      ? ctx.notEmulated(`SpreadsheetApp.${method}`)
      : fail(ctx, MSG.scopePermission(`SpreadsheetApp.${method}`, SCOPE_ALL));
  const impl = {
    ProtectionType,
    DataValidationCriteria,
    Dimension,
    WrapStrategy,
    SheetType,
    getActive: () => active('getActive'),
    getActiveSpreadsheet: () => active('getActiveSpreadsheet'),
    getActiveSheet: () => active('getActiveSheet').getActiveSheet(),
    setActiveSheet: (sheet: GoogleAppsScript.Spreadsheet.Sheet) => active('setActiveSheet').setActiveSheet(sheet),
    getUi: () => {
      if (ctx.authMode === 'CUSTOM_FUNCTION') fail(ctx, MSG.uiContext);
      return createUi(ctx);
    },
    flush: () => {
      needsDocument('flush');
    },
    newDataValidation: () => {
      needsDocument('newDataValidation');
      return createValidationBuilder(ctx, ctx.documentId);
    },
    openById: () => outOfScope('openById'),
    openByUrl: () => outOfScope('openByUrl'),
    open: () => outOfScope('open'),
    create: () => outOfScope('create'),
  };
  return emulated<App>(ctx, 'SpreadsheetApp', impl);
}
