/**
 * Reader preferences kept on this device, under `letting-go:preferences`.
 *
 * Stored shape: { "isSavingResults": boolean, "lastBackupAt": ISO 8601 | null }: whether finished results
 * are saved on this device, and when the reader last downloaded a backup (for a gentle reminder).
 * Lifecycle: written when the reader changes a setting or downloads a backup, always as a patch over what is
 * stored (so one tab's change never undoes another's); never expires. Missing, unreadable or unavailable
 * storage gives the defaults, and a field of the wrong type falls back to its own default, so adding a
 * preference later needs no schema number and no migration. Nothing here throws.
 */
import {
  isPlainObject,
  isTime,
  parseJson,
  readStoredText,
  writeStoredText,
  type StorageLike,
  type WriteOutcome,
} from './storage';

/** The localStorage key holding preferences. */
export const PREFERENCES_STORAGE_KEY = 'letting-go:preferences';

/** Settings the reader can change, and what the site remembers for them. */
export interface Preferences {
  /** Whether finished results are saved on this device. */
  isSavingResults: boolean;
  /** When the reader last downloaded a backup (ISO 8601), or null. */
  lastBackupAt: string | null;
}

/** What a reader gets before changing anything: saving is on. */
export const DEFAULT_PREFERENCES: Readonly<Preferences> = { isSavingResults: true, lastBackupAt: null };

/** Reads preferences from any value (storage, a backup file), each field falling back to its default. */
export function readPreferences(value: unknown): Preferences {
  const stored = isPlainObject(value) ? value : {};
  const { isSavingResults, lastBackupAt } = stored;
  return {
    isSavingResults: typeof isSavingResults === 'boolean' ? isSavingResults : DEFAULT_PREFERENCES.isSavingResults,
    lastBackupAt: isTime(lastBackupAt) ? lastBackupAt : null,
  };
}

/** Whether preferences were ever stored on this device. */
export function hasStoredPreferences(storage: StorageLike | null): boolean {
  const read = readStoredText(storage, PREFERENCES_STORAGE_KEY);
  return read.ok && read.text !== null;
}

/** Loads preferences, falling back to the defaults for anything missing or unreadable. */
export function loadPreferences(storage: StorageLike | null): Preferences {
  const read = readStoredText(storage, PREFERENCES_STORAGE_KEY);
  return readPreferences(read.ok && read.text !== null ? parseJson(read.text) : undefined);
}

/** Saves a change to some preferences, keeping the others as stored. */
export function savePreferences(storage: StorageLike | null, change: Partial<Preferences>): WriteOutcome {
  const stored = readPreferences({ ...loadPreferences(storage), ...change });
  return writeStoredText(storage, PREFERENCES_STORAGE_KEY, JSON.stringify(stored));
}
