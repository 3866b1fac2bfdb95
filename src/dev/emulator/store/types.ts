// The one store behind every emulated service: a composition of narrow, synchronous parts.
// Every method takes and returns structured-clonable data only (no class instances, no
// functions), so a worker-thread proxy can implement the same interface later.
import type { SpreadsheetStore, UiStore } from './spreadsheetStore';
import type {
  PropertyStore,
  CacheStore,
  LockStore,
  MailStore,
  TriggerStore,
  ClockStore,
  AuthStore,
} from './serviceStores';

export interface Store {
  spreadsheets: SpreadsheetStore;
  ui: UiStore;
  properties: PropertyStore;
  cache: CacheStore;
  locks: LockStore;
  mail: MailStore;
  triggers: TriggerStore;
  clock: ClockStore;
  /** Per-user add-on authorization status (ScriptApp.getAuthorizationInfo). */
  auth: AuthStore;
}
