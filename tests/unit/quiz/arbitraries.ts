import fc from 'fast-check';
import { quizSchema, type QuizDefinition } from '../../../src/features/quiz/quiz-schema';
import { ANSWER_VALUES, type AnswerValue } from '../../../src/features/quiz/engine/answers';
import type { StoredResult } from '../../../src/features/quiz/engine/results';
import type { QuizInput } from './fixtures';

type Polarity = 'higher-is-harder' | 'higher-is-healthier';

interface SubscalePlan {
  polarity: Polarity;
  /** One entry per statement: whether agreeing means "more". Balanced later for the total's subscales. */
  keys: boolean[];
}

interface QuizPlan {
  polarity: Polarity;
  /** The first two run the quiz's way (the total needs six statements); later ones may run either way. */
  subscales: SubscalePlan[];
  /** Where each safety statement is slotted in, as a position among the scored ones. */
  safetyAt: number[];
  /** A seed to shuffle the scored statements, so subscales interleave. */
  shuffle: number[];
  pairCount: number;
  /** Where the middle band starts and ends (it must hold 40-60), and cuts inside the two outer parts. */
  middle: [number, number];
  lowerCuts: number[];
  upperCuts: number[];
  version: number;
}

function buildQuizInput(plan: QuizPlan): QuizInput {
  const subscaleIds = plan.subscales.map((_, index) => `part-${index}`);
  const polarities = plan.subscales.map((subscale, index) => (index < 2 ? plan.polarity : subscale.polarity));
  // The total's statements balance "more" and "less" within one: alternate them across its subscales.
  let inTotal = 0;
  const statements = plan.subscales.flatMap((subscale, subscaleIndex) =>
    subscale.keys.map((isMore) => ({
      subscale: subscaleIndex,
      isMore: polarities[subscaleIndex] === plan.polarity ? inTotal++ % 2 === 0 : isMore,
    })),
  );
  const totalKeys = statements.filter(({ subscale }) => polarities[subscale] === plan.polarity).map(({ isMore }) => isMore);
  const excess = totalKeys.filter(Boolean).length - totalKeys.filter((isMore) => !isMore).length;
  if (Math.abs(excess) > 1) throw new Error(`unbalanced plan: ${excess}`);
  // Interleave deterministically from the seed.
  const order = statements.map((statement, index) => ({ statement, key: plan.shuffle[index % plan.shuffle.length]! * 100 + index }));
  order.sort((first, second) => first.key - second.key);
  const scored = order.map(({ statement }) => statement);
  // Pairs join a "more" and a "less" statement of the same subscale, first come first served.
  const partnerOf = new Map<number, number>();
  let pairs = 0;
  scored.forEach((statement, index) => {
    if (!statement.isMore || partnerOf.has(index) || pairs >= plan.pairCount) return;
    const partner = scored.findIndex(
      (other, otherIndex) => !other.isMore && other.subscale === statement.subscale && !partnerOf.has(otherIndex),
    );
    if (partner === -1) return;
    partnerOf.set(index, partner);
    partnerOf.set(partner, index);
    pairs += 1;
  });
  const items: QuizInput['items'] = scored.map((statement, index) => {
    const partner = partnerOf.get(index);
    return {
      id: `item-${index}`,
      text: `Generated statement ${index}.`,
      subscale: subscaleIds[statement.subscale]!,
      agreeing: statement.isMore ? ('more' as const) : ('less' as const),
      ...(partner === undefined ? {} : { pair: `item-${partner}` }),
    };
  });
  plan.safetyAt.forEach((position, index) => {
    items.splice(Math.min(position, items.length), 0, { id: `safety-${index}`, text: `Generated safety statement ${index}.`, safety: true });
  });
  const [middleMin, middleMax] = plan.middle;
  const lower = [0, ...[...new Set(plan.lowerCuts.filter((cut) => cut > 0 && cut < middleMin))].sort((a, b) => a - b), middleMin];
  const upper = [middleMax + 1, ...[...new Set(plan.upperCuts.filter((cut) => cut > middleMax + 1 && cut <= 100))].sort((a, b) => a - b), 101];
  const ranges = [
    ...lower.slice(0, -1).map((min, index) => [min, lower[index + 1]! - 1, false] as const),
    [middleMin, middleMax, true] as const,
    ...upper.slice(0, -1).map((min, index) => [min, upper[index + 1]! - 1, false] as const),
  ];
  return {
    id: `generated-quiz-${plan.version}`,
    version: plan.version,
    title: 'A generated quiz',
    description: 'A quiz made up by the property tests, with a description long enough to pass.',
    measures: 'Whatever the generator picked',
    minutes: 5,
    intro: 'Answer each statement.',
    polarity: plan.polarity,
    higherMeans: 'more of whatever the generator picked',
    scale: ['1', '2', '3', '4', '5'],
    sections: ['where-this-leaves-you'],
    subscales: subscaleIds.map((id, index) => ({
      id,
      title: `Part ${id}`,
      polarity: polarities[index]!,
      higherMeans: 'more of a generated part',
      link: { section: 'where-this-leaves-you', anchor: 'not-needing-them-back' },
    })),
    items,
    bands: ranges.map(([min, max, middle], index) => ({
      id: `band-${index}`,
      ...(middle ? { middle } : {}),
      min,
      max,
      title: `Band ${index}`,
      summary: 'A generated band.',
      suggestions: ['One.', 'Two.'],
      sections: ['where-this-leaves-you'],
    })),
  };
}

const polarityArbitrary = fc.constantFrom<Polarity>('higher-is-harder', 'higher-is-healthier');

const subscaleArbitrary = fc.record({
  polarity: polarityArbitrary,
  keys: fc.array(fc.boolean(), { minLength: 3, maxLength: 4 }),
});

/**
 * Valid quizzes across the allowed ranges, built to be valid: 2-4 subscales of 3-4 statements (the first two
 * running the quiz's way, so the total has six or more statements balanced "more" and "less"), one or two
 * safety statements, pairs, 3-5 bands around a middle band, either polarity. Plans the schema still rejects
 * (a band no score can reach) are filtered out, so every value passed quizSchema.
 */
export const quizArbitrary: fc.Arbitrary<QuizDefinition> = fc
  .record({
    polarity: polarityArbitrary,
    subscales: fc.array(subscaleArbitrary, { minLength: 2, maxLength: 3 }),
    safetyAt: fc.array(fc.nat(12), { minLength: 1, maxLength: 2 }),
    shuffle: fc.array(fc.nat(99), { minLength: 1, maxLength: 12 }),
    pairCount: fc.nat(4),
    middle: fc.tuple(fc.integer({ min: 20, max: 40 }), fc.integer({ min: 60, max: 80 })),
    lowerCuts: fc.array(fc.integer({ min: 1, max: 39 }), { maxLength: 1 }),
    upperCuts: fc.array(fc.integer({ min: 62, max: 100 }), { maxLength: 1 }),
    version: fc.integer({ min: 1, max: 255 }),
  })
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
