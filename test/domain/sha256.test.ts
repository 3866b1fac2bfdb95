// The plain-JS SHA-256 agrees with Node's crypto on any text, Cyrillic and emoji included.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { sha256Hex } from '../../src/domain/sha256';

const reference = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

test('known vectors', () => {
  expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  expect(sha256Hex('Отчёт за ноябрь 2023')).toBe(reference('Отчёт за ноябрь 2023'));
});

test('matches node:crypto for any string, across block boundaries', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (s) => sha256Hex(s) === reference(s)),
    { numRuns: 300 },
  );
  for (let n = 50; n < 140; n++) expect(sha256Hex('я'.repeat(n))).toBe(reference('я'.repeat(n)));
});
