import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quizSchema, type QuizDefinition } from '../../src/features/quiz/quiz-schema';
import type { AnswerValue } from '../../src/features/quiz/engine/answers';
import { scoreQuiz } from '../../src/features/quiz/engine/score';
import { readContentFolder } from '../../src/kit/content-files';
import { rootDir } from '../harness/dist.ts';
import { keyedAnswers } from '../harness/quiz-answers';

// The real quizzes, read as the build reads them. Whether they pass their schema and their references into the
// guide is checked with the rest of the content (content-check.test.ts); these tests are about what the
// scores say.
const quizFiles = readContentFolder(rootDir, 'quizzes');

/**
 * What each subscale's title names, as a reader would judge it from its title and the statements' words alone,
 * written here by hand rather than read from the quiz data: whether more of it is the harder or the healthier
 * end, the statements whose agreement means more of it, and those whose agreement means less. If the data's
 * keying or a subscale's direction drifts from its title, the direction tests below fail.
 */
const LABEL_DIRECTIONS: Record<string, Record<string, { higherIs: 'harder' | 'healthier'; more: string[]; less: string[] }>> = {
  anger: {
    replaying: { higherIs: 'harder', more: ['replay-words', 'awake-at-night'], less: ['calm-stretches', 'rarely-replay'] },
    revenge: { higherIs: 'harder', more: ['make-them-pay', 'snap-at-others'], less: ['rarely-get-even', 'keep-it-in'] },
    fuel: { higherIs: 'healthier', more: ['anger-drives-goals', 'move-it', 'shown-me'], less: ['anger-wears-me-out'] },
  },
  'readiness-to-let-go': {
    space: { higherIs: 'healthier', more: ['day-without-contact', 'days-without-checking'], less: ['check-profiles', 'urge-to-text'] },
    'own-life': { higherIs: 'healthier', more: ['own-goal', 'know-myself'], less: ['lost-without-them', 'days-around-them'] },
    acceptance: {
      higherIs: 'healthier',
      more: ['accept-the-end', 'good-day-anyway', 'happy-either-way'],
      less: ['need-them-back', 'life-on-hold'],
    },
  },
  'victim-mindset': {
    blame: { higherIs: 'harder', more: ['unfair', 'only-their-part', 'world-against-me'], less: ['my-part', 'hurt-without-blame'] },
    stuck: { higherIs: 'harder', more: ['replay-wrongs', 'helpless'], less: ['can-do', 'feel-it'] },
    ownership: { higherIs: 'healthier', more: ['have-a-say', 'own-plans'], less: ['need-apology', 'up-to-my-ex'] },
  },
};

/**
 * Readers written by hand, as people who might really take each check: their answers by statement id
 * ("Not sure" for any not named), and what the result must say. None of them answers carelessly, so none
 * may get the mixed-answers note.
 */
const READERS: Record<string, { name: string; answers: Record<string, AnswerValue>; band: string; placeToStart: string | null }[]> = {
  anger: [
    {
      // Calm: little replaying or revenge, and little anger to put anywhere, so unsure what it does when it comes.
      name: 'a calm reader with little anger',
      answers: { 'replay-words': 1, 'rarely-replay': 5, 'calm-stretches': 5, 'awake-at-night': 1, 'make-them-pay': 1, 'rarely-get-even': 5, 'snap-at-others': 1, 'keep-it-in': 4, 'anger-drives-goals': 3, 'move-it': 3, 'shown-me': 3, 'anger-wears-me-out': 2 },
      band: 'little-fire',
      placeToStart: null,
    },
    {
      // Stewing: replays every night, some wish to get even, and the anger wears them out.
      name: 'a reader who stews',
      answers: { 'replay-words': 5, 'rarely-replay': 1, 'calm-stretches': 2, 'awake-at-night': 5, 'make-them-pay': 4, 'rarely-get-even': 2, 'snap-at-others': 4, 'keep-it-in': 2, 'anger-drives-goals': 1, 'move-it': 2, 'shown-me': 2, 'anger-wears-me-out': 5 },
      band: 'fire-is-loud',
      placeToStart: 'replaying',
    },
  ],
  'readiness-to-let-go': [
    {
      name: 'a reader early on, still checking every day',
      answers: { 'check-profiles': 5, 'days-without-checking': 1, 'urge-to-text': 5, 'day-without-contact': 2, 'own-goal': 2, 'know-myself': 2, 'lost-without-them': 4, 'days-around-them': 4, 'accept-the-end': 2, 'happy-either-way': 2, 'good-day-anyway': 2, 'need-them-back': 4, 'life-on-hold': 4 },
      band: 'holding-on',
      placeToStart: 'space',
    },
    {
      name: 'a reader well on the way',
      answers: { 'check-profiles': 2, 'days-without-checking': 4, 'urge-to-text': 2, 'day-without-contact': 5, 'own-goal': 4, 'know-myself': 4, 'lost-without-them': 2, 'days-around-them': 2, 'accept-the-end': 4, 'happy-either-way': 5, 'good-day-anyway': 4, 'need-them-back': 1, 'life-on-hold': 1 },
      band: 'letting-go',
      placeToStart: null,
    },
  ],
  'victim-mindset': [
    {
      // Blames themselves, not the ex: low blame of others, sees their own part, and little say in what's next.
      name: 'a reader who blames themselves',
      answers: { unfair: 2, 'only-their-part': 1, 'world-against-me': 2, 'my-part': 5, 'hurt-without-blame': 4, 'replay-wrongs': 2, helpless: 4, 'can-do': 2, 'feel-it': 3, 'have-a-say': 1, 'up-to-my-ex': 3, 'own-plans': 2, 'need-apology': 2 },
      band: 'finding-footing',
      placeToStart: 'ownership',
    },
    {
      name: 'a reader caught in what was done to them',
      answers: { unfair: 5, 'only-their-part': 5, 'world-against-me': 4, 'my-part': 1, 'hurt-without-blame': 2, 'replay-wrongs': 5, helpless: 4, 'can-do': 2, 'feel-it': 2, 'have-a-say': 2, 'up-to-my-ex': 4, 'own-plans': 1, 'need-apology': 5 },
      band: 'deep-in-the-hurt',
      placeToStart: 'blame',
    },
  ],
};

/** Answers with every statement at "Not sure" except the ones given. */
function answersWith(quiz: QuizDefinition, values: Readonly<Record<string, AnswerValue>>): AnswerValue[] {
  return quiz.items.map((item) => values[item.id] ?? 3);
}

/**
 * A reader who answers consistently: a true level per subscale (1-5, in the subscale's own direction), and
 * each answer within one step of it, keyed per statement; safety statements answered anyhow.
 */
const consistentReaderArbitrary = (quiz: QuizDefinition) =>
  fc
    .tuple(
      fc.array(fc.integer({ min: 1, max: 5 }), { minLength: quiz.subscales.length, maxLength: quiz.subscales.length }),
      fc.array(fc.integer({ min: -1, max: 1 }), { minLength: quiz.items.length, maxLength: quiz.items.length }),
      fc.array(fc.integer({ min: 1, max: 5 }), { minLength: quiz.items.length, maxLength: quiz.items.length }),
    )
    .map(([levels, noise, safety]) =>
      quiz.items.map((item, index) => {
        if (item.safety) return safety[index] as AnswerValue;
        const level = levels[quiz.subscales.findIndex(({ id }) => id === item.subscale)]!;
        const keyed = item.agreeing === 'more' ? level : 6 - level;
        return Math.min(5, Math.max(1, keyed + noise[index]!)) as AnswerValue;
      }),
    );

describe('quiz files', () => {
  it('there are the three quizzes of the guide', () => {
    expect(quizFiles.map((file) => file.id)).toEqual(['anger', 'readiness-to-let-go', 'victim-mindset']);
  });

  describe.each(quizFiles.map((file) => [file.filePath, file] as const))('%s', (_path, file) => {
    const quiz: QuizDefinition | undefined = quizSchema.safeParse(file.data).data;
    const middle = quiz?.bands.find((band) => band.middle);

    it('gives the two keyed extremes the two end bands, and "Not sure" throughout the middle band', () => {
      const low = scoreQuiz(quiz!, keyedAnswers(quiz!, 'low'));
      const high = scoreQuiz(quiz!, keyedAnswers(quiz!, 'high'));
      const unsure = scoreQuiz(quiz!, quiz!.items.map(() => 3));
      expect([low.normalized, unsure.normalized, high.normalized]).toEqual([0, 50, 100]);
      expect(low.band.id).toBe(quiz!.bands[0]!.id);
      expect(high.band.id).toBe(quiz!.bands.at(-1)!.id);
      expect(unsure.band.id).toBe(middle!.id);
    });

    it('puts every near-neutral pattern in the middle band', () => {
      // Near-neutral: the statements that count towards the total all within one step of "Not sure", at most
      // a quarter of them off it (in any direction); the other statements answered anyhow.
      const totalIndexes = quiz!.items.flatMap((item, index) => {
        const subscale = quiz!.subscales.find(({ id }) => id === item.subscale);
        return subscale?.polarity === quiz!.polarity ? [index] : [];
      });
      const nearNeutral = fc
        .tuple(
          fc.array(fc.constantFrom<AnswerValue>(2, 3, 4), { minLength: quiz!.items.length, maxLength: quiz!.items.length }),
          fc.array(fc.constantFrom<AnswerValue>(1, 2, 3, 4, 5), { minLength: quiz!.items.length, maxLength: quiz!.items.length }),
        )
        .map(([near, any]) => near.map((value, index) => (totalIndexes.includes(index) ? value : any[index]!)))
        .filter((answers) => totalIndexes.filter((index) => answers[index] !== 3).length * 4 <= totalIndexes.length);
      fc.assert(
        fc.property(nearNeutral, (answers) => {
          const { band, normalized } = scoreQuiz(quiz!, answers);
          expect(band.middle, `total ${normalized}`).toBe(true);
        }),
      );
    });

    it('changes no score when every safety statement is answered at its agreeing end', () => {
      for (const base of [keyedAnswers(quiz!, 'low'), keyedAnswers(quiz!, 'high'), quiz!.items.map(() => 3 as AnswerValue)]) {
        const calm = scoreQuiz(quiz!, base.map((value, index) => (quiz!.items[index]!.safety ? 1 : value)));
        const agreed = scoreQuiz(quiz!, base.map((value, index) => (quiz!.items[index]!.safety ? 5 : value)));
        expect(agreed.normalized).toBe(calm.normalized);
        expect(agreed.subscales).toEqual(calm.subscales);
        expect(agreed.placeToStart?.id).toBe(calm.placeToStart?.id);
        expect(agreed.safety.safetyItemIds).toEqual(quiz!.items.filter((item) => item.safety).map(({ id }) => id));
        expect(calm.safety.hasSafetyConcern).toBe(false);
      }
    });

    it.each(Object.keys(LABEL_DIRECTIONS[file.id] ?? {}))(
      'moves the %s number toward the end its title names when its statements are answered that way',
      (subscaleId) => {
        const { higherIs, more, less } = LABEL_DIRECTIONS[file.id]![subscaleId]!;
        expect(quiz!.subscales.find(({ id }) => id === subscaleId)!.polarity).toBe(`higher-is-${higherIs}`);
        const statements = quiz!.items.filter((item) => item.subscale === subscaleId).map(({ id }) => id);
        // The table covers the subscale's statements exactly, so a new statement must be judged here too.
        expect([...more, ...less].sort()).toEqual([...statements].sort());
        const position = quiz!.subscales.findIndex(({ id }) => id === subscaleId);
        const toward = (agree: string[], disagree: string[]) =>
          scoreQuiz(quiz!, answersWith(quiz!, Object.fromEntries([...agree.map((id) => [id, 5]), ...disagree.map((id) => [id, 1])])))
            .subscales[position]!.normalized;
        expect(toward(more, less)).toBe(100);
        expect(toward(less, more)).toBe(0);
        // One statement at a time, too: agreeing with a "more" statement raises the number, a "less" one lowers it.
        for (const id of more) expect(toward([id], []), id).toBeGreaterThan(50);
        for (const id of less) expect(toward([id], []), id).toBeLessThan(50);
      },
    );

    it.each((READERS[file.id] ?? []).map((reader) => [reader.name, reader] as const))(
      'gives %s the band and place to start their answers call for, with no mixed-answers note',
      (_name, reader) => {
        const score = scoreQuiz(quiz!, answersWith(quiz!, reader.answers));
        expect(Object.keys(reader.answers).sort()).toEqual(quiz!.items.filter((item) => !item.safety).map(({ id }) => id).sort());
        expect(score.band.id, `total ${score.normalized}`).toBe(reader.band);
        expect(score.placeToStart?.id ?? null).toBe(reader.placeToStart);
        expect(score.quality.isCareless).toBe(false);
      },
    );

    it('covers every subscale in the hand-written table of title directions', () => {
      expect(Object.keys(LABEL_DIRECTIONS[file.id] ?? {})).toEqual(quiz!.subscales.map(({ id }) => id));
    });

    it('shows the mixed-answers note to fewer than 5% of consistent readers, and to every straight-liner', () => {
      const samples = fc.sample(consistentReaderArbitrary(quiz!), { numRuns: 2000, seed: 42 });
      const flagged = samples.filter((answers) => scoreQuiz(quiz!, answers).quality.isCareless).length;
      expect(flagged / samples.length).toBeLessThan(0.05);
      // Contradiction needs answers no consistent reader gives: it is never the reason.
      expect(samples.filter((answers) => scoreQuiz(quiz!, answers).quality.isContradictory)).toEqual([]);
      for (const value of [1, 2, 3, 4, 5] as const) {
        expect(scoreQuiz(quiz!, quiz!.items.map(() => value)).quality.isCareless, `all ${value}`).toBe(true);
      }
    });
  });
});
