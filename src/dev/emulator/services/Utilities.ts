// Emulated Utilities: formatDate, formatString, getUuid, sleep (simulated clock), digests, base64.
import { createHash, createHmac, randomUUID } from 'node:crypto';
import type { ExecutionContext } from '../context';
import { makeEnum, type EnumValue } from './enums';
import { UnsupportedPatternLetter, formatJavaDate } from './javaDateFormat';
import { formatJavaString } from './javaFormat';

export const SLEEP_MAX_MS = 300000;
const DIGESTS = {
  MD2: null,
  MD5: 'md5',
  SHA_1: 'sha1',
  SHA_256: 'sha256',
  SHA_384: 'sha384',
  SHA_512: 'sha512',
} as const;

/** Node bytes → Apps Script's signed Java bytes (-128..127). */
export function toSignedBytes(buf: Uint8Array): number[] {
  return Array.from(buf, (b) => (b > 127 ? b - 256 : b));
}

/** Utilities for one execution. */
export function createUtilities(ctx: ExecutionContext): GoogleAppsScript.Utilities.Utilities {
  const Charset = makeEnum(['US_ASCII', 'UTF_8'] as const);
  const DigestAlgorithm = makeEnum(['MD2', 'MD5', 'SHA_1', 'SHA_256', 'SHA_384', 'SHA_512'] as const);
  const MacAlgorithm = makeEnum(['HMAC_MD5', 'HMAC_SHA_1', 'HMAC_SHA_256', 'HMAC_SHA_384', 'HMAC_SHA_512'] as const);
  const count = (m: string): void => ctx.count('Utilities', m);
  const signature = (method: string, args: unknown[]): never => {
    const types = args.map((a) =>
      a === null ? 'null' : Array.isArray(a) ? 'number[]' : typeof a === 'object' ? String(a) : typeof a,
    );
    throw ctx.createError(
      `The parameters (${types.join(',')}) don't match the method signature for Utilities.${method}.`,
    );
  };

  /** String (in charset) or Byte[] → Buffer. */
  function bytes(method: string, value: unknown, charset: unknown, args: unknown[]): Buffer {
    if (typeof value === 'string') {
      if (charset === undefined || charset === Charset.UTF_8) return Buffer.from(value, 'utf8');
      if (charset === Charset.US_ASCII) return Buffer.from(value.replace(/[\u0080-\uffff]/g, '?'), 'latin1');
      return signature(method, args);
    }
    if (Array.isArray(value) && value.every((b) => Number.isInteger(b) && b >= -128 && b <= 255)) {
      return Buffer.from(value.map((b: number) => b & 0xff));
    }
    return signature(method, args);
  }

  const decodeTo = (buf: Buffer, charset: unknown): number[] => {
    if (charset !== undefined && charset !== Charset.UTF_8 && charset !== Charset.US_ASCII)
      ctx.notEmulated('Utilities.base64Decode(charset)');
    return toSignedBytes(buf);
  };

  const utilities = {
    Charset,
    DigestAlgorithm,
    MacAlgorithm,
    formatDate(...args: unknown[]) {
      count('formatDate');
      const [date, tz, pattern] = args;
      if (
        Object.prototype.toString.call(date) !== '[object Date]' ||
        typeof tz !== 'string' ||
        typeof pattern !== 'string'
      ) {
        return signature('formatDate', args);
      }
      const ms = (date as Date).getTime();
      if (Number.isNaN(ms)) throw ctx.createError('Invalid argument: date');
      try {
        return formatJavaDate(ms, tz, pattern);
      } catch (e) {
        if (e instanceof UnsupportedPatternLetter)
          return ctx.notEmulated(`Utilities.formatDate pattern letter '${e.letter}'`);
        throw ctx.createError(`Invalid argument: ${(e as Error).message}`);
      }
    },
    formatString(template: string, ...args: unknown[]) {
      count('formatString');
      return formatJavaString(String(template), args);
    },
    getUuid() {
      count('getUuid');
      return randomUUID();
    },
    sleep(milliseconds: unknown) {
      count('sleep');
      if (typeof milliseconds !== 'number' || !Number.isFinite(milliseconds)) return signature('sleep', [milliseconds]);
      // Apps Script allows 0..300000; the wording outside that range is not confirmed, so both ends throw.
      if (milliseconds < 0 || milliseconds > SLEEP_MAX_MS) throw ctx.createError('Invalid argument: milliseconds');
      if (milliseconds > 0) ctx.store.clock.advance(Math.floor(milliseconds));
    },
    computeDigest(...args: unknown[]) {
      count('computeDigest');
      const [algorithm, value, charset] = args;
      const entry = Object.entries(DigestAlgorithm).find(([, v]) => v === algorithm);
      if (!entry) return signature('computeDigest', args);
      const node = DIGESTS[entry[0] as keyof typeof DIGESTS];
      if (node === null) return ctx.notEmulated('Utilities.computeDigest(MD2)');
      return toSignedBytes(
        createHash(node)
          .update(bytes('computeDigest', value, charset, args))
          .digest(),
      );
    },
    computeHmacSha256Signature(...args: unknown[]) {
      count('computeHmacSha256Signature');
      const [value, key, charset] = args;
      const v = bytes('computeHmacSha256Signature', value, charset, args);
      const k = bytes('computeHmacSha256Signature', key, charset, args);
      return toSignedBytes(createHmac('sha256', k).update(v).digest());
    },
    base64Encode(...args: unknown[]) {
      count('base64Encode');
      return bytes('base64Encode', args[0], args[1], args).toString('base64');
    },
    base64EncodeWebSafe(...args: unknown[]) {
      count('base64EncodeWebSafe');
      return bytes('base64EncodeWebSafe', args[0], args[1], args)
        .toString('base64')
        .replace(/\+/g, '-')
        .replace(/\//g, '_');
    },
    base64Decode(encoded: unknown, charset?: EnumValue) {
      count('base64Decode');
      if (typeof encoded !== 'string') return signature('base64Decode', [encoded]);
      if (!/^[A-Za-z0-9+/\s]*={0,2}\s*$/.test(encoded)) throw ctx.createError('Could not decode string.');
      return decodeTo(Buffer.from(encoded, 'base64'), charset);
    },
    base64DecodeWebSafe(encoded: unknown, charset?: EnumValue) {
      count('base64DecodeWebSafe');
      if (typeof encoded !== 'string') return signature('base64DecodeWebSafe', [encoded]);
      if (!/^[A-Za-z0-9\-_\s]*={0,2}\s*$/.test(encoded)) throw ctx.createError('Could not decode string.');
      return decodeTo(Buffer.from(encoded, 'base64url'), charset);
    },
    computeHmacSignature: () => ctx.notEmulated('Utilities.computeHmacSignature'),
    computeRsaSha1Signature: () => ctx.notEmulated('Utilities.computeRsaSha1Signature'),
    computeRsaSha256Signature: () => ctx.notEmulated('Utilities.computeRsaSha256Signature'),
    computeRsaSignature: () => ctx.notEmulated('Utilities.computeRsaSignature'),
    gzip: () => ctx.notEmulated('Utilities.gzip'),
    ungzip: () => ctx.notEmulated('Utilities.ungzip'),
    zip: () => ctx.notEmulated('Utilities.zip'),
    unzip: () => ctx.notEmulated('Utilities.unzip'),
    newBlob: () => ctx.notEmulated('Utilities.newBlob'),
    parseCsv: () => ctx.notEmulated('Utilities.parseCsv'),
    parseDate: () => ctx.notEmulated('Utilities.parseDate'),
    jsonParse: () => ctx.notEmulated('Utilities.jsonParse'),
    jsonStringify: () => ctx.notEmulated('Utilities.jsonStringify'),
  };
  return utilities as unknown as GoogleAppsScript.Utilities.Utilities;
}
