import { describe, expect, it } from 'vitest';
import {
  assertCompleteAnswers,
  countAnswered,
  createEmptyAnswers,
  findUnanswered,
  isAnswerValue,
  isComplete,
  parseAnswers,
  setAnswer,
  type Answers,
} from '../../../src/features/quiz/engine/answers';
import { fixtureQuiz, toAnswers } from './fixtures';

describe('isAnswerValue', () => {
  it.each([
    // The five scale points.
    [1, true],
    [3, true],
    [5, true],
    // Just outside the scale.
    [0, false],
    [6, false],
    // Between scale points.
    [2.5, false],
    // Numbers in disguise.
    ['3', false],
    [Number.NaN, false],
    // Nothing at all.
    [null, false],
    [undefined, false],
  ])('%j → %s', (value, expected) => {
    expect(isAnswerValue(value)).toBe(expected);
  });
});

describe('answer set helpers', () => {
  it('creates one empty slot per item', () => {
    expect(createEmptyAnswers(fixtureQuiz)).toEqual(Array(13).fill(null));
  });

  it('sets an answer without touching the original', () => {
    const empty = createEmptyAnswers(fixtureQuiz);
    const answered = setAnswer(empty, 2, 4);
    expect(answered[2]).toBe(4);
    expect(countAnswered(answered)).toBe(1);
    expect(empty[2]).toBeNull();
    expect(setAnswer(answered, 2, null)[2]).toBeNull();
  });

  it.each([-1, 13, 1.5])('refuses to set position %d', (index) => {
    expect(() => setAnswer(createEmptyAnswers(fixtureQuiz), index, 3)).toThrow(RangeError);
  });

  it.each<[string, Answers, number, number[]]>([
    // Nothing answered.
    ['empty', Array(13).fill(null), 0, [...Array(13).keys()]],
    // Only the last two are missing.
    ['nearly done', [...toAnswers('12345123451'), null, null], 11, [11, 12]],
    // A short array: the missing tail counts as unanswered.
    ['short', toAnswers('5555'), 4, [4, 5, 6, 7, 8, 9, 10, 11, 12]],
    // Everything answered.
    ['complete', toAnswers('1234512345123'), 13, []],
  ])('counts and finds unanswered items when %s', (_, answers, answeredCount, unansweredIndexes) => {
    expect(countAnswered(answers)).toBe(answeredCount);
    const unanswered = findUnanswered(fixtureQuiz, answers);
    expect(unanswered.map(({ index }) => index)).toEqual(unansweredIndexes);
    expect(unanswered.map(({ id }) => id)).toEqual(unansweredIndexes.map((index) => fixtureQuiz.items[index].id));
    expect(isComplete(fixtureQuiz, answers)).toBe(unansweredIndexes.length === 0);
  });

  it('is not complete with an extra answer', () => {
    expect(isComplete(fixtureQuiz, toAnswers('12345123451234'))).toBe(false);
  });

  it.each<[string, Answers, RegExp]>([
    // One answer short.
    ['too few', toAnswers('123451234512'), /13 items but 12 answers/],
    // One answer too many.
    ['too many', toAnswers('12345123451234'), /13 items but 14 answers/],
    // A gap, named by position and id.
    ['a gap', [...toAnswers('123451'), null, ...toAnswers('123451')], /item 6 \("focus-2"\)/],
  ])('assertCompleteAnswers throws for %s', (_, answers, message) => {
    expect(() => assertCompleteAnswers(fixtureQuiz, answers, 'test')).toThrow(message);
  });
});

describe('parseAnswers', () => {
  it.each<[string, unknown, boolean]>([
    // A mix of answers and blanks.
    ['answers and nulls', [1, null, 5, null, 2, 3, 4, null, 1, 1, 1, 1, 2], true],
    // All blank is still a well-formed set.
    ['all null', Array(13).fill(null), true],
    // Wrong length.
    ['twelve slots', Array(12).fill(3), false],
    // An out-of-range value.
    ['a 6', [6, ...Array(12).fill(3)], false],
    // A string where a number belongs.
    ['a string', ['3', ...Array(12).fill(3)], false],
    // Not a list.
    ['an object', { 0: 3 }, false],
    ['null', null, false],
  ])('%s → %s', (_, value, isValid) => {
    const parsed = parseAnswers(value, 13);
    expect(parsed !== null).toBe(isValid);
    if (parsed !== null) {
      expect(parsed).toEqual(value);
      expect(parsed).not.toBe(value);
    }
  });
});
