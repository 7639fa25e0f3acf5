import MyResultsIsland, { type QuizSummary } from './MyResultsIsland';
import { renderPassages, type PassageHtml } from '../../kit/passages';
import type { ProblemCopy } from '../quiz/quiz-copy';

/** What the My results page serializes for its island. */
export interface MyResultsIslandRootProps {
  quizzes: QuizSummary[];
  problems: ProblemCopy;
  passages: PassageHtml;
}

/** The My results island as the page renders and hydrates it. */
export default function MyResultsIslandRoot({ quizzes, problems, passages }: MyResultsIslandRootProps) {
  return <MyResultsIsland quizzes={quizzes} problems={problems} {...renderPassages(passages)} />;
}
