/**
 * The search content's rules that one file alone cannot show, run with the rest of the content (see
 * src/content-check.ts): every path in content/search/synonyms.yaml is a page the site has.
 */
import type { ContentProblem } from '../../kit/content-problems';
import { findRoute } from '../../routes';
import type { Synonyms } from './synonyms-schema';

/** The pages a path can name, by route: section slugs, quiz ids and topic ids that exist. */
export interface KnownPages {
  sections: ReadonlySet<string>;
  quizzes: ReadonlySet<string>;
  topics: ReadonlySet<string>;
}

/** Paths of the synonyms file that name no page of the site. */
export function checkSynonyms(file: string, synonyms: Synonyms, known: KnownPages): ContentProblem[] {
  return Object.keys(synonyms).flatMap((path): ContentProblem[] => {
    const route = findRoute(path);
    const last = path.split('/').filter(Boolean).at(-1) ?? '';
    const isKnown =
      route !== null &&
      (route === 'section' ? known.sections.has(last) : route === 'quiz' ? known.quizzes.has(last) : route === 'topic' ? known.topics.has(last) : true);
    return isKnown ? [] : [{ file, field: path, message: `"${path}" is not a page of the site.`, hint: 'use the address a page has, like "/guide/turning-rage-into-fuel/".' }];
  });
}
