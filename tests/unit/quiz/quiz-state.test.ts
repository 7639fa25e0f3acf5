import { describe, expect, it } from 'vitest';
import { createQuizState } from '../../../src/features/quiz/quiz-state';
import { countAnswered, findUnanswered } from '../../../src/features/quiz/engine/answers';
import { encodeShareCode, createShareFragment } from '../../../src/features/quiz/engine/share-code';
import { getProgressKey } from '../../../src/features/quiz/engine/progress';
import { RESULTS_STORAGE_KEY, loadResults } from '../../../src/features/quiz/engine/results';
import { PREFERENCES_STORAGE_KEY } from '../../../src/kit/preferences';
import { compareResults } from '../../../src/features/quiz/engine/compare';
import { createMemoryStorage } from '../kit/memory-storage';
import { extremeAnswers, getQuiz, safetyAnswers } from './real-quizzes';

const quiz = getQuiz('victim-mindset');
const NOW = new Date('2026-03-01T10:00:00.000Z');

function setUp(initial: Record<string, string> = {}) {
  const storage = createMemoryStorage(initial);
  const controller = createQuizState(quiz, { storage, now: () => NOW });
  return { storage, controller, state: () => controller.store.get() };
}

function answerAll(controller: ReturnType<typeof setUp>['controller'], answers: readonly (1 | 2 | 3 | 4 | 5)[]) {
  answers.forEach((value, index) => controller.answer(index, value));
}

describe('createQuizState', () => {
  it('starts as the plain server-rendered form and touches nothing before init', () => {
    const { storage, state } = setUp({ [getProgressKey(quiz.id)]: 'not json' });
    expect(state()).toMatchObject({ isReady: false, result: null, isResumed: false, shareProblem: null });
    expect(state().answers).toEqual(quiz.items.map(() => null));
    expect(storage.data.get(getProgressKey(quiz.id))).toBe('not json');
  });

  it('saves answers as progress and resumes them on the next visit', () => {
    const first = setUp();
    first.controller.init('');
    first.controller.answer(0, 4);
    first.controller.answer(3, 2);
    expect(countAnswered(first.state().answers)).toBe(2);

    const second = createQuizState(quiz, { storage: first.storage });
    second.init('');
    expect(second.store.get()).toMatchObject({ isReady: true, isResumed: true });
    expect(second.store.get().answers.slice(0, 4)).toEqual([4, null, null, 2]);
  });

  it('shows the error summary on a submit with gaps, and counts each attempt', () => {
    const { controller, state } = setUp();
    controller.init('');
    controller.answer(0, 3);
    expect(controller.submit()).toBe(false);
    expect(controller.submit()).toBe(false);
    expect(state()).toMatchObject({ failedSubmits: 2, result: null });
    expect(state().missingAtSubmit).toEqual(findUnanswered(quiz, state().answers));
    expect(state().missingAtSubmit).toHaveLength(quiz.items.length - 1);
    // Answering more leaves the summary as it was until the next submit, so it is announced only once.
    controller.answer(1, 2);
    expect(state().missingAtSubmit).toHaveLength(quiz.items.length - 1);
    controller.submit();
    expect(state().missingAtSubmit).toHaveLength(quiz.items.length - 2);
  });

  it('scores complete answers, saves the result, clears progress and makes a share code', () => {
    const { controller, state, storage } = setUp();
    controller.init('');
    answerAll(controller, extremeAnswers(quiz, 'high'));
    expect(controller.submit()).toBe(true);
    const result = state().result!;
    expect(result.source).toBe('own');
    expect(result.score.normalized).toBe(100);
    expect(result.score.band.id).toBe(quiz.bands.at(-1)!.id);
    expect(result.isSaved).toBe(true);
    expect(result.shareCode).toBe(encodeShareCode(quiz, extremeAnswers(quiz, 'high')));
    expect(storage.data.has(getProgressKey(quiz.id))).toBe(false);
    const saved = loadResults(storage).results;
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ id: result.record!.id, quizId: quiz.id, normalized: 100, takenAt: NOW.toISOString() });
  });

  it('undoes saving in one step: unticking deletes the record just saved, ticking saves it again', () => {
    const { controller, state, storage } = setUp();
    controller.init('');
    answerAll(controller, extremeAnswers(quiz, 'low'));
    controller.submit();
    controller.setSaving(false);
    expect(state().result!.isSaved).toBe(false);
    expect(loadResults(storage).results).toEqual([]);
    expect(JSON.parse(storage.data.get(PREFERENCES_STORAGE_KEY)!)).toEqual({ isSavingResults: false, lastBackupAt: null });

    controller.setSaving(true);
    expect(state().result!.isSaved).toBe(true);
    expect(loadResults(storage).results.map((saved) => saved.id)).toEqual([state().result!.record!.id]);
  });

  it('does not save when the reader chose not to keep results', () => {
    const { controller, state, storage } = setUp({ [PREFERENCES_STORAGE_KEY]: '{"isSavingResults":false}' });
    controller.init('');
    expect(state().isSavingResults).toBe(false);
    answerAll(controller, extremeAnswers(quiz, 'low'));
    controller.submit();
    expect(state().result!.isSaved).toBe(false);
    expect(storage.data.has(RESULTS_STORAGE_KEY)).toBe(false);
  });

  it('reports a failed save with its reason instead of throwing', () => {
    const { controller, state, storage } = setUp();
    controller.init('');
    answerAll(controller, extremeAnswers(quiz, 'low'));
    storage.mode = 'quota';
    controller.submit();
    expect(state().result!.isSaved).toBe(false);
    expect(state().result!.saveProblem).toBe('quota');
  });

  it('flags a safety concern whatever the score', () => {
    const { controller, state } = setUp();
    controller.init('');
    answerAll(controller, safetyAnswers(quiz));
    controller.submit();
    expect(state().result!.score.safety.hasSafetyConcern).toBe(true);
    expect(state().result!.score.band.id).toBe(quiz.bands[0]!.id);
  });

  it('opens a share link as a shared result without saving it or touching progress', () => {
    const answers = extremeAnswers(quiz, 'high');
    const { controller, state, storage } = setUp({
      [getProgressKey(quiz.id)]: JSON.stringify({ quizVersion: quiz.version, updatedAt: NOW.toISOString(), answers: [2, ...quiz.items.slice(1).map(() => null)] }),
    });
    controller.init(createShareFragment(encodeShareCode(quiz, answers)));
    expect(state().result).toMatchObject({ source: 'shared', record: null, isSaved: false });
    expect(state().result!.score.normalized).toBe(100);
    expect(storage.data.has(RESULTS_STORAGE_KEY)).toBe(false);

    controller.takeItYourself();
    expect(state()).toMatchObject({ result: null, isResumed: true });
    expect(state().answers[0]).toBe(2);
  });

  it.each([
    ['a truncated code', (code: string) => code.slice(0, -3), 'malformed'],
    ['a changed character', (code: string) => `${code.slice(0, 8)}${code[8] === 'A' ? 'B' : 'A'}${code.slice(9)}`, 'checksum'],
    ['nonsense', () => '%%%not-a-code', 'malformed'],
  ])('shows why and the empty quiz for %s', (_name, tamper, reason) => {
    const { controller, state } = setUp();
    controller.init(createShareFragment(tamper(encodeShareCode(quiz, extremeAnswers(quiz, 'low')))));
    expect(state().result).toBeNull();
    expect(state().shareProblem).toBe(reason);
    expect(state().answers.every((answer) => answer === null)).toBe(true);
  });

  it('says why for a link made by another quiz', () => {
    const other = getQuiz('anger');
    const { controller, state } = setUp();
    controller.init(createShareFragment(encodeShareCode(other, extremeAnswers(other, 'low'))));
    expect(state().result).toBeNull();
    expect(state().shareProblem).toBe('foreign');
  });

  it('restart clears answers, progress and the result', () => {
    const { controller, state, storage } = setUp();
    controller.init('');
    controller.answer(0, 5);
    controller.restart();
    expect(state().answers.every((answer) => answer === null)).toBe(true);
    expect(storage.data.has(getProgressKey(quiz.id))).toBe(false);
    answerAll(controller, extremeAnswers(quiz, 'low'));
    controller.submit();
    controller.restart();
    expect(state()).toMatchObject({ result: null, isResumed: false, missingAtSubmit: [] });
  });

  it('opens a share link pasted while the page is open, and ignores other fragments', () => {
    const { controller, state } = setUp();
    controller.init('');
    controller.openHash('#main');
    expect(state().result).toBeNull();
    controller.openHash(createShareFragment(encodeShareCode(quiz, extremeAnswers(quiz, 'low'))));
    expect(state().result?.source).toBe('shared');
  });

  it('keeps working when storage is unavailable', () => {
    const storage = createMemoryStorage({}, 'blocked');
    const controller = createQuizState(quiz, { storage });
    controller.init('');
    answerAll(controller, extremeAnswers(quiz, 'low'));
    expect(controller.submit()).toBe(true);
    expect(controller.store.get().result).toMatchObject({ isSaved: false });
    expect(controller.store.get().result!.saveProblem).toBe('unavailable');
  });

  it('compares a new result with the latest earlier saved one of the same quiz, before saving it', () => {
    const { controller, state, storage } = setUp();
    controller.init('');
    answerAll(controller, extremeAnswers(quiz, 'low'));
    controller.submit();
    // No earlier result: nothing to compare.
    expect(state().result!.previous).toBeNull();
    const first = state().result!.record!;

    const later = createQuizState(quiz, { storage, now: () => new Date('2026-03-08T10:00:00.000Z') });
    later.init('');
    answerAll(later, extremeAnswers(quiz, 'high'));
    later.submit();
    const { previous, score } = later.store.get().result!;
    expect(previous?.id).toBe(first.id);
    const comparison = compareResults(previous!, { quizVersion: quiz.version, ...score }, quiz.polarity);
    expect(comparison).toMatchObject({ previousTakenAt: first.takenAt, isSameVersion: true });
    expect(comparison!.total).toMatchObject({ before: 0, after: 100, delta: 100, meaning: 'harderUp' });
    expect(comparison!.subscales.map(({ id }) => id)).toEqual(quiz.subscales.map(({ id }) => id));
    // Ownership is healthier-is-higher: at the harder end of the total it reads 0, having been 100.
    expect(comparison!.subscales.find(({ id }) => id === 'ownership')).toMatchObject({ before: 100, after: 0, meaning: 'partDown' });
    expect(loadResults(storage).results).toHaveLength(2);
  });

  it('compares with the last saved result even when the new one is not kept', () => {
    const { controller, storage } = setUp();
    controller.init('');
    answerAll(controller, extremeAnswers(quiz, 'low'));
    controller.submit();
    const later = createQuizState(quiz, { storage, now: () => new Date('2026-04-01T10:00:00.000Z') });
    later.init('');
    later.setSaving(false);
    answerAll(later, extremeAnswers(quiz, 'low'));
    later.submit();
    expect(later.store.get().result).toMatchObject({ isSaved: false });
    const { previous, score } = later.store.get().result!;
    expect(compareResults(previous!, { quizVersion: quiz.version, ...score }, quiz.polarity).total).toMatchObject({ delta: 0, meaning: 'same' });
    expect(loadResults(storage).results).toHaveLength(1);
  });
});

describe('quiz state across tabs and failing storage', () => {
  it('keeps ten answers from tab A when tab B, opened earlier, answers one', () => {
    const storage = createMemoryStorage();
    let clock = NOW.getTime();
    const now = () => new Date((clock += 1000));
    const tabA = createQuizState(quiz, { storage, now });
    const tabB = createQuizState(quiz, { storage, now });
    tabA.init('');
    tabB.init('');
    for (let index = 0; index < 10; index += 1) tabA.answer(index, 2);
    tabB.answer(11, 5);
    expect(countAnswered(tabB.store.get().answers)).toBe(11);
    expect(tabB.store.get().elsewhere).toBe('merged');
    // Tab A hears of it through the storage event.
    tabA.syncFromStorage();
    expect(countAnswered(tabA.store.get().answers)).toBe(11);
    expect(tabA.store.get().elsewhere).toBe('merged');
    const reopened = createQuizState(quiz, { storage });
    reopened.init('');
    expect(countAnswered(reopened.store.get().answers)).toBe(11);
  });

  it('keeps the answers on screen when the other tab finished the quiz', () => {
    const storage = createMemoryStorage();
    const tabA = createQuizState(quiz, { storage, now: () => NOW });
    const tabB = createQuizState(quiz, { storage, now: () => NOW });
    tabA.init('');
    tabA.answer(0, 4);
    tabB.init('');
    answerAll(tabB, extremeAnswers(quiz, 'low'));
    tabB.submit();
    tabA.syncFromStorage();
    expect(tabA.store.get().answers[0]).toBe(4);
  });

  it('says at once when answers can no longer be kept, and again when they can', () => {
    const { controller, state, storage } = setUp();
    controller.init('');
    controller.answer(0, 3);
    expect(state().progressProblem).toBeNull();
    storage.mode = 'quota';
    controller.answer(1, 3);
    expect(state().progressProblem).toBe('quota');
    // The answer still counts on the page.
    expect(state().answers.slice(0, 2)).toEqual([3, 3]);
    storage.mode = 'normal';
    controller.answer(2, 3);
    expect(state().progressProblem).toBeNull();
    expect(countAnswered(JSON.parse(storage.data.get(getProgressKey(quiz.id))!).answers)).toBe(3);
  });

  it('says so in a private window where nothing can be kept', () => {
    const storage = createMemoryStorage({}, 'blocked');
    const controller = createQuizState(quiz, { storage, now: () => NOW });
    controller.init('');
    controller.answer(0, 3);
    expect(controller.store.get().progressProblem).toBe('unavailable');
  });

  it('asks the page once, after the first save that worked, to ask the browser to keep the data', () => {
    const storage = createMemoryStorage({}, 'quota');
    let asked = 0;
    const controller = createQuizState(quiz, { storage, now: () => NOW, onSaved: () => (asked += 1) });
    controller.init('');
    controller.answer(0, 3);
    expect(asked).toBe(0);
    storage.mode = 'normal';
    controller.answer(1, 3);
    controller.answer(2, 3);
    expect(asked).toBe(1);
  });
});
