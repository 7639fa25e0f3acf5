import fc from 'fast-check';
import { quizSchema, type QuizDefinition } from '../../../src/schemas/quiz';
import { ANSWER_VALUES, type AnswerValue } from '../../../src/quiz/answers';
import type { StoredResult } from '../../../src/quiz/storage';
import type { QuizInput } from './fixtures';

interface QuizPlan {
  itemCount: number;
  subscaleCount: number;
  subscaleOf: number[];
  reverseFlags: boolean[];
  safetyFlags: boolean[];
  pairCount: number;
  cuts: number[];
  polarity: 'higher-is-harder' | 'higher-is-healthier';
  version: number;
}

function buildQuizInput(plan: QuizPlan): QuizInput {
  const subscaleIds = Array.from({ length: plan.subscaleCount }, (_, index) => `part-${index}`);
  // The first items cover every subscale once, so no subscale is left unused.
  const subscaleIndexes = plan.subscaleOf.map((random, index) => (index < plan.subscaleCount ? index : random));
  const forwardIndexes = plan.reverseFlags.flatMap((isReverse, index) => (isReverse ? [] : [index]));
  const reverseIndexes = plan.reverseFlags.flatMap((isReverse, index) => (isReverse ? [index] : []));
  const pairCount = Math.min(plan.pairCount, forwardIndexes.length, reverseIndexes.length);
  const partnerOf = new Map<number, number>();
  for (let pair = 0; pair < pairCount; pair += 1) {
    partnerOf.set(forwardIndexes[pair], reverseIndexes[pair]);
    partnerOf.set(reverseIndexes[pair], forwardIndexes[pair]);
  }
  const bounds = [0, ...[...plan.cuts].sort((first, second) => first - second), 101];
  return {
    id: `generated-quiz-${plan.version}`,
    version: plan.version,
    title: 'A generated quiz',
    description: 'A quiz made up by the property tests, with a description long enough to pass.',
    measures: 'Whatever the generator picked',
    minutes: 5,
    intro: 'Answer each statement.',
    polarity: plan.polarity,
    scale: ['1', '2', '3', '4', '5'],
    sections: ['where-this-leaves-you'],
    subscales: subscaleIds.map((id) => ({
      id,
      title: `Part ${id}`,
      description: 'A generated part.',
      link: { section: 'where-this-leaves-you', anchor: 'not-needing-them-back' },
    })),
    items: plan.reverseFlags.map((isReverse, index) => {
      const partner = partnerOf.get(index);
      return {
        id: `item-${index}`,
        text: `Generated statement ${index}.`,
        subscale: subscaleIds[subscaleIndexes[index]],
        reverse: isReverse,
        // A safety statement counts towards the harder end: forward when higher is harder, else reverse.
        safety: isReverse === (plan.polarity === 'higher-is-healthier') && plan.safetyFlags[index],
        ...(partner === undefined ? {} : { pair: `item-${partner}` }),
      };
    }),
    bands: bounds.slice(0, -1).map((min, index) => ({
      id: `band-${index}`,
      min,
      max: bounds[index + 1] - 1,
      title: `Band ${index}`,
      summary: 'A generated band.',
      suggestions: ['One.', 'Two.'],
      sections: ['where-this-leaves-you'],
    })),
  };
}

/**
 * Valid quizzes across the allowed ranges: 10-16 items, 2-4 subscales, 3-4 bands, either polarity, random
 * reverse keying, pairs and safety items. Plans the schema rejects (too few reverse items, a band no score can
 * reach) are filtered out, so every value passed quizSchema.
 */
export const quizArbitrary: fc.Arbitrary<QuizDefinition> = fc
  .record({
    itemCount: fc.integer({ min: 10, max: 16 }),
    subscaleCount: fc.integer({ min: 2, max: 4 }),
    bandCount: fc.integer({ min: 3, max: 4 }),
  })
  .chain(({ itemCount, subscaleCount, bandCount }) =>
    fc.record({
      itemCount: fc.constant(itemCount),
      subscaleCount: fc.constant(subscaleCount),
      subscaleOf: fc.array(fc.nat(subscaleCount - 1), { minLength: itemCount, maxLength: itemCount }),
      reverseFlags: fc.array(fc.boolean(), { minLength: itemCount, maxLength: itemCount }),
      safetyFlags: fc.array(fc.boolean(), { minLength: itemCount, maxLength: itemCount }),
      pairCount: fc.nat(4),
      cuts: fc.uniqueArray(fc.integer({ min: 1, max: 100 }), { minLength: bandCount - 1, maxLength: bandCount - 1 }),
      polarity: fc.constantFrom('higher-is-harder' as const, 'higher-is-healthier' as const),
      version: fc.integer({ min: 1, max: 255 }),
    }),
  )
  .map((plan) => quizSchema.safeParse(buildQuizInput(plan)))
  .filter((result) => result.success)
  .map((result) => {
    if (!result.success) throw new Error('unreachable: filtered above');
    return result.data;
  });

/** A complete answer set for a quiz. */
export function answersArbitrary(quiz: QuizDefinition): fc.Arbitrary<AnswerValue[]> {
  return fc.array(fc.constantFrom(...ANSWER_VALUES), {
    minLength: quiz.items.length,
    maxLength: quiz.items.length,
  });
}

/** A valid quiz with a complete answer set for it. */
export const quizWithAnswersArbitrary: fc.Arbitrary<[QuizDefinition, AnswerValue[]]> = quizArbitrary.chain((quiz) =>
  fc.tuple(fc.constant(quiz), answersArbitrary(quiz)),
);

const textArbitrary = fc.string({ minLength: 1, maxLength: 40 });
const normalizedArbitrary = fc.integer({ min: 0, max: 100 });

/** A valid saved result (ids are UUIDs, so a handful of them are distinct). */
export const storedResultArbitrary: fc.Arbitrary<StoredResult> = fc.record({
  id: fc.uuid(),
  quizId: fc.constantFrom('victim-mindset', 'readiness-to-let-go', 'test-quiz'),
  quizVersion: fc.integer({ min: 1, max: 30 }),
  takenAt: fc
    .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true })
    .map((date) => date.toISOString()),
  normalized: normalizedArbitrary,
  band: fc.record({ id: fc.constantFrom('low', 'middle', 'high'), title: textArbitrary, summary: textArbitrary }),
  subscales: fc.array(fc.record({ id: fc.constantFrom('a', 'b', 'c'), title: textArbitrary, normalized: normalizedArbitrary }), {
    maxLength: 4,
  }),
});

// Each way a stored record can be broken; validation must catch every one of them.
const recordBreakers: ReadonlyArray<(record: StoredResult) => unknown> = [
  // Score above the scale.
  (record) => ({ ...record, normalized: 101 }),
  // Score that is not a whole number.
  (record) => ({ ...record, normalized: 50.5 }),
  // A date that is not ISO 8601.
  (record) => ({ ...record, takenAt: 'last Tuesday' }),
  // A quiz version of zero.
  (record) => ({ ...record, quizVersion: 0 }),
  // An empty id.
  (record) => ({ ...record, id: '' }),
  // A quiz id that is not kebab-case.
  (record) => ({ ...record, quizId: 'Victim Mindset' }),
  // The band snapshot is missing.
  (record) => ({ ...record, band: null }),
  // The band snapshot has no title.
  (record) => ({ ...record, band: { ...record.band, title: undefined } }),
  // Subscales are not a list.
  (record) => ({ ...record, subscales: 'none' }),
  // One subscale score is out of range.
  (record) => ({ ...record, subscales: [{ id: 'a', title: 'A', normalized: -1 }] }),
  // The whole record is a string.
  (record) => JSON.stringify(record),
  // The whole record is null.
  () => null,
];

/** A record that looks like a saved result but breaks one rule, or is not a record at all. */
export const invalidRecordArbitrary: fc.Arbitrary<unknown> = fc.oneof(
  fc.tuple(storedResultArbitrary, fc.constantFrom(...recordBreakers)).map(([record, breakRecord]) => breakRecord(record)),
  fc.jsonValue(),
);
