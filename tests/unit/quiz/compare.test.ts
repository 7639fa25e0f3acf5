import { describe, expect, it } from 'vitest';
import { compareResults, describeChange, oneStep } from '../../../src/features/quiz/engine/compare';
import { findPreviousResult } from '../../../src/features/quiz/engine/results';
import type { StoredResult } from '../../../src/features/quiz/engine/results';
import { fill } from '../../../src/kit/fill';

function result(id: string, takenAt: string, overrides: Partial<StoredResult> = {}): StoredResult {
  return {
    id,
    quizId: 'anger',
    quizVersion: 2,
    takenAt,
    normalized: 40,
    band: { id: 'some-of-both', title: 'Some fuel, some fire', summary: 'A summary.' },
    subscales: [
      { id: 'replaying', title: 'Replaying the breakup', normalized: 50 },
      { id: 'fuel', title: 'Anger as fuel', normalized: 30 },
    ],
    ...overrides,
  };
}

describe('describeChange', () => {
  it.each([
    // No change at all.
    [0, 'higher-is-harder', true, 8, 'same'],
    // One answer one step over 8 statements moves 3.125, shown as 3 or 4: "about the same".
    [4, 'higher-is-harder', true, 8, 'small'],
    // Over 4 statements one step is 6.25, shown as 6 or 7.
    [-7, 'higher-is-healthier', false, 4, 'small'],
    // Two steps are a change.
    [5, 'higher-is-harder', true, 8, 'harderUp'],
    [-12, 'higher-is-harder', true, 8, 'harderDown'],
    // A healthier-is-higher total going up is further along.
    [20, 'higher-is-healthier', true, 13, 'healthierUp'],
    [-20, 'higher-is-healthier', true, 13, 'healthierDown'],
    // A subscale says more or less of what it names, whatever its polarity.
    [15, 'higher-is-healthier', false, 4, 'partUp'],
    [-15, 'higher-is-harder', false, 4, 'partDown'],
  ] as const)('a change of %i on a %s %s over %i statements reads as %s', (delta, polarity, isTotal, itemCount, meaning) => {
    expect(describeChange(delta, polarity, isTotal, itemCount)).toBe(meaning);
  });

  it.each([
    [4, 7],
    [8, 4],
    [13, 2],
  ])('takes one answer moving one step over %i statements to be at most %i points', (itemCount, points) => {
    expect(oneStep(itemCount)).toBe(points);
  });
});

describe('findPreviousResult', () => {
  const saved = [
    result('a', '2026-03-01T10:00:00.000Z'),
    result('b', '2026-03-05T10:00:00.000Z'),
    result('other', '2026-03-06T10:00:00.000Z', { quizId: 'victim-mindset' }),
    result('c', '2026-03-09T10:00:00.000Z'),
  ];

  it('finds the latest result of the same quiz taken before the new one', () => {
    expect(findPreviousResult(saved, 'anger', '2026-03-08T00:00:00.000Z')?.id).toBe('b');
    expect(findPreviousResult(saved, 'anger', '2026-03-10T00:00:00.000Z')?.id).toBe('c');
  });

  it('leaves out the new result itself and other quizzes, and finds nothing before the first', () => {
    expect(findPreviousResult(saved, 'anger', '2026-03-10T00:00:00.000Z', 'c')?.id).toBe('b');
    expect(findPreviousResult(saved, 'victim-mindset', '2026-03-06T10:00:00.000Z')).toBeNull();
    expect(findPreviousResult(saved, 'anger', '2026-03-01T10:00:00.000Z')).toBeNull();
  });
});

describe('compareResults', () => {
  const newScore = {
    quizVersion: 2,
    normalized: 25,
    itemCount: 8,
    subscales: [
      { id: 'fuel', title: 'Anger as fuel', polarity: 'higher-is-healthier' as const, normalized: 70, itemCount: 4 },
      { id: 'revenge', title: 'Revenge and lashing out', polarity: 'higher-is-harder' as const, normalized: 10, itemCount: 4 },
      { id: 'replaying', title: 'Replaying the breakup', polarity: 'higher-is-harder' as const, normalized: 48, itemCount: 4 },
    ],
  };

  it('sets total and shared subscales side by side, in the new result’s order', () => {
    const comparison = compareResults(result('a', '2026-03-01T10:00:00.000Z'), newScore, 'higher-is-harder');
    expect(comparison).toEqual({
      previousTakenAt: '2026-03-01T10:00:00.000Z',
      isSameVersion: true,
      total: { id: 'total', title: '', before: 40, after: 25, delta: -15, meaning: 'harderDown' },
      subscales: [
        { id: 'fuel', title: 'Anger as fuel', before: 30, after: 70, delta: 40, meaning: 'partUp' },
        // "revenge" was not in the earlier result, so it has nothing to compare with.
        { id: 'replaying', title: 'Replaying the breakup', before: 50, after: 48, delta: -2, meaning: 'small' },
      ],
    });
  });

  it('gives numbers without a verdict against a result from another version of the quiz', () => {
    const comparison = compareResults(result('a', '2026-03-01T10:00:00.000Z', { quizVersion: 1 }), newScore, 'higher-is-harder');
    expect(comparison.isSameVersion).toBe(false);
    expect([comparison.total, ...comparison.subscales].map(({ meaning }) => meaning)).toEqual([
      'otherVersion',
      'otherVersion',
      'otherVersion',
    ]);
  });
});

describe('fill', () => {
  it.each([
    ['{count} statements still need an answer', { count: 3 }, '3 statements still need an answer'],
    ['{title}: {after} now, {before} last time.', { title: 'Anger as fuel', after: 70, before: 30 }, 'Anger as fuel: 70 now, 30 last time.'],
    // A slot without a value stays visible rather than vanishing.
    ['Up {points}:', {}, 'Up {points}:'],
  ])('fills %j', (template, values, expected) => {
    expect(fill(template, values)).toBe(expected);
  });
});
