// Protections: enforced for non-editors, open to editors/owner, never blocking when warning-only.
import { makeStore, makeTestContext, EDITOR, OWNER } from './testContext';

const STRANGER = 'someone@example.org';
const MESSAGE =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

function setup() {
  const store = makeStore();
  const owner = makeTestContext({ store, user: OWNER }).app.getActive();
  const sheet = owner.getSheets()[0]!;
  const protection = sheet.getRange('A1:B2').protect().setDescription('Настройки');
  protection.removeEditors(protection.getEditors());
  protection.addEditor(EDITOR);
  const as = (user: string) => makeTestContext({ store, user }).app.getActive().getSheets()[0]!;
  return { store, protection, as };
}

describe('protections', () => {
  it('blocks a non-editor and changes nothing', () => {
    const { as } = setup();
    const sheet = as(STRANGER);
    expect(() =>
      sheet.getRange('B2:C3').setValues([
        [1, 2],
        [3, 4],
      ]),
    ).toThrow(MESSAGE);
    expect(sheet.getRange('B2:C3').getValues()).toEqual([
      ['', ''],
      ['', ''],
    ]);
    expect(() => sheet.getRange('A1').setBackground('red')).toThrow(MESSAGE);
    expect(() => sheet.getRange('A1').clearContent()).toThrow(MESSAGE);
    expect(() => sheet.deleteRow(1)).toThrow(MESSAGE);
    sheet.getRange('C3').setValue('ok');
    expect(sheet.getRange('C3').getValue()).toBe('ok');
  });

  it('allows the protection editors and the owner', () => {
    const { as } = setup();
    as(EDITOR).getRange('A1').setValue('editor');
    as(OWNER).getRange('A2').setValue('owner');
    expect(as(STRANGER).getRange('A1:A2').getValues()).toEqual([['editor'], ['owner']]);
  });

  it('never blocks when warning-only', () => {
    const { protection, as } = setup();
    protection.setWarningOnly(true);
    as(STRANGER).getRange('A1').setValue(5);
    expect(as(OWNER).getRange('A1').getValue()).toBe(5);
  });

  it('a fresh protection mirrors the spreadsheet editors until its editor list changes', () => {
    const store = makeStore();
    const sheet = makeTestContext({ store, user: OWNER }).app.getActive().getSheets()[0]!;
    const p = sheet.protect();
    expect(
      p
        .getEditors()
        .map((u) => u.getEmail())
        .sort(),
    ).toEqual([OWNER, EDITOR].sort());
    makeTestContext({ store, user: EDITOR }).app.getActive().getSheets()[0]!.getRange('D4').setValue(1);
    expect(() =>
      makeTestContext({ store, user: STRANGER }).app.getActive().getSheets()[0]!.getRange('D4').setValue(1),
    ).toThrow(MESSAGE);
  });

  it('sheet protection honours unprotected ranges', () => {
    const store = makeStore();
    const sheet = makeTestContext({ store, user: OWNER }).app.getActive().getSheets()[0]!;
    const p = sheet.protect().setUnprotectedRanges([sheet.getRange('B2:C3')]);
    p.removeEditors([EDITOR]);
    const other = makeTestContext({ store, user: EDITOR }).app.getActive().getSheets()[0]!;
    other.getRange('B2:C3').setValue('x');
    expect(() => other.getRange('B2:C4').setValue('x')).toThrow(MESSAGE);
    expect(() => other.setName('Новое')).toThrow(MESSAGE);
  });

  it('only owner/editors of a protection may change or remove it', () => {
    const { as, store } = setup();
    const theirs = makeTestContext({ store, user: STRANGER })
      .app.getActive()
      .getProtections(makeTestContext({ store }).app.ProtectionType.RANGE)[0]!;
    expect(theirs.canEdit()).toBe(false);
    expect(() => theirs.setDescription('x')).toThrow(MESSAGE);
    expect(() => theirs.remove()).toThrow(MESSAGE);
    const mine = makeTestContext({ store, user: EDITOR })
      .app.getActive()
      .getProtections(makeTestContext({ store }).app.ProtectionType.RANGE)[0]!;
    expect(mine.canEdit()).toBe(true);
    expect(mine.getDescription()).toBe('Настройки');
    expect(
      mine
        .getEditors()
        .map((u) => u.getEmail())
        .sort(),
    ).toEqual([OWNER, EDITOR].sort());
    mine.remove();
    as(STRANGER).getRange('A1').setValue(1);
  });
});
