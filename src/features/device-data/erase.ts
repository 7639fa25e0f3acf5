/**
 * Erasing everything the site keeps on this device: every `letting-go:` key, the theme choice, and (in the
 * page) the service worker's caches and registration. What is there is described first, so the reader
 * confirms knowing what will go, and the report after says what went.
 */
import { KEY_PREFIX, isLockSet, removeStoredText, type StorageLike } from '../../kit/storage';
import { listKeys } from './stored-keys';
import { readWritableResults, RESULTS_STORAGE_KEY } from '../quiz/engine/results';
import { PREFERENCES_STORAGE_KEY } from '../../kit/preferences';
import { THEME_KEY, readStoredTheme } from '../theme/theme-choice';
import { loadCollection } from '../../kit/collection';
import { COLLECTIONS, type KeptCollection } from './collections';

/** What the site keeps on this device now, by kind. */
export interface KeptData {
  /** Saved results (unknown when they were saved by a newer version of the site: then null). */
  resultCount: number | null;
  /** Quizzes with unfinished answers kept for later. */
  progressCount: number;
  hasPreferences: boolean;
  hasTheme: boolean;
  /** A passphrase lock is set (its key is hidden from the open lock's store, so it is read apart). */
  hasLock: boolean;
  /** Each tool's collection that holds entries, with how many (null when a newer version wrote it). */
  collections: Array<{ words: KeptCollection['words']; count: number | null }>;
  /** Every key the site wrote, including any the kinds above do not name. */
  keys: string[];
}

/** Every key the site keeps on this device: its own `letting-go:` keys and the theme choice. */
function keptKeys(storage: StorageLike | null): string[] {
  return [...listKeys(storage, KEY_PREFIX), ...(readStoredTheme(storage) !== null ? [THEME_KEY] : [])];
}

/** Lists what the site keeps on this device. */
export function describeKept(storage: StorageLike | null, collections: readonly KeptCollection[] = COLLECTIONS): KeptData {
  const keys = keptKeys(storage);
  const results = readWritableResults(storage);
  const progressCount = keys.filter((key) => key.startsWith(`${KEY_PREFIX}progress:`)).length;
  return {
    resultCount: Array.isArray(results) ? results.length : keys.includes(RESULTS_STORAGE_KEY) ? null : 0,
    progressCount,
    hasPreferences: keys.includes(PREFERENCES_STORAGE_KEY),
    hasTheme: keys.includes(THEME_KEY),
    hasLock: isLockSet(),
    collections: collections.flatMap(({ spec, words }): KeptData['collections'] => {
      const loaded = loadCollection(storage, spec);
      if (loaded.status === 'newer') return [{ words, count: null }];
      return loaded.entries.length > 0 ? [{ words, count: loaded.entries.length }] : [];
    }),
    keys,
  };
}

/** Removes every key the site keeps; returns the keys it could not remove (none, unless storage failed). */
export function eraseStoredData(storage: StorageLike | null): { removed: string[]; failed: string[] } {
  const keys = keptKeys(storage);
  const removed: string[] = [];
  const failed: string[] = [];
  for (const key of keys) (removeStoredText(storage, key).ok ? removed : failed).push(key);
  return { removed, failed };
}
