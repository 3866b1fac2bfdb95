// The two ways a district deploys the add-on, and what each changes in an execution — the
// strictest reading of Google's documentation wherever it is silent or contradictory.
//
// Both profiles (Session, src/dev/emulator/services/Session.ts):
//   - getActiveUser().getEmail() is '' in simple triggers (onOpen in NONE/LIMITED) and custom
//     functions: "the user's email address is not available in any context that allows a script
//     to run without that user's authorization, like a simple onOpen(e) or onEdit(e) trigger, a
//     custom function in Google Sheets" (https://developers.google.com/apps-script/reference/base/user#getEmail());
//   - in FULL mode it is visible or hidden per user ("these restrictions generally do not apply if
//     the developer runs the script themselves or belongs to the same Google Workspace domain as
//     the user" — so a personal account of another domain may be hidden): EmailHiding per user;
//   - in an installable trigger getEffectiveUser() is the trigger's creator ("If the script is
//     running under an installable trigger, this returns the account of the user who created the
//     trigger", https://developers.google.com/apps-script/reference/base/session#getEffectiveUser()),
//     and getActiveUser() is '' (nobody is at the keyboard; the strictest reading).
// `addon` (editor add-on):
//   - onInstall(e) runs in AuthMode.FULL when the user installs it
//     (https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle);
//   - a time-driven trigger runs with no document: the documentation never says it has one, third-
//     party add-on authors report it has not (they openById), and a test deployment cannot check it
//     ("installable triggers aren't supported when testing"). So getActiveSpreadsheet() is null,
//     getDocumentProperties() and getDocumentLock() are null ("If this method is called outside of
//     the context of a containing document … null is returned",
//     https://developers.google.com/apps-script/reference/lock/lock-service#getDocumentLock()),
//     getUi() throws; the event carries triggerUid.
//   - openById needs the `spreadsheets` scope, which only the add-on manifest (dist-addon/) has.
// `bound` (container-bound script): onInstall never runs (only add-ons are installed); triggers
//   have the spreadsheet, its document properties and the document lock.
import type { DeploymentProfile } from './context';

export const PROFILES: readonly DeploymentProfile[] = ['bound', 'addon'];

/** Where each profile's build lives (npm run build / npm run build:addon). */
export const PROFILE_DIST: Record<DeploymentProfile, string> = { bound: 'dist', addon: 'dist-addon' };

/** Whether a fired trigger of this profile has its document (see the rules above). */
export function triggerHasDocument(profile: DeploymentProfile, eventType: string): boolean {
  return profile === 'bound' || eventType !== 'CLOCK';
}
