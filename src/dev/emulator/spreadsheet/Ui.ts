// The emulated Ui and Menu: menus, sidebars and dialogs are recorded in the UiStore; alerts/prompts
// are answered from its queue of scripted responses (default: OK for a plain OK alert, otherwise CLOSE).
import type { ExecutionContext } from '../context';
import type { MenuData, MenuItemData, UiEvent, UiResponse } from '../store/spreadsheetStore';
import { emulated } from './emulated';
import { MSG, fail, typeName } from './errors';
import { Button, ButtonSet, enumName } from './enums';

type Ui = GoogleAppsScript.Base.Ui;
type Menu = GoogleAppsScript.Base.Menu;

interface HtmlLike {
  getContent(): string;
  getTitle?(): string;
  getWidth?(): number;
  getHeight?(): number;
}

function createMenu(ctx: ExecutionContext, key: string, name: string): Menu {
  const items: MenuItemData[] = [];
  const impl = {
    _items: items,
    addItem(caption: unknown, functionName: unknown) {
      if (typeof caption !== 'string' || typeof functionName !== 'string')
        fail(ctx, MSG.signature(`${typeName(caption)},${typeName(functionName)}`, 'Menu.addItem'));
      items.push({ kind: 'item', caption, functionName });
      return this;
    },
    addSeparator() {
      items.push({ kind: 'separator' });
      return this;
    },
    addSubMenu(menu: unknown) {
      const sub = menu as { _items?: MenuItemData[]; _name?: string } | null;
      if (!sub?._items) fail(ctx, MSG.signature(typeName(menu), 'Menu.addSubMenu'));
      items.push({ kind: 'submenu', caption: sub._name ?? '', items: structuredClone(sub._items) });
      return this;
    },
    addToUi() {
      const menu: MenuData = { key, name, items: structuredClone(items) };
      ctx.store.ui.setMenu(ctx.documentId, ctx.activeUserEmail, menu);
    },
    _name: name,
  };
  return emulated<Menu>(ctx, 'Menu', impl);
}

function htmlOf(ctx: ExecutionContext, v: unknown, method: string): HtmlLike {
  const h = v as HtmlLike | null;
  if (!h || typeof h.getContent !== 'function') fail(ctx, MSG.signature(typeName(v), `Ui.${method}`));
  return h;
}

function record(ctx: ExecutionContext, e: Omit<UiEvent, 'documentId' | 'user' | 'at'>): void {
  ctx.store.ui.record({ ...e, documentId: ctx.documentId, user: ctx.activeUserEmail, at: ctx.now() });
}

/** Split alert/prompt overloads: (prompt), (prompt, buttons), (title, prompt, buttons). */
function dialogArgs(args: unknown[]): { title: string; prompt: string; buttons: string } {
  if (args.length >= 3) return { title: String(args[0]), prompt: String(args[1]), buttons: enumName(args[2]) ?? 'OK' };
  if (args.length === 2 && typeof args[1] !== 'string')
    return { title: '', prompt: String(args[0]), buttons: enumName(args[1]) ?? 'OK' };
  if (args.length === 2) return { title: String(args[0]), prompt: String(args[1]), buttons: 'OK' };
  return { title: '', prompt: String(args[0] ?? ''), buttons: 'OK' };
}

function answer(ctx: ExecutionContext, buttons: string, kind: 'alert' | 'prompt'): UiResponse {
  const queued = ctx.store.ui.takeResponse(ctx.documentId, ctx.activeUserEmail);
  if (queued) return queued;
  return kind === 'alert' && buttons === 'OK' ? { button: 'OK' } : { button: 'CLOSE', text: '' };
}

/** Build the script-facing Ui (SpreadsheetApp.getUi()). */
export function createUi(ctx: ExecutionContext): Ui {
  const show = (kind: 'sidebar' | 'modal' | 'modeless', method: string, html: unknown, title?: unknown): void => {
    const h = htmlOf(ctx, html, method);
    record(ctx, {
      kind,
      title: title !== undefined ? String(title) : (h.getTitle?.() ?? ''),
      content: h.getContent(),
      width: h.getWidth?.() ?? null,
      height: h.getHeight?.() ?? null,
      buttons: null,
      answer: null,
    });
  };
  const impl = {
    Button,
    ButtonSet,
    createMenu: (name: unknown) => {
      if (typeof name !== 'string') fail(ctx, MSG.signature(typeName(name), 'Ui.createMenu'));
      return createMenu(ctx, `menu:${name}`, name);
    },
    createAddonMenu: () => createMenu(ctx, 'addon', ''),
    showSidebar: (html: unknown) => show('sidebar', 'showSidebar', html),
    showModalDialog: (html: unknown, title: unknown) => show('modal', 'showModalDialog', html, title),
    showModelessDialog: (html: unknown, title: unknown) => show('modeless', 'showModelessDialog', html, title),
    alert: (...args: unknown[]) => {
      const { title, prompt, buttons } = dialogArgs(args);
      const a = answer(ctx, buttons, 'alert');
      record(ctx, {
        kind: 'alert',
        title,
        content: prompt,
        width: null,
        height: null,
        buttons,
        answer: { button: a.button },
      });
      return Button[a.button];
    },
    prompt: (...args: unknown[]) => {
      const { title, prompt, buttons } = dialogArgs(args);
      const a = answer(ctx, buttons, 'prompt');
      const text = a.text ?? '';
      record(ctx, {
        kind: 'prompt',
        title,
        content: prompt,
        width: null,
        height: null,
        buttons,
        answer: { button: a.button, text },
      });
      return emulated<GoogleAppsScript.Base.PromptResponse>(ctx, 'PromptResponse', {
        getResponseText: () => text,
        getSelectedButton: () => Button[a.button],
      });
    },
  };
  return emulated<Ui>(ctx, 'Ui', impl);
}
