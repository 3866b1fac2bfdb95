// ScriptApp: enums, authorization info, trigger builders, add-on limits and permissions.
import {
  TRIGGER_LIMIT_MESSAGE,
  TRIGGER_LIMIT_MESSAGES,
  createScriptApp,
} from '../../../../src/dev/emulator/services/ScriptApp';
import { createMemoryStore } from '../../../../src/dev/emulator/store/memory';
import { T0, mockContext } from './mockContext';

const sheet = (id: string) => ({ getId: () => id }) as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;

describe('ScriptApp', () => {
  it('exposes identity-compared enums that print their names', () => {
    const app = createScriptApp(mockContext());
    expect(String(app.AuthMode.FULL)).toBe('FULL');
    expect(app.AuthMode.FULL).toBe(app.AuthMode.FULL);
    expect(app.AuthMode.FULL).not.toBe(app.AuthMode.LIMITED);
    expect(String(app.EventType.CLOCK)).toBe('CLOCK');
    expect(String(app.TriggerSource.SPREADSHEETS)).toBe('SPREADSHEETS');
    expect(String(app.AuthorizationStatus.REQUIRED)).toBe('REQUIRED');
  });

  it('reports the per-user authorization status the test sets', () => {
    const store = createMemoryStore();
    store.auth.setStatus('new@example.org', 'REQUIRED');
    const fresh = createScriptApp(mockContext({ store, user: 'new@example.org', authMode: 'LIMITED' }));
    const info = fresh.getAuthorizationInfo(fresh.AuthMode.FULL);
    expect(info.getAuthorizationStatus()).toBe(fresh.AuthorizationStatus.REQUIRED);
    expect(info.getAuthorizationUrl()).toMatch(/^https:\/\//);
    const known = createScriptApp(mockContext({ store, user: 'old@example.org' }));
    const ok = known.getAuthorizationInfo(known.AuthMode.FULL);
    expect(ok.getAuthorizationStatus()).toBe(known.AuthorizationStatus.NOT_REQUIRED);
    expect(ok.getAuthorizationUrl()).toBeNull();
  });

  it('creates a daily trigger, lists it and deletes it', () => {
    const ctx = mockContext({ user: 'admin@example.org', documentId: 'd1' });
    const app = createScriptApp(ctx);
    const t = app
      .newTrigger('dailyCheck')
      .timeBased()
      .everyDays(1)
      .atHour(7)
      .nearMinute(30)
      .inTimezone('Europe/Moscow')
      .create();
    expect(t.getHandlerFunction()).toBe('dailyCheck');
    expect(t.getEventType()).toBe(app.EventType.CLOCK);
    expect(t.getTriggerSource()).toBe(app.TriggerSource.CLOCK);
    expect(t.getTriggerSourceId()).toBeNull();
    expect(ctx.store.triggers.get(t.getUniqueId())).toMatchObject({
      owner: 'admin@example.org',
      documentId: 'd1',
      schedule: { everyDays: 1, atHour: 7, nearMinute: 30, timeZone: 'Europe/Moscow' },
      createdAt: T0,
    });
    expect(app.getProjectTriggers().map((x) => x.getUniqueId())).toEqual([t.getUniqueId()]);
    expect(app.getUserTriggers(sheet('d1'))).toHaveLength(1);
    expect(app.getUserTriggers(sheet('d2'))).toHaveLength(0);
    app.deleteTrigger(t);
    expect(app.getProjectTriggers()).toEqual([]);
  });

  it("allows one time-based trigger per user per document, with Apps Script's error", () => {
    const store = createMemoryStore();
    const app = createScriptApp(mockContext({ store, user: 'a@example.org', documentId: 'd1' }));
    app.newTrigger('f').timeBased().everyHours(1).create();
    expect(() => app.newTrigger('g').timeBased().after(3600_000).create()).toThrow(TRIGGER_LIMIT_MESSAGE);
    expect(TRIGGER_LIMIT_MESSAGE).toBe(
      'This add-on has created too many time-based triggers in this document for this Google user account.',
    );
    // Another document, another user: each has room for one.
    expect(() =>
      createScriptApp(mockContext({ store, user: 'a@example.org', documentId: 'd2' }))
        .newTrigger('f')
        .timeBased()
        .everyDays(1)
        .create(),
    ).not.toThrow();
    expect(() =>
      createScriptApp(mockContext({ store, user: 'b@example.org', documentId: 'd1' }))
        .newTrigger('f')
        .timeBased()
        .everyDays(1)
        .create(),
    ).not.toThrow();
    // Another event type has its own room for one.
    expect(() => app.newTrigger('onOpenInstalled').forSpreadsheet(sheet('d1')).onOpen().create()).not.toThrow();
  });

  it('allows one trigger of each other type per user per document too, as Apps Script documents', () => {
    const store = createMemoryStore();
    const app = createScriptApp(mockContext({ store, user: 'a@example.org', documentId: 'd1' }));
    app.newTrigger('opened').forSpreadsheet(sheet('d1')).onOpen().create();
    app.newTrigger('edited').forSpreadsheet(sheet('d1')).onEdit().create();
    expect(() => app.newTrigger('opened2').forSpreadsheet(sheet('d1')).onOpen().create()).toThrow(
      TRIGGER_LIMIT_MESSAGES.ON_OPEN,
    );
    expect(() => app.newTrigger('edited2').forSpreadsheet(sheet('d1')).onEdit().create()).toThrow(
      TRIGGER_LIMIT_MESSAGES.ON_EDIT,
    );
    expect(store.triggers.list().map((t) => t.handler)).toEqual(['opened', 'edited']);
    // Deleting one makes room again.
    app.deleteTrigger(app.getProjectTriggers()[0]!);
    expect(() => app.newTrigger('opened3').forSpreadsheet(sheet('d1')).onOpen().create()).not.toThrow();
  });

  it('refuses add-on triggers more often than hourly', () => {
    const app = createScriptApp(mockContext());
    expect(() => app.newTrigger('f').timeBased().everyMinutes(30)).toThrow(/once an hour/);
  });

  it('creates spreadsheet onOpen/onEdit triggers', () => {
    const app = createScriptApp(mockContext({ documentId: 'd1' }));
    const t = app.newTrigger('handleEdit').forSpreadsheet(sheet('d1')).onEdit().create();
    expect(t.getEventType()).toBe(app.EventType.ON_EDIT);
    expect(t.getTriggerSource()).toBe(app.TriggerSource.SPREADSHEETS);
    expect(t.getTriggerSourceId()).toBe('d1');
  });

  it("does not show or delete other users' triggers", () => {
    const store = createMemoryStore();
    const mine = createScriptApp(mockContext({ store, user: 'a@example.org' }));
    const theirs = createScriptApp(mockContext({ store, user: 'b@example.org' }));
    const t = mine.newTrigger('f').timeBased().everyDays(1).create();
    expect(theirs.getProjectTriggers()).toEqual([]);
    theirs.deleteTrigger(t);
    expect(store.triggers.list()).toHaveLength(1);
  });

  it('refuses triggers outside FULL auth mode', () => {
    for (const authMode of ['NONE', 'LIMITED', 'CUSTOM_FUNCTION'] as const) {
      const app = createScriptApp(mockContext({ authMode }));
      expect(() => app.newTrigger('f').timeBased().everyDays(1).create()).toThrow(
        'You do not have permission to call ScriptApp.newTrigger. Required permissions: https://www.googleapis.com/auth/script.scriptapp. ' +
          'For more information, see https://developers.google.com/apps-script/guides/support/troubleshooting#authorization-is',
      );
      expect(() => app.getProjectTriggers()).toThrow(/permission to call ScriptApp.getProjectTriggers/);
    }
  });
});
