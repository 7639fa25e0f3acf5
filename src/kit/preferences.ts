/**
 * Reader preferences kept on this device, under `letting-go:preferences`.
 *
 * Stored shape: { "isSavingResults": boolean }, whether finished results are saved on this device.
 * Lifecycle: written when the reader changes a setting; never expires. Missing, unreadable or unavailable
 * storage gives the defaults, and a field of the wrong type falls back to its own default, so adding a
 * preference later needs no schema number and no migration. Nothing here throws.
 */
import {
  isPlainObject,
  parseJson,
  readStoredText,
  writeStoredText,
  type StorageLike,
  type WriteOutcome,
} from '../../../kit/storage';

/** The localStorage key holding preferences. */
export const PREFERENCES_STORAGE_KEY = 'letting-go:preferences';

/** Settings the reader can change. */
export interface Preferences {
  /** Whether finished results are saved on this device. */
  isSavingResults: boolean;
}

/** What a reader gets before changing anything: saving is on. */
export const DEFAULT_PREFERENCES: Readonly<Preferences> = { isSavingResults: true };

/** Loads preferences, falling back to the defaults for anything missing or unreadable. */
export function loadPreferences(storage: StorageLike | null): Preferences {
  const read = readStoredText(storage, PREFERENCES_STORAGE_KEY);
  const value = read.ok && read.text !== null ? parseJson(read.text) : undefined;
  const stored = isPlainObject(value) ? value : {};
  return {
    isSavingResults:
      typeof stored.isSavingResults === 'boolean' ? stored.isSavingResults : DEFAULT_PREFERENCES.isSavingResults,
  };
}

/** Saves preferences. */
export function savePreferences(storage: StorageLike | null, preferences: Preferences): WriteOutcome {
  const stored: Preferences = { isSavingResults: preferences.isSavingResults === true };
  return writeStoredText(storage, PREFERENCES_STORAGE_KEY, JSON.stringify(stored));
}
