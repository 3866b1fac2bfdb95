// Emulated Session: active/effective user, the manifest's time zone, temporary active-user key.
import { createHash } from 'node:crypto';
import type { ExecutionContext } from '../context';

/** An Apps Script Base.User with only getEmail emulated. */
export function createUser(ctx: ExecutionContext, email: string): GoogleAppsScript.Base.User {
  return {
    getEmail: () => email,
    getUserLoginId: () => ctx.notEmulated('User.getUserLoginId'),
  } as GoogleAppsScript.Base.User;
}

/** Session for one execution; the active user's e-mail is '' where Apps Script hides it. */
export function createSession(ctx: ExecutionContext): GoogleAppsScript.Base.Session {
  const count = (m: string): void => ctx.count('Session', m);
  return {
    getActiveUser() {
      count('getActiveUser');
      return createUser(ctx, ctx.authMode === 'CUSTOM_FUNCTION' ? '' : ctx.activeUserEmail);
    },
    getEffectiveUser() {
      count('getEffectiveUser');
      return createUser(ctx, ctx.effectiveUserEmail);
    },
    getScriptTimeZone() {
      count('getScriptTimeZone');
      return ctx.manifest.timeZone;
    },
    getTemporaryActiveUserKey() {
      count('getTemporaryActiveUserKey');
      const who = ctx.activeUserEmail || ctx.effectiveUserEmail;
      return createHash('sha256').update(`temporary-key:${who}`).digest('base64url').slice(0, 43);
    },
    getActiveUserLocale: () => ctx.notEmulated('Session.getActiveUserLocale'),
    getTimeZone: () => ctx.notEmulated('Session.getTimeZone'),
    getUser: () => ctx.notEmulated('Session.getUser'),
  } as GoogleAppsScript.Base.Session;
}
