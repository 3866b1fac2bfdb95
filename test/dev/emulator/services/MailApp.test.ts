// MailApp: overloads, recorded messages, address checks, the daily recipient quota, permissions.
import { MAIL_QUOTA_MESSAGE, createMailApp } from '../../../../src/dev/emulator/services/MailApp';
import { createMemoryStore } from '../../../../src/dev/emulator/store/memory';
import { T0, mockContext } from './mockContext';

describe('MailApp', () => {
  it('records each overload as sent by the effective user at the simulated time', () => {
    const ctx = mockContext({ user: 'viewer@example.org', effectiveUser: 'owner@example.org' });
    const mail = createMailApp(ctx);
    mail.sendEmail('a@example.org', 'S1', 'B1');
    mail.sendEmail('a@example.org, Bee <b@example.org>', 'S2', 'B2', {
      htmlBody: '<b>B2</b>',
      name: 'Отчёты',
      cc: 'c@example.org',
      bcc: 'd@example.org',
      replyTo: 'r@example.org',
      noReply: true,
    });
    mail.sendEmail({ to: 'e@example.org', subject: 'S3', body: 'B3' });
    mail.sendEmail('f@example.org', 'reply@example.org', 'S4', 'B4');
    const sent = ctx.store.mail.sent();
    expect(sent).toHaveLength(4);
    expect(sent[0]).toEqual({
      from: 'owner@example.org',
      to: ['a@example.org'],
      cc: [],
      bcc: [],
      subject: 'S1',
      body: 'B1',
      sentAt: T0,
    });
    expect(sent[1]).toMatchObject({
      to: ['a@example.org', 'b@example.org'],
      cc: ['c@example.org'],
      bcc: ['d@example.org'],
      htmlBody: '<b>B2</b>',
      name: 'Отчёты',
      replyTo: 'r@example.org',
      noReply: true,
    });
    expect(sent[2]).toMatchObject({ to: ['e@example.org'], subject: 'S3' });
    expect(sent[3]).toMatchObject({ to: ['f@example.org'], replyTo: 'reply@example.org', subject: 'S4', body: 'B4' });
  });

  it("throws Apps Script's invalid e-mail error and sends nothing", () => {
    const ctx = mockContext();
    const mail = createMailApp(ctx);
    expect(() => mail.sendEmail('not-an-address', 'S', 'B')).toThrow('Invalid email: not-an-address');
    expect(() => mail.sendEmail('a@example.org', 'S', 'B', { cc: 'bad@' })).toThrow('Invalid email: bad@');
    expect(() => mail.sendEmail({ to: '', subject: 'S', body: 'B' })).toThrow('Failed to send email: no recipient');
    expect(ctx.store.mail.sent()).toEqual([]);
  });

  it('charges every recipient to a daily quota and throws when it is exhausted', () => {
    const store = createMemoryStore(T0);
    store.mail.setDailyLimit(3);
    const ctx = mockContext({ store });
    const mail = createMailApp(ctx);
    expect(mail.getRemainingDailyQuota()).toBe(3);
    mail.sendEmail('a@example.org', 'S', 'B', { cc: 'b@example.org' });
    expect(mail.getRemainingDailyQuota()).toBe(1);
    expect(() => mail.sendEmail('a@example.org,b@example.org', 'S', 'B')).toThrow(MAIL_QUOTA_MESSAGE);
    expect(MAIL_QUOTA_MESSAGE).toBe('Service invoked too many times for one day: email.');
    mail.sendEmail('a@example.org', 'S', 'B');
    expect(mail.getRemainingDailyQuota()).toBe(0);
    // Another user has a quota of their own.
    expect(createMailApp(mockContext({ store, user: 'other@example.org' })).getRemainingDailyQuota()).toBe(3);
  });

  it('frees each recipient 24 hours after its message, not at any midnight', () => {
    const store = createMemoryStore(Date.UTC(2024, 10, 15, 7, 59)); // 23:59 Los Angeles, 10:59 Moscow
    store.mail.setDailyLimit(2);
    const mail = createMailApp(mockContext({ store }));
    mail.sendEmail('a@example.org', 'S', 'B');
    store.clock.advance(60 * 60_000);
    mail.sendEmail('b@example.org', 'S', 'B');
    expect(mail.getRemainingDailyQuota()).toBe(0);
    // Past midnight in Los Angeles and in Moscow: still nothing left.
    store.clock.advance(14 * 60 * 60_000);
    expect(mail.getRemainingDailyQuota()).toBe(0);
    expect(() => mail.sendEmail('c@example.org', 'S', 'B')).toThrow(MAIL_QUOTA_MESSAGE);
    // 24 hours after the first message only its recipient is free again.
    store.clock.set(Date.UTC(2024, 10, 16, 7, 59));
    expect(mail.getRemainingDailyQuota()).toBe(1);
    store.clock.set(Date.UTC(2024, 10, 16, 8, 59));
    expect(mail.getRemainingDailyQuota()).toBe(2);
  });

  it('needs FULL authorization', () => {
    for (const authMode of ['NONE', 'LIMITED', 'CUSTOM_FUNCTION'] as const) {
      const mail = createMailApp(mockContext({ authMode }));
      expect(() => mail.sendEmail('a@example.org', 'S', 'B')).toThrow(
        'You do not have permission to call MailApp.sendEmail. Required permissions: https://www.googleapis.com/auth/script.send_mail. For more information, see',
      );
    }
  });

  it('is refused, and sends nothing, when the manifest does not ask for script.send_mail', () => {
    const store = createMemoryStore(T0);
    const manifest = { timeZone: 'Europe/Moscow', oauthScopes: ['https://www.googleapis.com/auth/userinfo.email'] };
    const mail = createMailApp(mockContext({ store, manifest }));
    expect(() => mail.sendEmail('a@example.org', 'S', 'B')).toThrow(
      'You do not have permission to call MailApp.sendEmail. Required permissions: https://www.googleapis.com/auth/script.send_mail.',
    );
    expect(store.mail.sent()).toEqual([]);
  });

  it('does not emulate attachments', () => {
    const mail = createMailApp(mockContext());
    expect(() => mail.sendEmail('a@example.org', 'S', 'B', { attachments: [] })).toThrow(
      /^not emulated: MailApp.sendEmail/,
    );
  });
});
