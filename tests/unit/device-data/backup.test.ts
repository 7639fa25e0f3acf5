import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BACKUP_FORMAT,
  createBackup,
  readBackup,
  restoreBackupText,
} from '../../../src/features/device-data/backup';
import { MAX_BACKUP_BYTES } from '../../../src/features/device-data/backup-limit';
import { describeKept, eraseStoredData } from '../../../src/features/device-data/erase';
import {
  RESULTS_STORAGE_KEY,
  deleteResults,
  loadResults,
  saveResult,
  type StoredResult,
} from '../../../src/features/quiz/engine/results';
import { getProgressKey, loadProgress } from '../../../src/features/quiz/engine/progress';
import { PREFERENCES_STORAGE_KEY, loadPreferences } from '../../../src/kit/preferences';
import { THEME_KEY } from '../../../src/features/theme/theme-choice';
import { storedResultArbitrary } from '../quiz/arbitraries';
import { fixtureQuiz } from '../quiz/fixtures';
import { createMemoryStorage, type StorageMode } from '../kit/memory-storage';

const QUIZZES = [fixtureQuiz];
const NOW = '2025-06-01T12:00:00.000Z';

function result(id: string, takenAt: string, normalized = 42): StoredResult {
  return {
    id,
    quizId: 'test-quiz',
    quizVersion: 3,
    takenAt,
    normalized,
    band: { id: 'middle', title: 'The middle band', summary: 'A summary.' },
    subscales: [{ id: 'steady', title: 'The steady part', normalized: 50 }],
  };
}

const FIRST = result('first', '2025-01-01T10:00:00.000Z');
const SECOND = result('second', '2025-02-01T10:00:00.000Z', 13);
const THIRD = result('third', '2025-03-01T10:00:00.000Z', 90);

/** A results file as the first builds exported it (backup format 1). */
function formatOneFile(results: unknown[], schema = 3): string {
  return JSON.stringify({ app: 'letting-go', schema, exportedAt: NOW, results });
}

function progressEntry(answers: (number | null)[]): string {
  return JSON.stringify({ quizVersion: fixtureQuiz.version, updatedAt: NOW, answers });
}

function byId(first: StoredResult, second: StoredResult): number {
  return first.id < second.id ? -1 : first.id > second.id ? 1 : 0;
}

describe('the backup file', () => {
  it('holds everything the site keeps, in one documented shape', () => {
    const answers = [3, null, 5, null, null, null, null, null, null, null, null, null, null];
    const storage = createMemoryStorage({
      [RESULTS_STORAGE_KEY]: JSON.stringify({ schema: 3, results: [SECOND, FIRST] }),
      [getProgressKey(fixtureQuiz.id)]: progressEntry(answers),
      [PREFERENCES_STORAGE_KEY]: JSON.stringify({ isSavingResults: false }),
      [THEME_KEY]: 'dark',
    });
    expect(JSON.parse(createBackup(storage, new Date(NOW)))).toEqual({
      app: 'letting-go',
      kind: 'backup',
      format: BACKUP_FORMAT,
      exportedAt: NOW,
      results: { schema: 3, results: [FIRST, SECOND] },
      progress: { [fixtureQuiz.id]: { quizVersion: 3, updatedAt: NOW, answers } },
      preferences: { isSavingResults: false, lastBackupAt: null },
      theme: 'dark',
      collections: {},
    });
  });

  it('restores all of it into an empty browser', () => {
    const answers = [3, null, 5, null, null, null, null, null, null, null, null, null, null];
    const source = createMemoryStorage({
      [RESULTS_STORAGE_KEY]: JSON.stringify({ schema: 3, results: [FIRST, SECOND] }),
      [getProgressKey(fixtureQuiz.id)]: progressEntry(answers),
      [PREFERENCES_STORAGE_KEY]: JSON.stringify({ isSavingResults: false }),
      [THEME_KEY]: 'light',
    });
    const target = createMemoryStorage();
    const outcome = restoreBackupText(target, createBackup(source), QUIZZES);
    expect(outcome).toEqual({
      ok: true,
      report: {
        addedCount: 2,
        identicalCount: 0,
        conflictingCount: 0,
        unreadableCount: 0,
        repeatedCount: 0,
        progressCount: 1,
        isPreferencesRestored: true,
        isThemeRestored: true,
        collections: [],
      },
    });
    expect(loadResults(target).results).toEqual([FIRST, SECOND]);
    expect(loadProgress(target, fixtureQuiz)?.answers).toEqual(answers);
    expect(loadPreferences(target).isSavingResults).toBe(false);
    expect(target.data.get(THEME_KEY)).toBe('light');
  });

  it('never replaces settings or a theme already chosen on this device', () => {
    const source = createMemoryStorage({ [PREFERENCES_STORAGE_KEY]: '{"isSavingResults":false}', [THEME_KEY]: 'dark' });
    const target = createMemoryStorage({ [PREFERENCES_STORAGE_KEY]: '{"isSavingResults":true}', [THEME_KEY]: 'light' });
    const outcome = restoreBackupText(target, createBackup(source), QUIZZES);
    expect(outcome).toMatchObject({ ok: true, report: { isPreferencesRestored: false, isThemeRestored: false } });
    expect(loadPreferences(target).isSavingResults).toBe(true);
    expect(target.data.get(THEME_KEY)).toBe('light');
  });

  it('writes no settings for a device that never chose any', () => {
    const target = createMemoryStorage();
    restoreBackupText(target, createBackup(createMemoryStorage({ [RESULTS_STORAGE_KEY]: JSON.stringify({ schema: 3, results: [FIRST] }) })), QUIZZES);
    expect([...target.data.keys()]).toEqual([RESULTS_STORAGE_KEY]);
  });

  it('merges unfinished answers with the ones here, statement by statement', () => {
    const mine = [1, 1, null, null, null, null, null, null, null, null, null, null, null];
    const theirs = [null, null, 4, null, null, null, null, null, null, null, null, null, null];
    const target = createMemoryStorage({ [getProgressKey(fixtureQuiz.id)]: progressEntry(mine) });
    restoreBackupText(target, createBackup(createMemoryStorage({ [getProgressKey(fixtureQuiz.id)]: progressEntry(theirs) })), QUIZZES);
    expect(loadProgress(target, fixtureQuiz)?.answers.slice(0, 3)).toEqual([1, 1, 4]);
  });

  it('still restores the results files the first builds exported, upgrading old schemas', () => {
    const { subscales: _, ...schemaOne } = FIRST;
    const target = createMemoryStorage();
    expect(restoreBackupText(target, formatOneFile([schemaOne], 1), QUIZZES)).toMatchObject({ ok: true, report: { addedCount: 1 } });
    expect(loadResults(target).results).toEqual([{ ...FIRST, subscales: [] }]);
  });

  it('reports identical, conflicting, unreadable and repeated records apart, and keeps the saved copy of a conflict', () => {
    const target = createMemoryStorage({ [RESULTS_STORAGE_KEY]: JSON.stringify({ schema: 3, results: [FIRST, SECOND] }) });
    const file = formatOneFile([FIRST, { ...SECOND, normalized: 99 }, THIRD, THIRD, { id: 1 }]);
    expect(restoreBackupText(target, file, QUIZZES)).toEqual({
      ok: true,
      report: {
        addedCount: 1,
        identicalCount: 1,
        conflictingCount: 1,
        unreadableCount: 1,
        repeatedCount: 1,
        progressCount: 0,
        isPreferencesRestored: false,
        isThemeRestored: false,
        collections: [],
      },
    });
    expect(loadResults(target).results).toEqual([FIRST, SECOND, THIRD]);
  });

  const good = formatOneFile([THIRD]);
  it.each<[string, string, string]>([
    // Not JSON.
    ['a text file', 'my notes about the quiz', 'invalid-file'],
    ['truncated JSON', good.slice(0, 30), 'invalid-file'],
    // JSON without our marker.
    ['JSON from elsewhere', JSON.stringify({ schema: 2, results: [THIRD] }), 'invalid-file'],
    ['a wrong marker', JSON.stringify({ app: 'other-app', schema: 2, results: [THIRD] }), 'invalid-file'],
    // A bare array, even of valid records.
    ['a bare array', JSON.stringify([THIRD]), 'invalid-file'],
    // Our marker but a broken body.
    ['results that are not a list', JSON.stringify({ app: 'letting-go', schema: 2, results: 'none' }), 'invalid-file'],
    ['no schema', JSON.stringify({ app: 'letting-go', results: [THIRD] }), 'invalid-file'],
    ['only broken records', JSON.stringify({ app: 'letting-go', schema: 2, results: [{ id: 'x' }, null] }), 'invalid-file'],
    ['a backup without a format', JSON.stringify({ app: 'letting-go', kind: 'backup', results: { schema: 3, results: [] } }), 'invalid-file'],
    // Files from a newer version of the site.
    ['a newer results file', JSON.stringify({ app: 'letting-go', schema: 4, results: [] }), 'newer-file'],
    ['a newer backup', JSON.stringify({ app: 'letting-go', kind: 'backup', format: 4 }), 'newer-file'],
    ['a backup whose results are newer', JSON.stringify({ app: 'letting-go', kind: 'backup', format: 3, results: { schema: 9, results: [] } }), 'newer-file'],
    // Text over the limit, should the page's own size check be skipped.
    ['a huge file', `{"app":"letting-go","schema":2,"results":[],"pad":"${'x'.repeat(MAX_BACKUP_BYTES)}"}`, 'too-large'],
  ])('rejects %s and keeps existing data', (_, text, reason) => {
    const raw = JSON.stringify({ schema: 3, results: [FIRST] });
    const storage = createMemoryStorage({ [RESULTS_STORAGE_KEY]: raw });
    expect(readBackup(text)).toMatchObject({ ok: false, reason });
    expect(restoreBackupText(storage, text, QUIZZES)).toMatchObject({ ok: false, reason });
    expect(storage.data.get(RESULTS_STORAGE_KEY)).toBe(raw);
  });

  it.each<[StorageMode, string]>([
    ['quota', 'quota'],
    ['read-only', 'unavailable'],
    ['blocked', 'unavailable'],
  ])('says a %s store could not take the file, and changes nothing', (mode, reason) => {
    const raw = JSON.stringify({ schema: 3, results: [FIRST] });
    const storage = createMemoryStorage({ [RESULTS_STORAGE_KEY]: raw }, mode);
    expect(restoreBackupText(storage, formatOneFile([THIRD]), QUIZZES)).toEqual({ ok: false, reason });
    expect(storage.data.get(RESULTS_STORAGE_KEY)).toBe(raw);
  });

  it('leaves results saved by a newer version alone', () => {
    const raw = JSON.stringify({ schema: 9, results: [{ id: 'future' }] });
    const storage = createMemoryStorage({ [RESULTS_STORAGE_KEY]: raw });
    expect(restoreBackupText(storage, formatOneFile([THIRD]), QUIZZES)).toEqual({ ok: false, reason: 'newer-data' });
    expect(storage.data.get(RESULTS_STORAGE_KEY)).toBe(raw);
  });

  it('round-trips arbitrary valid histories', () => {
    fc.assert(
      fc.property(fc.uniqueArray(storedResultArbitrary, { selector: ({ id }) => id, maxLength: 20 }), (results) => {
        const source = createMemoryStorage({ [RESULTS_STORAGE_KEY]: JSON.stringify({ schema: 3, results }) });
        const target = createMemoryStorage();
        expect(restoreBackupText(target, createBackup(source), QUIZZES)).toMatchObject({ ok: true, report: { addedCount: results.length } });
        expect([...loadResults(target).results].sort(byId)).toEqual([...results].sort(byId));
      }),
    );
  });
});

/** What one of two writers (two tabs) does: save a result, delete ids it has seen, or bring in a file. */
type Operation =
  | { kind: 'save'; writer: 0 | 1; result: StoredResult }
  | { kind: 'delete'; writer: 0 | 1; picks: number[] }
  | { kind: 'import'; writer: 0 | 1; results: StoredResult[] };

describe('two writers', () => {
  it('any interleaving of saves, deletes and imports ends with the union minus what was deliberately deleted', () => {
    const results = fc.uniqueArray(storedResultArbitrary, { selector: ({ id }) => id, minLength: 1, maxLength: 12 });
    const scenario = results.chain((pool) => {
      const pick = fc.integer({ min: 0, max: pool.length - 1 });
      const writer = fc.constantFrom<0 | 1>(0, 1);
      const operation: fc.Arbitrary<Operation> = fc.oneof(
        fc.record({ kind: fc.constant('save' as const), writer, result: pick.map((index) => pool[index]!) }),
        fc.record({ kind: fc.constant('delete' as const), writer, picks: fc.array(fc.nat(20), { maxLength: 3 }) }),
        fc.record({ kind: fc.constant('import' as const), writer, results: fc.array(pick.map((index) => pool[index]!), { maxLength: 4 }) }),
      );
      return fc.array(operation, { maxLength: 25 });
    });
    fc.assert(
      fc.property(scenario, (operations) => {
        const storage = createMemoryStorage();
        // What each tab last showed: it deletes from its own, possibly stale, list.
        const shown: StoredResult[][] = [[], []];
        const expected = new Map<string, StoredResult>();
        for (const operation of operations) {
          if (operation.kind === 'save') {
            expect(saveResult(storage, operation.result)).toEqual({ ok: true });
            expected.set(operation.result.id, operation.result);
          } else if (operation.kind === 'import') {
            const file = JSON.stringify({ app: 'letting-go', schema: 3, results: operation.results });
            expect(restoreBackupText(storage, file, QUIZZES).ok).toBe(true);
            for (const incoming of operation.results) if (!expected.has(incoming.id)) expected.set(incoming.id, incoming);
          } else {
            const list = shown[operation.writer]!;
            const ids = operation.picks.filter((index) => index < list.length).map((index) => list[index]!.id);
            expect(deleteResults(storage, ids).ok).toBe(true);
            for (const id of ids) expected.delete(id);
          }
          shown[operation.writer] = loadResults(storage).results;
        }
        expect([...loadResults(storage).results].sort(byId)).toEqual([...expected.values()].sort(byId));
      }),
    );
  });
});

describe('erasing', () => {
  it('removes every key the site wrote and nothing else', () => {
    const storage = createMemoryStorage({
      [RESULTS_STORAGE_KEY]: JSON.stringify({ schema: 3, results: [FIRST] }),
      [getProgressKey('anything')]: '{}',
      'letting-go:a-later-tool': 'x',
      [THEME_KEY]: 'dark',
      'some-other-site': 'stays',
    });
    expect(describeKept(storage)).toMatchObject({ resultCount: 1, progressCount: 1, hasTheme: true, hasPreferences: false });
    expect(eraseStoredData(storage).failed).toEqual([]);
    expect([...storage.data.keys()]).toEqual(['some-other-site']);
  });

  it('still erases results kept by a newer version, whose count it cannot read', () => {
    const storage = createMemoryStorage({ [RESULTS_STORAGE_KEY]: JSON.stringify({ schema: 9, results: [] }) });
    expect(describeKept(storage).resultCount).toBeNull();
    eraseStoredData(storage);
    expect(storage.data.size).toBe(0);
  });
});
