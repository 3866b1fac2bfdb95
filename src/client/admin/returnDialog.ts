// The in-page «Вернуть на доработку» dialog: a reason is required before the return is sent.
import { summaryUi } from '../../domain/messages';
import { byId, el, setText } from './dom';

let pending: ((reason: string | null) => void) | null = null;
/** What had the focus when the dialog opened («Вернуть на доработку»): it gets it back on cancel. */
let opener: HTMLElement | null = null;

function close(reason: string | null): void {
  byId('returnDialog').hidden = true;
  const done = pending;
  pending = null;
  if (reason === null && opener?.isConnected) opener.focus();
  opener = null;
  done?.(reason);
}

/** The dialog's markup (hidden), the same in the «Сводка» sidebar and the full summary dialog. */
function build(): HTMLElement {
  return el(
    'div',
    { id: 'returnDialog', class: 'backdrop', hidden: '' },
    el(
      'div',
      { class: 'modal', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'returnTitle' },
      el('h2', { id: 'returnTitle' }),
      el('p', { id: 'returnHint', class: 'muted' }),
      el('label', { for: 'returnReason', id: 'returnReasonLabel' }),
      el('textarea', { id: 'returnReason', rows: '5', maxlength: '1000' }),
      el('p', { id: 'returnError', class: 'field-error', role: 'alert' }),
      el(
        'div',
        { class: 'buttons' },
        el('button', { id: 'returnConfirm', type: 'button', class: 'primary' }),
        el('button', { id: 'returnCancel', type: 'button' }),
      ),
    ),
  );
}

/** Adds the dialog to the page and wires it, once. */
export function initReturnDialog(): void {
  document.body.append(build());
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
    if (e.key === 'Escape') {
      // Only the dialog: the report drawer under it stays open.
      e.stopPropagation();
      close(null);
    }
  });
}

/** Asks for the reason (under `title`); resolves to it, or null when cancelled. */
export function askReturnReason(title: string = summaryUi.returnDialogTitle): Promise<string | null> {
  setText('returnTitle', title);
  const text = byId<HTMLTextAreaElement>('returnReason');
  const active = document.activeElement;
  opener = active instanceof HTMLElement && active !== document.body ? active : null;
  text.value = '';
  text.removeAttribute('aria-invalid');
  setText('returnError', '');
  byId('returnDialog').hidden = false;
  text.focus();
  return new Promise((resolve) => (pending = resolve));
}
