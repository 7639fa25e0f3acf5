import MyResultsIsland, { type QuizSummary } from './MyResultsIsland';
import { renderPassages, type PassageHtml } from './passages';

/** What the My results page serializes for its island. */
export interface MyResultsIslandRootProps {
  quizzes: QuizSummary[];
  passages: PassageHtml;
}

/** The My results island as the page renders and hydrates it. */
export default function MyResultsIslandRoot({ quizzes, passages }: MyResultsIslandRootProps) {
  return <MyResultsIsland quizzes={quizzes} {...renderPassages(passages)} />;
}
