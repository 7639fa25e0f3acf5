import { describe, expect, it } from 'vitest';
import { createMyResultsState, findUnbackedUp, formatMegabytes } from '../../../src/features/my-results/my-results-state';
import { MY_RESULTS_COPY } from '../../../src/features/my-results/my-results-copy';
import * as TOOLS from '../../../src/features/device-data/device-data-tools';
import { RESULTS_STORAGE_KEY, deleteResult, loadResults, saveResult, type StoredResult } from '../../../src/features/quiz/engine/results';
import { getProgressKey } from '../../../src/features/quiz/engine/progress';
import { PREFERENCES_STORAGE_KEY } from '../../../src/kit/preferences';
import { THEME_KEY } from '../../../src/features/theme/theme-choice';
import { createMemoryStorage, type StorageMode } from '../kit/memory-storage';
import { getQuiz, makeResult } from '../quiz/real-quizzes';

const NOW = new Date('2026-04-02T12:00:00.000Z');
const anger = getQuiz('anger');
const QUIZZES = [{ id: anger.id, version: anger.version, items: anger.items }];

function stored(results: StoredResult[]): Record<string, string> {
  return { [RESULTS_STORAGE_KEY]: JSON.stringify({ schema: 3, results }) };
}

function setUp(initial: Record<string, string> = {}, mode: StorageMode = 'normal') {
  const storage = createMemoryStorage(initial, mode);
  const controller = createMyResultsState({ storage, now: () => NOW }, MY_RESULTS_COPY, QUIZZES, TOOLS);
  controller.init();
  return { storage, controller, state: () => controller.store.get() };
}

describe('createMyResultsState', () => {
  it('loads saved results oldest first', () => {
    const { state } = setUp(stored([makeResult(5), makeResult(2)]));
    expect(state()).toMatchObject({ isReady: true, loadProblem: null });
    expect(state().results.map((result) => result.id)).toEqual(['result-2', 'result-5']);
  });

  it('shows a notice instead of breaking when storage holds garbage, and keeps the garbage', () => {
    const { state, storage } = setUp({ [RESULTS_STORAGE_KEY]: '{not json' });
    expect(state().results).toEqual([]);
    expect(state().loadProblem).toMatch(/couldn't be read/);
    expect(storage.data.get(RESULTS_STORAGE_KEY)).toBe('{not json');
  });

  it('keeps the readable records and says some were left out', () => {
    const { state } = setUp(stored([makeResult(1), { id: 'broken' } as unknown as StoredResult]));
    expect(state().results).toHaveLength(1);
    expect(state().loadProblem).toMatch(/left out/);
  });

  it('deletes one result, and only that one, and says so', () => {
    const { controller, state, storage } = setUp(stored([makeResult(1), makeResult(2), makeResult(3)]));
    controller.remove('result-1', 'March 1');
    expect(state().results.map((result) => result.id)).toEqual(['result-2', 'result-3']);
    expect(loadResults(storage).results).toHaveLength(2);
    expect(state().message).toEqual({ kind: 'status', text: 'Deleted the result from March 1.' });
  });

  it('asks before deleting everything, naming the results shown, and can be talked out of it', () => {
    const { controller, state } = setUp(stored([makeResult(1)]));
    controller.askToDeleteAll();
    expect(state().confirmingDeleteIds).toEqual(['result-1']);
    controller.cancelDeleteAll();
    expect(state()).toMatchObject({ confirmingDeleteIds: null, message: { kind: 'status', text: 'Nothing was deleted.' } });
    expect(state().results).toHaveLength(1);
  });

  it('"delete all" removes exactly what it named, and a result saved meanwhile in another tab survives', () => {
    const { controller, state, storage } = setUp(stored([makeResult(1), makeResult(2)]));
    controller.askToDeleteAll();
    // Another tab saves a third result while the question is open, without this page hearing of it.
    saveResult(storage, makeResult(3));
    controller.confirmDeleteAll();
    expect(state().results.map((result) => result.id)).toEqual(['result-3']);
    expect(state().message?.text).toBe('Deleted your 2 saved results from this device.');
  });

  it('reload() takes in another tab’s change, and keeps an open question to what was asked', () => {
    const { controller, state, storage } = setUp(stored([makeResult(1), makeResult(2), makeResult(3)]));
    controller.askToDeleteAll();
    // Meanwhile another tab saves a fourth and deletes the first.
    saveResult(storage, makeResult(4));
    deleteResult(storage, 'result-1');
    controller.reload();
    expect(state().results.map(({ id }) => id)).toEqual(['result-2', 'result-3', 'result-4']);
    expect(state().confirmingDeleteIds).toEqual(['result-2', 'result-3']);
    controller.confirmDeleteAll();
    expect(loadResults(storage).results.map(({ id }) => id)).toEqual(['result-4']);
    expect(state().message?.text).toBe('Deleted your 2 saved results from this device.');
  });

  it('says when a delete could not happen, and keeps everything', () => {
    const { controller, state, storage } = setUp(stored([makeResult(1), makeResult(2)]), 'quota');
    const before = storage.data.get(RESULTS_STORAGE_KEY);
    controller.remove('result-1', 'March 1');
    expect(state().message).toMatchObject({ kind: 'problem', text: expect.stringMatching(/full/) });
    expect(storage.data.get(RESULTS_STORAGE_KEY)).toBe(before);
  });
});

describe('backups on the My results page', () => {
  it('downloads everything as one dated backup that restores in another browser', () => {
    const progress = JSON.stringify({ quizVersion: anger.version, updatedAt: NOW.toISOString(), answers: anger.items.map((_, index) => (index < 3 ? 2 : null)) });
    const { controller } = setUp({ ...stored([makeResult(1), makeResult(2, 'high')]), [getProgressKey('anger')]: progress, [THEME_KEY]: 'dark' });
    const file = controller.createBackup();
    expect(file.fileName).toBe('letting-go-backup-2026-04-02.json');
    expect(JSON.parse(file.text)).toMatchObject({ kind: 'backup', format: 3, results: { results: [{ id: 'result-1' }, { id: 'result-2' }] } });

    const other = setUp();
    other.controller.restoreText(file.text);
    expect(other.state().results.map((result) => result.id)).toEqual(['result-1', 'result-2']);
    expect(other.state().message).toEqual({
      kind: 'status',
      text: 'Added 2 results. Brought back unfinished answers for 1 check. Brought back your settings. Nothing on this device was removed.',
    });
    expect(other.storage.data.get(THEME_KEY)).toBe('dark');
    expect(other.storage.data.has(getProgressKey('anger'))).toBe(true);
  });

  it('says exactly what a restore did: added, identical, conflicting, unreadable, repeated', () => {
    const { controller, state } = setUp(stored([makeResult(1), makeResult(2)]));
    const changed = { ...makeResult(2), normalized: 77 };
    const file = JSON.stringify({ app: 'letting-go', schema: 3, results: [makeResult(1), changed, makeResult(3), makeResult(3), { id: 'x' }] });
    controller.restoreText(file);
    expect(state().message?.text).toBe(
      'Added 1 result. Skipped 1 you already had. 1 result in the file matches one already here but its details differ; ' +
        'we kept the one on this device. 1 entry of the file could not be read and was left out. ' +
        '1 result was in the file twice; it was added once. Nothing on this device was removed.',
    );
    expect(state().results.find((result) => result.id === 'result-2')?.normalized).toBe(makeResult(2).normalized);
  });

  it('never removes a result, however many a file brings', () => {
    const many = Array.from({ length: 300 }, (_, day) => ({ ...makeResult(1), id: `many-${day}`, takenAt: new Date(Date.UTC(2020, 0, 1 + day)).toISOString() }));
    const { controller, state } = setUp(stored([makeResult(1), makeResult(2)]));
    controller.restoreText(JSON.stringify({ app: 'letting-go', schema: 3, results: many }));
    expect(state().results).toHaveLength(302);
    expect(state().message?.text).toBe('Added 300 results. Nothing on this device was removed.');
  });

  it.each([
    ['not JSON', 'hello', /doesn't look like a backup/],
    ['JSON from somewhere else', '{"results": []}', /doesn't look like a backup/],
    ['an empty file', '', /doesn't look like a backup/],
    ['a newer file', JSON.stringify({ app: 'letting-go', kind: 'backup', format: 9 }), /newer version/],
  ])('rejects %s with a clear message and keeps what was saved', (_name, text, words) => {
    const { controller, state, storage } = setUp(stored([makeResult(1)]));
    const before = storage.data.get(RESULTS_STORAGE_KEY);
    controller.restoreText(text);
    expect(state().message).toMatchObject({ kind: 'problem', text: expect.stringMatching(words) });
    expect(state().results).toHaveLength(1);
    expect(storage.data.get(RESULTS_STORAGE_KEY)).toBe(before);
  });

  it('refuses a file over the limit before reading it, saying its size and the limit', () => {
    const { controller, state } = setUp();
    controller.refuseFile(27_400_000);
    expect(state().message).toEqual({
      kind: 'problem',
      text: 'This file is 27.4 MB, and a backup from this guide is far smaller: files over 5.0 MB are not read. Nothing was changed.',
    });
    expect(formatMegabytes(5_000_000)).toBe('5.0 MB');
  });

  it('reminds the reader of results no backup holds once they are a few days old, and rests after a backup', () => {
    const { controller, state, storage } = setUp(stored([makeResult(1)]));
    expect(state().unbackedUp.map(({ id }) => id)).toEqual(['result-1']);
    controller.createBackup();
    expect(state().unbackedUp).toEqual([]);
    expect(JSON.parse(storage.data.get(PREFERENCES_STORAGE_KEY)!).lastBackupAt).toBe(NOW.toISOString());
  });

  it('does not remind for results taken in the last few days', () => {
    const fresh = { ...makeResult(1), takenAt: new Date(NOW.getTime() - 60_000).toISOString() };
    expect(findUnbackedUp([fresh], null, NOW)).toEqual([]);
    const old = makeResult(1);
    expect(findUnbackedUp([old, fresh], '2026-03-01T10:00:00.000Z', NOW)).toEqual([]);
    expect(findUnbackedUp([old, fresh], null, NOW)).toEqual([old, fresh]);
  });
});

describe('erasing everything', () => {
  it('lists what is kept, then removes every key the site wrote', () => {
    const progress = JSON.stringify({ quizVersion: anger.version, updatedAt: NOW.toISOString(), answers: anger.items.map((_, index) => (index < 3 ? 2 : null)) });
    const { controller, state, storage } = setUp({
      ...stored([makeResult(1), makeResult(2)]),
      [getProgressKey('anger')]: progress,
      [PREFERENCES_STORAGE_KEY]: '{"isSavingResults":false}',
      [THEME_KEY]: 'dark',
      'another-site': 'kept',
    });
    controller.askToErase();
    expect(state().confirmingErase).toMatchObject({ resultCount: 2, progressCount: 1, hasPreferences: true, hasTheme: true });
    controller.confirmErase(true);
    expect([...storage.data.keys()]).toEqual(['another-site']);
    expect(state().message).toEqual({
      kind: 'status',
      text: 'Erased from this device: 2 saved results, unfinished answers for 1 check, your settings, your theme choice, the copy of the site kept for offline use.',
    });
    expect(state().results).toEqual([]);
  });

  it('says when there was nothing to erase', () => {
    const { controller, state } = setUp();
    controller.askToErase();
    controller.confirmErase(false);
    expect(state().message).toEqual({ kind: 'status', text: 'There was nothing to erase.' });
  });
});
