import { describe, expect, it } from 'vitest';
import { collectionKey, loadCollection } from '../../../src/kit/collection';
import { MAX_TEXT_LENGTH, PAUSE_DRAFTS, PAUSE_LOG, readDraft, readLogEntry } from '../../../src/features/pause/pause-data';
import { COLLECTIONS } from '../../../src/features/device-data/collections';
import { describeKept } from '../../../src/features/device-data/erase';
import { createBackup, restoreBackupText } from '../../../src/features/device-data/backup';
import { createMemoryStorage } from '../kit/memory-storage';

const T = '2026-05-06T21:40:00.000Z';
const LATER = '2026-05-06T22:01:00.000Z';

const logEntry = { id: 'p1', updatedAt: LATER, startedAt: T, chosenAt: LATER, choice: 'keep', endedEarly: false, feeling: 'sad' };
const draft = { id: 'd1', updatedAt: T, createdAt: T, text: 'hi', startedAt: T, stoppedAt: null, chosenAt: null, choice: null, keptAt: null };

describe('reading a log entry', () => {
  it('reads a whole entry, and one with no feeling', () => {
    expect(readLogEntry(logEntry)).toEqual(logEntry);
    expect(readLogEntry({ ...logEntry, feeling: null })).toEqual({ ...logEntry, feeling: null });
    expect(readLogEntry({ ...logEntry, feeling: '  calmer ' })).toMatchObject({ feeling: 'calmer' });
  });

  it.each([
    ['an unknown choice', { choice: 'sent' }],
    ['no choice', { choice: undefined }],
    ['a start that is not a time', { startedAt: 'yesterday' }],
    ['no time of choosing', { chosenAt: undefined }],
    ['an "ended early" that is not true or false', { endedEarly: 'no' }],
    ['a feeling that is not a word', { feeling: 3 }],
    ['an empty feeling', { feeling: '   ' }],
    ['a feeling far too long', { feeling: 'x'.repeat(41) }],
    ['a missing feeling', { feeling: undefined }],
    ['no id', { id: '' }],
  ])('refuses %s', (_what, change) => {
    expect(readLogEntry({ ...logEntry, ...change })).toBeNull();
  });

  it('refuses what is not an entry at all', () => {
    for (const value of [null, 7, 'entry', [], {}]) expect(readLogEntry(value)).toBeNull();
  });

  it('leaves unreadable entries out of the log, counted, and keeps the rest', () => {
    const storage = createMemoryStorage({
      [collectionKey(PAUSE_LOG)]: JSON.stringify({ format: 1, entries: [logEntry, { ...logEntry, id: 'p2', choice: 'maybe' }, null] }),
    });
    expect(loadCollection(storage, PAUSE_LOG)).toEqual({ status: 'ok', entries: [logEntry], droppedCount: 2 });
  });

  it('leaves a log from a newer format alone', () => {
    const storage = createMemoryStorage({ [collectionKey(PAUSE_LOG)]: JSON.stringify({ format: 2, entries: [logEntry] }) });
    expect(loadCollection(storage, PAUSE_LOG).status).toBe('newer');
  });
});

describe('reading a message', () => {
  it('reads a message at every stage', () => {
    expect(readDraft(draft)).toEqual(draft);
    expect(readDraft({ ...draft, stoppedAt: LATER, chosenAt: LATER, choice: 'keep', keptAt: LATER })).toMatchObject({ keptAt: LATER });
    expect(readDraft({ ...draft, startedAt: null })).toMatchObject({ startedAt: null });
  });

  it.each([
    ['text that is not text', { text: 5 }],
    ['text over the limit', { text: 'x'.repeat(MAX_TEXT_LENGTH + 1) }],
    ['a start that is not a time', { startedAt: 'soon' }],
    ['a missing field', { keptAt: undefined }],
    ['a choice the log alone keeps', { choice: 'delete' }],
    ['no time of writing', { createdAt: 'x' }],
  ])('refuses %s', (_what, change) => {
    expect(readDraft({ ...draft, ...change })).toBeNull();
  });
});

describe('the collections on the device', () => {
  it('are registered, so the backup, "Erase everything" and its list carry them', () => {
    expect(COLLECTIONS.map(({ spec }) => spec.name)).toEqual(expect.arrayContaining(['pause-drafts', 'pause-log']));
    const storage = createMemoryStorage({
      [collectionKey(PAUSE_DRAFTS)]: JSON.stringify({ format: 1, entries: [draft, { ...draft, id: 'd2' }] }),
      [collectionKey(PAUSE_LOG)]: JSON.stringify({ format: 1, entries: [logEntry] }),
    });
    const kept = describeKept(storage).collections.map(({ words, count }) => ({ count, words: count === 1 ? words.one : words.many }));
    expect(kept).toEqual([
      { count: 2, words: '{count} unsent messages' },
      { count: 1, words: '1 pause logged' },
    ]);
    const fresh = createMemoryStorage();
    const restored = restoreBackupText(fresh, createBackup(storage), []);
    expect(restored.ok).toBe(true);
    expect(loadCollection(fresh, PAUSE_DRAFTS).entries.map(({ id }) => id)).toEqual(['d1', 'd2']);
    expect(loadCollection(fresh, PAUSE_LOG).entries).toEqual([logEntry]);
  });
});
