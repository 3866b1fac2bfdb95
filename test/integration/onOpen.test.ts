// onOpen / onInstall in AuthMode.NONE through dist/Code.js: the add-on menu is built and nothing else is touched.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createEmulator, type ExecutionResult } from '../../src/dev/emulator';
import type { MenuItemData } from '../../src/dev/emulator/store/spreadsheetStore';

const OWNER = 'admin@example.org';
const STRANGER = 'guest@example.org';
const MENU_ONLY = new Set([
  'SpreadsheetApp.SpreadsheetApp.getUi',
  'SpreadsheetApp.Ui.createAddonMenu',
  'SpreadsheetApp.Ui.createMenu',
  'SpreadsheetApp.Menu.addItem',
  'SpreadsheetApp.Menu.addSeparator',
  'SpreadsheetApp.Menu.addSubMenu',
  'SpreadsheetApp.Menu.addToUi',
]);

/** Every item of a menu, submenus flattened. */
const flatten = (items: MenuItemData[]): MenuItemData[] =>
  items.flatMap((i) => (i.kind === 'submenu' ? [i, ...flatten(i.items ?? [])] : [i]));

function open(fn: 'onOpen' | 'onInstall', user: string, authMode: 'NONE' | 'FULL' = 'NONE') {
  const em = createEmulator({ now: Date.UTC(2024, 0, 10, 9) });
  const documentId = em.createSpreadsheet({ name: 'Мониторинг Сферума', owner: OWNER });
  const before = JSON.stringify(em.store.spreadsheets.snapshot());
  const result = em.run(fn, [{ authMode }], { user, documentId, authMode });
  const after = JSON.stringify(em.store.spreadsheets.snapshot());
  return { result, menus: em.store.ui.getMenus(documentId, user), changedSpreadsheet: before !== after };
}

function expectMenuOnly(result: ExecutionResult): void {
  expect(result.error).toBeUndefined();
  expect(result.ok).toBe(true);
  expect(Object.keys(result.calls).filter((k) => !MENU_ONLY.has(k))).toEqual([]);
  expect(result.calls['SpreadsheetApp.Menu.addToUi']).toBe(1);
  expect(result.unlockedWrites).toEqual([]);
}

function expectAddonMenu(menus: ReturnType<typeof open>['menus']): void {
  const addon = menus.find((m) => m.key === 'addon');
  expect(addon).toBeDefined();
  const items = flatten(addon!.items).filter((i) => i.kind !== 'separator');
  expect(items.length).toBeGreaterThanOrEqual(1);
  for (const item of items) {
    expect(item.caption).toMatch(/[А-Яа-яЁё]/);
    if (item.kind === 'item') expect(item.functionName).toMatch(/^[A-Za-z_$][\w$]*$/);
  }
}

describe.each(['onOpen', 'onInstall'] as const)('%s in AuthMode.NONE', (fn) => {
  it('builds the add-on menu with Russian captions and touches nothing but the menu', () => {
    const { result, menus, changedSpreadsheet } = open(fn, OWNER);
    expectMenuOnly(result);
    expectAddonMenu(menus);
    expect(changedSpreadsheet).toBe(false);
  });

  it('gives everyone the same menu (nothing about the user can be read in NONE)', () => {
    const owner = open(fn, OWNER);
    const stranger = open(fn, STRANGER);
    expectMenuOnly(stranger.result);
    expect(stranger.menus).toEqual(owner.menus);
  });

  it('every menu item names a top-level function of the bundle', () => {
    const { menus } = open(fn, OWNER);
    const names = flatten(menus.flatMap((m) => m.items)).flatMap((i) => (i.kind === 'item' ? [i.functionName!] : []));
    const code = fs.readFileSync(path.resolve(__dirname, '../../dist/Code.js'), 'utf8');
    for (const name of names) expect(code).toMatch(new RegExp(`^function ${name}\\(`, 'm'));
  });
});

it('onInstall as the owner (AuthMode.FULL) builds a menu and writes nothing', () => {
  const { result, menus, changedSpreadsheet } = open('onInstall', OWNER, 'FULL');
  expect(result.ok).toBe(true);
  expect(result.unlockedWrites).toEqual([]);
  expectAddonMenu(menus);
  expect(changedSpreadsheet).toBe(false);
});
