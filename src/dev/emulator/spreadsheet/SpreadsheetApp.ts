// The emulated SpreadsheetApp global: entry points limited to the current document (spreadsheets.currentonly).
import type { ExecutionContext } from '../context';
import { emulated } from './emulated';
import { grants } from '../manifest';
import { MSG, SCOPE_ALL, SCOPE_CURRENT, SCOPE_CURRENTONLY, fail } from './errors';
import {
  BooleanCriteria,
  DataValidationCriteria,
  DeveloperMetadataVisibility,
  Dimension,
  ProtectionType,
  SheetType,
  WrapStrategy,
} from './enums';
import { createSpreadsheet } from './Spreadsheet';
import { createUi } from './Ui';
import { createValidationBuilder } from './DataValidation';
import { createConditionalRuleBuilder } from './ConditionalFormat';

type App = GoogleAppsScript.Spreadsheet.SpreadsheetApp;

/**
 * Build SpreadsheetApp for one execution. In AuthMode NONE only getUi() (menus) works; in
 * CUSTOM_FUNCTION getUi() and all writes throw, as in Apps Script. The active spreadsheet needs
 * `spreadsheets.currentonly` or `spreadsheets` in the manifest; openById/openByUrl need the full
 * `spreadsheets` scope (the add-on build has it, the bound build has not; without it they throw
 * Apps Script's permission error); create is not emulated. With no document (an add-on's
 * time-driven trigger, profiles.ts) the active spreadsheet is null and getUi() throws.
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
    return ctx.documentId === ''
      ? (null as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet)
      : createSpreadsheet(ctx, ctx.documentId);
  };
  const outOfScope = (method: string): never =>
    grants(ctx.manifest, SCOPE_ALL)
      ? ctx.notEmulated(`SpreadsheetApp.${method}`)
      : fail(ctx, MSG.scopePermission(`SpreadsheetApp.${method}`, SCOPE_ALL));
  const openId = (method: string, id: string) => {
    if (ctx.authMode !== 'FULL' || !grants(ctx.manifest, SCOPE_ALL)) {
      fail(ctx, MSG.scopePermission(`SpreadsheetApp.${method}`, SCOPE_ALL));
    }
    const info = ctx.store.spreadsheets.getSpreadsheet(id);
    const user = ctx.trigger ? ctx.effectiveUserEmail : ctx.activeUserEmail;
    if (!info || (info.owner !== user && !info.editors.includes(user))) fail(ctx, MSG.noAccess);
    return createSpreadsheet(ctx, id);
  };
  const impl = {
    ProtectionType,
    DataValidationCriteria,
    Dimension,
    WrapStrategy,
    SheetType,
    DeveloperMetadataVisibility,
    BooleanCriteria,
    getActive: () => active('getActive'),
    getActiveSpreadsheet: () => active('getActiveSpreadsheet'),
    getActiveSheet: () => active('getActiveSheet')?.getActiveSheet() ?? null,
    setActiveSheet: (sheet: GoogleAppsScript.Spreadsheet.Sheet) => active('setActiveSheet').setActiveSheet(sheet),
    getUi: () => {
      if (ctx.authMode === 'CUSTOM_FUNCTION' || ctx.documentId === '') fail(ctx, MSG.uiContext);
      return createUi(ctx);
    },
    flush: () => {
      needsDocument('flush');
    },
    newDataValidation: () => {
      needsDocument('newDataValidation');
      return createValidationBuilder(ctx, ctx.documentId);
    },
    newConditionalFormatRule: () => {
      needsDocument('newConditionalFormatRule');
      return createConditionalRuleBuilder(ctx);
    },
    openById: (id: unknown) => openId('openById', String(id)),
    openByUrl: (url: unknown) => openId('openByUrl', /\/d\/([A-Za-z0-9_-]+)/.exec(String(url))?.[1] ?? ''),
    open: () => outOfScope('open'),
    create: () => outOfScope('create'),
  };
  return emulated<App>(ctx, 'SpreadsheetApp', impl);
}
