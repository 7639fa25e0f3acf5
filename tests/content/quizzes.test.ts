import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import GithubSlugger from 'github-slugger';
import { quizSchema, type QuizDefinition } from '../../src/features/quiz/quiz-schema';
import type { AnswerValue } from '../../src/features/quiz/engine/answers';
import { scoreQuiz } from '../../src/features/quiz/engine/score';
import { checkQuizReferences, type SectionAnchors } from '../../src/features/quiz/quiz-data';
import { readCollection } from './load-content';
import { keyedAnswers } from '../harness/quiz-answers';

const quizFiles = readCollection('quizzes');
const sectionFiles = readCollection('guide');

/** The h2 and h3 anchors of each guide section, as Astro generates them. */
const guideAnchors: SectionAnchors = new Map(
  sectionFiles.map((file) => {
    const slugger = new GithubSlugger();
    const slugs = [...file.body.matchAll(/^#{2,3} (.+)$/gm)].map((match) => slugger.slug(match[1]!.trim()));
    return [file.id, new Set(slugs)];
  }),
);

/**
 * What each subscale's title names, as a reader would judge it from the statements' words alone, written
 * here by hand rather than read from the quiz data: the statements whose agreement means more of what the
 * title names, and those whose agreement means less. If the data's keying or a subscale's direction drifts
 * from its title, the direction test below fails.
 */
const LABEL_DIRECTIONS: Record<string, Record<string, { more: string[]; less: string[] }>> = {
  anger: {
    replaying: { more: ['replay-words', 'awake-at-night'], less: ['calm-stretches', 'let-it-pass'] },
    revenge: { more: ['make-them-pay', 'snap-at-others', 'hurt-like-me'], less: ['rarely-get-even'] },
    fuel: { more: ['anger-drives-goals', 'move-it', 'shown-me'], less: ['anger-wears-me-out'] },
  },
  'readiness-to-let-go': {
    space: { more: ['sit-with-it', 'days-without-checking'], less: ['check-profiles', 'urge-to-text'] },
    'own-life': { more: ['own-goal', 'know-myself'], less: ['lost-without-them', 'days-around-them'] },
    acceptance: { more: ['accept-the-end', 'good-day-anyway', 'happy-either-way'], less: ['need-them-back', 'life-on-hold'] },
  },
  'victim-mindset': {
    blame: { more: ['unfair', 'only-their-part', 'world-against-me'], less: ['not-all-their-fault', 'hurt-without-blame'] },
    stuck: { more: ['replay-wrongs', 'keep-busy', 'helpless'], less: ['small-step'] },
    ownership: { more: ['have-a-say', 'own-plans'], less: ['need-apology', 'up-to-my-ex'] },
  },
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
    const parsed = quizSchema.safeParse(file.data);
    const quiz = parsed.success ? parsed.data : undefined;
    const middle = quiz?.bands.find((band) => band.middle);

    it('passes the quiz schema', () => {
      expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
    });

    it('gives the two keyed extremes the two end bands, and "Not sure" throughout the middle band', () => {
      const low = scoreQuiz(quiz!, keyedAnswers(quiz!, 'low'));
      const high = scoreQuiz(quiz!, keyedAnswers(quiz!, 'high'));
      const unsure = scoreQuiz(quiz!, quiz!.items.map(() => 3));
      expect([low.normalized, unsure.normalized, high.normalized]).toEqual([0, 50, 100]);
      expect(low.band.id).toBe(quiz!.bands[0]!.id);
      expect(high.band.id).toBe(quiz!.bands.at(-1)!.id);
      expect(unsure.band.id).toBe(middle!.id);
    });

    it('puts every near-neutral pattern ("Not sure", with at most a third of answers one step off) in the middle band', () => {
      const scoredIndexes = quiz!.items.flatMap((item, index) => (item.safety ? [] : [index]));
      const nearNeutral = fc
        .array(fc.constantFrom<AnswerValue>(2, 3, 4), { minLength: quiz!.items.length, maxLength: quiz!.items.length })
        .filter((answers) => scoredIndexes.filter((index) => answers[index] !== 3).length * 3 <= scoredIndexes.length);
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
        expect(agreed.placeToStart.id).toBe(calm.placeToStart.id);
        expect(agreed.safety.safetyItemIds).toEqual(quiz!.items.filter((item) => item.safety).map(({ id }) => id));
        expect(calm.safety.hasSafetyConcern).toBe(false);
      }
    });

    it.each(Object.keys(LABEL_DIRECTIONS[file.id] ?? {}))(
      'moves the %s number toward the end its title names when its statements are answered that way',
      (subscaleId) => {
        const { more, less } = LABEL_DIRECTIONS[file.id]![subscaleId]!;
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

    it('covers every subscale in the hand-written table of title directions', () => {
      expect(Object.keys(LABEL_DIRECTIONS[file.id] ?? {})).toEqual(quiz!.subscales.map(({ id }) => id));
    });

    it('shows the mixed-answers note to fewer than 5% of consistent readers, and to every straight-liner', () => {
      const samples = fc.sample(consistentReaderArbitrary(quiz!), { numRuns: 2000, seed: 42 });
      const flagged = samples.filter((answers) => scoreQuiz(quiz!, answers).quality.isCareless).length;
      expect(flagged / samples.length).toBeLessThan(0.05);
      for (const value of [1, 2, 3, 4, 5] as const) {
        expect(scoreQuiz(quiz!, quiz!.items.map(() => value)).quality.isCareless, `all ${value}`).toBe(true);
      }
    });

    it('names only guide sections and headings that exist, and its id is its file name', () => {
      expect(checkQuizReferences([{ id: file.id, filePath: file.filePath, data: quiz! }], guideAnchors)).toEqual([]);
    });
  });
});

describe('checkQuizReferences', () => {
  const quiz = quizSchema.parse(quizFiles.find((file) => file.id === 'victim-mindset')!.data);

  it('names the file and field of an unknown section, band section and anchor', () => {
    const broken: QuizDefinition = {
      ...quiz,
      sections: [...quiz.sections, 'no-such-section'],
      bands: quiz.bands.map((band, index) => (index === 1 ? { ...band, sections: ['also-missing'] } : band)),
      subscales: quiz.subscales.map((subscale, index) =>
        index === 0 ? { ...subscale, link: { ...subscale.link, anchor: 'not-a-heading' } } : subscale,
      ),
    };
    const problems = checkQuizReferences([{ id: 'victim-mindset', filePath: 'content/quizzes/victim-mindset.yaml', data: broken }], guideAnchors);
    expect(problems.map(({ file, field }) => `${file} ${field}`)).toEqual([
      `content/quizzes/victim-mindset.yaml sections[${quiz.sections.length}]`,
      'content/quizzes/victim-mindset.yaml bands[1].sections[0]',
      'content/quizzes/victim-mindset.yaml subscales[0].link.anchor',
    ]);
    expect(problems[0]!.message).toMatch(/unknown guide section "no-such-section"/);
    expect(problems[2]!.message).toMatch(/"not-a-heading" is not an h2 or h3 heading of leaving-the-victim-mentality/);
  });

  it('reports an id that differs from the file name', () => {
    const problems = checkQuizReferences([{ id: 'renamed', data: quiz }], guideAnchors);
    expect(problems).toEqual([expect.objectContaining({ file: 'renamed', field: 'id' })]);
  });
});
