import type { QuizDefinition } from '../quiz-schema';

/** One answer on the five-point scale: 1 = strongest disagreement, 5 = strongest agreement. */
export type AnswerValue = 1 | 2 | 3 | 4 | 5;

/** Answers by item position; null marks an item not answered yet. */
export type Answers = ReadonlyArray<AnswerValue | null>;

/** Answers with every item answered. */
export type CompleteAnswers = ReadonlyArray<AnswerValue>;

/** An item still waiting for an answer, by position and id. */
export interface UnansweredItem {
  index: number;
  id: string;
}

/** Every answer value, from 1 to 5. */
export const ANSWER_VALUES: readonly AnswerValue[] = [1, 2, 3, 4, 5];

/** Whether a value is a valid answer (an integer from 1 to 5). */
export function isAnswerValue(value: unknown): value is AnswerValue {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5;
}

/** Creates a blank answer set with one empty slot per item. */
export function createEmptyAnswers(quiz: QuizDefinition): Answers {
  return quiz.items.map(() => null);
}

/** Returns a copy of `answers` with the item at `index` set to `value` (null clears it). */
export function setAnswer(answers: Answers, index: number, value: AnswerValue | null): Answers {
  if (!Number.isInteger(index) || index < 0 || index >= answers.length) {
    throw new RangeError(`setAnswer: index ${index} is outside 0-${answers.length - 1}.`);
  }
  return answers.map((current, position) => (position === index ? value : current));
}

/** Counts the items that have an answer. */
export function countAnswered(answers: Answers): number {
  return answers.filter(isAnswerValue).length;
}

/** Lists the items without a valid answer, in quiz order (slots missing from a short array count too). */
export function findUnanswered(quiz: QuizDefinition, answers: Answers): UnansweredItem[] {
  return quiz.items
    .map((item, index) => ({ index, id: item.id }))
    .filter(({ index }) => !isAnswerValue(answers[index]));
}

/** Whether `answers` has exactly one valid answer for every item of the quiz. */
export function isComplete(quiz: QuizDefinition, answers: Answers): answers is CompleteAnswers {
  return answers.length === quiz.items.length && answers.every(isAnswerValue);
}

/** Throws a descriptive error unless `answers` is complete for the quiz; for callers that checked already. */
export function assertCompleteAnswers(
  quiz: QuizDefinition,
  answers: Answers,
  caller: string,
): asserts answers is CompleteAnswers {
  if (answers.length !== quiz.items.length) {
    throw new RangeError(
      `${caller}: quiz "${quiz.id}" has ${quiz.items.length} items but ${answers.length} answers were given.`,
    );
  }
  const missing = findUnanswered(quiz, answers);
  if (missing.length > 0) {
    const ids = missing.map(({ index, id }) => `${index} ("${id}")`).join(', ');
    throw new RangeError(`${caller}: quiz "${quiz.id}" is missing answers for item ${ids}; check isComplete first.`);
  }
}

/** Reads an answer set from untrusted data (such as storage); null unless it has `itemCount` slots of 1-5 or null. */
export function parseAnswers(value: unknown, itemCount: number): Answers | null {
  if (!Array.isArray(value) || value.length !== itemCount) return null;
  if (!value.every((entry) => entry === null || isAnswerValue(entry))) return null;
  return value.slice() as Answers;
}
