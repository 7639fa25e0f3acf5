/**
 * Two small files the build writes beside the index, for the search code to read a query the site's way:
 *
 * - `tuning.json`: the ranking of content/search/ranking.yaml and the stop words of stop-words.yaml,
 *   resolved against this build's index: a weight for each page (one character per page, indexing a short
 *   table of weights, so it stays small at thousands of pages) and each crisis group's pages by number.
 *   It is read with the index, on the first search.
 * - `words.json`: the site's vocabulary, an array of words, most frequent first, for correcting a
 *   misspelt word. It is read only when a query has a word the index lacks.
 *
 * search-tuning-build.ts writes both into the bundle folder, so the service worker keeps them with the
 * index. Page numbers only mean something with the index they were written with; a deploy replaces all
 * of them together.
 */
import type { CrisisGroup } from './search-words.ts';

export const TUNING_FILE = 'tuning.json';
export const VOCABULARY_FILE = 'words.json';

/** tuning.json. */
export interface SearchTuning {
  /** Metadata field → how much a word found there counts. */
  fields: Record<string, number>;
  /** The distinct page weights. */
  weights: number[];
  /** For each page of the index, in order, the position of its weight in `weights` as one base-36 digit. */
  pageWeights: string;
  stopWords: string[];
  crisis: CrisisGroup[];
}

/** The weight of a page, by its number in the index (1 for a page the tuning does not know). */
export function pageWeight(tuning: Pick<SearchTuning, 'weights' | 'pageWeights'>, page: number): number {
  const digit = tuning.pageWeights[page];
  return digit === undefined ? 1 : (tuning.weights[Number.parseInt(digit, 36)] ?? 1);
}
