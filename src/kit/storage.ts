/**
 * The part of the Web Storage API the site's stores use; callers inject it so tests can stand in a fake.
 * `length` and `key` are only needed to list keys (backups, erasing everything).
 */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  readonly length?: number;
  key?(index: number): string | null;
}

/** The prefix of every key the site writes, but the theme choice (`theme`, read before first paint). */
export const KEY_PREFIX = 'letting-go:';

/** Why a write did not happen. */
export type StorageFailureReason = 'unavailable' | 'quota' | 'newer-data' | 'invalid';

/** A write that did not happen, and why (pages hold a sentence for the reader for each reason). */
export interface WriteFailure {
  ok: false;
  reason: StorageFailureReason;
}

/** The outcome of a write: writes never throw. */
export type WriteOutcome = { ok: true } | WriteFailure;

/** The outcome of a read: the stored text (null when the key is absent), or unavailable storage. */
export type ReadOutcome = { ok: true; text: string | null } | { ok: false };

// Browsers name this error differently; old Safari private windows throw it on every write.
const QUOTA_ERROR_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);
const QUOTA_ERROR_CODES = new Set([22, 1014]);

/** Builds the failed write outcome for a reason. */
export function createWriteFailure(reason: StorageFailureReason): WriteFailure {
  return { ok: false, reason };
}

function isQuotaError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, code } = error as { name?: unknown; code?: unknown };
  return (
    (typeof name === 'string' && QUOTA_ERROR_NAMES.has(name)) ||
    (typeof code === 'number' && QUOTA_ERROR_CODES.has(code))
  );
}

/** The key of the passphrase lock (features/lock): when it is there, everything else lives inside it. */
export const LOCK_KEY = 'letting-go:locked';

/** Whether the reader has set a passphrase lock on this device (read straight from localStorage). */
export function isLockSet(): boolean {
  try {
    return globalThis.localStorage?.getItem(LOCK_KEY) != null;
  } catch {
    return false;
  }
}

/** The store the page uses instead of localStorage, once the passphrase lock is open (features/lock). */
let openStore: StorageLike | null = null;

/** Makes every later getLocalStorage() on this page return `storage` (the open lock), or localStorage again. */
export function useStore(storage: StorageLike | null): void {
  openStore = storage;
}

/**
 * Returns the store the site's data lives in: the open lock's when there is one, else the browser's
 * localStorage, or null when it is missing or throws on access. `scope` is for tests.
 */
export function getLocalStorage(scope: object = globalThis): StorageLike | null {
  if (openStore !== null && scope === globalThis) return openStore;
  // Blocked cookies and sandboxed frames throw on merely reading the property.
  try {
    const storage = (scope as { localStorage?: StorageLike }).localStorage;
    return storage ?? null;
  } catch {
    return null;
  }
}

/** Reads a key without ever throwing. */
export function readStoredText(storage: StorageLike | null, key: string): ReadOutcome {
  if (storage === null) return { ok: false };
  try {
    const text = storage.getItem(key);
    return { ok: true, text: typeof text === 'string' ? text : null };
  } catch {
    return { ok: false };
  }
}

/** Writes a key without ever throwing; a full store gives reason 'quota', anything else 'unavailable'. */
export function writeStoredText(storage: StorageLike | null, key: string, text: string): WriteOutcome {
  if (storage === null) return createWriteFailure('unavailable');
  try {
    storage.setItem(key, text);
    return { ok: true };
  } catch (error) {
    return createWriteFailure(isQuotaError(error) ? 'quota' : 'unavailable');
  }
}

/** Removes a key without ever throwing. */
export function removeStoredText(storage: StorageLike | null, key: string): WriteOutcome {
  if (storage === null) return createWriteFailure('unavailable');
  try {
    storage.removeItem(key);
    return { ok: true };
  } catch {
    return createWriteFailure('unavailable');
  }
}

/** Parses JSON text without throwing; undefined when it is not valid JSON. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Whether a value is a time as stored: a string that Date.parse reads. */
export function isTime(value: unknown): value is string {
  return typeof value === 'string' && Number.isFinite(Date.parse(value));
}

/** Whether a value is a plain JSON object (not null, not an array). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
