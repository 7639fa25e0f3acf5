/**
 * A collection: one tool's entries kept on this device under one key, `letting-go:<name>`. Workbook notes,
 * unsent messages, the pause log and reminders are collections; the backup file, "Erase everything" and the
 * passphrase lock handle every collection the same way (see src/features/device-data/collections.ts).
 *
 * Stored shape: { "format": <the spec's format>, "entries": [ { "id": "...", "updatedAt": ISO 8601, ... } ] },
 * oldest change first. Each spec checks its own entries (and moves older formats forward) in `readEntry`.
 *
 * Lifecycle, the same rules as results (quiz/engine/results.ts):
 * - Every write reads what is stored first and merges, so two open tabs never undo each other: `putEntry`
 *   adds an entry or replaces the one with its id; `deleteEntries` removes exactly the ids named.
 * - Nothing is trimmed. An empty collection leaves no key behind.
 * - Data in a newer format than this code knows is left alone: writes refuse ('newer-data'), reads show nothing.
 * - Unreadable entries are left out of what loads and counted, so the page can say so.
 * - Restoring a backup merges by id: a new id is added; for an id already here, the copy changed last is kept.
 * Nothing here throws.
 */
import {
  createWriteFailure,
  isLockSet,
  isPlainObject,
  isTime,
  parseJson,
  readStoredText,
  removeStoredText,
  writeStoredText,
  type StorageLike,
  type WriteFailure,
  type WriteOutcome,
} from './storage';

/**
 * How long a tool waits after the reader's last keystroke before writing: `preferredMs`, or none under the
 * passphrase lock. There every write is sealed with Web Crypto, which is asynchronous and does not finish once
 * the page is going, so a write left for the moment the reader leaves would be lost; the open lock batches the
 * changes made while one write is under way.
 */
export function typingSaveDelay(preferredMs: number): number {
  return isLockSet() ? 0 : preferredMs;
}

/** What every entry has: an id of its own and the time it last changed. */
export interface CollectionEntry {
  id: string;
  updatedAt: string;
}

/** What a collection is: its key's name, its format, and how to read one entry. */
export interface CollectionSpec<T extends CollectionEntry> {
  /** The key is `letting-go:<name>`. */
  readonly name: string;
  /** The format this code writes. */
  readonly format: number;
  /** One stored entry, written in `format` (this spec's or an older one); null when it is not usable. */
  readEntry(value: unknown, format: number): T | null;
}

/** The outcome of reading a collection. */
export interface LoadedCollection<T> {
  status: 'ok' | 'unavailable' | 'corrupt' | 'newer';
  entries: T[];
  /** Stored entries that could not be read (or repeated an id), left out. */
  droppedCount: number;
}

/** A delete that happened, and how many of the ids it named were still there. */
export type CollectionDelete = { ok: true; removedCount: number } | WriteFailure;

/** What merging incoming entries into saved ones did. */
export interface CollectionMerge<T> {
  entries: T[];
  addedCount: number;
  /** Ids already here whose incoming copy changed later, so it replaced the one here. */
  updatedCount: number;
  /** Ids already here, unchanged because the copy here is as new or newer. */
  keptCount: number;
}

const MAX_ID_LENGTH = 100;

/** The storage key of a collection. */
export function collectionKey(spec: Pick<CollectionSpec<CollectionEntry>, 'name'>): string {
  return `letting-go:${spec.name}`;
}

/** Whether a value has a usable id and change time (each spec checks the rest). */
export function hasEntryBasics(value: unknown): value is Record<string, unknown> & CollectionEntry {
  return (
    isPlainObject(value) &&
    typeof value.id === 'string' &&
    value.id.length > 0 &&
    value.id.length <= MAX_ID_LENGTH &&
    isTime(value.updatedAt)
  );
}

function byUpdatedAt(first: CollectionEntry, second: CollectionEntry): number {
  return Date.parse(first.updatedAt) - Date.parse(second.updatedAt);
}

/** Reads a stored or backed-up collection value: its entries, or why it cannot be used. */
export function decodeCollection<T extends CollectionEntry>(spec: CollectionSpec<T>, value: unknown): LoadedCollection<T> {
  if (!isPlainObject(value) || typeof value.format !== 'number' || !Number.isInteger(value.format) || value.format < 1) {
    return { status: 'corrupt', entries: [], droppedCount: 0 };
  }
  if (value.format > spec.format) return { status: 'newer', entries: [], droppedCount: 0 };
  if (!Array.isArray(value.entries)) return { status: 'corrupt', entries: [], droppedCount: 0 };
  const seen = new Set<string>();
  const entries: T[] = [];
  let droppedCount = 0;
  for (const stored of value.entries) {
    const entry = spec.readEntry(stored, value.format as number);
    if (entry === null || seen.has(entry.id)) droppedCount += 1;
    else {
      seen.add(entry.id);
      entries.push(entry);
    }
  }
  return { status: 'ok', entries: entries.sort(byUpdatedAt), droppedCount };
}

/** Loads a collection, oldest change first. Never writes. */
export function loadCollection<T extends CollectionEntry>(storage: StorageLike | null, spec: CollectionSpec<T>): LoadedCollection<T> {
  const read = readStoredText(storage, collectionKey(spec));
  if (!read.ok) return { status: 'unavailable', entries: [], droppedCount: 0 };
  if (read.text === null) return { status: 'ok', entries: [], droppedCount: 0 };
  return decodeCollection(spec, parseJson(read.text));
}

function readWritable<T extends CollectionEntry>(storage: StorageLike | null, spec: CollectionSpec<T>): T[] | WriteFailure {
  const loaded = loadCollection(storage, spec);
  if (loaded.status === 'unavailable') return createWriteFailure('unavailable');
  if (loaded.status === 'newer') return createWriteFailure('newer-data');
  return loaded.entries;
}

/** Writes every entry given; none removes the key. */
export function writeCollection<T extends CollectionEntry>(storage: StorageLike | null, spec: CollectionSpec<T>, entries: readonly T[]): WriteOutcome {
  if (entries.length === 0) return removeStoredText(storage, collectionKey(spec));
  const stored = { format: spec.format, entries: [...entries].sort(byUpdatedAt) };
  return writeStoredText(storage, collectionKey(spec), JSON.stringify(stored));
}

/** Adds an entry, or replaces the stored one with its id, keeping every other entry as stored now. */
export function putEntry<T extends CollectionEntry>(storage: StorageLike | null, spec: CollectionSpec<T>, entry: T): WriteOutcome {
  const valid = spec.readEntry(entry, spec.format);
  if (valid === null) return createWriteFailure('invalid');
  const existing = readWritable(storage, spec);
  if (!Array.isArray(existing)) return existing;
  return writeCollection(storage, spec, [...existing.filter(({ id }) => id !== valid.id), valid]);
}

/** Deletes the entries with these ids and no others; nothing is written when none was there. */
export function deleteEntries<T extends CollectionEntry>(storage: StorageLike | null, spec: CollectionSpec<T>, ids: readonly string[]): CollectionDelete {
  const existing = readWritable(storage, spec);
  if (!Array.isArray(existing)) return existing;
  const doomed = new Set(ids);
  const remaining = existing.filter(({ id }) => !doomed.has(id));
  const removedCount = existing.length - remaining.length;
  if (removedCount === 0) return { ok: true, removedCount };
  const written = writeCollection(storage, spec, remaining);
  return written.ok ? { ok: true, removedCount } : written;
}

/** Merges incoming entries into saved ones by id; for an id on both sides the later change wins. */
export function mergeEntries<T extends CollectionEntry>(saved: readonly T[], incoming: readonly T[]): CollectionMerge<T> {
  const byId = new Map(saved.map((entry) => [entry.id, entry]));
  let addedCount = 0;
  let updatedCount = 0;
  let keptCount = 0;
  for (const entry of incoming) {
    const here = byId.get(entry.id);
    if (here === undefined) {
      byId.set(entry.id, entry);
      addedCount += 1;
    } else if (Date.parse(entry.updatedAt) > Date.parse(here.updatedAt)) {
      byId.set(entry.id, entry);
      updatedCount += 1;
    } else keptCount += 1;
  }
  return { entries: [...byId.values()].sort(byUpdatedAt), addedCount, updatedCount, keptCount };
}

/** Merges entries from elsewhere (a backup) into the stored collection. */
export function mergeIntoCollection<T extends CollectionEntry>(
  storage: StorageLike | null,
  spec: CollectionSpec<T>,
  incoming: readonly T[],
): { ok: true; merge: CollectionMerge<T> } | WriteFailure {
  const existing = readWritable(storage, spec);
  if (!Array.isArray(existing)) return existing;
  const merge = mergeEntries(existing, incoming);
  if (merge.addedCount + merge.updatedCount === 0) return { ok: true, merge };
  const written = writeCollection(storage, spec, merge.entries);
  return written.ok ? { ok: true, merge } : written;
}
