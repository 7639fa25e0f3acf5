import type { z } from 'astro/zod';
import { quizSchema, type QuizDefinition } from '../../../src/schemas/quiz';
import type { AnswerValue } from '../../../src/quiz/answers';

/** The YAML-side shape of a quiz, before defaults are applied. */
export type QuizInput = z.input<typeof quizSchema>;

/**
 * A small valid quiz, as its YAML would read. Twelve items in three subscales of four:
 *   index  id        subscale  reverse  extras
 *   0      steady-1  steady    no       safety
 *   1      steady-2  steady    no       pair steady-3
 *   2      steady-3  steady    yes      pair steady-2
 *   3      steady-4  steady    yes
 *   4      focus-1   focus     no
 *   5      focus-2   focus     no       pair focus-3
 *   6      focus-3   focus     yes      pair focus-2
 *   7      focus-4   focus     no
 *   8      hope-1    hope      no
 *   9      hope-2    hope      yes
 *   10     hope-3    hope      no       pair hope-4
 *   11     hope-4    hope      yes      pair hope-3
 * Five reverse items (the minimum is four), three pairs, bands 0-33 / 34-66 / 67-100.
 * Returns a fresh object each call so tests can mutate it.
 */
export function createFixtureInput(): QuizInput {
  const item = (id: string, subscale: string, reverse: boolean, extras: { safety?: boolean; pair?: string } = {}) => ({
    id,
    text: `I notice the statement called ${id} is true for me.`,
    subscale,
    reverse,
    ...extras,
  });
  const subscale = (id: string, anchor: string) => ({
    id,
    title: `The ${id} part`,
    description: `How the ${id} part of this test quiz is going.`,
    link: { section: 'where-this-leaves-you', anchor },
  });
  const band = (id: string, min: number, max: number) => ({
    id,
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
    scale: ['Strongly disagree', 'Disagree', 'Not sure', 'Agree', 'Strongly agree'],
    sections: ['where-this-leaves-you', 'why-letting-go-comes-first'],
    subscales: [
      subscale('steady', 'not-needing-them-back'),
      subscale('focus', 'what-to-do-this-week'),
      subscale('hope', 'putting-your-priorities-in-order'),
    ],
    items: [
      item('steady-1', 'steady', false, { safety: true }),
      item('steady-2', 'steady', false, { pair: 'steady-3' }),
      item('steady-3', 'steady', true, { pair: 'steady-2' }),
      item('steady-4', 'steady', true),
      item('focus-1', 'focus', false),
      item('focus-2', 'focus', false, { pair: 'focus-3' }),
      item('focus-3', 'focus', true, { pair: 'focus-2' }),
      item('focus-4', 'focus', false),
      item('hope-1', 'hope', false),
      item('hope-2', 'hope', true),
      item('hope-3', 'hope', false, { pair: 'hope-4' }),
      item('hope-4', 'hope', true, { pair: 'hope-3' }),
    ],
    bands: [band('low', 0, 33), band('middle', 34, 66), band('high', 67, 100)],
  };
}

/** The fixture quiz after validation. */
export const fixtureQuiz: QuizDefinition = quizSchema.parse(createFixtureInput());

/** The fixture with another id, for share codes from a different quiz. */
export const otherQuiz: QuizDefinition = quizSchema.parse({ ...createFixtureInput(), id: 'another-quiz' });

/** The fixture after a version bump, for outdated share codes and progress. */
export const nextVersionQuiz: QuizDefinition = quizSchema.parse({ ...createFixtureInput(), version: 4 });

/** Answers for the fixture written as a string of digits, one per item, e.g. "111111111111". */
export function toAnswers(digits: string): AnswerValue[] {
  return [...digits].map((digit) => Number(digit) as AnswerValue);
}
