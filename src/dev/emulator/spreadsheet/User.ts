// The emulated User (Spreadsheet.getOwner/getEditors, Protection.getEditors): just an e-mail.
import type { ExecutionContext } from '../context';
import { emulated } from './emulated';

/** Build a User for `email`. */
export function createUser(ctx: ExecutionContext, email: string): GoogleAppsScript.Base.User {
  return emulated<GoogleAppsScript.Base.User>(ctx, 'User', {
    getEmail: () => email,
    getUserLoginId: () => email,
    toString: () => email,
  });
}

/** E-mail of a User or string argument; null for anything else. */
export function emailOf(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object' && typeof (v as { getEmail?: unknown }).getEmail === 'function')
    return (v as GoogleAppsScript.Base.User).getEmail();
  return null;
}
