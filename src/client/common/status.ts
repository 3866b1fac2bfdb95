// One helper for all feedback in a sidebar or dialog: text only, never HTML from data.

export type StatusKind = 'info' | 'ok' | 'error' | 'busy';

/** Shows `message` in the element with id `status`; `busy` adds a spinner. */
export function showStatus(message: string, kind: StatusKind = 'info', doc: Document = document): void {
  const el = doc.getElementById('status');
  if (!el) return;
  el.className = 'status ' + kind;
  el.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  el.textContent = '';
  if (kind === 'busy') {
    const spinner = doc.createElement('span');
    spinner.className = 'spinner';
    spinner.setAttribute('aria-hidden', 'true');
    el.appendChild(spinner);
  }
  el.appendChild(doc.createTextNode(message));
}
