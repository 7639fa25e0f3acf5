import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BASE64URL_ALPHABET, decodeBase64Url, encodeBase64Url } from '../../../src/features/quiz/engine/base64url';
import { computeCrc16 } from '../../../src/features/quiz/engine/crc16';
import {
  createShareFragment,
  encodeShareCode,
  hashQuizId,
  parseShareCode,
  readShareFragment,
  type ShareCodeFailureReason,
} from '../../../src/features/quiz/engine/share-code';
import { PROBLEM_COPY } from '../../../src/features/quiz/quiz-copy';
import { quizWithAnswersArbitrary } from './arbitraries';
import { fixtureQuiz, nextVersionQuiz, otherQuiz, toAnswers } from './fixtures';

const FIXTURE_ANSWERS = toAnswers('1234512345123');
const REASONS: ShareCodeFailureReason[] = ['malformed', 'checksum', 'foreign', 'outdated', 'unsupported'];

function bytesOf(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

// Builds a fixture code by hand: header fields can be overridden, answers are given as stored 3-bit values.
function craftCode(
  options: { codec?: number; quizHash?: number; version?: number; itemCount?: number; stored?: number[]; extraBytes?: number[]; paddingBits?: number } = {},
): string {
  const stored = options.stored ?? FIXTURE_ANSWERS.map((value) => value - 1);
  const quizHash = options.quizHash ?? hashQuizId(fixtureQuiz.id);
  let bits = stored.map((value) => value.toString(2).padStart(3, '0')).join('');
  const padding = (8 - (bits.length % 8)) % 8;
  if (padding > 0) bits += (options.paddingBits ?? 0).toString(2).padStart(padding, '0');
  const packed = bits.match(/.{8}/g)?.map((byte) => parseInt(byte, 2)) ?? [];
  const body = [
    options.codec ?? 1,
    quizHash >> 8,
    quizHash & 0xff,
    options.version ?? fixtureQuiz.version,
    options.itemCount ?? stored.length,
    ...packed,
    ...(options.extraBytes ?? []),
  ];
  const checksum = computeCrc16(Uint8Array.from(body));
  return encodeBase64Url(Uint8Array.from([...body, checksum >> 8, checksum & 0xff]));
}

describe('building blocks', () => {
  it('computes the CRC-16/CCITT-FALSE check value', () => {
    // The standard check input for CRC catalogues.
    expect(computeCrc16(bytesOf('123456789'))).toBe(0x29b1);
    expect(computeCrc16(new Uint8Array())).toBe(0xffff);
  });

  it.each([
    // RFC 4648 test vectors, without padding.
    ['', ''],
    ['f', 'Zg'],
    ['fo', 'Zm8'],
    ['foo', 'Zm9v'],
    ['foob', 'Zm9vYg'],
    ['fooba', 'Zm9vYmE'],
    ['foobar', 'Zm9vYmFy'],
  ])('encodes %j as %j and back', (plain, encoded) => {
    expect(encodeBase64Url(bytesOf(plain))).toBe(encoded);
    expect(decodeBase64Url(encoded)).toEqual(bytesOf(plain));
  });

  it('uses - and _ where standard base64 has + and /', () => {
    expect(encodeBase64Url(Uint8Array.from([0xfb, 0xff]))).toBe('-_8');
  });

  it.each([
    // Same bytes as "Zg" but with a stray low bit: not the canonical spelling.
    ['Zh'],
    // A single leftover character can't hold a byte.
    ['Zm9vY'],
    // Padding is not part of the format.
    ['Zg=='],
    // Standard base64 characters.
    ['+/8'],
    // Whitespace.
    ['Zm9v '],
  ])('refuses the non-canonical %j', (text) => {
    expect(decodeBase64Url(text)).toBeNull();
  });

  it('hashes quiz ids apart', () => {
    expect(hashQuizId(fixtureQuiz.id)).not.toBe(hashQuizId(otherQuiz.id));
    expect(hashQuizId('victim-mindset')).not.toBe(hashQuizId('readiness-to-let-go'));
  });
});

describe('encodeShareCode and parseShareCode', () => {
  it('packs the fixture into 16 URL-safe characters and reads it back', () => {
    const code = encodeShareCode(fixtureQuiz, FIXTURE_ANSWERS);
    expect(code).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(code).toBe(craftCode());
    expect(parseShareCode(fixtureQuiz, code)).toEqual({ ok: true, answers: FIXTURE_ANSWERS });
  });

  it('refuses to encode incomplete answers', () => {
    expect(() => encodeShareCode(fixtureQuiz, [...FIXTURE_ANSWERS.slice(0, 12), null])).toThrow(/missing answers/);
    expect(() => encodeShareCode(fixtureQuiz, FIXTURE_ANSWERS.slice(0, 12))).toThrow(/13 items but 12/);
  });

  const valid = encodeShareCode(fixtureQuiz, FIXTURE_ANSWERS);
  it.each<[string, string, ShareCodeFailureReason]>([
    // Nothing after #r=.
    ['an empty code', '', 'malformed'],
    // A link cut short by one character.
    ['a truncated code', valid.slice(0, -1), 'malformed'],
    // A link cut short by a whole byte's worth.
    ['a code missing its end', valid.slice(0, -3), 'malformed'],
    // Standard base64 padding added by some tool.
    ['a padded code', `${valid}==`, 'malformed'],
    // Spaces picked up when copying.
    ['a code with spaces', ` ${valid} `, 'malformed'],
    // A percent-encoded character from a mangled URL.
    ['a percent-encoded code', `${valid.slice(0, 4)}%2B${valid.slice(5)}`, 'malformed'],
    // Ten million characters must not hang or throw.
    ['a huge string', 'A'.repeat(10_000_000), 'malformed'],
    // One byte of the answers changed without fixing the checksum.
    ['a changed answer', encodeBase64Url(decodeBase64Url(valid)!.map((byte, index) => (index === 6 ? byte ^ 0x10 : byte))), 'checksum'],
    // Checksum valid, but codec version 2 is from the future.
    ['a newer codec', craftCode({ codec: 2 }), 'unsupported'],
    // Checksum valid, codec version 0 never existed.
    ['codec version 0, which was never made', craftCode({ codec: 0 }), 'malformed'],
    // A real code for a different quiz.
    ['another quiz', encodeShareCode(otherQuiz, FIXTURE_ANSWERS), 'foreign'],
    // A real code for the next version of this quiz.
    ['another version', encodeShareCode(nextVersionQuiz, FIXTURE_ANSWERS), 'outdated'],
    // Checksum valid, but it claims 12 items.
    ['another item count', craftCode({ stored: FIXTURE_ANSWERS.slice(0, 12).map((value) => value - 1) }), 'outdated'],
    // Checksum valid, header right, an answer stored as 7 (value 8).
    ['an answer out of range', craftCode({ stored: [7, ...FIXTURE_ANSWERS.slice(1).map((value) => value - 1)] }), 'malformed'],
    // Checksum valid, but the unused low bits after the answers are not zero.
    ['non-zero padding bits', craftCode({ paddingBits: 1 }), 'malformed'],
    // Checksum valid, header right, one byte too many.
    ['an extra byte', craftCode({ extraBytes: [0] }), 'malformed'],
  ])('rejects %s as %s', (_, code, reason) => {
    const result = parseShareCode(fixtureQuiz, code);
    expect(result).toMatchObject({ ok: false, reason });
  });

  it('gives every reason its own kind sentence on the page', () => {
    const messages = new Map<ShareCodeFailureReason, string>();
    for (const reason of REASONS) {
      const code = {
        malformed: '!',
        checksum: `${valid.slice(0, -1)}${valid.endsWith('A') ? 'B' : 'A'}`,
        foreign: encodeShareCode(otherQuiz, FIXTURE_ANSWERS),
        outdated: encodeShareCode(nextVersionQuiz, FIXTURE_ANSWERS),
        unsupported: craftCode({ codec: 2 }),
      }[reason];
      const result = parseShareCode(fixtureQuiz, code);
      if (result.ok) throw new Error(`expected ${reason}`);
      expect(result.reason).toBe(reason);
      messages.set(reason, PROBLEM_COPY.share[result.reason]);
    }
    expect(new Set(messages.values()).size).toBe(REASONS.length);
    expect(messages.get('malformed')).toBe(
      "This share link looks damaged or incomplete, so we can't show its result. You can take the quiz below.",
    );
    for (const message of messages.values()) expect(message).toMatch(/below\.$/);
  });

  it('survives values that are not strings at all', () => {
    for (const value of [undefined, null, 42, {}, ['AAAA']]) {
      expect(parseShareCode(fixtureQuiz, value as unknown as string)).toMatchObject({ ok: false, reason: 'malformed' });
    }
  });
});

describe('share code properties', () => {
  it('round-trips every complete answer set of every valid quiz', () => {
    fc.assert(
      fc.property(quizWithAnswersArbitrary, ([quiz, answers]) => {
        const code = encodeShareCode(quiz, answers);
        expect(code).toMatch(/^[A-Za-z0-9_-]+$/);
        expect(code.length).toBe(Math.ceil(((7 + Math.ceil((quiz.items.length * 3) / 8)) * 8) / 6));
        expect(parseShareCode(quiz, code)).toEqual({ ok: true, answers });
      }),
    );
  });

  it('rejects every single-character change, deletion and swap of a valid code', () => {
    fc.assert(
      fc.property(quizWithAnswersArbitrary, ([quiz, answers]) => {
        const code = encodeShareCode(quiz, answers);
        const variants: string[] = [];
        for (let position = 0; position < code.length; position += 1) {
          for (const replacement of BASE64URL_ALPHABET) {
            if (replacement !== code[position]) variants.push(code.slice(0, position) + replacement + code.slice(position + 1));
          }
          variants.push(code.slice(0, position) + code.slice(position + 1));
          if (position + 1 < code.length && code[position] !== code[position + 1]) {
            variants.push(code.slice(0, position) + code[position + 1] + code[position] + code.slice(position + 2));
          }
        }
        expect(variants.length).toBeGreaterThan(code.length * 63);
        const accepted = variants.filter((variant) => parseShareCode(quiz, variant).ok);
        expect(accepted).toEqual([]);
      }),
      { numRuns: 12 },
    );
  });

  it('never throws on arbitrary strings, and accepts only canonical codes', () => {
    const stringArbitrary = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 400 }),
      fc.string({ unit: fc.constantFrom(...BASE64URL_ALPHABET), minLength: 10, maxLength: 24 }),
      fc.base64String({ maxLength: 40 }),
    );
    fc.assert(
      fc.property(quizWithAnswersArbitrary, stringArbitrary, ([quiz], text) => {
        const result = parseShareCode(quiz, text);
        if (result.ok) {
          expect(encodeShareCode(quiz, result.answers)).toBe(text);
        } else {
          expect(REASONS).toContain(result.reason);
          expect(PROBLEM_COPY.share[result.reason].length).toBeGreaterThan(20);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('share fragments', () => {
  it.each<[string, string, string | null]>([
    // What location.hash returns.
    ['a hash', '#r=abc', 'abc'],
    // The same without the leading #.
    ['a bare fragment', 'r=abc', 'abc'],
    // No fragment at all.
    ['an empty hash', '', null],
    ['a lone #', '#', null],
    // Another fragment key first.
    ['other keys first', '#x=1&r=abc', 'abc'],
    ['other keys after', '#r=abc&x=1', 'abc'],
    // A key that merely starts with r.
    ['a longer key', '#rr=abc', null],
    // A link cut right after r=: handed over so the page can say it looks damaged.
    ['an empty code', '#r=', ''],
    // A heading anchor, not a share link.
    ['an anchor', '#what-to-do-this-week', null],
  ])('reads %s', (_, hash, expected) => {
    expect(readShareFragment(hash)).toBe(expected);
  });

  it('writes a fragment that reads back to the same code', () => {
    const code = encodeShareCode(fixtureQuiz, FIXTURE_ANSWERS);
    expect(createShareFragment(code)).toBe(`#r=${code}`);
    expect(readShareFragment(createShareFragment(code))).toBe(code);
  });
});
