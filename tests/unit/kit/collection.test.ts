import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  collectionKey,
  deleteEntries,
  hasEntryBasics,
  loadCollection,
  mergeEntries,
  putEntry,
  type CollectionEntry,
  type CollectionSpec,
} from '../../../src/kit/collection';
import { createBackup, restoreBackupText } from '../../../src/features/device-data/backup';
import { describeKept, eraseStoredData } from '../../../src/features/device-data/erase';
import type { KeptCollection } from '../../../src/features/device-data/collections';
import { createMemoryStorage, type StorageMode } from './memory-storage';

interface Note extends CollectionEntry {
  text: string;
}

/** A small collection for the tests: format 2 notes; format 1 called the text "body". */
const NOTES: CollectionSpec<Note> = {
  name: 'test-notes',
  format: 2,
  readEntry(value, format) {
    if (!hasEntryBasics(value)) return null;
    const text = format === 1 ? value.body : value.text;
    return typeof text === 'string' ? { id: value.id, updatedAt: value.updatedAt, text } : null;
  },
};
const KEPT: KeptCollection[] = [{ spec: NOTES as unknown as CollectionSpec<CollectionEntry>, words: { one: '1 note', many: '{count} notes' } }];
const KEY = collectionKey(NOTES);

function note(id: string, minute: number, text = `note ${id}`): Note {
  return { id, updatedAt: new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString(), text };
}

describe('a collection', () => {
  it('adds, replaces by id and deletes exactly the ids named, leaving no key when empty', () => {
    const storage = createMemoryStorage();
    expect(putEntry(storage, NOTES, note('a', 1))).toEqual({ ok: true });
    expect(putEntry(storage, NOTES, note('b', 2))).toEqual({ ok: true });
    expect(putEntry(storage, NOTES, note('a', 3, 'changed'))).toEqual({ ok: true });
    expect(loadCollection(storage, NOTES).entries).toEqual([note('b', 2), note('a', 3, 'changed')]);
    expect(JSON.parse(storage.data.get(KEY)!)).toMatchObject({ format: 2 });
    expect(deleteEntries(storage, NOTES, ['a', 'gone'])).toEqual({ ok: true, removedCount: 1 });
    expect(deleteEntries(storage, NOTES, ['b'])).toEqual({ ok: true, removedCount: 1 });
    expect(storage.data.has(KEY)).toBe(false);
  });

  it('reads an older format through the spec, and leaves unreadable entries out, counted', () => {
    const storage = createMemoryStorage({
      [KEY]: JSON.stringify({ format: 1, entries: [{ id: 'old', updatedAt: '2025-01-01T00:00:00.000Z', body: 'hi' }, { id: 7 }, null] }),
    });
    expect(loadCollection(storage, NOTES)).toEqual({
      status: 'ok',
      entries: [{ id: 'old', updatedAt: '2025-01-01T00:00:00.000Z', text: 'hi' }],
      droppedCount: 2,
    });
  });

  it('leaves data from a newer format alone', () => {
    const raw = JSON.stringify({ format: 9, entries: [{ anything: true }] });
    const storage = createMemoryStorage({ [KEY]: raw });
    expect(loadCollection(storage, NOTES).status).toBe('newer');
    expect(putEntry(storage, NOTES, note('a', 1))).toEqual({ ok: false, reason: 'newer-data' });
    expect(storage.data.get(KEY)).toBe(raw);
  });

  it.each<[StorageMode, string]>([
    ['quota', 'quota'],
    ['read-only', 'unavailable'],
    ['blocked', 'unavailable'],
  ])('never throws with %s storage and keeps what was there', (mode, reason) => {
    const raw = JSON.stringify({ format: 2, entries: [note('a', 1), note('z', 2)] });
    const storage = createMemoryStorage({ [KEY]: raw }, mode);
    expect(putEntry(storage, NOTES, note('b', 2))).toEqual({ ok: false, reason });
    expect(deleteEntries(storage, NOTES, ['a'])).toEqual({ ok: false, reason });
    expect(storage.data.get(KEY)).toBe(raw);
  });

  it('refuses an entry its spec cannot read', () => {
    expect(putEntry(createMemoryStorage(), NOTES, { id: 'x', updatedAt: 'soon', text: 'x' })).toMatchObject({ ok: false, reason: 'invalid' });
  });

  it('merges by id, the later change winning', () => {
    const merge = mergeEntries([note('a', 5), note('b', 1)], [note('a', 2, 'older'), note('b', 9, 'newer'), note('c', 3)]);
    expect(merge).toMatchObject({ addedCount: 1, updatedCount: 1, keptCount: 1 });
    expect(merge.entries.map(({ id, text }) => [id, text])).toEqual([
      ['c', 'note c'],
      ['a', 'note a'],
      ['b', 'newer'],
    ]);
  });

  it('after any interleaving of puts and deletes from two tabs, holds exactly what was put and not deleted since', () => {
    const operation = fc.oneof(
      fc.record({ kind: fc.constant('put' as const), id: fc.constantFrom('a', 'b', 'c', 'd'), text: fc.string({ maxLength: 5 }) }),
      fc.record({ kind: fc.constant('delete' as const), id: fc.constantFrom('a', 'b', 'c', 'd') }),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(0, 1), operation), { maxLength: 30 }), (steps) => {
        const storage = createMemoryStorage();
        const expected = new Map<string, string>();
        steps.forEach(([, step], minute) => {
          if (step.kind === 'put') {
            expect(putEntry(storage, NOTES, note(step.id, minute, step.text)).ok).toBe(true);
            expected.set(step.id, step.text);
          } else {
            expect(deleteEntries(storage, NOTES, [step.id]).ok).toBe(true);
            expected.delete(step.id);
          }
        });
        const stored = new Map(loadCollection(storage, NOTES).entries.map(({ id, text }) => [id, text]));
        expect(stored).toEqual(expected);
      }),
    );
  });
});

describe('collections in the backup and the eraser', () => {
  it('travel in the backup file and merge on restore, with a report per collection', () => {
    const source = createMemoryStorage();
    putEntry(source, NOTES, note('a', 5, 'newer here'));
    putEntry(source, NOTES, note('b', 6));
    const text = createBackup(source, new Date('2026-01-02T00:00:00.000Z'), KEPT);
    expect(JSON.parse(text).collections).toEqual({ 'test-notes': { format: 2, entries: [note('a', 5, 'newer here'), note('b', 6)] } });

    const target = createMemoryStorage();
    putEntry(target, NOTES, note('a', 1, 'older'));
    putEntry(target, NOTES, note('c', 2));
    const outcome = restoreBackupText(target, text, [], KEPT);
    expect(outcome).toMatchObject({
      ok: true,
      report: { collections: [{ words: KEPT[0]!.words, addedCount: 1, updatedCount: 1, unreadableCount: 0, isNewer: false }] },
    });
    expect(loadCollection(target, NOTES).entries.map(({ id, text: body }) => [id, body])).toEqual([
      ['c', 'note c'],
      ['a', 'newer here'],
      ['b', 'note b'],
    ]);
  });

  it('says when a collection in the file comes from a newer version, and writes none of it', () => {
    const file = JSON.stringify({ app: 'letting-go', kind: 'backup', format: 3, results: { schema: 3, results: [] }, collections: { 'test-notes': { format: 7, entries: [] } } });
    const target = createMemoryStorage();
    expect(restoreBackupText(target, file, [], KEPT)).toMatchObject({ ok: true, report: { collections: [{ isNewer: true, addedCount: 0 }] } });
    expect(target.data.size).toBe(0);
  });

  it('are listed and removed by "Erase everything"', () => {
    const storage = createMemoryStorage();
    putEntry(storage, NOTES, note('a', 1));
    putEntry(storage, NOTES, note('b', 2));
    expect(describeKept(storage, KEPT).collections).toEqual([{ words: KEPT[0]!.words, count: 2 }]);
    eraseStoredData(storage);
    expect(storage.data.size).toBe(0);
  });
});
