// One person, one address: the forms Google treats as the same account compare equal — case,
// surrounding spaces, googlemail.com = gmail.com, and dots in the name part of a personal Gmail
// address ("Gmail doesn't recognize dots as characters within usernames",
// https://support.google.com/mail/answer/7436150). Other domains keep their dots: a Workspace
// domain may give first.last and firstlast to two people.

const GMAIL_DOMAINS = new Set(['gmail.com', 'googlemail.com']);

/** The canonical form of an address for comparing people ('' stays ''). */
export function normaliseEmail(email: string): string {
  const e = String(email ?? '')
    .trim()
    .toLowerCase();
  const at = e.lastIndexOf('@');
  if (at <= 0) return e;
  const domain = e.slice(at + 1);
  if (!GMAIL_DOMAINS.has(domain)) return e;
  return e.slice(0, at).replace(/\./g, '') + '@gmail.com';
}

/** True when both addresses name the same Google account (never for an empty address). */
export function sameEmail(a: string, b: string): boolean {
  const na = normaliseEmail(a);
  return na !== '' && na === normaliseEmail(b);
}
