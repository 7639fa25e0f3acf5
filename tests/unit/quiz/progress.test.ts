import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEmptyAnswers, setAnswer, type AnswerValue, type Answers } from '../../../src/features/quiz/engine/answers';
import {
  clearProgress,
  getProgressKey,
  loadProgress,
  mergeAnswers,
  saveProgress,
  type TimedAnswers,
} from '../../../src/features/quiz/engine/progress';
import { fixtureQuiz, nextVersionQuiz, otherQuiz, toAnswers } from './fixtures';
import { createMemoryStorage, type StorageMode } from '../kit/memory-storage';

const KEY = getProgressKey(fixtureQuiz.id);
const PARTIAL: Answers = [...toAnswers('12345'), null, null, 4, null, null, null, 1, 2];
const NOW = new Date('2025-03-04T05:06:07.000Z');
const AT = NOW.toISOString();

/** Answers all given at one moment. */
function timed(answers: Answers, at = AT): TimedAnswers {
  return { answers, answeredAt: answers.map((answer) => (answer === null ? null : at)) };
}

/** A format 1 entry, as the first builds wrote it. */
function formatOneEntry(overrides: Record<string, unknown> = {}): string {
  return JSON.stringify({ quizVersion: fixtureQuiz.version, updatedAt: AT, answers: PARTIAL, ...overrides });
}

/** A format 2 entry. */
function formatTwoEntry(overrides: Record<string, unknown> = {}): string {
  return JSON.stringify({ format: 2, quizVersion: fixtureQuiz.version, updatedAt: AT, ...timed(PARTIAL), ...overrides });
}

describe('progress', () => {
  it('uses one key per quiz', () => {
    expect(KEY).toBe('letting-go:progress:test-quiz');
  });

  it('saves and restores unfinished answers with when each was given', () => {
    const storage = createMemoryStorage();
    expect(saveProgress(storage, fixtureQuiz, timed(PARTIAL), NOW)).toEqual({ outcome: { ok: true }, merged: timed(PARTIAL), fromElsewhereCount: 0 });
    expect(JSON.parse(storage.data.get(KEY) ?? '')).toEqual({ format: 2, quizVersion: 3, updatedAt: AT, ...timed(PARTIAL) });
    expect(loadProgress(storage, fixtureQuiz)).toEqual({ ...timed(PARTIAL), updatedAt: AT });
  });

  it('reads a format 1 entry, its answers counted as given when it was saved', () => {
    const storage = createMemoryStorage({ [KEY]: formatOneEntry() });
    expect(loadProgress(storage, fixtureQuiz)).toEqual({ ...timed(PARTIAL), updatedAt: AT });
  });

  it('keeps quizzes apart', () => {
    const storage = createMemoryStorage();
    saveProgress(storage, fixtureQuiz, timed(PARTIAL), NOW);
    expect(loadProgress(storage, otherQuiz)).toBeNull();
  });

  it('leaves no key behind once cleared, or when nothing is answered', () => {
    const storage = createMemoryStorage();
    saveProgress(storage, fixtureQuiz, timed(PARTIAL), NOW);
    expect(clearProgress(storage, fixtureQuiz)).toEqual({ ok: true });
    expect(storage.data.size).toBe(0);
    expect(saveProgress(storage, fixtureQuiz, timed(createEmptyAnswers(fixtureQuiz)), NOW).outcome).toEqual({ ok: true });
    expect(storage.data.size).toBe(0);
  });

  it('refuses to save answers of the wrong length', () => {
    const storage = createMemoryStorage();
    expect(saveProgress(storage, fixtureQuiz, timed(PARTIAL.slice(1)), NOW).outcome).toMatchObject({ ok: false, reason: 'invalid' });
    expect(storage.data.size).toBe(0);
  });

  it('discards progress from another version of the quiz', () => {
    const storage = createMemoryStorage();
    saveProgress(storage, fixtureQuiz, timed(PARTIAL), NOW);
    expect(loadProgress(storage, nextVersionQuiz)).toBeNull();
    expect(storage.data.has(KEY)).toBe(false);
  });

  it.each([
    // Not JSON.
    ['truncated JSON', formatOneEntry().slice(0, 20)],
    // JSON of the wrong kind.
    ['an array', JSON.stringify(PARTIAL)],
    ['null', 'null'],
    // A version mismatch.
    ['an older version', formatOneEntry({ quizVersion: 2 })],
    ['a string version', formatOneEntry({ quizVersion: '3' })],
    // One answer short: the items changed.
    ['twelve answers', formatOneEntry({ answers: PARTIAL.slice(1) })],
    // An answer outside the scale.
    ['an answer of 9', formatOneEntry({ answers: [9, ...PARTIAL.slice(1)] })],
    // No usable date.
    ['a missing date', formatOneEntry({ updatedAt: undefined })],
    ['a nonsense date', formatOneEntry({ updatedAt: 'soon' })],
    // Nothing answered: nothing to resume.
    ['all blank', formatOneEntry({ answers: Array(13).fill(null) })],
    // Format 2 with times that do not match the answers.
    ['a time for a blank answer', formatTwoEntry({ answeredAt: PARTIAL.map(() => AT) })],
    ['no time for an answer', formatTwoEntry({ answeredAt: PARTIAL.map(() => null) })],
    ['a nonsense time', formatTwoEntry({ answeredAt: PARTIAL.map((answer) => (answer === null ? null : 'later')) })],
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
  ])('never throws with %s storage, and says so', (mode, reason) => {
    const storage = createMemoryStorage({ [KEY]: formatTwoEntry() }, mode);
    expect(saveProgress(storage, fixtureQuiz, timed(setAnswer(PARTIAL, 5, 2)), NOW).outcome).toMatchObject({ ok: false, reason });
    expect(loadProgress(storage, fixtureQuiz)).toEqual(mode === 'quota' ? { ...timed(PARTIAL), updatedAt: AT } : null);
    expect(loadProgress(null, fixtureQuiz)).toBeNull();
    expect(saveProgress(null, fixtureQuiz, timed(PARTIAL), NOW).outcome).toMatchObject({ ok: false, reason: 'unavailable' });
  });

  it('never throws on arbitrary stored text, and returns only answers that fit', () => {
    const textArbitrary = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.jsonValue().map((value) => JSON.stringify(value)),
      fc
        .record({ quizVersion: fc.constantFrom(2, 3, 4), answers: fc.array(fc.constantFrom(null, 1, 3, 5, 6), { maxLength: 14 }) })
        .map((entry) => JSON.stringify({ ...entry, updatedAt: AT })),
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

describe('progress in two tabs', () => {
  it('keeps ten answers from one tab when the other saves one (the answers are merged, never replaced)', () => {
    const storage = createMemoryStorage();
    const empty = timed(createEmptyAnswers(fixtureQuiz));
    // Tab A answers the first ten statements, one after another.
    let tabA = empty;
    for (let index = 0; index < 10; index += 1) {
      const at = new Date(NOW.getTime() + index * 1000).toISOString();
      tabA = {
        answers: setAnswer(tabA.answers, index, 3),
        answeredAt: tabA.answeredAt.map((time, position) => (position === index ? at : time)),
      };
      tabA = saveProgress(storage, fixtureQuiz, tabA, NOW).merged;
    }
    // Tab B, opened before any of that, answers the last statement.
    const later = new Date(NOW.getTime() + 60_000).toISOString();
    const tabB: TimedAnswers = {
      answers: setAnswer(empty.answers, 12, 5),
      answeredAt: empty.answeredAt.map((time, position) => (position === 12 ? later : time)),
    };
    const saved = saveProgress(storage, fixtureQuiz, tabB, NOW);
    expect(saved.fromElsewhereCount).toBe(10);
    const stored = loadProgress(storage, fixtureQuiz)!;
    expect(stored.answers.filter((answer) => answer !== null)).toHaveLength(11);
    expect(stored.answers[12]).toBe(5);
  });

  it('keeps the answer given last when both tabs answered the same statement', () => {
    const early = timed(setAnswer(createEmptyAnswers(fixtureQuiz), 0, 1), '2025-01-01T00:00:00.000Z');
    const late = timed(setAnswer(createEmptyAnswers(fixtureQuiz), 0, 5), '2025-01-02T00:00:00.000Z');
    expect(mergeAnswers(early, late).answers[0]).toBe(5);
    expect(mergeAnswers(late, early).answers[0]).toBe(5);
  });

  it('keeps the answers still open in one tab when the other finished the quiz', () => {
    const storage = createMemoryStorage();
    const tabA = saveProgress(storage, fixtureQuiz, timed(PARTIAL), NOW).merged;
    // Tab B finishes: the entry goes. Tab A answers one more, and its earlier answers are stored again.
    clearProgress(storage, fixtureQuiz);
    const next = { answers: setAnswer(tabA.answers, 5, 1), answeredAt: tabA.answeredAt.map((time, index) => (index === 5 ? AT : time)) };
    expect(saveProgress(storage, fixtureQuiz, next, NOW).outcome).toEqual({ ok: true });
    expect(loadProgress(storage, fixtureQuiz)!.answers).toEqual(next.answers);
  });
});

/** One answer given at a moment, by one of two tabs. */
interface Step {
  tab: 0 | 1;
  index: number;
  value: AnswerValue;
  /** Seconds after the start, so several tabs may act in any order relative to when answers were given. */
  at: number;
}

describe('progress merge property', () => {
  it('after any interleaving of two tabs, every statement holds the answer given last to it', () => {
    const step = fc.record({
      tab: fc.constantFrom<0 | 1>(0, 1),
      index: fc.integer({ min: 0, max: 12 }),
      value: fc.constantFrom<AnswerValue>(1, 2, 3, 4, 5),
      at: fc.integer({ min: 0, max: 10_000 }),
    });
    fc.assert(
      fc.property(fc.uniqueArray(step, { selector: (s) => s.at, maxLength: 30 }).map((steps) => steps.sort((a, b) => a.at - b.at)), (steps: Step[]) => {
        const storage = createMemoryStorage();
        const tabs: TimedAnswers[] = [timed(createEmptyAnswers(fixtureQuiz)), timed(createEmptyAnswers(fixtureQuiz))];
        for (const { tab, index, value, at } of steps) {
          const time = new Date(NOW.getTime() + at * 1000).toISOString();
          const mine = tabs[tab]!;
          const next = { answers: setAnswer(mine.answers, index, value), answeredAt: mine.answeredAt.map((t, i) => (i === index ? time : t)) };
          tabs[tab] = saveProgress(storage, fixtureQuiz, next, NOW).merged;
        }
        const expected = createEmptyAnswers(fixtureQuiz).map((_, index) => steps.filter((s) => s.index === index).at(-1)?.value ?? null);
        const stored = loadProgress(storage, fixtureQuiz);
        expect(stored?.answers ?? createEmptyAnswers(fixtureQuiz)).toEqual(expected);
      }),
    );
  });
});
