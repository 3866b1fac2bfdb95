// Sends one e-mail (HTML with a plain-text body) within MailApp's daily quota.
import { PRODUCT_NAME } from '../../domain/messages';

export interface Mail {
  to: string[];
  subject: string;
  /** Plain-text body (what mail clients without HTML show). */
  text: string;
  /** HTML body: every piece of user text in it must have gone through escapeHtml. */
  html: string;
}

/** Recipients MailApp still allows today for the user the script runs as. */
export function remainingQuota(): number {
  return MailApp.getRemainingDailyQuota();
}

/** Recipients left today, read once per run and counted down by sendMail (not re-read per e-mail). */
export interface QuotaCounter {
  left: number;
}

/**
 * Sends `mail` as the add-on; returns false (sends nothing) when the quota cannot cover it.
 * @param quota the run's counter (read once); without it the quota is read now
 */
export function sendMail(mail: Mail, quota?: QuotaCounter): boolean {
  const to = mail.to.filter((a) => a.trim() !== '');
  if (to.length === 0) return true;
  const left = quota ? quota.left : MailApp.getRemainingDailyQuota();
  if (left < to.length) return false;
  if (quota) quota.left -= to.length;
  MailApp.sendEmail({
    to: to.join(','),
    subject: mail.subject,
    body: mail.text,
    htmlBody: mail.html,
    name: PRODUCT_NAME,
  });
  return true;
}
