/**
 * The backup file: everything the site keeps on this device, in one file the reader downloads and can bring
 * back into this browser or another. Restoring merges: nothing on the device is ever removed or replaced.
 *
 * File shape, format 3 (current):
 *   { "app": "letting-go", "kind": "backup", "format": 3, "exportedAt": ISO 8601,
 *     "results": { "schema": 3, "results": StoredResult[] },        as stored (quiz/engine/results.ts)
 *     "progress": { "<quizId>": ProgressEntry },                      unfinished answers (quiz/engine/progress.ts)
 *     "preferences": { "isSavingResults": true, ... } | null,         kit/preferences.ts (null: none set)
 *     "theme": "light" | "dark" | null,                               the theme choice, if one was made
 *     "collections": { "<name>": { "format": n, "entries": [...] } } each tool's collection (kit/collection.ts) }
 * Format 2 is format 3 without "collections"; it still restores.
 * Each part carries its own schema or format and goes through that part's own reading and migrations, so a
 * file made months ago restores like a new one.
 * Format 1, the first builds' "results file": { "app": "letting-go", "schema": 1 | 2 | 3, "exportedAt",
 * "results": [...] } holds results only, and still restores.
 * A newer format than this code knows is refused, unread, rather than half understood.
 * A locked backup (made while the passphrase lock was on) is { "app", "kind": "backup", "format": 3,
 * "exportedAt", "locked": <a lock file, see features/lock/lock-crypto.ts> } whose sealed values hold
 * { "backup": <the plain file's text> }; the same passphrase opens it.
 *
 * Restore rules: results are merged by id (an id already here keeps its saved version, and the report says so);
 * unfinished answers are merged statement by statement, the answer given last winning (as between two tabs); preferences and the
 * theme are taken from the file only when this device has none of its own.
 */
import { KEY_PREFIX, isPlainObject, parseJson, readStoredText, writeStoredText, type StorageFailureReason, type StorageLike, type WriteFailure } from '../../kit/storage';
import { hasStoredPreferences, loadPreferences, readPreferences, savePreferences } from '../../kit/preferences';
import { THEME_KEY, readStoredTheme } from '../theme/theme-choice';
import { decodeCollection, loadCollection, mergeIntoCollection } from '../../kit/collection';
import { COLLECTIONS, type KeptCollection } from './collections';
import { listKeys } from './stored-keys';
import { MAX_BACKUP_BYTES } from './backup-limit';
import { mergeResults } from './merge-results';
import {
  RESULTS_SCHEMA,
  decodeResults,
  readWritableResults,
  writeResults,
  type StoredResult,
} from '../quiz/engine/results';
import { readProgressEntry, saveProgress, type ProgressQuiz } from '../quiz/engine/progress';

const APP_MARKER = 'letting-go';
/** The file format this code writes. */
export const BACKUP_FORMAT = 3;

/** Why a file could not be restored, beyond the usual write failures. */
export type RestoreFailureReason = StorageFailureReason | 'invalid-file' | 'newer-file' | 'too-large' | 'locked-file';

/** What a file holds, read and checked part by part. */
export interface BackupContents {
  results: StoredResult[];
  /** Records of the file that could not be read. */
  unreadableCount: number;
  /** Results the file held twice (the first is used). */
  repeatedCount: number;
  /** Unfinished answers by quiz id, as stored (checked against the quiz when restored). */
  progress: Record<string, unknown>;
  preferences: unknown;
  theme: 'light' | 'dark' | null;
  /** Each tool's collection as the file holds it, by name (checked when restored). */
  collections: Record<string, unknown>;
}

/** What restoring one collection did. */
export interface CollectionReport {
  words: KeptCollection['words'];
  addedCount: number;
  /** Entries here that the file held a later copy of, now replaced by it. */
  updatedCount: number;
  /** Entries of the file that could not be read, or the whole collection when it came from a newer version. */
  unreadableCount: number;
  isNewer: boolean;
}

/** What a restore did, for a report that says exactly that. */
export interface RestoreReport {
  addedCount: number;
  identicalCount: number;
  /** Results whose id was already here with other details: the one here was kept. */
  conflictingCount: number;
  unreadableCount: number;
  repeatedCount: number;
  /** Quizzes whose unfinished answers were brought in. */
  progressCount: number;
  isPreferencesRestored: boolean;
  isThemeRestored: boolean;
  /** One report per collection the file held. */
  collections: CollectionReport[];
}

/** The outcome of reading or restoring a file. */
export type RestoreOutcome = { ok: true; report: RestoreReport } | { ok: false; reason: RestoreFailureReason };

/** Everything the site keeps, as the JSON text of a backup file. */
export function createBackup(storage: StorageLike | null, exportedAt: Date = new Date(), collections: readonly KeptCollection[] = COLLECTIONS): string {
  const results = readWritableResults(storage);
  const progress: Record<string, unknown> = {};
  for (const key of listKeys(storage, `${KEY_PREFIX}progress:`)) {
    const read = readStoredText(storage, key);
    const value = read.ok && read.text !== null ? parseJson(read.text) : undefined;
    if (value !== undefined) progress[key.slice(`${KEY_PREFIX}progress:`.length)] = value;
  }
  const file = {
    app: APP_MARKER,
    kind: 'backup',
    format: BACKUP_FORMAT,
    exportedAt: exportedAt.toISOString(),
    results: { schema: RESULTS_SCHEMA, results: Array.isArray(results) ? results : [] },
    progress,
    // Only settings the reader has: restoring a file never writes defaults as if they were chosen.
    preferences: hasStoredPreferences(storage) ? loadPreferences(storage) : null,
    theme: readStoredTheme(storage),
    collections: Object.fromEntries(
      collections.flatMap(({ spec }) => {
        const { entries } = loadCollection(storage, spec);
        return entries.length > 0 ? [[spec.name, { format: spec.format, entries }]] : [];
      }),
    ),
  };
  return JSON.stringify(file, null, 2);
}

function fail(reason: RestoreFailureReason): { ok: false; reason: RestoreFailureReason } {
  return { ok: false, reason };
}

/** Reads a file's text: its contents, or why it cannot be used (nothing is written). */
export function readBackup(text: string): { ok: true; contents: BackupContents } | { ok: false; reason: RestoreFailureReason } {
  if (typeof text !== 'string') return fail('invalid-file');
  if (text.length > MAX_BACKUP_BYTES) return fail('too-large');
  const file = parseJson(text);
  if (!isPlainObject(file) || file.app !== APP_MARKER) return fail('invalid-file');
  const isBackup = file.kind === 'backup';
  // Made while the passphrase lock was on: the page asks for the passphrase and hands back the file inside.
  if (isBackup && isPlainObject(file.locked)) return fail('locked-file');
  if (isBackup && (typeof file.format !== 'number' || file.format > BACKUP_FORMAT)) {
    return fail(typeof file.format === 'number' ? 'newer-file' : 'invalid-file');
  }
  // Format 1 is the results envelope itself, with the marker added.
  const decoded = decodeResults(isBackup ? file.results : file);
  if (decoded.kind === 'newer') return fail('newer-file');
  if (decoded.kind === 'corrupt') return fail('invalid-file');
  const progress = isBackup && isPlainObject(file.progress) ? file.progress : {};
  const theme = isBackup && (file.theme === 'light' || file.theme === 'dark') ? file.theme : null;
  const contents: BackupContents = {
    results: decoded.results,
    unreadableCount: decoded.droppedCount - decoded.repeatedCount,
    repeatedCount: decoded.repeatedCount,
    progress,
    preferences: isBackup && isPlainObject(file.preferences) ? file.preferences : undefined,
    theme,
    collections: isBackup && isPlainObject(file.collections) ? file.collections : {},
  };
  // A backup file is usable even when it holds nothing: restoring it says so. (Progress only comes in a backup.)
  if (!isBackup && contents.results.length === 0 && decoded.droppedCount > 0) return fail('invalid-file');
  return { ok: true, contents };
}

function restoreProgress(storage: StorageLike | null, quizzes: readonly ProgressQuiz[], progress: Record<string, unknown>): number {
  let restored = 0;
  for (const quiz of quizzes) {
    const incoming = readProgressEntry(quiz, progress[quiz.id]);
    if (incoming === null || !incoming.answers.some((answer) => answer !== null)) continue;
    // The same merge as a second tab's: statement by statement, the answer given last wins.
    if (saveProgress(storage, quiz, incoming).outcome.ok) restored += 1;
  }
  return restored;
}

function restoreCollections(
  storage: StorageLike | null,
  held: Record<string, unknown>,
  collections: readonly KeptCollection[],
): CollectionReport[] | WriteFailure {
  const reports: CollectionReport[] = [];
  for (const { spec, words } of collections) {
    if (!(spec.name in held)) continue;
    const decoded = decodeCollection(spec, held[spec.name]);
    const report = { words, addedCount: 0, updatedCount: 0, unreadableCount: decoded.droppedCount, isNewer: decoded.status === 'newer' };
    if (decoded.status === 'ok' && decoded.entries.length > 0) {
      const merged = mergeIntoCollection(storage, spec, decoded.entries);
      if (!merged.ok) return merged;
      report.addedCount = merged.merge.addedCount;
      report.updatedCount = merged.merge.updatedCount;
    }
    reports.push(report);
  }
  return reports;
}

/**
 * Brings a file's contents into this device, merging (see the rules above); `quizzes` are the quizzes whose
 * unfinished answers can be checked and kept. Nothing on the device is removed. Results come first: when
 * they cannot be written, nothing else is.
 */
export function restoreBackup(
  storage: StorageLike | null,
  contents: BackupContents,
  quizzes: readonly ProgressQuiz[],
  collections: readonly KeptCollection[] = COLLECTIONS,
): RestoreOutcome {
  const existing = readWritableResults(storage);
  if (!Array.isArray(existing)) return existing;
  const merge = mergeResults(existing, contents.results);
  if (merge.added.length > 0) {
    const written = writeResults(storage, merge.results);
    if (!written.ok) return written;
  }
  const progressCount = restoreProgress(storage, quizzes, contents.progress);
  const isPreferencesRestored =
    contents.preferences !== undefined && !hasStoredPreferences(storage) && savePreferences(storage, readPreferences(contents.preferences)).ok;
  const isThemeRestored =
    contents.theme !== null && readStoredTheme(storage) === null && writeStoredText(storage, THEME_KEY, contents.theme).ok;
  const collectionReports = restoreCollections(storage, contents.collections, collections);
  if (!Array.isArray(collectionReports)) return collectionReports;
  return {
    ok: true,
    report: {
      addedCount: merge.added.length,
      identicalCount: merge.identicalCount,
      conflictingCount: merge.conflicting.length,
      unreadableCount: contents.unreadableCount,
      repeatedCount: contents.repeatedCount,
      progressCount,
      isPreferencesRestored,
      isThemeRestored,
      collections: collectionReports,
    },
  };
}

/** Reads and restores a file in one step (see readBackup and restoreBackup). */
export function restoreBackupText(
  storage: StorageLike | null,
  text: string,
  quizzes: readonly ProgressQuiz[],
  collections: readonly KeptCollection[] = COLLECTIONS,
): RestoreOutcome {
  const read = readBackup(text);
  return read.ok ? restoreBackup(storage, read.contents, quizzes, collections) : read;
}

