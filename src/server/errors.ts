// Errors a person caused (their Russian sentence is shown as is) versus programming errors.
import { serverErrors } from '../domain/messages';

/** An error whose message is a Russian sentence for the user, saying what to do next. */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}

/**
 * Runs a google.script.run target: a UserError reaches the sidebar with its message; anything
 * else is logged in full (Stackdriver) and the user gets a generic Russian sentence.
 */
export function forClient<T>(action: string, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof UserError) throw new Error(err.message);
    console.error(action + ': ' + (err instanceof Error ? err.stack ?? err.message : String(err)));
    throw new Error(serverErrors.unexpected);
  }
}
