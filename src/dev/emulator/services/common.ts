// Helpers shared by the emulated services: auth-mode permission checks, scope keys, byte sizes.
import type { AuthModeName, ExecutionContext } from '../context';
import { grants } from '../manifest';

/** OAuth scopes named in Apps Script's permission errors. */
export const SCOPES = {
  sendMail: 'https://www.googleapis.com/auth/script.send_mail',
  scriptApp: 'https://www.googleapis.com/auth/script.scriptapp',
  storage: 'https://www.googleapis.com/auth/script.storage',
} as const;

/** Where Apps Script's permission errors send the reader. */
export const AUTHORIZATION_HELP =
  'https://developers.google.com/apps-script/guides/support/troubleshooting#authorization-is';

/** Apps Script's error for a method whose scope this execution lacks, as Apps Script says it. */
export function permissionMessage(name: string, scope: string): string {
  return `You do not have permission to call ${name}. Required permissions: ${scope}. For more information, see ${AUTHORIZATION_HELP}`;
}

/**
 * Throw Apps Script's permission error unless this execution's auth mode is in `allowed` and the
 * manifest grants `scope` (see below for storage).
 * @throws "You do not have permission to call X.y. Required permissions: <scope>. For more information, see …"
 */
export function requireAuthMode(ctx: ExecutionContext, name: string, scope: string, allowed: AuthModeName[]): void {
  // PropertiesService and CacheService name no scope in Google's reference (script.storage appears
  // only in the auth-mode error), so only the other services need theirs in the manifest.
  const granted = scope === SCOPES.storage || grants(ctx.manifest, scope);
  if (!allowed.includes(ctx.authMode) || !granted) {
    throw ctx.createError(permissionMessage(name, scope));
  }
}

/** Scope key of the active user's store ('user:<email>'; effective user when the active one is hidden). */
export function userScope(ctx: ExecutionContext): string {
  return `user:${ctx.activeUserEmail || ctx.effectiveUserEmail}`;
}

/** Scope key of the current document's store. */
export function documentScope(ctx: ExecutionContext): string {
  return `document:${ctx.documentId}`;
}

/** UTF-8 size of a string, as Apps Script measures its storage limits. */
export function byteSize(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

/** Apps Script's String conversion of stored values (null/undefined become their names). */
export function asString(v: unknown): string {
  return String(v);
}
