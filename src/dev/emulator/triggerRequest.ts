// The execution request of a fired trigger (its event object built inside the execution's realm);
// shared by the facade's runTrigger and the parallel worker.
import type { DeploymentProfile } from './context';
import type { ExecutionRequest } from './loader';
import { triggerHasDocument } from './profiles';
import type { TriggerRecord } from './store/serviceStores';

/**
 * The request Apps Script makes when `t` fires: its handler, run as its owner, with the event
 * object; an add-on's time-driven trigger has no document (src/dev/emulator/profiles.ts).
 */
export function triggerRequest(t: TriggerRecord, profile: DeploymentProfile = 'bound'): ExecutionRequest {
  return {
    fn: t.handler,
    args: [],
    activeUserEmail: t.owner,
    effectiveUserEmail: t.owner,
    documentId: triggerHasDocument(profile, t.eventType) ? t.documentId : '',
    authMode: 'FULL',
    trigger: true,
    event: ({ enums, realm, ctx, globals }) => {
      const e = new realm.Object() as Record<string, unknown>;
      e.authMode = enums.AuthMode.FULL;
      e.triggerUid = t.id;
      if (t.eventType === 'CLOCK') {
        const d = new Date(ctx.now());
        Object.assign(e, {
          'day-of-month': d.getUTCDate(),
          'day-of-week': d.getUTCDay() === 0 ? 7 : d.getUTCDay(),
          hour: d.getUTCHours(),
          minute: d.getUTCMinutes(),
          month: d.getUTCMonth() + 1,
          second: d.getUTCSeconds(),
          timezone: 'UTC',
          'week-of-year': isoWeek(d),
          year: d.getUTCFullYear(),
        });
      } else {
        e.user = (globals.Session as GoogleAppsScript.Base.Session).getActiveUser();
      }
      return e;
    },
  };
}

/** ISO-8601 week number of a UTC date. */
function isoWeek(d: Date): number {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  t.setUTCDate(t.getUTCDate() + 4 - (t.getUTCDay() || 7));
  const yearStart = Date.UTC(t.getUTCFullYear(), 0, 1);
  return Math.ceil(((t.getTime() - yearStart) / 86400000 + 1) / 7);
}
