import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quizSchema, type QuizDefinition } from '../../../src/schemas/quiz';
import type { AnswerValue } from '../../../src/quiz/answers';
import { normalizeScore } from '../../../src/quiz/normalize';
import { findBand, scoreQuiz } from '../../../src/quiz/score';
import { quizArbitrary, quizWithAnswersArbitrary } from './arbitraries';
import { createFixtureInput, fixtureQuiz, toAnswers } from './fixtures';

// Fixture item order (see fixtures.ts), F = forward, R = reverse:
//   steady-1 F, steady-2 F, steady-3 R, steady-4 R | focus-1 F, focus-2 F, focus-3 R, focus-4 F |
//   hope-1 F, hope-2 R, hope-3 F, hope-4 R
interface ScoreCase {
  name: string;
  answers: string;
  normalized: number;
  band: string;
  subscales: [steady: number, focus: number, hope: number];
  weakest: string;
  contradictory: string[];
  isStraightLined: boolean;
  isCareless: boolean;
  safety: string[];
}

const scoreCases: ScoreCase[] = [
  // All 1s: forward items score 1, the five reverse items score 5, so 32 of 60 points → 20/48 → 42.
  // Every pair is "both disagreed"; ties between steady and hope go to steady (first defined).
  {
    name: 'all 1s',
    answers: '111111111111',
    normalized: 42,
    band: 'middle',
    subscales: [50, 25, 50],
    weakest: 'steady',
    contradictory: ['steady-2', 'focus-2', 'hope-3'],
    isStraightLined: true,
    isCareless: true,
    safety: [],
  },
  // All 5s: 35 + 5 = 40 points → 28/48 → 58; focus has three forward items so it leads with 75.
  {
    name: 'all 5s',
    answers: '555555555555',
    normalized: 58,
    band: 'middle',
    subscales: [50, 75, 50],
    weakest: 'focus',
    contradictory: ['steady-2', 'focus-2', 'hope-3'],
    isStraightLined: true,
    isCareless: true,
    safety: ['steady-1'],
  },
  // The lowest possible score: forward items 1, reverse items 5.
  {
    name: 'the floor',
    answers: '115511511515',
    normalized: 0,
    band: 'low',
    subscales: [0, 0, 0],
    weakest: 'steady',
    contradictory: [],
    isStraightLined: false,
    isCareless: false,
    safety: [],
  },
  // The highest possible score: forward items 5, reverse items 1.
  {
    name: 'the ceiling',
    answers: '551155155151',
    normalized: 100,
    band: 'high',
    subscales: [100, 100, 100],
    weakest: 'steady',
    contradictory: [],
    isStraightLined: false,
    isCareless: false,
    safety: ['steady-1'],
  },
  // Exact halves round up: 6 points above the floor is 12.5 → 13; focus gets 2 of 16 → 12.5 → 13.
  {
    name: 'an exact half',
    answers: '515511311515',
    normalized: 13,
    band: 'low',
    subscales: [25, 13, 0],
    weakest: 'steady',
    contradictory: [],
    isStraightLined: false,
    isCareless: false,
    safety: ['steady-1'],
  },
  // One pair of three agreed on both sides: 1 is not more than a third of 3, so not careless.
  {
    name: 'one contradictory pair',
    answers: '344333333333',
    normalized: 50,
    band: 'middle',
    subscales: [50, 50, 50],
    weakest: 'steady',
    contradictory: ['steady-2'],
    isStraightLined: false,
    isCareless: false,
    safety: [],
  },
  // Two contradictory pairs (one agreed, one disagreed) make the answers careless.
  {
    name: 'two contradictory pairs',
    answers: '344332233333',
    normalized: 50,
    band: 'middle',
    subscales: [50, 50, 50],
    weakest: 'steady',
    contradictory: ['steady-2', 'focus-2'],
    isStraightLined: false,
    isCareless: true,
    safety: [],
  },
  // A 4 on the safety item is enough; a 3 is not (see 'one contradictory pair').
  {
    name: 'safety agreed with a 4',
    answers: '415511511515',
    normalized: 6,
    band: 'low',
    subscales: [19, 0, 0],
    weakest: 'steady',
    contradictory: [],
    isStraightLined: false,
    isCareless: false,
    safety: ['steady-1'],
  },
  // A high-band score led by hope: every hope item at its maximum; steady items all score 4 (75), focus items
  // 4, 4, 4, 3 (11 of 16 → 68.75 → 69); 39 of 48 points → 81.25 → 81.
  {
    name: 'hope leads',
    answers: '442244235151',
    normalized: 81,
    band: 'high',
    subscales: [75, 69, 100],
    weakest: 'hope',
    contradictory: [],
    isStraightLined: false,
    isCareless: false,
    safety: ['steady-1'],
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
      { id: 'steady', title: 'The steady part', normalized: expected.subscales[0], itemCount: 4 },
      { id: 'focus', title: 'The focus part', normalized: expected.subscales[1], itemCount: 4 },
      { id: 'hope', title: 'The hope part', normalized: expected.subscales[2], itemCount: 4 },
    ]);
    expect(score.weakestSubscale.id).toBe(expected.weakest);
    expect(score.quality.contradictoryPairs.map(({ forwardItemId }) => forwardItemId)).toEqual(expected.contradictory);
    expect(score.quality.isStraightLined).toBe(expected.isStraightLined);
    expect(score.quality.isCareless).toBe(expected.isCareless);
    expect(score.safety).toEqual({ hasSafetyConcern: expected.safety.length > 0, safetyItemIds: expected.safety });
  });

  it('names both sides of a contradictory pair', () => {
    const score = scoreQuiz(fixtureQuiz, toAnswers('344333333333'));
    expect(score.quality.contradictoryPairs).toEqual([{ forwardItemId: 'steady-2', reverseItemId: 'steady-3' }]);
  });

  it('gives the weakest subscale its description and guide link', () => {
    const { weakestSubscale } = scoreQuiz(fixtureQuiz, toAnswers('442244235151'));
    expect(weakestSubscale).toEqual({
      id: 'hope',
      title: 'The hope part',
      normalized: 100,
      itemCount: 4,
      description: 'How the hope part of this test quiz is going.',
      link: { section: 'where-this-leaves-you', anchor: 'putting-your-priorities-in-order' },
    });
  });

  it.each([
    // With higher-is-harder the highest subscale (steady, 25) is the one to work on.
    ['higher-is-harder', 'steady'],
    // With higher-is-healthier it is the lowest (hope, 0).
    ['higher-is-healthier', 'hope'],
  ] as const)('picks the weakest subscale for %s', (polarity, weakest) => {
    // The fixture's safety item is forward-keyed, which only a higher-is-harder quiz allows; drop the flag here.
    const quiz = withQuiz((input) => {
      input.polarity = polarity;
      for (const item of input.items) item.safety = false;
    });
    expect(scoreQuiz(quiz, toAnswers('515511311515')).weakestSubscale.id).toBe(weakest);
  });

  it.each([
    // Two pairs, one contradictory: more than a third of the pairs, so careless with a single pair.
    ['1 of 2 pairs', '344333333333', true],
    // Two pairs, none contradictory.
    ['0 of 2 pairs', '333333333334', false],
  ])('judges carelessness by share of pairs: %s', (_, answers, isCareless) => {
    const quiz = withQuiz((input) => {
      delete input.items[10].pair;
      delete input.items[11].pair;
    });
    expect(scoreQuiz(quiz, toAnswers(answers)).quality.isCareless).toBe(isCareless);
  });

  it.each<[string, (AnswerValue | null)[], RegExp]>([
    // Called before every item was answered.
    ['a missing answer', [...toAnswers('12345'), null, ...toAnswers('123451')], /missing answers for item 5 \("focus-2"\)/],
    // An answer set from a different version of the quiz.
    ['the wrong length', toAnswers('1234512345'), /12 items but 10 answers/],
    // A value outside the scale sneaking in from untyped code.
    ['an out-of-range value', [6 as AnswerValue, ...toAnswers('12345123451')], /missing answers for item 0/],
  ])('throws a clear error for %s', (_, answers, message) => {
    expect(() => scoreQuiz(fixtureQuiz, answers)).toThrow(message);
  });

  it('finds no band for a score outside 0-100', () => {
    expect(() => findBand(fixtureQuiz, 101)).toThrow(/no band for a score of 101/);
  });
});

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
        expect(score.subscales.reduce((total, { itemCount }) => total + itemCount, 0)).toBe(quiz.items.length);
      }),
    );
  });

  it('moves an item’s subscale up when a forward item is agreed with more, and down for a reverse item', () => {
    const arbitrary = quizWithAnswersArbitrary.chain(([quiz, answers]) =>
      fc.tuple(
        fc.constant(quiz),
        fc.constant(answers),
        fc.nat(quiz.items.length - 1),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 4 }),
      ),
    );
    fc.assert(
      fc.property(arbitrary, ([quiz, answers, index, lower, step]) => {
        const higher = Math.min(5, lower + step) as AnswerValue;
        const withLower = scoreQuiz(quiz, answers.with(index, lower as AnswerValue));
        const withHigher = scoreQuiz(quiz, answers.with(index, higher));
        const item = quiz.items[index];
        const subscaleIndex = quiz.subscales.findIndex(({ id }) => id === item.subscale);
        const lowerSubscale = withLower.subscales[subscaleIndex].normalized;
        const higherSubscale = withHigher.subscales[subscaleIndex].normalized;
        // A subscale has at most 16 items, so one point moves it by more than 1 and rounding can't hide it.
        if (item.reverse) {
          expect(higherSubscale).toBeLessThan(lowerSubscale);
          expect(withHigher.normalized).toBeLessThanOrEqual(withLower.normalized);
        } else {
          expect(higherSubscale).toBeGreaterThan(lowerSubscale);
          expect(withHigher.normalized).toBeGreaterThanOrEqual(withLower.normalized);
        }
        // Other subscales don't move.
        withLower.subscales.forEach((subscale, position) => {
          if (position !== subscaleIndex) expect(withHigher.subscales[position]).toEqual(subscale);
        });
      }),
    );
  });

  it('can reach every band of every valid quiz', () => {
    fc.assert(
      fc.property(quizArbitrary, (quiz) => {
        const itemCount = quiz.items.length;
        for (const band of quiz.bands) {
          const points = [...Array(4 * itemCount + 1).keys()].find((candidate) => {
            const normalized = normalizeScore(candidate + itemCount, itemCount);
            return normalized >= band.min && normalized <= band.max;
          });
          expect(points, `band ${band.id} has a reachable total`).toBeDefined();
          // Spread the points over the items, then turn item scores back into answers.
          let remaining = points ?? 0;
          const answers = quiz.items.map((item) => {
            const itemScore = 1 + Math.min(4, remaining);
            remaining -= itemScore - 1;
            return (item.reverse ? 6 - itemScore : itemScore) as AnswerValue;
          });
          expect(scoreQuiz(quiz, answers).band.id).toBe(band.id);
        }
      }),
    );
  });

  it('reaches every band of the fixture with hand-picked answers', () => {
    // Floor, middle (all 3s), ceiling.
    expect(['115511511515', '333333333333', '551155155151'].map((answers) => scoreQuiz(fixtureQuiz, toAnswers(answers)).band.id)).toEqual(
      fixtureQuiz.bands.map(({ id }) => id),
    );
  });

  it('picks as weakest the first subscale with the most extreme score for the polarity', () => {
    fc.assert(
      fc.property(quizWithAnswersArbitrary, ([quiz, answers]) => {
        const { subscales, weakestSubscale } = scoreQuiz(quiz, answers);
        const values = subscales.map(({ normalized }) => normalized);
        const extreme = quiz.polarity === 'higher-is-harder' ? Math.max(...values) : Math.min(...values);
        expect(weakestSubscale.id).toBe(subscales[values.indexOf(extreme)].id);
      }),
    );
  });

  it('flags straight-lining exactly when every answer is the same', () => {
    fc.assert(
      fc.property(quizWithAnswersArbitrary, ([quiz, answers]) => {
        const { quality } = scoreQuiz(quiz, answers);
        expect(quality.isStraightLined).toBe(new Set(answers).size === 1);
        if (quality.isStraightLined) expect(quality.isCareless).toBe(true);
      }),
    );
  });

  it('reports a safety concern exactly for safety items answered 4 or 5', () => {
    fc.assert(
      fc.property(quizWithAnswersArbitrary, ([quiz, answers]) => {
        const { safety } = scoreQuiz(quiz, answers);
        const expected = quiz.items.filter((item, index) => item.safety && answers[index] >= 4).map(({ id }) => id);
        expect(safety).toEqual({ hasSafetyConcern: expected.length > 0, safetyItemIds: expected });
      }),
    );
  });
});
