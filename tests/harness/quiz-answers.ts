// Answer sets for the tests, worked out from a quiz's keying as a reader would answer.
import type { QuizDefinition } from '../../src/features/quiz/quiz-schema';
import type { AnswerValue } from '../../src/features/quiz/engine/answers';
import { isScored } from '../../src/features/quiz/engine/keying';

/**
 * The answers that put every part at the end a low (or high) total stands for: the total's statements at 0
 * (or 100), and a part that runs against the quiz at its own matching end (a high, hard anger total comes with
 * "Anger as fuel" at 0). Safety statements get `safety` (default 1, "Strongly disagree").
 */
export function keyedAnswers(quiz: QuizDefinition, end: 'low' | 'high', safety: AnswerValue = 1): AnswerValue[] {
  return quiz.items.map((item) => {
    if (!isScored(item)) return safety;
    const subscale = quiz.subscales.find(({ id }) => id === item.subscale)!;
    // Which end of its own subscale this part should sit at.
    const isHigh = subscale.polarity === quiz.polarity ? end === 'high' : end === 'low';
    return (item.agreeing === 'more') === isHigh ? 5 : 1;
  });
}
