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

/**
 * What getActiveUser().getEmail() reveals (rules and sources: src/dev/emulator/profiles.ts): ''
 * outside FULL mode (simple triggers, custom functions), '' in a trigger, '' when Google hides
 * this user's address.
 */
export function revealedActiveEmail(ctx: ExecutionContext): string {
  if (ctx.authMode !== 'FULL' || ctx.trigger || ctx.emailHiding !== 'none') return '';
  return ctx.activeUserEmail;
}

/**
 * What getEffectiveUser().getEmail() reveals: '' outside FULL mode; the trigger's creator in a
 * trigger; in a user's FULL call the user who authorised the script, unless Google hides it too.
 */
export function revealedEffectiveEmail(ctx: ExecutionContext): string {
  if (ctx.authMode !== 'FULL') return '';
  if (ctx.trigger) return ctx.effectiveUserEmail;
  return ctx.emailHiding === 'both' ? '' : ctx.effectiveUserEmail;
}

/** Session for one execution; the e-mails are '' where Apps Script hides them. */
export function createSession(ctx: ExecutionContext): GoogleAppsScript.Base.Session {
  const count = (m: string): void => ctx.count('Session', m);
  return {
    getActiveUser() {
      count('getActiveUser');
      return createUser(ctx, revealedActiveEmail(ctx));
    },
    getEffectiveUser() {
      count('getEffectiveUser');
      return createUser(ctx, revealedEffectiveEmail(ctx));
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
