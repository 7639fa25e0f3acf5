/**
 * Saved results history, kept only in this browser's localStorage under one key, `letting-go:results`.
 *
 * Stored shape, schema 3 (current):
 *   { "schema": 3, "results": StoredResult[] }   oldest first, every one the reader kept (there is no cap)
 *   StoredResult = { id, quizId, quizVersion, takenAt (ISO 8601), normalized (0-100),
 *                    band: { id, title, summary }, subscales: [{ id, title, normalized }] }
 * Band and subscale texts are snapshots taken when the result was saved, so an old result stays readable
 * after the quiz's wording, bands or subscales change.
 *
 * Every subscale number runs in the direction its title names: a high "Anger as fuel" means more anger used as
 * fuel. (Total numbers run in their quiz's direction, which the quiz page and My results state.)
 *
 * Older shapes, upgraded on read by a chain of migrations (0 → 1 → 2 → 3), one step per schema:
 *   schema 2: the same shape, but every subscale number ran in its quiz's direction, which for two subscales
 *             was the opposite of their titles: "fuel" in anger version 1 and "ownership" in victim-mindset
 *             version 1. Those numbers become 100 minus themselves; every other number already agreed.
 *   schema 1: { "schema": 1, "results": [...] } whose records have no `subscales`; they gain `subscales: []`.
 *   schema 0: the first builds stored the bare array of schema 1 records, without an envelope.
 * To change the shape: bump RESULTS_SCHEMA, add a MIGRATIONS step from the previous schema, update
 * readStoredResult and this comment.
 *
 * Lifecycle: loads never write. Every write (save, delete, import) reads the stored data afresh, upgrades it,
 * keeps each record that validates and writes a current-schema envelope back, sorted by takenAt. Nothing is
 * ever trimmed: a result goes only when the reader deletes it, by id, so a write in one tab can never take
 * away what another tab saved a moment before (each write is one synchronous read-change-write, and
 * deletions name ids, never "all"). Unreadable data (not JSON, wrong shape) holds no valid record, so the next
 * write replaces it. Data with a newer schema than this code knows is never overwritten: loads report it as
 * 'newer' and writes refuse with reason 'newer-data', so an old cached page can't destroy what a newer one
 * saved.
 * Nothing here throws: storage errors come back as { ok: false, reason }; pages hold the words for each reason.
 */
import type { QuizDefinition } from '../quiz-schema';
import type { QuizScore } from './score';
import {
  createWriteFailure,
  isPlainObject,
  parseJson,
  readStoredText,
  removeStoredText,
  writeStoredText,
  type StorageLike,
  type WriteFailure,
  type WriteOutcome,
} from '../../../kit/storage';

/** The localStorage key holding the results envelope. */
export const RESULTS_STORAGE_KEY = 'letting-go:results';
/** The schema number this code writes. */
export const RESULTS_SCHEMA = 3;
// Generous limits on texts from storage or a file: a real result's texts are a few hundred characters.
const MAX_ID_LENGTH = 100;
const MAX_TITLE_LENGTH = 200;
const MAX_SUMMARY_LENGTH = 2_000;
const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/;

/** The band a result landed in, as it read when saved. */
export interface StoredBand {
  id: string;
  title: string;
  summary: string;
}

/** One subscale of a result, as it read when saved. */
export interface StoredSubscale {
  id: string;
  title: string;
  normalized: number;
}

/** One saved result. */
export interface StoredResult {
  id: string;
  quizId: string;
  quizVersion: number;
  /** ISO 8601 date and time. */
  takenAt: string;
  normalized: number;
  band: StoredBand;
  /** Empty for results saved before schema 2. */
  subscales: StoredSubscale[];
}

/** How loading went: 'newer' means data from a newer version of the site, left untouched and unread. */
export type ResultsStatus = 'ok' | 'unavailable' | 'corrupt' | 'newer';

/** Saved results, oldest first, with how loading went. */
export interface LoadedResults {
  status: ResultsStatus;
  results: StoredResult[];
  /** Records that were invalid or repeated an id, left out. */
  droppedCount: number;
}

/** What stored or imported data decodes to. */
export type DecodedResults =
  | {
      kind: 'records';
      results: StoredResult[];
      /** Records left out: unreadable ones, and repeats of an id already read. */
      droppedCount: number;
      /** Of those, the repeats. */
      repeatedCount: number;
    }
  | { kind: 'corrupt' }
  | { kind: 'newer' };

type CurrentResults = DecodedResults | { kind: 'unavailable' };

// MIGRATIONS[n] turns the records of schema n into records of schema n + 1. Steps never throw on garbage:
// they pass anything unexpected through for validation to drop.
const MIGRATIONS: Readonly<Record<number, (records: unknown[]) => unknown[]>> = {
  0: (records) => records,
  1: (records) =>
    records.map((record) =>
      isPlainObject(record) && !('subscales' in record) ? { ...record, subscales: [] } : record,
    ),
  2: (records) => records.map(turnLegacySubscales),
};

// The subscales of schema 2 whose numbers ran against their titles, by quiz id and version (a fixed record of
// what those quiz versions did; later versions score every subscale in its own direction).
const SUBSCALES_AGAINST_TITLE: Readonly<Record<string, { version: number; ids: readonly string[] }>> = {
  anger: { version: 1, ids: ['fuel'] },
  'victim-mindset': { version: 1, ids: ['ownership'] },
};

function turnLegacySubscales(record: unknown): unknown {
  if (!isPlainObject(record) || !Array.isArray(record.subscales) || typeof record.quizId !== 'string') return record;
  const against = SUBSCALES_AGAINST_TITLE[record.quizId];
  if (against === undefined || record.quizVersion !== against.version) return record;
  const subscales = record.subscales.map((subscale: unknown) =>
    isPlainObject(subscale) && against.ids.includes(subscale.id as string) && isNormalized(subscale.normalized)
      ? { ...subscale, normalized: 100 - subscale.normalized }
      : subscale,
  );
  return { ...record, subscales };
}

function isText(value: unknown, maxLength: number): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= maxLength;
}

function isNormalized(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 100;
}

function isDateTime(value: unknown): value is string {
  return typeof value === 'string' && ISO_DATE_TIME.test(value) && Number.isFinite(Date.parse(value));
}

function readStoredBand(value: unknown): StoredBand | null {
  if (!isPlainObject(value)) return null;
  const { id, title, summary } = value;
  if (!isText(id, MAX_ID_LENGTH) || !isText(title, MAX_TITLE_LENGTH) || !isText(summary, MAX_SUMMARY_LENGTH)) {
    return null;
  }
  return { id, title, summary };
}

function readStoredSubscale(value: unknown): StoredSubscale | null {
  if (!isPlainObject(value)) return null;
  const { id, title, normalized } = value;
  if (!isText(id, MAX_ID_LENGTH) || !isText(title, MAX_TITLE_LENGTH) || !isNormalized(normalized)) return null;
  return { id, title, normalized };
}

// Rebuilds the record from known fields only, so nothing unexpected is carried into later writes.
/** Validates one record; null when it is not a usable result. */
export function readStoredResult(value: unknown): StoredResult | null {
  if (!isPlainObject(value)) return null;
  const { id, quizId, quizVersion, takenAt, normalized } = value;
  if (!isText(id, MAX_ID_LENGTH) || !isText(quizId, MAX_ID_LENGTH) || !KEBAB_CASE.test(quizId)) return null;
  if (typeof quizVersion !== 'number' || !Number.isInteger(quizVersion) || quizVersion < 1) return null;
  if (!isDateTime(takenAt) || !isNormalized(normalized)) return null;
  const band = readStoredBand(value.band);
  if (band === null || !Array.isArray(value.subscales)) return null;
  const subscales = value.subscales.map(readStoredSubscale);
  if (!subscales.every((subscale) => subscale !== null)) return null;
  return { id, quizId, quizVersion, takenAt, normalized, band, subscales };
}

export function sortByTakenAt(results: readonly StoredResult[]): StoredResult[] {
  return [...results].sort((first, second) => Date.parse(first.takenAt) - Date.parse(second.takenAt));
}

function collectValidResults(records: readonly unknown[]): { results: StoredResult[]; droppedCount: number; repeatedCount: number } {
  const seenIds = new Set<string>();
  const results: StoredResult[] = [];
  let unreadable = 0;
  let repeated = 0;
  for (const record of records) {
    const result = readStoredResult(record);
    if (result === null) unreadable += 1;
    else if (seenIds.has(result.id)) repeated += 1;
    else {
      seenIds.add(result.id);
      results.push(result);
    }
  }
  // Loads report both as left out; a file's report tells them apart.
  return { results: sortByTakenAt(results), droppedCount: unreadable + repeated, repeatedCount: repeated };
}

function isEnvelopeSchema(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1;
}

/** Decodes an envelope (or a legacy bare array), migrating older schemas and dropping bad records. */
export function decodeResults(value: unknown): DecodedResults {
  let schema: number;
  let records: unknown;
  if (Array.isArray(value)) {
    schema = 0;
    records = value;
  } else if (isPlainObject(value) && isEnvelopeSchema(value.schema)) {
    schema = value.schema;
    records = value.results;
  } else {
    return { kind: 'corrupt' };
  }
  // Checked before anything else about the data: a newer shape is unknown, so nothing in it can be judged.
  if (schema > RESULTS_SCHEMA) return { kind: 'newer' };
  if (!Array.isArray(records)) return { kind: 'corrupt' };
  let upgraded: unknown[] = records;
  for (let step = schema; step < RESULTS_SCHEMA; step += 1) upgraded = MIGRATIONS[step](upgraded);
  return { kind: 'records', ...collectValidResults(upgraded) };
}

function readCurrentResults(storage: StorageLike | null): CurrentResults {
  const read = readStoredText(storage, RESULTS_STORAGE_KEY);
  if (!read.ok) return { kind: 'unavailable' };
  if (read.text === null) return { kind: 'records', results: [], droppedCount: 0, repeatedCount: 0 };
  return decodeResults(parseJson(read.text));
}

/** Writes the results envelope with every result given, oldest first; an empty list removes the key. */
export function writeResults(storage: StorageLike | null, results: readonly StoredResult[]): WriteOutcome {
  if (results.length === 0) return removeStoredText(storage, RESULTS_STORAGE_KEY);
  return writeStoredText(storage, RESULTS_STORAGE_KEY, JSON.stringify({ schema: RESULTS_SCHEMA, results: sortByTakenAt(results) }));
}

/** Existing records a write can build on; a failure outcome when the write must not happen. */
export function readWritableResults(storage: StorageLike | null): StoredResult[] | WriteFailure {
  const current = readCurrentResults(storage);
  if (current.kind === 'unavailable') return createWriteFailure('unavailable');
  if (current.kind === 'newer') return createWriteFailure('newer-data');
  return current.kind === 'records' ? current.results : [];
}

function createResultId(): string {
  // randomUUID exists only in secure contexts (https, localhost); uniqueness within one device is all we need.
  const uuid = globalThis.crypto?.randomUUID?.();
  return uuid ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/** Builds the record to save for a scored quiz, snapshotting band and subscale texts. */
export function createStoredResult(
  quiz: QuizDefinition,
  score: QuizScore,
  options: { id?: string; takenAt?: Date } = {},
): StoredResult {
  return {
    id: options.id ?? createResultId(),
    quizId: quiz.id,
    quizVersion: quiz.version,
    takenAt: (options.takenAt ?? new Date()).toISOString(),
    normalized: score.normalized,
    band: { id: score.band.id, title: score.band.title, summary: score.band.summary },
    subscales: score.subscales.map(({ id, title, normalized }) => ({ id, title, normalized })),
  };
}

/** Loads saved results, oldest first, keeping every valid record. Never writes, never throws. */
export function loadResults(storage: StorageLike | null): LoadedResults {
  const current = readCurrentResults(storage);
  if (current.kind !== 'records') {
    return { status: current.kind, results: [], droppedCount: 0 };
  }
  return { status: 'ok', results: current.results, droppedCount: current.droppedCount };
}

/** Saves a result, replacing any saved result with the same id. */
export function saveResult(storage: StorageLike | null, result: StoredResult): WriteOutcome {
  const valid = readStoredResult(result);
  if (valid === null) return createWriteFailure('invalid');
  const existing = readWritableResults(storage);
  if (!Array.isArray(existing)) return existing;
  return writeResults(storage, [...existing.filter(({ id }) => id !== valid.id), valid]);
}

/** A delete that happened, and how many of the ids it named were still saved. */
export type DeleteOutcome = { ok: true; removedCount: number } | WriteFailure;

/**
 * Deletes the saved results with these ids and no others (a result saved meanwhile in another tab stays);
 * ids that are no longer there are skipped, and nothing is written when none was.
 */
export function deleteResults(storage: StorageLike | null, ids: readonly string[]): DeleteOutcome {
  const existing = readWritableResults(storage);
  if (!Array.isArray(existing)) return existing;
  const doomed = new Set(ids);
  const remaining = existing.filter((result) => !doomed.has(result.id));
  const removedCount = existing.length - remaining.length;
  if (removedCount === 0) return { ok: true, removedCount };
  const written = writeResults(storage, remaining);
  return written.ok ? { ok: true, removedCount } : written;
}

/** Deletes one saved result by id (see deleteResults). */
export function deleteResult(storage: StorageLike | null, id: string): DeleteOutcome {
  return deleteResults(storage, [id]);
}

/**
 * The latest saved result of a quiz taken before `before` (ISO 8601), leaving out the id given; null if none.
 * It is "last time" for a new result (compared in quiz/engine/compare.ts).
 */
export function findPreviousResult(
  results: readonly StoredResult[],
  quizId: string,
  before: string,
  excludeId?: string,
): StoredResult | null {
  const cutoff = Date.parse(before);
  const earlier = results.filter(
    (result) => result.quizId === quizId && result.id !== excludeId && Date.parse(result.takenAt) < cutoff,
  );
  return earlier.reduce<StoredResult | null>(
    (latest, result) => (latest === null || Date.parse(result.takenAt) > Date.parse(latest.takenAt) ? result : latest),
    null,
  );
}
