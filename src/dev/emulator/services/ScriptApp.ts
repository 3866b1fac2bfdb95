// Emulated ScriptApp: enums, authorization info and installable triggers under add-on limits.
import { randomInt } from 'node:crypto';
import type { ExecutionContext } from '../context';
import type { TriggerRecord } from '../store/serviceStores';
import { SCOPES, requireAuthMode } from './common';
import { makeEnum, type EnumValue } from './enums';

/** Apps Script's error when an add-on already has its one time-based trigger in this document. */
export const TRIGGER_LIMIT_MESSAGE =
  'This add-on has created too many time-based triggers in this document for this Google user account.';
/**
 * The same limit for the other event types. Apps Script's documentation sets it ("one trigger of
 * each type, per user, per document") but no public text shows its wording for them: this one is
 * the time-based text with the type swapped.
 */
export const TRIGGER_LIMIT_MESSAGES: Record<TriggerRecord['eventType'], string> = {
  CLOCK: TRIGGER_LIMIT_MESSAGE,
  ON_OPEN: 'This add-on has created too many open triggers in this document for this Google user account.',
  ON_EDIT: 'This add-on has created too many edit triggers in this document for this Google user account.',
};
/** Add-on clock triggers may run at most once an hour (wording not confirmed against Apps Script). */
export const TRIGGER_FREQUENCY_MESSAGE =
  'Add-ons may not create time-based triggers that run more often than once an hour.';
/** An add-on may keep one trigger of each event type per user per document. */
export const ADDON_TRIGGERS_PER_TYPE_USER_DOCUMENT = 1;

type Trigger = GoogleAppsScript.Script.Trigger;

/** The enums ScriptApp exposes, built once per execution (the loader uses them for event objects). */
export function createScriptEnums() {
  return {
    AuthMode: makeEnum(['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL'] as const),
    AuthorizationStatus: makeEnum(['REQUIRED', 'NOT_REQUIRED'] as const),
    EventType: makeEnum(['CLOCK', 'ON_OPEN', 'ON_EDIT', 'ON_FORM_SUBMIT', 'ON_CHANGE', 'ON_EVENT_UPDATED'] as const),
    TriggerSource: makeEnum(['SPREADSHEETS', 'CLOCK', 'FORMS', 'DOCUMENTS', 'CALENDAR'] as const),
    InstallationSource: makeEnum(['APPS_MARKETPLACE_DOMAIN_ADD_ON', 'NONE', 'WEB_STORE_ADD_ON'] as const),
  };
}
export type ScriptEnums = ReturnType<typeof createScriptEnums>;

/** ScriptApp for one execution; triggers are owned by the effective user and this document. */
export function createScriptApp(
  ctx: ExecutionContext,
  enums: ScriptEnums = createScriptEnums(),
): GoogleAppsScript.Script.ScriptApp {
  const triggers = ctx.store.triggers;
  const owner = ctx.effectiveUserEmail;
  const count = (m: string): void => ctx.count('ScriptApp', m);
  const needFull = (m: string): void => requireAuthMode(ctx, `ScriptApp.${m}`, SCOPES.scriptApp, ['FULL']);

  function wrap(t: TriggerRecord): Trigger {
    return {
      getHandlerFunction: () => t.handler,
      getUniqueId: () => t.id,
      getEventType: () => enums.EventType[t.eventType] as unknown as GoogleAppsScript.Script.EventType,
      getTriggerSource: () => enums.TriggerSource[t.source] as unknown as GoogleAppsScript.Script.TriggerSource,
      getTriggerSourceId: () => t.sourceId as string,
    };
  }

  function save(record: TriggerRecord): Trigger {
    if (!triggers.create(record, ADDON_TRIGGERS_PER_TYPE_USER_DOCUMENT))
      throw ctx.createError(TRIGGER_LIMIT_MESSAGES[record.eventType]);
    return wrap(record);
  }

  function base(
    handler: string,
    eventType: TriggerRecord['eventType'],
    source: TriggerRecord['source'],
    sourceId: string | null,
  ): TriggerRecord {
    return {
      id: String(randomInt(1, 2 ** 47)),
      handler,
      owner,
      documentId: ctx.documentId,
      eventType,
      source,
      sourceId,
      createdAt: ctx.now(),
    };
  }

  function clockBuilder(handler: string): GoogleAppsScript.Script.ClockTriggerBuilder {
    const schedule: NonNullable<TriggerRecord['schedule']> = {};
    const intArg = (name: string, v: unknown, min: number, max: number): number => {
      if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
        throw ctx.createError(`Invalid argument: ${name}`);
      }
      return v;
    };
    const then = (effect: () => void): GoogleAppsScript.Script.ClockTriggerBuilder => {
      effect();
      return b;
    };
    const b: GoogleAppsScript.Script.ClockTriggerBuilder = {
      everyDays: (n) =>
        then(() => {
          schedule.everyDays = intArg('days', n, 1, 365);
        }),
      everyHours: (n) =>
        then(() => {
          schedule.everyHours = intArg('hours', n, 1, 24 * 365);
        }),
      everyMinutes: () => {
        throw ctx.createError(TRIGGER_FREQUENCY_MESSAGE);
      },
      atHour: (h) =>
        then(() => {
          schedule.atHour = intArg('hour', h, 0, 23);
        }),
      nearMinute: (m) =>
        then(() => {
          schedule.nearMinute = intArg('minute', m, 0, 59);
        }),
      inTimezone: (tz) => {
        try {
          new Intl.DateTimeFormat('en', { timeZone: tz });
        } catch {
          throw ctx.createError(`Invalid argument: timezone`);
        }
        schedule.timeZone = tz;
        return b;
      },
      after: (ms) =>
        then(() => {
          schedule.at = ctx.now() + intArg('durationMilliseconds', ms, 0, Number.MAX_SAFE_INTEGER);
        }),
      at: (date) => {
        const t =
          date instanceof Object && typeof (date as Date).getTime === 'function' ? (date as Date).getTime() : NaN;
        if (!Number.isFinite(t)) throw ctx.createError('Invalid argument: date');
        schedule.at = t;
        return b;
      },
      create: () => {
        count('ClockTriggerBuilder.create');
        needFull('newTrigger');
        if (Object.keys(schedule).filter((k) => k !== 'timeZone').length === 0) {
          throw ctx.createError('Missing schedule: call everyDays(), everyHours(), after() or at() before create().');
        }
        return save({ ...base(handler, 'CLOCK', 'CLOCK', null), schedule });
      },
      atDate: () => ctx.notEmulated('ClockTriggerBuilder.atDate'),
      everyWeeks: () => ctx.notEmulated('ClockTriggerBuilder.everyWeeks'),
      onMonthDay: () => ctx.notEmulated('ClockTriggerBuilder.onMonthDay'),
      onWeekDay: () => ctx.notEmulated('ClockTriggerBuilder.onWeekDay'),
    };
    return b;
  }

  function spreadsheetBuilder(
    handler: string,
    spreadsheetId: string,
  ): GoogleAppsScript.Script.SpreadsheetTriggerBuilder {
    let event: 'ON_OPEN' | 'ON_EDIT' | null = null;
    const then = (effect: () => void): GoogleAppsScript.Script.SpreadsheetTriggerBuilder => {
      effect();
      return b;
    };
    const b: GoogleAppsScript.Script.SpreadsheetTriggerBuilder = {
      onOpen: () =>
        then(() => {
          event = 'ON_OPEN';
        }),
      onEdit: () =>
        then(() => {
          event = 'ON_EDIT';
        }),
      onChange: () => ctx.notEmulated('SpreadsheetTriggerBuilder.onChange'),
      onFormSubmit: () => ctx.notEmulated('SpreadsheetTriggerBuilder.onFormSubmit'),
      create: () => {
        count('SpreadsheetTriggerBuilder.create');
        needFull('newTrigger');
        if (event === null) throw ctx.createError('Missing event type: call onOpen() or onEdit() before create().');
        return save(base(handler, event, 'SPREADSHEETS', spreadsheetId));
      },
    };
    return b;
  }

  const mine = (): TriggerRecord[] => triggers.list().filter((t) => t.owner === owner);

  const app = {
    ...enums,
    getAuthorizationInfo(authMode: unknown) {
      count('getAuthorizationInfo');
      if (!Object.values(enums.AuthMode).includes(authMode as EnumValue)) {
        throw ctx.createError(
          `The parameters (${String(authMode)}) don't match the method signature for ScriptApp.getAuthorizationInfo.`,
        );
      }
      const user = ctx.activeUserEmail || ctx.effectiveUserEmail;
      const status = ctx.store.auth.getStatus(user);
      return {
        getAuthorizationStatus: () =>
          enums.AuthorizationStatus[status] as unknown as GoogleAppsScript.Script.AuthorizationStatus,
        getAuthorizationUrl: () =>
          (status === 'REQUIRED'
            ? `https://script.google.com/macros/d/emulated/authorize?user=${encodeURIComponent(user)}`
            : null) as string,
      };
    },
    newTrigger(functionName: string) {
      count('newTrigger');
      const handler = String(functionName);
      return {
        timeBased: () => clockBuilder(handler),
        forSpreadsheet: (ss: string | GoogleAppsScript.Spreadsheet.Spreadsheet) =>
          spreadsheetBuilder(handler, typeof ss === 'string' ? ss : ss.getId()),
        forDocument: () => ctx.notEmulated('TriggerBuilder.forDocument'),
        forForm: () => ctx.notEmulated('TriggerBuilder.forForm'),
        forUserCalendar: () => ctx.notEmulated('TriggerBuilder.forUserCalendar'),
      } as GoogleAppsScript.Script.TriggerBuilder;
    },
    getProjectTriggers() {
      count('getProjectTriggers');
      needFull('getProjectTriggers');
      return mine().map(wrap);
    },
    getUserTriggers(doc: { getId(): string }) {
      count('getUserTriggers');
      needFull('getUserTriggers');
      const id = doc.getId();
      return mine()
        .filter((t) => t.documentId === id || t.sourceId === id)
        .map(wrap);
    },
    deleteTrigger(trigger: Trigger) {
      count('deleteTrigger');
      needFull('deleteTrigger');
      const id = trigger.getUniqueId();
      const record = triggers.get(id);
      if (record && record.owner === owner) triggers.remove(id);
    },
    getScriptId: () => 'emulated-script-id',
    getIdentityToken: () => ctx.notEmulated('ScriptApp.getIdentityToken'),
    getInstallationSource() {
      count('getInstallationSource');
      return ctx.profile === 'addon'
        ? enums.InstallationSource.APPS_MARKETPLACE_DOMAIN_ADD_ON
        : enums.InstallationSource.NONE;
    },
    getOAuthToken: () => ctx.notEmulated('ScriptApp.getOAuthToken'),
    getService: () => ctx.notEmulated('ScriptApp.getService'),
    invalidateAuth: () => ctx.notEmulated('ScriptApp.invalidateAuth'),
    newStateToken: () => ctx.notEmulated('ScriptApp.newStateToken'),
    requireAllScopes: () => ctx.notEmulated('ScriptApp.requireAllScopes'),
    requireScopes: () => ctx.notEmulated('ScriptApp.requireScopes'),
  };
  return app as unknown as GoogleAppsScript.Script.ScriptApp;
}
