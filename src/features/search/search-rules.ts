/**
 * The search content's rules that its schemas alone cannot show, run with the rest of the content (see
 * src/content-check.ts): every path in content/search/synonyms.yaml is a page the site has, and each
 * crisis term of content/search/ranking.yaml belongs to one group, which names each page once.
 */
import type { ContentProblem } from '../../kit/content-problems';
import { findRoute } from '../../routes';
import type { Ranking } from './ranking-schema';
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

/** Crisis terms listed twice (the first group would always win), and pages named twice in a group. */
export function checkRanking(file: string, ranking: Ranking): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const seen = new Map<string, string>();
  ranking.crisis.forEach((group, groupIndex) => {
    group.terms.forEach((term, termIndex) => {
      const earlier = seen.get(term);
      if (earlier !== undefined) {
        problems.push({
          file,
          field: `crisis[${groupIndex}].terms[${termIndex}]`,
          message: `"${term}" is already a term of ${earlier}.`,
          hint: 'keep each term in one group: a query goes to the first group that has it.',
        });
      } else seen.set(term, `the group "${group.name}"`);
    });
    group.pages.forEach((page, pageIndex) => {
      if (group.pages.indexOf(page) !== pageIndex) {
        problems.push({ file, field: `crisis[${groupIndex}].pages[${pageIndex}]`, message: `"${page}" is named twice in this group.` });
      }
    });
  });
  return problems;
}
