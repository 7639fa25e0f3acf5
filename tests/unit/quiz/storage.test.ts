import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoreQuiz } from '../../../src/features/quiz/engine/score';
import {
  RESULTS_STORAGE_KEY,
  createStoredResult,
  deleteResult,
  deleteResults,
  loadResults,
  saveResult,
  type StoredResult,
} from '../../../src/features/quiz/engine/results';
import { getLocalStorage } from '../../../src/kit/storage';
import { mergeResults } from '../../../src/features/device-data/merge-results';
import { invalidRecordArbitrary, storedResultArbitrary } from './arbitraries';
import { fixtureQuiz, toAnswers } from './fixtures';
import { createMemoryStorage, type StorageMode } from '../kit/memory-storage';

function createResult(id: string, takenAt: string, overrides: Partial<StoredResult> = {}): StoredResult {
  return {
    id,
    quizId: 'test-quiz',
    quizVersion: 3,
    takenAt,
    normalized: 42,
    band: { id: 'middle', title: 'The middle band', summary: 'A summary.' },
    subscales: [{ id: 'steady', title: 'The steady part', normalized: 50 }],
    ...overrides,
  };
}

const FIRST = createResult('first', '2025-01-01T10:00:00.000Z');
const SECOND = createResult('second', '2025-02-01T10:00:00.000Z', { normalized: 13 });
const THIRD = createResult('third', '2025-03-01T10:00:00.000Z', { normalized: 90 });

function withoutSubscales({ subscales: _, ...record }: StoredResult): Omit<StoredResult, 'subscales'> {
  return record;
}

function envelope(schema: number, results: unknown[]): string {
  return JSON.stringify({ schema, results });
}

function storageWith(raw: string, mode: StorageMode = 'normal') {
  return createMemoryStorage({ [RESULTS_STORAGE_KEY]: raw }, mode);
}

describe('createStoredResult', () => {
  it('snapshots what an old result needs to stay readable', () => {
    const score = scoreQuiz(fixtureQuiz, toAnswers('1551155111515'));
    const result = createStoredResult(fixtureQuiz, score, { id: 'abc', takenAt: new Date('2025-05-04T03:02:01Z') });
    expect(result).toEqual({
      id: 'abc',
      quizId: 'test-quiz',
      quizVersion: 3,
      takenAt: '2025-05-04T03:02:01.000Z',
      normalized: 100,
      band: { id: 'high', title: 'The high band', summary: 'This is a test summary. It has two sentences.' },
      subscales: [
        { id: 'steady', title: 'The steady part', normalized: 100 },
        { id: 'focus', title: 'The focus part', normalized: 100 },
        { id: 'hope', title: 'The hope part', normalized: 0 },
      ],
    });
  });

  it('makes a fresh id each time when none is given', () => {
    const score = scoreQuiz(fixtureQuiz, toAnswers('3333333333333'));
    const ids = new Set(Array.from({ length: 20 }, () => createStoredResult(fixtureQuiz, score).id));
    expect(ids.size).toBe(20);
  });
});

describe('loadResults', () => {
  it('reads nothing as an empty, healthy history', () => {
    expect(loadResults(createMemoryStorage())).toEqual({ status: 'ok', results: [], droppedCount: 0 });
  });

  it.each<[string, string, { status: string; ids: string[]; droppedCount: number }]>([
    // The current shape, out of order on disk: results come back oldest first.
    ['schema 3', envelope(3, [THIRD, FIRST, SECOND]), { status: 'ok', ids: ['first', 'second', 'third'], droppedCount: 0 }],
    // Schema 2 records have the same shape; only some subscale numbers are turned (see below).
    ['schema 2', envelope(2, [THIRD, FIRST, SECOND]), { status: 'ok', ids: ['first', 'second', 'third'], droppedCount: 0 }],
    // Schema 1 records have no subscales; they gain an empty list.
    ['schema 1', envelope(1, [FIRST, SECOND].map(withoutSubscales)), { status: 'ok', ids: ['first', 'second'], droppedCount: 0 }],
    // The first builds stored a bare array of schema 1 records.
    ['a legacy bare array', JSON.stringify([SECOND, THIRD].map(withoutSubscales)), { status: 'ok', ids: ['second', 'third'], droppedCount: 0 }],
    // Valid records survive next to broken ones.
    [
      'a mix of valid and broken records',
      envelope(2, [FIRST, { ...SECOND, normalized: 'high' }, null, 'text', THIRD]),
      { status: 'ok', ids: ['first', 'third'], droppedCount: 3 },
    ],
    // The same id twice keeps the first.
    ['a repeated id', envelope(2, [FIRST, { ...SECOND, id: 'first' }]), { status: 'ok', ids: ['first'], droppedCount: 1 }],
    // A schema 1 record that already breaks the rules is dropped, not migrated into validity.
    ['a broken schema 1 record', envelope(1, [withoutSubscales(FIRST), { id: 'x' }]), { status: 'ok', ids: ['first'], droppedCount: 1 }],
    // A newer schema is left unread.
    ['schema 4', envelope(4, [FIRST]), { status: 'newer', ids: [], droppedCount: 0 }],
    // Even a newer envelope whose results we can't recognize.
    ['schema 99 without results', JSON.stringify({ schema: 99, whatever: true }), { status: 'newer', ids: [], droppedCount: 0 }],
    // Not JSON.
    ['truncated JSON', envelope(2, [FIRST]).slice(0, 40), { status: 'corrupt', ids: [], droppedCount: 0 }],
    ['an empty string', '', { status: 'corrupt', ids: [], droppedCount: 0 }],
    // JSON of the wrong kind.
    ['null', 'null', { status: 'corrupt', ids: [], droppedCount: 0 }],
    ['a number', '42', { status: 'corrupt', ids: [], droppedCount: 0 }],
    ['a string', '"hello"', { status: 'corrupt', ids: [], droppedCount: 0 }],
    // Envelopes with a broken schema field.
    ['no schema', JSON.stringify({ results: [FIRST] }), { status: 'corrupt', ids: [], droppedCount: 0 }],
    ['a string schema', JSON.stringify({ schema: '2', results: [FIRST] }), { status: 'corrupt', ids: [], droppedCount: 0 }],
    ['a fractional schema', envelope(1.5, [FIRST]), { status: 'corrupt', ids: [], droppedCount: 0 }],
    ['schema 0 in an envelope', envelope(0, [FIRST]), { status: 'corrupt', ids: [], droppedCount: 0 }],
    // An envelope whose results are not a list.
    ['results as an object', JSON.stringify({ schema: 2, results: { 0: FIRST } }), { status: 'corrupt', ids: [], droppedCount: 0 }],
  ])('handles %s', (_, raw, expected) => {
    const loaded = loadResults(storageWith(raw));
    expect(loaded.status).toBe(expected.status);
    expect(loaded.results.map(({ id }) => id)).toEqual(expected.ids);
    expect(loaded.droppedCount).toBe(expected.droppedCount);
  });

  it('upgrades schema 1 records with an empty subscale list and keeps every other field', () => {
    const { results } = loadResults(storageWith(envelope(1, [withoutSubscales(FIRST)])));
    expect(results).toEqual([{ ...FIRST, subscales: [] }]);
  });

  it.each([
    // Anger version 1 scored "Anger as fuel" toward the harder end: 81 meant little fuel, now 19.
    ['anger', 1, 'fuel', 81, 19],
    // Victim-mindset version 1 did the same to "Owning your next step".
    ['victim-mindset', 1, 'ownership', 75, 25],
    // Subscales that already ran with their titles keep their numbers.
    ['anger', 1, 'replaying', 60, 60],
    ['readiness-to-let-go', 1, 'space', 30, 30],
    // Version 2 and later score every subscale in its own direction already.
    ['anger', 2, 'fuel', 81, 81],
  ])('turns a schema 2 %s v%i "%s" number of %i into %i, so it means what its title says', (quizId, quizVersion, id, before, after) => {
    const record = createResult('old', '2025-01-01T10:00:00.000Z', {
      quizId,
      quizVersion,
      subscales: [{ id, title: 'A part', normalized: before }],
    });
    const [result] = loadResults(storageWith(envelope(2, [record]))).results;
    expect(result!.subscales).toEqual([{ id, title: 'A part', normalized: after }]);
    // Already schema 3: never turned twice.
    const [current] = loadResults(storageWith(envelope(3, [record]))).results;
    expect(current!.subscales[0]!.normalized).toBe(before);
  });

  it('drops unknown fields from records', () => {
    const { results } = loadResults(storageWith(envelope(2, [{ ...FIRST, secret: 'x' }])));
    expect(results).toEqual([FIRST]);
  });

  it('never writes while loading', () => {
    const storage = storageWith(envelope(1, [withoutSubscales(FIRST)]), 'quota');
    const before = new Map(storage.data);
    loadResults(storage);
    expect(storage.data).toEqual(before);
  });

  it.each<[string, StorageMode | null]>([
    // Private mode in some browsers: every access throws.
    ['blocked storage', 'blocked'],
    // No storage object at all.
    ['missing storage', null],
  ])('reports %s as unavailable', (_, mode) => {
    const storage = mode === null ? null : storageWith(envelope(2, [FIRST]), mode);
    expect(loadResults(storage)).toEqual({ status: 'unavailable', results: [], droppedCount: 0 });
  });
});

describe('writing results', () => {
  it('saves, replaces by id and deletes', () => {
    const storage = createMemoryStorage();
    expect(saveResult(storage, SECOND)).toEqual({ ok: true });
    expect(saveResult(storage, FIRST)).toEqual({ ok: true });
    expect(saveResult(storage, { ...SECOND, normalized: 77 })).toEqual({ ok: true });
    expect(loadResults(storage).results).toEqual([FIRST, { ...SECOND, normalized: 77 }]);
    expect(JSON.parse(storage.data.get(RESULTS_STORAGE_KEY) ?? '')).toMatchObject({ schema: 3 });
    expect(deleteResult(storage, 'first')).toEqual({ ok: true, removedCount: 1 });
    expect(loadResults(storage).results.map(({ id }) => id)).toEqual(['second']);
    // Deleting the last result leaves no key behind: nothing is kept that was asked to go.
    expect(deleteResults(storage, ['second'])).toEqual({ ok: true, removedCount: 1 });
    expect(storage.data.has(RESULTS_STORAGE_KEY)).toBe(false);
  });

  it('deletes exactly the ids named, never a result saved meanwhile', () => {
    const storage = storageWith(envelope(3, [FIRST, SECOND]));
    // Another tab saves a third result after this page listed two.
    expect(saveResult(storage, THIRD)).toEqual({ ok: true });
    expect(deleteResults(storage, ['first', 'second'])).toEqual({ ok: true, removedCount: 2 });
    expect(loadResults(storage).results).toEqual([THIRD]);
  });

  it('counts only the ids that were still there', () => {
    const storage = storageWith(envelope(3, [FIRST, SECOND]));
    // Another tab already deleted "first".
    expect(deleteResult(storage, 'first')).toEqual({ ok: true, removedCount: 1 });
    expect(deleteResults(storage, ['first', 'second'])).toEqual({ ok: true, removedCount: 1 });
    expect(storage.data.has(RESULTS_STORAGE_KEY)).toBe(false);
  });

  it('refuses to save an invalid record', () => {
    const storage = createMemoryStorage();
    expect(saveResult(storage, { ...FIRST, normalized: 120 })).toMatchObject({ ok: false, reason: 'invalid' });
    expect(storage.data.size).toBe(0);
  });

  it('upgrades older data on the first write, keeping its records', () => {
    const storage = storageWith(JSON.stringify([withoutSubscales(FIRST)]));
    expect(saveResult(storage, SECOND)).toEqual({ ok: true });
    expect(JSON.parse(storage.data.get(RESULTS_STORAGE_KEY) ?? '')).toEqual({
      schema: 3,
      results: [{ ...FIRST, subscales: [] }, SECOND],
    });
  });

  it('replaces unreadable data on save', () => {
    const storage = storageWith('{not json');
    expect(saveResult(storage, FIRST)).toEqual({ ok: true });
    expect(loadResults(storage).results).toEqual([FIRST]);
  });

  it('keeps every result, however many there are: nothing is trimmed', () => {
    const storage = createMemoryStorage();
    const many = Array.from({ length: 500 }, (_, index) =>
      createResult(`r-${index}`, new Date(Date.UTC(2025, 0, 1) + index * 60_000).toISOString()),
    );
    storage.data.set(RESULTS_STORAGE_KEY, envelope(3, many.slice(0, -1)));
    expect(saveResult(storage, many[many.length - 1]!)).toEqual({ ok: true });
    const { results } = loadResults(storage);
    expect(results).toHaveLength(500);
    expect(results[0]!.id).toBe('r-0');
    expect(deleteResult(storage, 'r-250')).toEqual({ ok: true, removedCount: 1 });
    expect(loadResults(storage).results).toHaveLength(499);
  });

  it('succeeds without writing when deleting an id that is not there', () => {
    const storage = storageWith(envelope(2, [FIRST]), 'quota');
    expect(deleteResult(storage, 'missing')).toEqual({ ok: true, removedCount: 0 });
  });

  describe('with data from a newer schema', () => {
    const raw = envelope(4, [{ id: 'future', shape: 'unknown' }]);

    it.each<[string, (storage: ReturnType<typeof createMemoryStorage>) => unknown]>([
      // Saving a new result.
      ['saveResult', (storage) => saveResult(storage, FIRST)],
      // Deleting one result.
      ['deleteResult', (storage) => deleteResult(storage, 'future')],
      // Deleting several.
      ['deleteResults', (storage) => deleteResults(storage, ['future', 'other'])],
    ])('%s leaves it untouched', (_, write) => {
      const storage = storageWith(raw);
      expect(write(storage)).toEqual({ ok: false, reason: 'newer-data' });
      expect(storage.data.get(RESULTS_STORAGE_KEY)).toBe(raw);
    });
  });

  it.each<[string, StorageMode, string]>([
    // The browser's storage for the site is full.
    ['a full store', 'quota', 'quota'],
    // Writes fail for some other reason.
    ['a read-only store', 'read-only', 'unavailable'],
    // Every access throws.
    ['a blocked store', 'blocked', 'unavailable'],
  ])('never throws with %s and keeps what was there', (_, mode, reason) => {
    const raw = envelope(2, [FIRST, SECOND]);
    const storage = storageWith(raw, mode);
    const failure = { ok: false, reason };
    expect(saveResult(storage, THIRD)).toEqual(failure);
    expect(deleteResult(storage, 'first')).toEqual(failure);
    expect(storage.data.get(RESULTS_STORAGE_KEY)).toBe(raw);
  });

  it('fails cleanly without any storage', () => {
    expect(saveResult(null, FIRST)).toMatchObject({ ok: false, reason: 'unavailable' });
    expect(deleteResults(null, ['first'])).toMatchObject({ ok: false, reason: 'unavailable' });
  });
});

describe('mergeResults', () => {
  it('adds new ids, counts identical ones and keeps the saved copy of a conflicting one', () => {
    const changed = { ...FIRST, normalized: 99 };
    const merge = mergeResults([FIRST, SECOND], [changed, SECOND, THIRD]);
    expect(merge.results).toEqual([FIRST, SECOND, THIRD]);
    expect(merge.added).toEqual([THIRD]);
    expect(merge.identicalCount).toBe(1);
    expect(merge.conflicting).toEqual([changed]);
  });
});

function byId(first: StoredResult, second: StoredResult): number {
  return first.id < second.id ? -1 : first.id > second.id ? 1 : 0;
}

describe('storage properties', () => {
  it('keeps every valid record among arbitrary garbage, then keeps them through a save', () => {
    const arbitrary = fc.record({
      valid: fc.uniqueArray(storedResultArbitrary, { selector: ({ id }) => id, maxLength: 12 }),
      garbage: fc.array(invalidRecordArbitrary, { maxLength: 12 }),
      seed: fc.nat(),
      schema: fc.constantFrom(0, 1, 2, 3),
      extra: storedResultArbitrary,
    });
    fc.assert(
      fc.property(arbitrary, ({ valid, garbage, seed, schema, extra }) => {
        const stored = schema >= 2 ? valid : valid.map(withoutSubscales);
        // Interleave deterministically from the seed so garbage lands between valid records.
        const mixed: unknown[] = [...stored];
        garbage.forEach((record, index) => mixed.splice((seed + index * 7) % (mixed.length + 1), 0, record));
        const raw = schema === 0 ? JSON.stringify(mixed) : envelope(schema, mixed);
        const storage = storageWith(raw);

        const expected = schema >= 2 ? valid : valid.map((record) => ({ ...record, subscales: [] }));
        const loaded = loadResults(storage);
        expect(loaded.status).toBe('ok');
        expect([...loaded.results].sort(byId)).toEqual([...expected].sort(byId));
        expect(loaded.droppedCount).toBe(garbage.length);

        fc.pre(!valid.some(({ id }) => id === extra.id));
        expect(saveResult(storage, extra)).toEqual({ ok: true });
        const after = loadResults(storage);
        expect(after.droppedCount).toBe(0);
        expect([...after.results].sort(byId)).toEqual([...expected, extra].sort(byId));
      }),
    );
  });

  it('never throws on arbitrary stored text and can always save afterwards', () => {
    const textArbitrary = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.jsonValue().map((value) => JSON.stringify(value)),
      fc.jsonValue().map((value) => JSON.stringify({ schema: 2, results: value })),
    );
    fc.assert(
      fc.property(textArbitrary, (raw) => {
        const storage = storageWith(raw);
        const loaded = loadResults(storage);
        expect(['ok', 'corrupt', 'newer']).toContain(loaded.status);
        const saved = saveResult(storage, FIRST);
        if (loaded.status === 'newer') {
          expect(saved).toMatchObject({ ok: false, reason: 'newer-data' });
        } else {
          expect(saved).toEqual({ ok: true });
          expect(loadResults(storage).results.map(({ id }) => id)).toContain('first');
        }
      }),
    );
  });
});

describe('getLocalStorage', () => {
  it.each<[string, object, boolean]>([
    // A normal browser.
    ['a scope with storage', { localStorage: createMemoryStorage() }, true],
    // Server rendering or an old browser.
    ['a scope without storage', {}, false],
    // Blocked cookies: touching localStorage throws.
    [
      'a scope whose storage throws on access',
      Object.defineProperty({}, 'localStorage', {
        get() {
          throw new DOMException('Access is denied.', 'SecurityError');
        },
      }),
      false,
    ],
  ])('handles %s', (_, scope, hasStorage) => {
    expect(getLocalStorage(scope) !== null).toBe(hasStorage);
  });
});
