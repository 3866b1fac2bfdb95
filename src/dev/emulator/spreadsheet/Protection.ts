// The emulated Protection of a range or sheet: description, warning-only, editors, unprotected ranges.
import type { ExecutionContext } from '../context';
import type { ProtectionData, ProtectionPatch } from '../store/spreadsheetStore';
import { sheetInfo } from './access';
import { emulated } from './emulated';
import { MSG, checkWrite, fail, guardWrite, typeName } from './errors';
import { ProtectionType } from './enums';
import { createRange } from './Range';
import { createUser, emailOf } from './User';

type Protection = GoogleAppsScript.Spreadsheet.Protection;

class ProtectionImpl {
  constructor(
    readonly _ctx: ExecutionContext,
    readonly _docId: string,
    readonly _id: string,
  ) {}

  _data(): ProtectionData {
    const p = this._ctx.store.spreadsheets.listProtections(this._docId).find((x) => x.id === this._id);
    return p ?? fail(this._ctx, 'The protection you are trying to access no longer exists.');
  }

  _update(method: string, patch: ProtectionPatch): this {
    guardWrite(this._ctx, method);
    const opts = { user: this._ctx.activeUserEmail, now: this._ctx.now() };
    checkWrite(this._ctx, this._ctx.store.spreadsheets.updateProtection(this._docId, this._id, patch, opts));
    return this;
  }

  _emails(method: string, v: unknown, many: boolean): string[] {
    const list = many ? (Array.isArray(v) ? v : [undefined]) : [v];
    return list.map((x) => emailOf(x) ?? fail(this._ctx, MSG.signature(typeName(v), `SpreadsheetApp.${method}`)));
  }

  getDescription(): string {
    return this._data().description;
  }
  setDescription(description: string): this {
    return this._update('Protection.setDescription', { description: String(description) });
  }
  isWarningOnly(): boolean {
    return this._data().warningOnly;
  }
  setWarningOnly(warningOnly: boolean): this {
    return this._update('Protection.setWarningOnly', { warningOnly: Boolean(warningOnly) });
  }
  canDomainEdit(): boolean {
    return this._data().domainEdit;
  }
  setDomainEdit(editable: boolean): this {
    return this._update('Protection.setDomainEdit', { domainEdit: Boolean(editable) });
  }
  getProtectionType(): unknown {
    return ProtectionType[this._data().type];
  }
  getRangeName(): string | null {
    return this._data().rangeName;
  }
  setRangeName(name: string): this {
    return this._update('Protection.setRangeName', { rangeName: name });
  }

  getEditors(): GoogleAppsScript.Base.User[] {
    const p = this._data();
    const info = this._ctx.store.spreadsheets.getSpreadsheet(this._docId);
    const emails = p.editors ?? (info ? [info.owner, ...info.editors] : []);
    return emails.map((e) => createUser(this._ctx, e));
  }
  addEditor(user: unknown): this {
    return this._update('Protection.addEditor', { addEditors: this._emails('Protection.addEditor', user, false) });
  }
  addEditors(users: unknown): this {
    return this._update('Protection.addEditors', { addEditors: this._emails('Protection.addEditors', users, true) });
  }
  removeEditor(user: unknown): this {
    return this._update('Protection.removeEditor', {
      removeEditors: this._emails('Protection.removeEditor', user, false),
    });
  }
  removeEditors(users: unknown): this {
    return this._update('Protection.removeEditors', {
      removeEditors: this._emails('Protection.removeEditors', users, true),
    });
  }

  canEdit(): boolean {
    const p = this._data();
    const info = this._ctx.store.spreadsheets.getSpreadsheet(this._docId);
    const user = this._ctx.activeUserEmail;
    if (!info || user === '') return false;
    return user === info.owner || (p.editors ?? [info.owner, ...info.editors]).includes(user);
  }

  remove(): void {
    guardWrite(this._ctx, 'Protection.remove');
    const opts = { user: this._ctx.activeUserEmail, now: this._ctx.now() };
    checkWrite(this._ctx, this._ctx.store.spreadsheets.removeProtection(this._docId, this._id, opts));
  }

  getRange(): GoogleAppsScript.Spreadsheet.Range {
    const p = this._data();
    const s = sheetInfo(this._ctx, this._docId, p.sheetId);
    const rect = p.rect ?? { row: 1, column: 1, numRows: s.maxRows, numColumns: s.maxColumns };
    return createRange(this._ctx, { docId: this._docId, sheetId: p.sheetId, rect });
  }

  setRange(range: unknown): this {
    const loc = (range as { _loc?: { rect: ProtectionData['rect'] } } | null)?._loc;
    if (!loc) fail(this._ctx, MSG.signature(typeName(range), 'SpreadsheetApp.Protection.setRange'));
    return this._update('Protection.setRange', { rect: loc.rect });
  }

  getUnprotectedRanges(): GoogleAppsScript.Spreadsheet.Range[] {
    const p = this._data();
    return p.unprotected.map((rect) => createRange(this._ctx, { docId: this._docId, sheetId: p.sheetId, rect }));
  }

  setUnprotectedRanges(ranges: unknown): this {
    if (!Array.isArray(ranges))
      fail(this._ctx, MSG.signature(typeName(ranges), 'SpreadsheetApp.Protection.setUnprotectedRanges'));
    const rects = ranges.map(
      (r) =>
        (r as { _loc?: { rect: NonNullable<ProtectionData['rect']> } })._loc?.rect ??
        fail(this._ctx, MSG.signature('Object[]', 'SpreadsheetApp.Protection.setUnprotectedRanges')),
    );
    return this._update('Protection.setUnprotectedRanges', { unprotected: rects });
  }
}

/** Script-facing Protection for an existing protection id. */
export function createProtection(ctx: ExecutionContext, docId: string, id: string): Protection {
  return emulated<Protection>(ctx, 'Protection', new ProtectionImpl(ctx, docId, id));
}

/** Create a new protection in the store (caller has guarded the write) and wrap it. */
export function createProtectionFor(
  ctx: ExecutionContext,
  docId: string,
  init: { type: 'RANGE' | 'SHEET'; sheetId: number; rect: ProtectionData['rect'] },
): Protection {
  const p = ctx.store.spreadsheets.addProtection(docId, init, { user: ctx.activeUserEmail, now: ctx.now() });
  return createProtection(ctx, docId, p?.id ?? fail(ctx, MSG.sheetMissing));
}
