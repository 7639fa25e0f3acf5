import MyResultsIsland, { type QuizSummary } from './MyResultsIsland';
import { renderPassages, type PassageHtml } from '../../kit/passages';
import type { MyResultsCopy } from './my-results-copy';

/** What the My results page serializes for its island. */
export interface MyResultsIslandRootProps {
  quizzes: QuizSummary[];
  copy: MyResultsCopy;
  cachePrefix: string;
  passages: PassageHtml;
}

/** The My results island as the page renders and hydrates it. */
export default function MyResultsIslandRoot({ quizzes, copy, cachePrefix, passages }: MyResultsIslandRootProps) {
  return <MyResultsIsland quizzes={quizzes} copy={copy} cachePrefix={cachePrefix} {...renderPassages(passages)} />;
}
