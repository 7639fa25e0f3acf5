// Answer sets for the tests, worked out from a quiz's keying as a reader would answer.
import type { QuizDefinition } from '../../src/features/quiz/quiz-schema';
import type { AnswerValue } from '../../src/features/quiz/engine/answers';
import { isScored, raisesTotal } from '../../src/features/quiz/engine/keying';

/** Whether agreeing with the scored statement at `index` raises the quiz total; null for a safety flag. */
export function isRaising(quiz: QuizDefinition, index: number): boolean | null {
  const item = quiz.items[index]!;
  if (!isScored(item)) return null;
  const subscale = quiz.subscales.find(({ id }) => id === item.subscale)!;
  return raisesTotal(item.agreeing, subscale.polarity, quiz.polarity);
}

/**
 * The answers that push the total to its lowest (0) or highest (100) end: each scored statement answered at
 * the end that moves the total that way. Safety statements get `safety` (default 1, "Strongly disagree").
 */
export function keyedAnswers(quiz: QuizDefinition, end: 'low' | 'high', safety: AnswerValue = 1): AnswerValue[] {
  return quiz.items.map((_, index) => {
    const raising = isRaising(quiz, index);
    if (raising === null) return safety;
    return raising === (end === 'high') ? 5 : 1;
  });
}
