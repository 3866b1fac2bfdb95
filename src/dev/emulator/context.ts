// The contract between one simulated Apps Script execution and the emulated services it uses.
import type { Manifest } from './manifest';
import type { Store } from './store/types';

/** Auth modes as Apps Script names them (ScriptApp.AuthMode). */
export type AuthModeName = 'NONE' | 'CUSTOM_FUNCTION' | 'LIMITED' | 'FULL';

/**
 * How the script is deployed (see src/dev/emulator/profiles.ts): `bound` = a container-bound
 * script; `addon` = an editor add-on installed from a (private) Marketplace listing.
 */
export type DeploymentProfile = 'bound' | 'addon';

/**
 * What Google reveals of a user's address in a FULL-mode call made by that user: `none` hidden
 * (everything visible, e.g. the developer or a user of the developer's Workspace domain),
 * `active` (getActiveUser() is '' but getEffectiveUser() still names the user, who authorised
 * the script), `both` (neither names the user — the strictest case).
 */
export type EmailHiding = 'none' | 'active' | 'both';

/**
 * One execution: created by the loader for each call into dist/Code.js, handed to every
 * service factory. Services keep no state of their own between executions: everything that
 * must outlive the call lives in `store`, reached only through its narrow interface, so that
 * executions can later run in parallel worker threads against one shared store.
 */
export interface ExecutionContext {
  /** All persistent emulated state (spreadsheets, properties, cache, locks, mail, triggers, clock). */
  readonly store: Store;
  /** Unique id of this execution (lock ownership, logs). */
  readonly executionId: string;
  /**
   * The account at the keyboard (protections, active sheet, user properties, dialogs) — not what
   * Session reveals: Session applies the rules of src/dev/emulator/services/Session.ts to it.
   */
  readonly activeUserEmail: string;
  /** The account whose authority the script runs under (the trigger's owner in a trigger). */
  readonly effectiveUserEmail: string;
  readonly authMode: AuthModeName;
  /** Id of the spreadsheet the add-on runs in (SpreadsheetApp.getActive()); '' when it has none. */
  readonly documentId: string;
  /** The script's appsscript.json: its time zone and granted scopes. */
  readonly manifest: Manifest;
  readonly profile: DeploymentProfile;
  /** True in an installable trigger's execution. */
  readonly trigger: boolean;
  /** What Session hides of the user's address in FULL mode. */
  readonly emailHiding: EmailHiding;
  /** Simulated "now" (from store.clock). */
  now(): number;
  /** Count one service call, e.g. count('SpreadsheetApp', 'Range.getValues'). */
  count(service: string, method: string, on?: object): void;
  /**
   * Called by every emulated write to a spreadsheet. In strict mode it throws unless this
   * execution holds the document lock or the script lock (the one lock an add-on's time-driven
   * trigger has); otherwise it only records the unlocked write.
   */
  assertWrite(what: string): void;
  /** Build a Date in the script's realm (so `instanceof Date` holds inside Code.js). */
  createDate(ms: number): Date;
  /** Build an Error in the script's realm, with Apps Script's message. */
  createError(message: string): Error;
  /** Throw `not emulated: <name>` in the script's realm. */
  notEmulated(name: string): never;
  /**
   * Runs one emulated service call, timing it (nested calls count once): the bench subtracts this
   * time from the execution's to tell the add-on's own CPU from the emulator's. Optional for tests.
   */
  timed?<T>(fn: () => T): T;
  /** Records cells moved by one read or write of a sheet (the bench's per-sheet figures). Optional. */
  cells?(kind: 'read' | 'write', docId: string, sheetId: number, count: number): void;
}
