// Errors a person caused (their Russian sentence is shown as is) versus programming errors.
import { protectionErrors, serverErrors } from '../../domain/messages';

/** An error whose message is a Russian sentence for the user, saying what to do next. */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}

/** Sheets' refusal to write into a protected range the user may not edit (in the user's language). */
const PROTECTED = /protected cell or object|защищ[её]нн/i;

/**
 * Runs a google.script.run target: a UserError reaches the sidebar with its message; anything
 * else is logged in full (Stackdriver) and the user gets a generic Russian sentence.
 */
export function forClient<T>(action: string, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    const message = userMessageOf(err);
    if (message !== null) throw new Error(message);
    console.error(action + ': ' + (err instanceof Error ? (err.stack ?? err.message) : String(err)));
    throw new Error(serverErrors.unexpected);
  }
}

/** The Russian sentence for an error a person can act on (a UserError, a protected sheet), or null. */
export function userMessageOf(err: unknown): string | null {
  if (err instanceof UserError) return err.message;
  if (err instanceof Error && PROTECTED.test(err.message)) return protectionErrors.protectedSheet;
  return null;
}

/**
 * For menu items: shows the Russian sentence for a person's error, or logs a programming error in
 * full and shows the generic Russian one — never Apps Script's English «Exception: …».
 */
export function alertError(title: string, err: unknown): void {
  const message = userMessageOf(err);
  if (message === null) console.error(title + ': ' + (err instanceof Error ? (err.stack ?? err.message) : String(err)));
  const ui = SpreadsheetApp.getUi();
  ui.alert(title, message ?? serverErrors.unexpected, ui.ButtonSet.OK);
}
