import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEmptyAnswers, setAnswer, type Answers } from '../../../src/features/quiz/engine/answers';
import { clearProgress, getProgressKey, loadProgress, saveProgress } from '../../../src/features/quiz/engine/progress';
import { fixtureQuiz, nextVersionQuiz, otherQuiz, toAnswers } from './fixtures';
import { createMemoryStorage, type StorageMode } from '../kit/memory-storage';

const KEY = getProgressKey(fixtureQuiz.id);
const PARTIAL: Answers = [...toAnswers('12345'), null, null, 4, null, null, null, 1, 2];
const NOW = new Date('2025-03-04T05:06:07.000Z');

function storedEntry(overrides: Record<string, unknown> = {}): string {
  return JSON.stringify({ quizVersion: fixtureQuiz.version, updatedAt: NOW.toISOString(), answers: PARTIAL, ...overrides });
}

describe('progress', () => {
  it('uses one key per quiz', () => {
    expect(KEY).toBe('letting-go:progress:test-quiz');
  });

  it('saves and restores unfinished answers', () => {
    const storage = createMemoryStorage();
    expect(saveProgress(storage, fixtureQuiz, PARTIAL, NOW)).toEqual({ ok: true });
    expect(JSON.parse(storage.data.get(KEY) ?? '')).toEqual({ quizVersion: 3, updatedAt: NOW.toISOString(), answers: PARTIAL });
    expect(loadProgress(storage, fixtureQuiz)).toEqual({ answers: PARTIAL, updatedAt: NOW.toISOString() });
  });

  it('keeps quizzes apart', () => {
    const storage = createMemoryStorage();
    saveProgress(storage, fixtureQuiz, PARTIAL, NOW);
    expect(loadProgress(storage, otherQuiz)).toBeNull();
  });

  it('clears progress, and treats an empty answer set as nothing to keep', () => {
    const storage = createMemoryStorage();
    saveProgress(storage, fixtureQuiz, PARTIAL, NOW);
    expect(clearProgress(storage, fixtureQuiz)).toEqual({ ok: true });
    expect(storage.data.has(KEY)).toBe(false);
    saveProgress(storage, fixtureQuiz, PARTIAL, NOW);
    expect(saveProgress(storage, fixtureQuiz, createEmptyAnswers(fixtureQuiz), NOW)).toEqual({ ok: true });
    expect(storage.data.has(KEY)).toBe(false);
  });

  it('refuses to save answers of the wrong length', () => {
    const storage = createMemoryStorage();
    expect(saveProgress(storage, fixtureQuiz, PARTIAL.slice(1), NOW)).toMatchObject({ ok: false, reason: 'invalid' });
    expect(storage.data.size).toBe(0);
  });

  it('discards progress from another version of the quiz', () => {
    const storage = createMemoryStorage();
    saveProgress(storage, fixtureQuiz, PARTIAL, NOW);
    expect(loadProgress(storage, nextVersionQuiz)).toBeNull();
    expect(storage.data.has(KEY)).toBe(false);
  });

  it.each([
    // Not JSON.
    ['truncated JSON', storedEntry().slice(0, 20)],
    // JSON of the wrong kind.
    ['an array', JSON.stringify(PARTIAL)],
    ['null', 'null'],
    // A version mismatch.
    ['an older version', storedEntry({ quizVersion: 2 })],
    ['a string version', storedEntry({ quizVersion: '3' })],
    // One answer short: the items changed.
    ['twelve answers', storedEntry({ answers: PARTIAL.slice(1) })],
    // An answer outside the scale.
    ['an answer of 9', storedEntry({ answers: [9, ...PARTIAL.slice(1)] })],
    // No usable date.
    ['a missing date', storedEntry({ updatedAt: undefined })],
    ['a nonsense date', storedEntry({ updatedAt: 'soon' })],
    // Nothing answered: nothing to resume.
    ['all blank', storedEntry({ answers: Array(13).fill(null) })],
  ])('discards %s', (_, raw) => {
    const storage = createMemoryStorage({ [KEY]: raw });
    expect(loadProgress(storage, fixtureQuiz)).toBeNull();
    expect(storage.data.has(KEY)).toBe(false);
  });

  it.each<[StorageMode, string]>([
    // Full storage: saving fails, reading still works.
    ['quota', 'quota'],
    // Every access throws.
    ['blocked', 'unavailable'],
  ])('never throws with %s storage', (mode, reason) => {
    const storage = createMemoryStorage({ [KEY]: storedEntry() }, mode);
    expect(saveProgress(storage, fixtureQuiz, setAnswer(PARTIAL, 5, 2), NOW)).toMatchObject({ ok: false, reason });
    expect(loadProgress(storage, fixtureQuiz)).toEqual(mode === 'quota' ? { answers: PARTIAL, updatedAt: NOW.toISOString() } : null);
    expect(loadProgress(null, fixtureQuiz)).toBeNull();
    expect(saveProgress(null, fixtureQuiz, PARTIAL, NOW)).toMatchObject({ ok: false, reason: 'unavailable' });
  });

  it('never throws on arbitrary stored text, and returns only answers that fit', () => {
    const textArbitrary = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.jsonValue().map((value) => JSON.stringify(value)),
      fc
        .record({ quizVersion: fc.constantFrom(2, 3, 4), answers: fc.array(fc.constantFrom(null, 1, 3, 5, 6), { maxLength: 14 }) })
        .map((entry) => JSON.stringify({ ...entry, updatedAt: NOW.toISOString() })),
    );
    fc.assert(
      fc.property(textArbitrary, (raw) => {
        const progress = loadProgress(createMemoryStorage({ [KEY]: raw }), fixtureQuiz);
        if (progress !== null) {
          expect(progress.answers).toHaveLength(13);
          expect(progress.answers.every((value) => value === null || [1, 2, 3, 4, 5].includes(value))).toBe(true);
        }
      }),
    );
  });
});
