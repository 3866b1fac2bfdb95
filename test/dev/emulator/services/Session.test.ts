// Session: users by auth mode, script time zone, temporary active-user key.
import { createSession } from '../../../../src/dev/emulator/services/Session';
import { mockContext } from './mockContext';

describe('Session', () => {
  it('returns the active and effective users', () => {
    const s = createSession(mockContext({ user: 'coord@example.org', effectiveUser: 'owner@example.org' }));
    expect(s.getActiveUser().getEmail()).toBe('coord@example.org');
    expect(s.getEffectiveUser().getEmail()).toBe('owner@example.org');
    expect(s.getScriptTimeZone()).toBe('Europe/Moscow');
  });

  it("gives the manifest's time zone", () => {
    const manifest = { timeZone: 'Asia/Yekaterinburg', oauthScopes: null };
    expect(createSession(mockContext({ manifest })).getScriptTimeZone()).toBe('Asia/Yekaterinburg');
  });

  it('hides the active user in custom functions', () => {
    expect(
      createSession(mockContext({ authMode: 'CUSTOM_FUNCTION' }))
        .getActiveUser()
        .getEmail(),
    ).toBe('');
  });

  it('gives each user a stable temporary key', () => {
    const a = createSession(mockContext({ user: 'a@example.org' })).getTemporaryActiveUserKey();
    expect(createSession(mockContext({ user: 'a@example.org' })).getTemporaryActiveUserKey()).toBe(a);
    expect(createSession(mockContext({ user: 'b@example.org' })).getTemporaryActiveUserKey()).not.toBe(a);
  });
});
