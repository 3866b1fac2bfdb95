// An in-page confirmation (window.confirm is blocked in Sheets sidebars and looks foreign).
import { el, replaceChildren } from './dom';

/**
 * Shows `message` with two buttons in `container`; resolves true for «yes». Escape means «no».
 * Focus goes to «yes»; the caller puts it back where it belongs.
 */
export function askConfirm(container: HTMLElement, message: string, yesText: string, noText: string): Promise<boolean> {
  return new Promise((resolve) => {
    const yes = el('button', { type: 'button', class: 'primary', id: 'confirm-yes' }, yesText);
    const no = el('button', { type: 'button', id: 'confirm-no' }, noText);
    const done = (answer: boolean) => {
      replaceChildren(container);
      container.hidden = true;
      container.removeEventListener('keydown', onKey);
      resolve(answer);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        done(false);
      }
    };
    yes.addEventListener('click', () => done(true), { once: true });
    no.addEventListener('click', () => done(false), { once: true });
    container.addEventListener('keydown', onKey);
    replaceChildren(container, el('p', { id: 'confirm-message' }, message), el('div', { class: 'buttons' }, yes, no));
    container.setAttribute('role', 'alertdialog');
    container.setAttribute('aria-labelledby', 'confirm-message');
    container.hidden = false;
    yes.focus();
  });
}
