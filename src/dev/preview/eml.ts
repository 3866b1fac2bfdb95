// Each e-mail MailApp sent in the preview, written once as an .eml file a mail client can open.
import fs from 'node:fs';
import path from 'node:path';
import type { MailMessage } from '../emulator/store/serviceStores';

const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64').replace(/.{76}/g, '$&\r\n');
/** RFC 2047 encoded-word for a header with non-ASCII text. */
const word = (s: string): string =>
  /^[\x20-\x7e]*$/.test(s) ? s : `=?UTF-8?B?${Buffer.from(s, 'utf8').toString('base64')}?=`;

/** The message as RFC 5322 text (UTF-8, base64 bodies; multipart when there is an HTML body). */
export function toEml(m: MailMessage, index: number): string {
  const from = m.name ? `${word(m.name)} <${m.from}>` : m.from;
  const head = [
    `From: ${from}`,
    `To: ${m.to.join(', ')}`,
    ...(m.cc.length ? [`Cc: ${m.cc.join(', ')}`] : []),
    ...(m.bcc.length ? [`Bcc: ${m.bcc.join(', ')}`] : []),
    ...(m.replyTo ? [`Reply-To: ${m.replyTo}`] : []),
    `Subject: ${word(m.subject)}`,
    `Date: ${new Date(m.sentAt).toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: <preview-${index}-${m.sentAt}@localhost>`,
    'MIME-Version: 1.0',
  ];
  const part = (type: string, body: string) => [
    `Content-Type: ${type}; charset=UTF-8`,
    'Content-Transfer-Encoding: base64',
    '',
    b64(body),
  ];
  if (!m.htmlBody) return [...head, ...part('text/plain', m.body), ''].join('\r\n');
  const boundary = `preview-${index}-boundary`;
  return [
    ...head,
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    ...part('text/plain', m.body),
    `--${boundary}`,
    ...part('text/html', m.htmlBody),
    `--${boundary}--`,
    '',
  ].join('\r\n');
}

/** File name of the n-th message (1-based): sortable, with the send time. */
export function emlName(m: MailMessage, n: number): string {
  return `${String(n).padStart(4, '0')}-${new Date(m.sentAt).toISOString().replace(/[:.]/g, '-')}.eml`;
}

/** Writes every message not yet written under `dir`; returns the names of the new files. */
export function writeOutbox(dir: string, messages: readonly MailMessage[]): string[] {
  fs.mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  messages.forEach((m, i) => {
    const name = emlName(m, i + 1);
    const file = path.join(dir, name);
    if (fs.existsSync(file)) return;
    const tmp = `${file}.tmp`;
    fs.writeFileSync(tmp, toEml(m, i + 1));
    fs.renameSync(tmp, file);
    written.push(name);
  });
  return written;
}
