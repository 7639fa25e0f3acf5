/**
 * Moving saved results in and out of the browser: the export file and its import. Kept apart from
 * storage.ts so that quiz pages, which only save results, do not ship this code.
 *
 * Export file shape: `{ app: "letting-go", schema, exportedAt, results }`, where `schema` and `results`
 * are those of the stored envelope (see storage.ts), so an import goes through the same migrations.
 */
import { isPlainObject, parseJson, type StorageFailureReason, type StorageLike } from '../../kit/storage';
import {
  RESULTS_SCHEMA,
  decodeResults,
  readStoredResult,
  readWritableResults,
  writeResults,
  type StoredResult,
} from '../quiz/engine/results';

const EXPORT_APP_MARKER = 'letting-go';
const MAX_IMPORT_LENGTH = 5_000_000;

/** Why an import did not happen, beyond the usual write failures. */
export type ImportFailureReason = StorageFailureReason | 'invalid-file' | 'newer-file';

/** The outcome of an import. */
export type ImportOutcome =
  | { ok: true; addedCount: number; duplicateCount: number; droppedCount: number }
  | { ok: false; reason: ImportFailureReason };

/** Serializes results as the JSON text of an export file (app marker, schema, exportedAt, results). */
export function exportResults(results: readonly StoredResult[], exportedAt: Date = new Date()): string {
  const valid = results.map(readStoredResult).filter((result) => result !== null);
  const file = {
    app: EXPORT_APP_MARKER,
    schema: RESULTS_SCHEMA,
    exportedAt: exportedAt.toISOString(),
    results: valid,
  };
  return JSON.stringify(file, null, 2);
}

function failImport(reason: 'invalid-file' | 'newer-file'): ImportOutcome {
  return { ok: false, reason };
}

/** Merges an export file into the saved results, skipping saved ids; a file that can't be used changes nothing. */
export function importResults(storage: StorageLike | null, text: string): ImportOutcome {
  if (typeof text !== 'string' || text.length > MAX_IMPORT_LENGTH) return failImport('invalid-file');
  const file = parseJson(text);
  if (!isPlainObject(file) || file.app !== EXPORT_APP_MARKER) return failImport('invalid-file');
  const decoded = decodeResults(file);
  if (decoded.kind === 'newer') return failImport('newer-file');
  if (decoded.kind === 'corrupt') return failImport('invalid-file');
  if (decoded.results.length === 0 && decoded.droppedCount > 0) return failImport('invalid-file');

  const existing = readWritableResults(storage);
  if (!Array.isArray(existing)) return existing;
  const existingIds = new Set(existing.map(({ id }) => id));
  const added = decoded.results.filter(({ id }) => !existingIds.has(id));
  const duplicateCount = decoded.results.length - added.length;
  if (added.length > 0) {
    const written = writeResults(storage, [...existing, ...added]);
    if (!written.ok) return written;
  }
  return { ok: true, addedCount: added.length, duplicateCount, droppedCount: decoded.droppedCount };
}
