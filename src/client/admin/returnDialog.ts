// The in-page «Вернуть на доработку» dialog: a reason is required before the return is sent.
import { summaryUi } from '../../domain/messages';
import { byId, setText } from './dom';

let pending: ((reason: string | null) => void) | null = null;

function close(reason: string | null): void {
  byId('returnDialog').hidden = true;
  const done = pending;
  pending = null;
  done?.(reason);
}

/** Wires the dialog once. */
export function initReturnDialog(): void {
  setText('returnTitle', summaryUi.returnDialogTitle);
  setText('returnHint', summaryUi.returnDialogHint);
  setText('returnReasonLabel', summaryUi.returnReason);
  setText('returnConfirm', summaryUi.returnConfirm);
  setText('returnCancel', summaryUi.cancel);
  const text = byId<HTMLTextAreaElement>('returnReason');
  byId('returnConfirm').addEventListener('click', () => {
    const reason = text.value.trim();
    if (reason === '') {
      setText('returnError', summaryUi.returnReasonRequired);
      text.setAttribute('aria-invalid', 'true');
      text.focus();
      return;
    }
    close(reason);
  });
  byId('returnCancel').addEventListener('click', () => close(null));
  byId('returnDialog').addEventListener('keydown', (e) => {
    if (e.key === 'Escape') close(null);
  });
}

/** Asks for the reason; resolves to it, or null when cancelled. */
export function askReturnReason(): Promise<string | null> {
  const text = byId<HTMLTextAreaElement>('returnReason');
  text.value = '';
  text.removeAttribute('aria-invalid');
  setText('returnError', '');
  byId('returnDialog').hidden = false;
  text.focus();
  return new Promise((resolve) => (pending = resolve));
}
