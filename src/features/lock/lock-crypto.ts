/**
 * The passphrase lock's envelope, with the browser's own Web Crypto and nothing else.
 *
 * - A random 256-bit data key encrypts what the site keeps, with AES-GCM and a fresh random 96-bit IV on
 *   every write. The additional data binds each ciphertext to its purpose, so a wrapped key cannot pass for
 *   the data or the other way round.
 * - The data key is stored only wrapped (AES-GCM again) by a key derived from the passphrase with
 *   PBKDF2-SHA-256, 600,000 iterations and a random 128-bit salt (OWASP's figure for PBKDF2-SHA-256).
 * - A wrong passphrase fails the wrapped key's authentication: nothing is decrypted and nothing changes.
 *   Any changed byte of a wrapped key or of the data fails the same way.
 *
 * Stored shape (format 1), under `letting-go:locked` (see lock-store.ts):
 *   { "format": 1,
 *     "kdf": { "name": "PBKDF2", "hash": "SHA-256", "iterations": 600000, "salt": base64 },
 *     "key": { "iv": base64, "data": base64 },      the data key, wrapped
 *     "data": { "iv": base64, "data": base64 },     the kept keys and values as JSON, encrypted
 *     "sealedAt": ISO 8601 }
 */

/** The format this code writes. */
export const LOCK_FORMAT = 1;
/** PBKDF2 iterations for a new lock. Older locks keep their own count, read from the file. */
export const PBKDF2_ITERATIONS = 600_000;
/** The shortest passphrase accepted. */
export const MIN_PASSPHRASE_LENGTH = 8;

const KEY_PURPOSE = new TextEncoder().encode('letting-go:locked:key:1');
const DATA_PURPOSE = new TextEncoder().encode('letting-go:locked:data:1');

/** An encrypted blob: its IV and ciphertext, both base64. */
export interface Sealed {
  iv: string;
  data: string;
}

/** The lock as stored. */
export interface LockFile {
  format: number;
  kdf: { name: 'PBKDF2'; hash: 'SHA-256'; iterations: number; salt: string };
  key: Sealed;
  data: Sealed;
  sealedAt: string;
}

/** What is kept under the lock: storage keys and their values. */
export type KeptValues = Record<string, string>;

/** Why a lock could not be opened. */
export type OpenFailure = 'wrong-passphrase' | 'damaged' | 'newer';

function toBase64(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> | null {
  try {
    const decoded = atob(text);
    return Uint8Array.from(decoded, (char) => char.charCodeAt(0));
  } catch {
    return null;
  }
}

function randomBytes(length: number): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(length));
}

/** The same passphrase typed on another keyboard composes the same characters. */
function passphraseBytes(passphrase: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(passphrase.normalize('NFC'));
}

async function deriveWrappingKey(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey('raw', passphraseBytes(passphrase), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['wrapKey', 'unwrapKey'],
  );
}

/** Encrypts values with the data key, under a fresh IV. */
export async function sealValues(dataKey: CryptoKey, values: KeptValues): Promise<Sealed> {
  const iv = randomBytes(12);
  const plain = new TextEncoder().encode(JSON.stringify(values));
  const cipher = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: DATA_PURPOSE }, dataKey, plain);
  return { iv: toBase64(iv), data: toBase64(new Uint8Array(cipher)) };
}

function isKeptValues(value: unknown): value is KeptValues {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((entry) => typeof entry === 'string')
  );
}

/** Decrypts values; null when anything about them was changed. */
export async function openValues(dataKey: CryptoKey, sealed: Sealed): Promise<KeptValues | null> {
  const iv = fromBase64(sealed.iv);
  const data = fromBase64(sealed.data);
  if (iv === null || data === null || iv.length !== 12) return null;
  try {
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: DATA_PURPOSE }, dataKey, data);
    const values: unknown = JSON.parse(new TextDecoder().decode(plain));
    return isKeptValues(values) ? values : null;
  } catch {
    return null;
  }
}

/** Reads a stored lock; null when it is not one. */
export function readLockFile(value: unknown): LockFile | null {
  if (typeof value !== 'object' || value === null) return null;
  const file = value as Partial<LockFile>;
  const isSealed = (part: unknown): part is Sealed =>
    typeof part === 'object' && part !== null && typeof (part as Sealed).iv === 'string' && typeof (part as Sealed).data === 'string';
  const kdf = file.kdf;
  if (typeof file.format !== 'number' || !isSealed(file.key) || !isSealed(file.data) || typeof file.sealedAt !== 'string') return null;
  if (!kdf || kdf.name !== 'PBKDF2' || kdf.hash !== 'SHA-256' || typeof kdf.salt !== 'string') return null;
  if (!Number.isInteger(kdf.iterations) || kdf.iterations < 100_000) return null;
  return file as LockFile;
}

/** A new lock over `values` with a new data key; returns the file and the (usable, not extractable) data key. */
export async function createLock(
  passphrase: string,
  values: KeptValues,
  now = new Date(),
  iterations = PBKDF2_ITERATIONS,
): Promise<{ file: LockFile; dataKey: CryptoKey }> {
  const exportable = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
  const key = await wrapDataKey(passphrase, exportable, iterations);
  const dataKey = await unwrapDataKey(passphrase, key, false);
  if (dataKey === null) throw new Error('The new lock could not be opened again.');
  const file: LockFile = { format: LOCK_FORMAT, kdf: key.kdf, key: key.key, data: await sealValues(dataKey, values), sealedAt: now.toISOString() };
  return { file, dataKey };
}

async function wrapDataKey(passphrase: string, dataKey: CryptoKey, iterations: number): Promise<Pick<LockFile, 'kdf' | 'key'>> {
  const salt = randomBytes(16);
  const wrapping = await deriveWrappingKey(passphrase, salt, iterations);
  const iv = randomBytes(12);
  const wrapped = await crypto.subtle.wrapKey('raw', dataKey, wrapping, { name: 'AES-GCM', iv, additionalData: KEY_PURPOSE });
  return {
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: toBase64(salt) },
    key: { iv: toBase64(iv), data: toBase64(new Uint8Array(wrapped)) },
  };
}

async function unwrapDataKey(passphrase: string, lock: Pick<LockFile, 'kdf' | 'key'>, extractable: boolean): Promise<CryptoKey | null> {
  const salt = fromBase64(lock.kdf.salt);
  const iv = fromBase64(lock.key.iv);
  const wrapped = fromBase64(lock.key.data);
  if (salt === null || iv === null || wrapped === null || iv.length !== 12) return null;
  try {
    const wrapping = await deriveWrappingKey(passphrase, salt, lock.kdf.iterations);
    return await crypto.subtle.unwrapKey(
      'raw',
      wrapped,
      wrapping,
      { name: 'AES-GCM', iv, additionalData: KEY_PURPOSE },
      { name: 'AES-GCM', length: 256 },
      extractable,
      ['encrypt', 'decrypt'],
    );
  } catch {
    return null;
  }
}

/**
 * Opens a lock with a passphrase: the data key and the values, or why not. A wrong passphrase and a damaged
 * wrapped key cannot be told apart (both fail authentication), so both read as a wrong passphrase.
 */
export async function openLock(
  passphrase: string,
  file: LockFile,
): Promise<{ ok: true; dataKey: CryptoKey; values: KeptValues } | { ok: false; reason: OpenFailure }> {
  if (file.format > LOCK_FORMAT) return { ok: false, reason: 'newer' };
  const dataKey = await unwrapDataKey(passphrase, file, false);
  if (dataKey === null) return { ok: false, reason: 'wrong-passphrase' };
  const values = await openValues(dataKey, file.data);
  return values === null ? { ok: false, reason: 'damaged' } : { ok: true, dataKey, values };
}

/** The same lock under a new passphrase (a new salt and wrapping); the data key and the data stay as they are. */
export async function changePassphrase(
  oldPassphrase: string,
  newPassphrase: string,
  file: LockFile,
  iterations = PBKDF2_ITERATIONS,
): Promise<LockFile | null> {
  const exportable = await unwrapDataKey(oldPassphrase, file, true);
  if (exportable === null) return null;
  const key = await wrapDataKey(newPassphrase, exportable, iterations);
  return { ...file, ...key };
}
