/**
 * Writes what search-tuning.ts describes, at the end of the build: the tuning resolved against the index
 * just written, and the site's vocabulary. Runs in Node only.
 */
import type { Fragment } from './reader/index-files.ts';
import type { Ranking } from './ranking-schema.ts';
import { findRoute, ROUTES, type RouteName } from '../../routes.ts';
import type { SearchTuning } from './search-tuning.ts';
import { splitWords } from './search-words.ts';

/** What the build knows of one indexed page. */
interface IndexedPage {
  url: string;
  type: string;
}

/**
 * Resolves the ranking and stop words against an index whose pages are `pages` (in index order). `missing`
 * lists the crisis pages the index does not have, which the build treats as an error.
 */
export function buildTuning(pages: readonly IndexedPage[], ranking: Ranking, stopWords: readonly string[]): { tuning: SearchTuning; missing: string[] } {
  const routeWeights: Partial<Record<string, number>> = ranking.weights.routes;
  const typeWeights: Partial<Record<string, number>> = ranking.weights.types;
  const weights: number[] = [];
  let pageWeights = '';
  for (const page of pages) {
    const route = findRoute(page.url);
    const weight = (route === null ? undefined : routeWeights[route]) ?? typeWeights[page.type] ?? 1;
    if (!weights.includes(weight)) weights.push(weight);
    pageWeights += weights.indexOf(weight).toString(36);
  }
  if (weights.length > 36) throw new Error('The ranking has more than 36 different page weights.');
  const missing: string[] = [];
  const crisis = ranking.crisis.map((group) => ({
    terms: group.terms.map((term) => term.split(' ')),
    pages: group.pages.flatMap((name) => {
      const path = ROUTES[name as RouteName].path();
      const found = pages.findIndex((page) => page.url === path);
      if (found === -1) missing.push(`${name} (${path})`);
      return found === -1 ? [] : [found];
    }),
  }));
  return { tuning: { fields: { ...ranking.fields }, weights, pageWeights, stopWords: [...stopWords], crisis }, missing: [...new Set(missing)] };
}

/** Letters only, three or more: what a misspelt word could be corrected to. */
const VOCABULARY_WORD = /^\p{L}{3,}$/u;

/**
 * The site's words, most frequent first (then alphabetically): from the text, the title and the keyword
 * fields of every page, spelt as search reads them, without stop words.
 */
export function buildVocabulary(fragments: readonly Fragment[], stopWords: ReadonlySet<string>, fields: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const fragment of fragments) {
    const texts = [fragment.content, ...fields.map((field) => fragment.meta[field] ?? '')];
    for (const word of texts.flatMap(splitWords)) {
      if (VOCABULARY_WORD.test(word) && !stopWords.has(word)) counts.set(word, (counts.get(word) ?? 0) + 1);
    }
  }
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([word]) => word);
}
