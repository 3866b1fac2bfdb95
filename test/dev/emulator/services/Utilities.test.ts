// Utilities: Java-style formatDate in IANA zones, digests as signed bytes, base64, sleep on the simulated clock.
import { createUtilities } from '../../../../src/dev/emulator/services/Utilities';
import { T0, mockContext } from './mockContext';

const hex = (bytes: number[]): string => bytes.map((b) => (b & 0xff).toString(16).padStart(2, '0')).join('');

describe('Utilities.formatDate', () => {
  const u = createUtilities(mockContext());
  const d = new Date(Date.UTC(2024, 10, 15, 6, 5, 7, 89)); // Friday

  it.each([
    ['yyyy-MM-dd HH:mm:ss.SSS', '2024-11-15 09:05:07.089'],
    ['dd.MM.yyyy', '15.11.2024'],
    ['d.M.yy H:m:s', '15.11.24 9:5:7'],
    ['EEE, d MMM yyyy', 'Fri, 15 Nov 2024'],
    ['EEEE d MMMM', 'Friday 15 November'],
    ['Z', '+0300'],
    ['XXX', '+03:00'],
    ["'Отчёт за' dd.MM 'o''clock'", "Отчёт за 15.11 o'clock"],
    ['h:mm a', '9:05 AM'],
  ])('formats %s in Europe/Moscow', (pattern, expected) => {
    expect(u.formatDate(d, 'Europe/Moscow', pattern)).toBe(expected);
  });

  it('handles UTC, GMT offsets and daylight saving', () => {
    expect(u.formatDate(d, 'UTC', "yyyy-MM-dd'T'HH:mm:ssXXX")).toBe('2024-11-15T06:05:07Z');
    expect(u.formatDate(d, 'GMT+03:00', 'HH:mm Z')).toBe('09:05 +0300');
    const summer = new Date(Date.UTC(2024, 6, 1, 12));
    expect(u.formatDate(summer, 'America/Los_Angeles', 'HH:mm Z')).toBe('05:00 -0700');
    expect(u.formatDate(d, 'America/Los_Angeles', 'HH:mm Z')).toBe('22:05 -0800');
  });

  it('crosses the day boundary in the zone, not in UTC', () => {
    const lateUtc = new Date(Date.UTC(2024, 11, 31, 22, 30));
    expect(u.formatDate(lateUtc, 'Europe/Moscow', 'dd.MM.yyyy')).toBe('01.01.2025');
  });

  it('rejects bad arguments and letters it does not emulate', () => {
    expect(() => u.formatDate('2024-01-01' as unknown as GoogleAppsScript.Base.Date, 'UTC', 'yyyy')).toThrow(
      /don't match the method signature for Utilities.formatDate/,
    );
    expect(() => u.formatDate(d, 'UTC', 'zzz')).toThrow(/^not emulated/);
    expect(() => u.formatDate(d, 'UTC', 'yyyy q')).toThrow(/Illegal pattern character 'q'/);
  });
});

describe('Utilities', () => {
  it('computes digests as signed bytes', () => {
    const u = createUtilities(mockContext());
    const sha = u.computeDigest(u.DigestAlgorithm.SHA_256, 'abc');
    expect(hex(sha)).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha[0]).toBe(-70);
    expect(sha.every((b) => b >= -128 && b <= 127)).toBe(true);
    expect(hex(u.computeDigest(u.DigestAlgorithm.MD5, ''))).toBe('d41d8cd98f00b204e9800998ecf8427e');
    expect(hex(u.computeDigest(u.DigestAlgorithm.SHA_1, 'привет', u.Charset.UTF_8))).toHaveLength(40);
    expect(u.computeDigest(u.DigestAlgorithm.SHA_256, [97, 98, 99])).toEqual(sha);
  });

  it('computes HMAC-SHA256', () => {
    const u = createUtilities(mockContext());
    const sig = u.computeHmacSha256Signature('The quick brown fox jumps over the lazy dog', 'key');
    expect(hex(sig)).toBe('f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8');
  });

  it('encodes and decodes base64', () => {
    const u = createUtilities(mockContext());
    expect(u.base64Encode('Привет')).toBe('0J/RgNC40LLQtdGC');
    expect(Buffer.from(u.base64Decode('0J/RgNC40LLQtdGC').map((b) => b & 0xff)).toString('utf8')).toBe('Привет');
    expect(u.base64Decode('/w==')).toEqual([-1]);
    expect(u.base64EncodeWebSafe('Привет')).toBe('0J_RgNC40LLQtdGC');
  });

  it('sleeps on the simulated clock, at most 300000 ms', () => {
    const ctx = mockContext();
    const u = createUtilities(ctx);
    u.sleep(1500);
    expect(ctx.now()).toBe(T0 + 1500);
    expect(() => u.sleep(300001)).toThrow(new Error('Invalid argument: milliseconds'));
    expect(() => u.sleep(-1)).toThrow(new Error('Invalid argument: milliseconds'));
  });

  it('makes UUIDs and formats strings', () => {
    const u = createUtilities(mockContext());
    expect(u.getUuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(u.formatString('%s has %d items (%.2f%%)', 'Школа', 3, 12.345)).toBe('Школа has 3 items (12.35%)');
  });
});
