import type { z } from 'astro/zod';
import { quizSchema, type QuizDefinition } from '../../../src/features/quiz/quiz-schema';
import type { AnswerValue } from '../../../src/features/quiz/engine/answers';

/** The YAML-side shape of a quiz, before defaults are applied. */
export type QuizInput = z.input<typeof quizSchema>;

/**
 * A small valid quiz, as its YAML would read. A higher-is-harder quiz of thirteen statements: one safety flag
 * and three subscales of four, two of them harder-is-higher and one (hope) healthier-is-higher, so that a
 * subscale whose direction differs from the total's is always exercised. Hope is shown on its own: the
 * total counts steady and focus only.
 *   index  id        subscale (polarity)  agreeing  moves the total  extras
 *   0      safe      (safety flag: no subscale, no score)
 *   1      steady-1  steady (harder)      more      up
 *   2      steady-2  steady               more      up               pair steady-3
 *   3      steady-3  steady               less      down             pair steady-2
 *   4      steady-4  steady               less      down
 *   5      focus-1   focus (harder)       more      up
 *   6      focus-2   focus                more      up               pair focus-3
 *   7      focus-3   focus                less      down             pair focus-2
 *   8      focus-4   focus                less      down
 *   9      hope-1    hope (healthier)     more      -
 *   10     hope-2    hope                 less      -
 *   11     hope-3    hope                 more      -                pair hope-4
 *   12     hope-4    hope                 less      -                pair hope-3
 * The total's eight statements balance four "more" and four "less"; three pairs; bands 0-39 / 40-60
 * (middle) / 61-100. Returns a fresh object each call so tests can mutate it.
 */
export function createFixtureInput(): QuizInput {
  const item = (id: string, subscale: string, agreeing: 'more' | 'less', pair?: string) => ({
    id,
    text: `I notice the statement called ${id} is true for me.`,
    subscale,
    agreeing,
    ...(pair === undefined ? {} : { pair }),
  });
  const subscale = (id: string, polarity: 'higher-is-harder' | 'higher-is-healthier', anchor: string) => ({
    id,
    title: `The ${id} part`,
    polarity,
    higherMeans: `more of the ${id} part of this test quiz`,
    link: { section: 'where-this-leaves-you', anchor },
  });
  const band = (id: string, min: number, max: number, middle = false) => ({
    id,
    ...(middle ? { middle } : {}),
    min,
    max,
    title: `The ${id} band`,
    summary: 'This is a test summary. It has two sentences.',
    suggestions: ['Try the first small thing.', 'Try the second small thing.'],
    sections: ['where-this-leaves-you'],
  });
  return {
    id: 'test-quiz',
    version: 3,
    title: 'A test quiz',
    description: 'A small quiz used only by the tests, long enough to pass the meta description rule.',
    measures: 'How the three test parts are going',
    minutes: 3,
    intro: 'Answer each statement as it feels today.',
    polarity: 'higher-is-harder',
    higherMeans: 'more of what this test quiz looks at',
    scale: ['Strongly disagree', 'Disagree', 'Not sure', 'Agree', 'Strongly agree'],
    sections: ['where-this-leaves-you', 'why-letting-go-comes-first'],
    subscales: [
      subscale('steady', 'higher-is-harder', 'not-needing-them-back'),
      subscale('focus', 'higher-is-harder', 'what-to-do-this-week'),
      subscale('hope', 'higher-is-healthier', 'putting-your-priorities-in-order'),
    ],
    items: [
      { id: 'safe', text: 'I notice the safety statement is true for me.', safety: true },
      item('steady-1', 'steady', 'more'),
      item('steady-2', 'steady', 'more', 'steady-3'),
      item('steady-3', 'steady', 'less', 'steady-2'),
      item('steady-4', 'steady', 'less'),
      item('focus-1', 'focus', 'more'),
      item('focus-2', 'focus', 'more', 'focus-3'),
      item('focus-3', 'focus', 'less', 'focus-2'),
      item('focus-4', 'focus', 'less'),
      item('hope-1', 'hope', 'more'),
      item('hope-2', 'hope', 'less'),
      item('hope-3', 'hope', 'more', 'hope-4'),
      item('hope-4', 'hope', 'less', 'hope-3'),
    ],
    bands: [band('low', 0, 39), band('middle', 40, 60, true), band('high', 61, 100)],
  };
}

/** The fixture quiz after validation. */
export const fixtureQuiz: QuizDefinition = quizSchema.parse(createFixtureInput());

/** The fixture with another id, for share codes from a different quiz. */
export const otherQuiz: QuizDefinition = quizSchema.parse({ ...createFixtureInput(), id: 'another-quiz' });

/** The fixture after a version bump, for outdated share codes and progress. */
export const nextVersionQuiz: QuizDefinition = quizSchema.parse({ ...createFixtureInput(), version: 4 });

/** Answers for the fixture written as a string of digits, one per item, e.g. "3333333333333". */
export function toAnswers(digits: string): AnswerValue[] {
  return [...digits].map((digit) => Number(digit) as AnswerValue);
}
