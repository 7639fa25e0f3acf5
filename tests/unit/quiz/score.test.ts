import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quizSchema, type QuizDefinition } from '../../../src/features/quiz/quiz-schema';
import type { AnswerValue } from '../../../src/features/quiz/engine/answers';
import { findBand, scoreQuiz } from '../../../src/features/quiz/engine/score';
import { quizWithAnswersArbitrary } from './arbitraries';
import { createFixtureInput, fixtureQuiz, toAnswers } from './fixtures';

// Fixture statement order (see fixtures.ts): 0 safe (flag) | steady-1..4 more, more, less, less |
// focus-1..4 more, more, less, less | hope-1..4 more, less, more, less. Steady and focus are harder-is-higher
// like the quiz and make up the total; hope is healthier-is-higher and is shown on its own.
interface ScoreCase {
  name: string;
  answers: string;
  normalized: number;
  band: string;
  subscales: [steady: number, focus: number, hope: number];
  /** The part named as the place to start, or null when none is clearly hard. */
  placeToStart: string | null;
  contradictory: string[];
  isStraightLined: boolean;
  isCareless: boolean;
  safety: string[];
}

const scoreCases: ScoreCase[] = [
  // "Not sure" throughout: every number sits at 50, in the middle band; no part is named as the place to
  // start, because none stands out; the same answer to every scored statement is straight-lining.
  {
    name: 'all "Not sure"',
    answers: '3333333333333',
    normalized: 50,
    band: 'middle',
    subscales: [50, 50, 50],
    placeToStart: null,
    contradictory: [],
    isStraightLined: true,
    isCareless: true,
    safety: [],
  },
  // The lowest total, with hope at its healthy end too: nothing is hard, so no place to start.
  {
    name: 'the floor',
    answers: '1115511555151',
    normalized: 0,
    band: 'low',
    subscales: [0, 0, 100],
    placeToStart: null,
    contradictory: [],
    isStraightLined: false,
    isCareless: false,
    safety: [],
  },
  // The highest total, with hope at its hard end (0): every part at hardness 100, the first is named.
  {
    name: 'the ceiling',
    answers: '1551155111515',
    normalized: 100,
    band: 'high',
    subscales: [100, 100, 0],
    placeToStart: 'steady',
    contradictory: [],
    isStraightLined: false,
    isCareless: false,
    safety: [],
  },
  // Agreeing with the safety statement raises the flag and changes no number (compare 'the floor').
  {
    name: 'the floor with the safety statement agreed',
    answers: '5115511555151',
    normalized: 0,
    band: 'low',
    subscales: [0, 0, 100],
    placeToStart: null,
    contradictory: [],
    isStraightLined: false,
    isCareless: false,
    safety: ['safe'],
  },
  // Only hope moves, to its hard end: the total, which does not count it, stays at 50, and hope is the place
  // to start.
  {
    name: 'hope at its hard end',
    answers: '3333333331515',
    normalized: 50,
    band: 'middle',
    subscales: [50, 50, 0],
    placeToStart: 'hope',
    contradictory: [],
    isStraightLined: false,
    isCareless: false,
    safety: [],
  },
  // Two pairs of opposites both agreed with, one of each at "Strongly agree": the mixed-answers note.
  // Steady 3+5+1+3 = 12 → 50; focus 3+5+2+3 = 13 → 56; the total 25 of 32 points → 53.
  {
    name: 'two pairs strongly agreed',
    answers: '3355335433333',
    normalized: 53,
    band: 'middle',
    subscales: [50, 56, 50],
    placeToStart: null,
    contradictory: ['steady-2', 'focus-2'],
    isStraightLined: false,
    isCareless: true,
    safety: [],
  },
  // One such pair is not enough evidence for the note.
  {
    name: 'one pair strongly agreed',
    answers: '3354333333333',
    normalized: 53,
    band: 'middle',
    subscales: [56, 50, 50],
    placeToStart: null,
    contradictory: ['steady-2'],
    isStraightLined: false,
    isCareless: false,
    safety: [],
  },
  // "Agree" to both sides of a pair can be an honest "a bit of both": not a contradiction.
  {
    name: 'a pair mildly agreed',
    answers: '3344333333333',
    normalized: 50,
    band: 'middle',
    subscales: [50, 50, 50],
    placeToStart: null,
    contradictory: [],
    isStraightLined: false,
    isCareless: false,
    safety: [],
  },
  // Two pairs both disagreed with, one side strongly: steady 3+1+4+3 = 11 → 43.75 → 44; focus 13 → 56.
  {
    name: 'two pairs strongly disagreed',
    answers: '3312332133333',
    normalized: 50,
    band: 'middle',
    subscales: [44, 56, 50],
    placeToStart: null,
    contradictory: ['steady-2', 'focus-2'],
    isStraightLined: false,
    isCareless: true,
    safety: [],
  },
  // All "Strongly agree": straight-lined, every pair contradictory, the safety flag raised, and, because the
  // total's statements balance "more" and "less", the middle band.
  {
    name: 'all "Strongly agree"',
    answers: '5555555555555',
    normalized: 50,
    band: 'middle',
    subscales: [50, 50, 50],
    placeToStart: null,
    contradictory: ['steady-2', 'focus-2', 'hope-3'],
    isStraightLined: true,
    isCareless: true,
    safety: ['safe'],
  },
];

function withQuiz(change: (input: ReturnType<typeof createFixtureInput>) => void): QuizDefinition {
  const input = createFixtureInput();
  change(input);
  return quizSchema.parse(input);
}

describe('scoreQuiz on the fixture', () => {
  it.each(scoreCases)('scores $name', (expected) => {
    const score = scoreQuiz(fixtureQuiz, toAnswers(expected.answers));
    expect(score.normalized).toBe(expected.normalized);
    expect(score.band.id).toBe(expected.band);
    expect(score.subscales).toEqual([
      { id: 'steady', title: 'The steady part', polarity: 'higher-is-harder', normalized: expected.subscales[0], itemCount: 4 },
      { id: 'focus', title: 'The focus part', polarity: 'higher-is-harder', normalized: expected.subscales[1], itemCount: 4 },
      { id: 'hope', title: 'The hope part', polarity: 'higher-is-healthier', normalized: expected.subscales[2], itemCount: 4 },
    ]);
    expect(score.placeToStart?.id ?? null).toBe(expected.placeToStart);
    expect(score.quality.contradictoryPairs.map(({ moreItemId }) => moreItemId)).toEqual(expected.contradictory);
    expect(score.quality.isStraightLined).toBe(expected.isStraightLined);
    expect(score.quality.isCareless).toBe(expected.isCareless);
    expect(score.safety).toEqual({ hasSafetyConcern: expected.safety.length > 0, safetyItemIds: expected.safety });
  });

  it('names both sides of a contradictory pair', () => {
    const score = scoreQuiz(fixtureQuiz, toAnswers('3354333333333'));
    expect(score.quality.contradictoryPairs).toEqual([{ moreItemId: 'steady-2', lessItemId: 'steady-3' }]);
  });

  it('gives the place to start its meaning and guide link', () => {
    const { placeToStart } = scoreQuiz(fixtureQuiz, toAnswers('3333333331515'));
    expect(placeToStart).toEqual({
      id: 'hope',
      title: 'The hope part',
      polarity: 'higher-is-healthier',
      normalized: 0,
      itemCount: 4,
      higherMeans: 'more of the hope part of this test quiz',
      link: { section: 'where-this-leaves-you', anchor: 'putting-your-priorities-in-order' },
    });
  });

  it.each([
    // Hope is healthier-is-higher: at 38 it is harder (62) than steady and focus at 50.
    ['a low healthier-is-higher part', '3333333333225', 'hope'],
    // Hope at 100 (hardness 0) and steady at 69: steady is the hardest.
    ['a high harder-is-higher part', '3554333335151', 'steady'],
    // Every part at 50 or at its healthy end: nothing to name.
    ['nothing clearly hard', '3333333335151', null],
  ])('picks as the place to start %s', (_, answers, id) => {
    expect(scoreQuiz(fixtureQuiz, toAnswers(answers)).placeToStart?.id ?? null).toBe(id);
  });

  it('leaves a part that runs against the quiz out of the total', () => {
    // Hope moves from one end to the other; the total does not.
    expect(scoreQuiz(fixtureQuiz, toAnswers('3333333335151')).normalized).toBe(50);
    expect(scoreQuiz(fixtureQuiz, toAnswers('3333333331515')).normalized).toBe(50);
    expect(scoreQuiz(fixtureQuiz, toAnswers('3333333333333')).itemCount).toBe(8);
  });

  it('scores every subscale in its own direction whatever the quiz polarity', () => {
    // A higher-is-healthier copy with every subscale's polarity flipped too: the same parts make up the
    // total, and every number stays as it was.
    const healthier = withQuiz((input) => {
      input.polarity = 'higher-is-healthier';
      for (const subscale of input.subscales) {
        subscale.polarity = subscale.polarity === 'higher-is-harder' ? 'higher-is-healthier' : 'higher-is-harder';
      }
    });
    const answers = toAnswers('3554333331515');
    const harderScore = scoreQuiz(fixtureQuiz, answers);
    const healthierScore = scoreQuiz(healthier, answers);
    expect(healthierScore.subscales.map(({ normalized }) => normalized)).toEqual(harderScore.subscales.map(({ normalized }) => normalized));
    expect(healthierScore.normalized).toBe(harderScore.normalized);
  });

  it.each<[string, (AnswerValue | null)[], RegExp]>([
    // Called before every item was answered.
    ['a missing answer', [...toAnswers('123451'), null, ...toAnswers('123451')], /missing answers for item 6 \("focus-2"\)/],
    // An answer set from a different version of the quiz.
    ['the wrong length', toAnswers('1234512345'), /13 items but 10 answers/],
    // A value outside the scale sneaking in from untyped code.
    ['an out-of-range value', [6 as AnswerValue, ...toAnswers('123451234512')], /missing answers for item 0/],
  ])('throws a clear error for %s', (_, answers, message) => {
    expect(() => scoreQuiz(fixtureQuiz, answers)).toThrow(message);
  });

  it('finds no band for a score outside 0-100', () => {
    expect(() => findBand(fixtureQuiz, 101)).toThrow(/no band for a score of 101/);
  });
});

/** The subscale of a scored statement, or undefined for a safety flag. */
function subscaleOf(quiz: QuizDefinition, index: number) {
  const item = quiz.items[index]!;
  return item.safety ? undefined : quiz.subscales.find(({ id }) => id === item.subscale);
}

describe('scoreQuiz properties', () => {
  it('keeps the total and every subscale a whole number from 0 to 100, inside the chosen band', () => {
    fc.assert(
      fc.property(quizWithAnswersArbitrary, ([quiz, answers]) => {
        const score = scoreQuiz(quiz, answers);
        for (const value of [score.normalized, ...score.subscales.map(({ normalized }) => normalized)]) {
          expect(Number.isInteger(value)).toBe(true);
          expect(value).toBeGreaterThanOrEqual(0);
          expect(value).toBeLessThanOrEqual(100);
        }
        expect(score.normalized).toBeGreaterThanOrEqual(score.band.min);
        expect(score.normalized).toBeLessThanOrEqual(score.band.max);
        const scoredCount = quiz.items.filter((item) => !item.safety).length;
        expect(score.subscales.reduce((total, { itemCount }) => total + itemCount, 0)).toBe(scoredCount);
      }),
    );
  });

  it('moves a subscale toward "more" when its "more" statements are agreed with, and the total its way', () => {
    const arbitrary = quizWithAnswersArbitrary.chain(([quiz, answers]) =>
      fc.tuple(
        fc.constant(quiz),
        fc.constant(answers),
        fc.constantFrom(...quiz.items.flatMap((item, index) => (item.safety ? [] : [index]))),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 4 }),
      ),
    );
    fc.assert(
      fc.property(arbitrary, ([quiz, answers, index, lower, step]) => {
        const higher = Math.min(5, lower + step) as AnswerValue;
        const withLower = scoreQuiz(quiz, answers.with(index, lower as AnswerValue));
        const withHigher = scoreQuiz(quiz, answers.with(index, higher));
        const item = quiz.items[index]!;
        const subscale = subscaleOf(quiz, index)!;
        const position = quiz.subscales.indexOf(subscale);
        const [lowerPart, higherPart] = [withLower, withHigher].map((score) => score.subscales[position]!.normalized);
        // A subscale has at most 16 items, so one point moves it by more than 1 and rounding can't hide it.
        if (item.agreeing === 'more') expect(higherPart).toBeGreaterThan(lowerPart!);
        else expect(higherPart).toBeLessThan(lowerPart!);
        // The total moves with a subscale of the quiz's polarity and ignores one of the other polarity.
        if (subscale.polarity !== quiz.polarity) expect(withHigher.normalized).toBe(withLower.normalized);
        else if (item.agreeing === 'more') expect(withHigher.normalized).toBeGreaterThanOrEqual(withLower.normalized);
        else expect(withHigher.normalized).toBeLessThanOrEqual(withLower.normalized);
        // Other subscales don't move.
        withLower.subscales.forEach((other, otherPosition) => {
          if (otherPosition !== position) expect(withHigher.subscales[otherPosition]).toEqual(other);
        });
      }),
    );
  });

  it('never lets a safety statement change a number', () => {
    const arbitrary = quizWithAnswersArbitrary.chain(([quiz, answers]) =>
      fc.tuple(fc.constant(quiz), fc.constant(answers), fc.constantFrom(...quiz.items.flatMap((item, index) => (item.safety ? [index] : [])))),
    );
    fc.assert(
      fc.property(arbitrary, ([quiz, answers, index]) => {
        const calm = scoreQuiz(quiz, answers.with(index, 1));
        const agreed = scoreQuiz(quiz, answers.with(index, 5));
        expect(agreed.normalized).toBe(calm.normalized);
        expect(agreed.subscales).toEqual(calm.subscales);
        expect(agreed.safety.safetyItemIds).toContain(quiz.items[index]!.id);
      }),
    );
  });

  it('reaches every band of the fixture with hand-picked answers', () => {
    // Floor, middle ("Not sure" throughout), ceiling.
    expect(['1115511555151', '3333333333333', '1551155111515'].map((answers) => scoreQuiz(fixtureQuiz, toAnswers(answers)).band.id)).toEqual(
      fixtureQuiz.bands.map(({ id }) => id),
    );
  });

  it('names as the place to start the first subscale with the highest hardness, when it is past 60', () => {
    fc.assert(
      fc.property(quizWithAnswersArbitrary, ([quiz, answers]) => {
        const { subscales, placeToStart } = scoreQuiz(quiz, answers);
        const hardness = subscales.map(({ normalized, polarity }) => (polarity === 'higher-is-harder' ? normalized : 100 - normalized));
        const highest = Math.max(...hardness);
        expect(placeToStart?.id ?? null).toBe(highest > 60 ? subscales[hardness.indexOf(highest)]!.id : null);
      }),
    );
  });

  it('flags straight-lining exactly when every scored statement got the same answer', () => {
    fc.assert(
      fc.property(quizWithAnswersArbitrary, ([quiz, answers]) => {
        const { quality } = scoreQuiz(quiz, answers);
        const scored = answers.filter((_, index) => !quiz.items[index]!.safety);
        expect(quality.isStraightLined).toBe(new Set(scored).size === 1);
        if (quality.isStraightLined) expect(quality.isCareless).toBe(true);
      }),
    );
  });

  it('reports a safety concern exactly for safety items answered 4 or 5', () => {
    fc.assert(
      fc.property(quizWithAnswersArbitrary, ([quiz, answers]) => {
        const { safety } = scoreQuiz(quiz, answers);
        const expected = quiz.items.filter((item, index) => item.safety && answers[index]! >= 4).map(({ id }) => id);
        expect(safety).toEqual({ hasSafetyConcern: expected.length > 0, safetyItemIds: expected });
      }),
    );
  });
});
