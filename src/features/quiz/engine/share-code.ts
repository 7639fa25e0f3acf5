/**
 * Share codes: a complete answer set packed into a short string for a link like /quizzes/<id>/#r=<code>.
 * Links live on in chats and bookmarks, so the format is versioned and checksummed.
 *
 * Codec version 1, as bytes before base64url encoding (no padding):
 *   [0]     codec version (1)
 *   [1-2]   CRC-16 of the quiz id's UTF-8 bytes, big-endian: tells quizzes apart
 *   [3]     quiz version (the schema caps it at 255)
 *   [4]     item count
 *   [5..]   answers, 3 bits each as value - 1 (0-4), first item in the highest bits; unused low bits are 0
 *   [last2] CRC-16/CCITT-FALSE of every byte before it, big-endian
 * A 12-item quiz gives 12 bytes, 16 characters. Every future codec version must keep the trailing CRC-16 so
 * a damaged link is always reported as damaged, never as "from a newer format".
 *
 * A code is for one quiz version: after the quiz changes (version bump), old links are reported as
 * outdated rather than scored against different items. The codec is not secret; it only guards against
 * mangled or mismatched links.
 */
import type { QuizDefinition } from '../quiz-schema';
import { assertCompleteAnswers, type AnswerValue, type Answers, type CompleteAnswers } from './answers';
import { decodeBase64Url, encodeBase64Url } from './base64url';
import { computeCrc16 } from './crc16';

/** Why a share code could not be used. */
export type ShareCodeFailureReason = 'malformed' | 'checksum' | 'foreign' | 'outdated' | 'unsupported';

/** The outcome of reading a share code: the answers, or why not (the page has a sentence for each reason). */
export type ShareCodeResult = { ok: true; answers: CompleteAnswers } | { ok: false; reason: ShareCodeFailureReason };

const CODEC_VERSION = 1;
const HEADER_LENGTH = 5;
const CHECKSUM_LENGTH = 2;
const BITS_PER_ANSWER = 3;
// Far above any real code (18 characters for 16 items), low enough that hostile input costs nothing.
const MAX_CODE_LENGTH = 256;
const FRAGMENT_PREFIX = 'r=';

function fail(reason: ShareCodeFailureReason): ShareCodeResult {
  return { ok: false, reason };
}

/** Hashes a quiz id to the 16-bit value stored in its share codes. */
export function hashQuizId(quizId: string): number {
  return computeCrc16(new TextEncoder().encode(quizId));
}

function countPackedBytes(itemCount: number): number {
  return Math.ceil((itemCount * BITS_PER_ANSWER) / 8);
}

function writeBits(bytes: Uint8Array, bitOffset: number, bitCount: number, value: number): void {
  for (let bit = 0; bit < bitCount; bit += 1) {
    if ((value >> (bitCount - 1 - bit)) & 1) {
      const position = bitOffset + bit;
      bytes[position >> 3] |= 0x80 >> (position & 7);
    }
  }
}

function readBits(bytes: Uint8Array, bitOffset: number, bitCount: number): number {
  let value = 0;
  for (let bit = 0; bit < bitCount; bit += 1) {
    const position = bitOffset + bit;
    value = (value << 1) | ((bytes[position >> 3] >> (7 - (position & 7))) & 1);
  }
  return value;
}

/** Encodes a complete answer set as a share code; throws a RangeError if the answers are incomplete. */
export function encodeShareCode(quiz: QuizDefinition, answers: Answers): string {
  assertCompleteAnswers(quiz, answers, 'encodeShareCode');
  const itemCount = quiz.items.length;
  if (quiz.version > 0xff || itemCount > 0xff) {
    throw new RangeError(`encodeShareCode: quiz "${quiz.id}" has a version or item count above 255.`);
  }
  const bodyLength = HEADER_LENGTH + countPackedBytes(itemCount);
  const bytes = new Uint8Array(bodyLength + CHECKSUM_LENGTH);
  const quizHash = hashQuizId(quiz.id);
  bytes.set([CODEC_VERSION, quizHash >> 8, quizHash & 0xff, quiz.version, itemCount]);
  answers.forEach((value, index) => {
    writeBits(bytes, HEADER_LENGTH * 8 + index * BITS_PER_ANSWER, BITS_PER_ANSWER, value - 1);
  });
  const checksum = computeCrc16(bytes.subarray(0, bodyLength));
  bytes.set([checksum >> 8, checksum & 0xff], bodyLength);
  return encodeBase64Url(bytes);
}

function decodeAnswers(bytes: Uint8Array, itemCount: number): CompleteAnswers | null {
  const answers: AnswerValue[] = [];
  for (let index = 0; index < itemCount; index += 1) {
    const stored = readBits(bytes, HEADER_LENGTH * 8 + index * BITS_PER_ANSWER, BITS_PER_ANSWER);
    if (stored > 4) return null;
    answers.push((stored + 1) as AnswerValue);
  }
  const usedBits = HEADER_LENGTH * 8 + itemCount * BITS_PER_ANSWER;
  const paddingBits = (HEADER_LENGTH + countPackedBytes(itemCount)) * 8 - usedBits;
  return readBits(bytes, usedBits, paddingBits) === 0 ? answers : null;
}

function readShareCode(quiz: QuizDefinition, code: string): ShareCodeResult {
  if (typeof code !== 'string' || code.length === 0 || code.length > MAX_CODE_LENGTH) return fail('malformed');
  const bytes = decodeBase64Url(code);
  if (bytes === null || bytes.length < HEADER_LENGTH + CHECKSUM_LENGTH) return fail('malformed');

  // The checksum comes first: a damaged link must read as damaged, whatever its damaged header claims.
  const bodyLength = bytes.length - CHECKSUM_LENGTH;
  const storedChecksum = (bytes[bodyLength] << 8) | bytes[bodyLength + 1];
  if (computeCrc16(bytes.subarray(0, bodyLength)) !== storedChecksum) return fail('checksum');

  // Versions start at 1, so 0 was never made by this site: a damaged code, not one from the future.
  if (bytes[0] === 0) return fail('malformed');
  if (bytes[0] > CODEC_VERSION) return fail('unsupported');
  if (((bytes[1] << 8) | bytes[2]) !== hashQuizId(quiz.id)) return fail('foreign');
  const itemCount = quiz.items.length;
  if (bytes[3] !== quiz.version || bytes[4] !== itemCount) return fail('outdated');
  if (bodyLength !== HEADER_LENGTH + countPackedBytes(itemCount)) return fail('malformed');

  const answers = decodeAnswers(bytes, itemCount);
  return answers === null ? fail('malformed') : { ok: true, answers };
}

/** Reads a share code for this quiz. Never throws: anything unusable comes back as { ok: false, reason }. */
export function parseShareCode(quiz: QuizDefinition, code: string): ShareCodeResult {
  try {
    return readShareCode(quiz, code);
  } catch {
    // Only reachable through a bug or a quiz that skipped validation; the page must still render.
    return fail('malformed');
  }
}

/** Returns the share code in a location hash such as "#r=<code>" (or "r=<code>"), or null when there is none. */
export function readShareFragment(hash: string): string | null {
  if (typeof hash !== 'string') return null;
  const fragment = hash.startsWith('#') ? hash.slice(1) : hash;
  // No percent-decoding: valid codes never need it, so anything encoded is left for parseShareCode to reject.
  const part = fragment.split('&').find((entry) => entry.startsWith(FRAGMENT_PREFIX));
  return part === undefined ? null : part.slice(FRAGMENT_PREFIX.length);
}

/** Builds the location hash that carries a share code, e.g. "#r=<code>". */
export function createShareFragment(code: string): string {
  return `#${FRAGMENT_PREFIX}${code}`;
}
