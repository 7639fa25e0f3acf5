import QuizIsland from './QuizIsland';
import type { QuizDefinition } from './quiz-schema';
import type { QuizLinks } from './quiz-links';
import type { QuizCopy } from './quiz-copy';
import { renderPassages, type PassageHtml } from '../../kit/passages';

/** What a quiz page serializes for its island: all plain data, so it survives JSON. */
export interface QuizIslandRootProps {
  quiz: QuizDefinition;
  links: QuizLinks;
  copy: QuizCopy;
  passages: PassageHtml;
}

/** The quiz island as pages render and hydrate it: data props in, passages from HTML strings. */
export default function QuizIslandRoot({ quiz, links, copy, passages }: QuizIslandRootProps) {
  return <QuizIsland quiz={quiz} links={links} copy={copy} {...renderPassages(passages)} />;
}
