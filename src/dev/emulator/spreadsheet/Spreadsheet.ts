// The emulated Spreadsheet: sheets, active sheet, named ranges, protections, owner/editors, locale, toasts.
import type { ExecutionContext } from '../context';
import type { SpreadsheetInfo } from '../store/spreadsheetStore';
import { checkRect, spreadsheetInfo, type RangeLoc } from './access';
import { parseA1, splitSheetName } from './a1';
import { emulated } from './emulated';
import { MSG, checkWrite, fail, guardWrite, typeName } from './errors';
import { enumName } from './enums';
import { createSheet } from './Sheet';
import { createRange } from './Range';
import { createNamedRange } from './NamedRange';
import { createProtection } from './Protection';
import { createUser, emailOf } from './User';
import { addDeveloperMetadata, developerMetadataFinder, listDeveloperMetadata } from './DeveloperMetadata';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const sheetIdOf = (v: unknown): number | null => {
  const s = v as { _sheetId?: number } | null;
  return s && typeof s._sheetId === 'number' ? s._sheetId : null;
};

class SpreadsheetImpl {
  constructor(
    readonly _ctx: ExecutionContext,
    readonly _id: string,
  ) {}

  _info(): SpreadsheetInfo {
    return spreadsheetInfo(this._ctx, this._id);
  }
  _opts() {
    return { user: this._ctx.activeUserEmail, now: this._ctx.now() };
  }
  _sheet(sheetId: number): Sheet {
    return createSheet(this._ctx, this._id, sheetId);
  }
  _requireSheet(v: unknown, method: string): number {
    return sheetIdOf(v) ?? fail(this._ctx, MSG.signature(typeName(v), `SpreadsheetApp.${method}`));
  }

  getId(): string {
    return this._id;
  }
  getName(): string {
    return this._info().name;
  }
  rename(name: string): void {
    guardWrite(this._ctx, 'Spreadsheet.rename');
    checkWrite(this._ctx, this._ctx.store.spreadsheets.updateSpreadsheet(this._id, { name: String(name) }));
  }
  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this._id}/edit`;
  }
  /** As Apps Script: null for a file on a shared drive (emulated by an empty owner). */
  getOwner(): GoogleAppsScript.Base.User {
    const o = this._info().owner;
    return (o === '' ? null : createUser(this._ctx, o)) as GoogleAppsScript.Base.User;
  }
  getEditors(): GoogleAppsScript.Base.User[] {
    const i = this._info();
    return [i.owner, ...i.editors].filter((e) => e !== '').map((e) => createUser(this._ctx, e));
  }
  addEditor(user: unknown): this {
    return this.addEditors([user]);
  }
  addEditors(users: unknown): this {
    guardWrite(this._ctx, 'Spreadsheet.addEditors');
    const list = Array.isArray(users) ? users : [users];
    const emails = list.map(
      (u) => emailOf(u) ?? fail(this._ctx, MSG.signature(typeName(users), 'SpreadsheetApp.Spreadsheet.addEditors')),
    );
    checkWrite(this._ctx, this._ctx.store.spreadsheets.updateSpreadsheet(this._id, { addEditors: emails }));
    return this;
  }
  getSpreadsheetLocale(): string {
    return this._info().locale;
  }
  setSpreadsheetLocale(locale: string): void {
    guardWrite(this._ctx, 'Spreadsheet.setSpreadsheetLocale');
    this._ctx.store.spreadsheets.updateSpreadsheet(this._id, { locale });
  }
  getSpreadsheetTimeZone(): string {
    return this._info().timeZone;
  }
  setSpreadsheetTimeZone(timeZone: string): void {
    guardWrite(this._ctx, 'Spreadsheet.setSpreadsheetTimeZone');
    this._ctx.store.spreadsheets.updateSpreadsheet(this._id, { timeZone });
  }

  getSheets(): Sheet[] {
    return this._info().sheets.map((s) => this._sheet(s.sheetId));
  }
  getNumSheets(): number {
    return this._info().sheets.length;
  }
  getSheetByName(name: string): Sheet | null {
    const s = this._info().sheets.find((x) => x.name === name);
    return s ? this._sheet(s.sheetId) : null;
  }
  getSheetById(id: number): Sheet | null {
    const s = this._info().sheets.find((x) => x.sheetId === id);
    return s ? this._sheet(s.sheetId) : null;
  }

  insertSheet(...args: unknown[]): Sheet {
    guardWrite(this._ctx, 'Spreadsheet.insertSheet');
    const info = this._info();
    let name = typeof args[0] === 'string' ? args[0] : undefined;
    const index = typeof args[0] === 'number' ? args[0] : typeof args[1] === 'number' ? args[1] : undefined;
    if (name === undefined) {
      const base = info.locale.startsWith('ru') ? 'Лист' : 'Sheet';
      for (let n = info.sheets.length + 1; name === undefined; n++)
        if (!info.sheets.some((s) => s.name === `${base}${n}`)) name = `${base}${n}`;
    }
    // insertSheet(sheetName, options) / (sheetName, sheetIndex, options): options.template is a sheet
    // of this spreadsheet whose data is copied to the new sheet (Spreadsheet.insertSheet reference).
    const options = args.find((a, i) => i > 0 && typeof a === 'object' && a !== null) as
      | { template?: unknown }
      | undefined;
    let template: number | undefined;
    if (options?.template !== undefined) {
      template = this._requireSheet(options.template, 'Spreadsheet.insertSheet');
      if (!info.sheets.some((s) => s.sheetId === template)) return fail(this._ctx, MSG.sheetMissing);
    }
    const result = this._ctx.store.spreadsheets.insertSheet(
      this._id,
      { name, index, ...(template === undefined ? {} : { template }) },
      this._opts(),
    );
    if (!result.ok)
      return fail(this._ctx, result.reason === 'duplicate-name' ? MSG.duplicateSheet(name) : MSG.sheetMissing);
    this._ctx.store.spreadsheets.setActiveSheetId(this._id, this._ctx.activeUserEmail, result.sheet.sheetId);
    return this._sheet(result.sheet.sheetId);
  }

  deleteSheet(sheet: unknown): void {
    guardWrite(this._ctx, 'Spreadsheet.deleteSheet');
    const id = this._requireSheet(sheet, 'Spreadsheet.deleteSheet');
    checkWrite(this._ctx, this._ctx.store.spreadsheets.deleteSheet(this._id, id, this._opts()));
  }

  getActiveSheet(): Sheet {
    const info = this._info();
    const active = this._ctx.store.spreadsheets.getActiveSheetId(this._id, this._ctx.activeUserEmail);
    const s = info.sheets.find((x) => x.sheetId === active) ?? info.sheets.find((x) => !x.hidden) ?? info.sheets[0];
    return this._sheet(s ? s.sheetId : fail(this._ctx, MSG.sheetMissing));
  }
  setActiveSheet(sheet: unknown): Sheet {
    const id = this._requireSheet(sheet, 'Spreadsheet.setActiveSheet');
    this._ctx.store.spreadsheets.setActiveSheetId(this._id, this._ctx.activeUserEmail, id);
    return this._sheet(id);
  }
  moveActiveSheet(position: number): void {
    guardWrite(this._ctx, 'Spreadsheet.moveActiveSheet');
    const active = sheetIdOf(this.getActiveSheet()) ?? 0;
    checkWrite(this._ctx, this._ctx.store.spreadsheets.moveSheet(this._id, active, position - 1));
  }

  getRange(a1: string): GoogleAppsScript.Spreadsheet.Range {
    const info = this._info();
    const { sheetName, ref } = splitSheetName(String(a1));
    const sheetId =
      sheetName === null ? sheetIdOf(this.getActiveSheet()) : info.sheets.find((s) => s.name === sheetName)?.sheetId;
    const sheet = info.sheets.find((s) => s.sheetId === sheetId);
    const rect = sheet ? parseA1(ref, sheet.maxRows, sheet.maxColumns) : null;
    if (!sheet || !rect) return fail(this._ctx, MSG.rangeNotFound);
    return createRange(this._ctx, { docId: this._id, sheetId: sheet.sheetId, rect: checkRect(this._ctx, sheet, rect) });
  }

  getRangeByName(name: string): GoogleAppsScript.Spreadsheet.Range | null {
    const n = this._info().namedRanges.find((x) => x.name === name);
    return n ? createRange(this._ctx, { docId: this._id, sheetId: n.sheetId, rect: n.rect }) : null;
  }
  setNamedRange(name: string, range: unknown): void {
    guardWrite(this._ctx, 'Spreadsheet.setNamedRange');
    const loc =
      (range as { _loc?: RangeLoc } | null)?._loc ??
      fail(this._ctx, MSG.signature(typeName(range), 'SpreadsheetApp.Spreadsheet.setNamedRange'));
    if (!/^[A-Za-z_\u0400-\u04FF][\w.\u0400-\u04FF]*$/.test(String(name)) || parseA1(String(name), 1e7, 18278))
      fail(this._ctx, MSG.invalidArgument('name'));
    checkWrite(
      this._ctx,
      this._ctx.store.spreadsheets.setNamedRange(this._id, { name, sheetId: loc.sheetId, rect: loc.rect }),
    );
  }
  getNamedRanges(): GoogleAppsScript.Spreadsheet.NamedRange[] {
    return this._info().namedRanges.map((n) => createNamedRange(this._ctx, this._id, n.name));
  }
  removeNamedRange(name: string): void {
    guardWrite(this._ctx, 'Spreadsheet.removeNamedRange');
    const r = this._ctx.store.spreadsheets.removeNamedRange(this._id, name);
    if (!r.ok) fail(this._ctx, MSG.rangeNotFound);
  }

  getProtections(type: unknown): GoogleAppsScript.Spreadsheet.Protection[] {
    const name = enumName(type);
    return this._ctx.store.spreadsheets
      .listProtections(this._id)
      .filter((p) => p.type === name)
      .map((p) => createProtection(this._ctx, this._id, p.id));
  }

  addDeveloperMetadata(...args: unknown[]): this {
    addDeveloperMetadata(this._ctx, this._id, args);
    return this;
  }
  getDeveloperMetadata(): GoogleAppsScript.Spreadsheet.DeveloperMetadata[] {
    return listDeveloperMetadata(this._ctx, this._id);
  }
  createDeveloperMetadataFinder(): GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder {
    return developerMetadataFinder(this._ctx, this._id);
  }

  toast(msg: unknown, title?: unknown, timeoutSeconds?: unknown): void {
    this._ctx.store.ui.record({
      documentId: this._id,
      user: this._ctx.activeUserEmail,
      kind: 'toast',
      title: title === undefined ? '' : String(title),
      content: String(msg),
      width: null,
      height: null,
      buttons: timeoutSeconds === undefined ? null : String(timeoutSeconds),
      answer: null,
      at: this._ctx.now(),
    });
  }
}

/** Build the script-facing Spreadsheet for `docId` (which must exist in the store). */
export function createSpreadsheet(ctx: ExecutionContext, docId: string): Spreadsheet {
  return emulated<Spreadsheet>(ctx, 'Spreadsheet', new SpreadsheetImpl(ctx, docId));
}
