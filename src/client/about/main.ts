// The «О дополнении» dialog: what the add-on is for and which order it answers.
import { about, PRODUCT_NAME } from '../../domain/messages';
import { showStatus } from '../common/status';

function text(id: string, value: string): void {
  const el = document.getElementById(id);
  if (el) el.textContent = value;
}

text('product', PRODUCT_NAME);
text('purpose', about.purpose);
text('order', about.order);
text('close', about.close);
document.getElementById('close')?.addEventListener('click', () => {
  const host = (window as unknown as { google?: { script?: { host?: { close(): void } } } }).google?.script?.host;
  if (host) host.close();
  else showStatus(about.closeOutsideSheets, 'info');
});
