// The in-page confirmation («Отправить напоминания N организациям?»): a title, the list it is
// about, a hint, and confirm/cancel. Escape cancels; focus returns to what opened it.
import { byId, el, fill, setText } from './dom';

let pending: ((ok: boolean) => void) | null = null;
let opener: HTMLElement | null = null;

function close(ok: boolean): void {
  byId('confirmDialog').hidden = true;
  const done = pending;
  pending = null;
  if (opener?.isConnected) opener.focus();
  opener = null;
  done?.(ok);
}

/** Wires the dialog once. */
export function initConfirmDialog(cancelLabel: string): void {
  setText('confirmCancel', cancelLabel);
  byId('confirmOk').addEventListener('click', () => close(true));
  byId('confirmCancel').addEventListener('click', () => close(false));
  byId('confirmDialog').addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      close(false);
    } else if (e.key === 'Tab') {
      // Keep the focus inside the dialog: it has two buttons.
      const ok = byId('confirmOk');
      const cancel = byId('confirmCancel');
      const target = document.activeElement === ok ? cancel : ok;
      e.preventDefault();
      target.focus();
    }
  });
}

export interface ConfirmRequest {
  title: string;
  items: readonly string[];
  hint: string;
  confirm: string;
}

/** Asks; resolves to true when confirmed, false when cancelled. */
export function askConfirm(request: ConfirmRequest): Promise<boolean> {
  if (pending) close(false);
  opener =
    document.activeElement instanceof HTMLElement && document.activeElement !== document.body
      ? document.activeElement
      : null;
  setText('confirmTitle', request.title);
  fill(byId('confirmList'), ...request.items.map((item) => el('li', {}, item)));
  setText('confirmHint', request.hint);
  setText('confirmOk', request.confirm);
  byId('confirmDialog').hidden = false;
  byId('confirmOk').focus();
  return new Promise((resolve) => (pending = resolve));
}
