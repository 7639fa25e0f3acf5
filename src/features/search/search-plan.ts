/**
 * How a reader's query becomes a list of pages, in the order a person would try:
 *
 * 1. its meaningful words, all of them on a page ("cant stop thinking about him" → stop, thinking);
 * 2. if no page has them all, each word the index lacks is corrected from the site's own vocabulary
 *    ("revnge" → revenge) or left out, and the rest searched again;
 * 3. if still no page has them all, the pages with the most of them ("any" of the words);
 * 4. whatever matched, a query with a crisis term puts its group's pages (Help, Right now, the abuse page)
 *    first.
 *
 * The index and the vocabulary are behind small interfaces, so the unit tests run it on made-up ones.
 */
import type { MatchMode, ScoredPage } from './reader/index-search.ts';
import { correctWord, findCrisis, isCrisisWord, meaningfulWords, splitWords, wordsNearCrisisTerms, type CrisisGroup } from './search-words.ts';

/** What the plan needs of the index. */
export interface PlanIndex {
  /** Pages matching the words, scored, best first. */
  search(words: readonly string[], mode: MatchMode): Promise<ScoredPage[]>;
  /** Whether the index has anything for a word (the word itself, longer words it starts, or its stem). */
  has(word: string): Promise<boolean>;
  /** Whether the index has this very word (by its stem), not only longer words that start with it. */
  hasExactly(word: string): Promise<boolean>;
}

/** The rules a plan follows, from content/search/ (see search-tuning.ts). */
export interface PlanRules {
  stopWords: ReadonlySet<string>;
  crisis: readonly CrisisGroup[];
}

/** One word as typed and the word searched instead. */
export interface Correction {
  typed: string;
  searched: string;
}

export interface QueryPlan {
  /** The query's words as typed, tidied. */
  typed: string[];
  /** The words searched in the end. */
  words: string[];
  corrections: Correction[];
  /** Words no page has, left out of the search. */
  leftOut: string[];
  /** Whether the pages have all the words, or only some of them. */
  mode: MatchMode;
  /** The crisis group the query's words belong to, if any: its pages come first. */
  crisis: CrisisGroup | null;
  /** The pages, best first, crisis pages at the top. */
  pages: ScoredPage[];
}

export interface PlanOptions {
  /** Search the words as typed: no correction (the reader asked for their own spelling). */
  exact?: boolean;
  /** The site's words, most frequent first; loaded only when a word needs correcting. */
  vocabulary: () => Promise<readonly string[]>;
}

/** Plans a query against an index (see the module comment for the steps). */
export async function planQuery(query: string, index: PlanIndex, rules: PlanRules, options: PlanOptions): Promise<QueryPlan> {
  const typed = splitWords(query);
  let words = meaningfulWords(typed, rules.stopWords);
  const corrections: Correction[] = [];
  const leftOut: string[] = [];
  let mode: MatchMode = 'all';
  let pages = words.length > 0 ? await index.search(words, 'all') : [];

  if (pages.length === 0 && words.length > 0) {
    const known = await Promise.all(words.map((word) => index.has(word)));
    if (!options.exact && known.includes(false)) {
      const vocabulary = await options.vocabulary();
      const next: string[] = [];
      for (const [position, word] of words.entries()) {
        if (known[position]) {
          next.push(word);
          continue;
        }
        // "kill" in "kill myself" is understood: its pages come first; it is not the site's to correct.
        if (isCrisisWord(word, rules.crisis)) continue;
        const corrected = correctWord(word, vocabulary);
        if (corrected !== null && !rules.stopWords.has(corrected) && (await index.has(corrected))) {
          corrections.push({ typed: word, searched: corrected });
          next.push(corrected);
        } else leftOut.push(word);
      }
      words = [...new Set(next)];
      pages = words.length > 0 ? await index.search(words, 'all') : [];
    }
    if (pages.length === 0 && words.length > 1) {
      mode = 'any';
      pages = await index.search(words, 'any');
    }
  }

  const crisis = await detectCrisis(typed, corrections, index, rules.crisis);
  if (crisis) {
    const first = crisis.pages.map((page) => pages.find((scored) => scored.page === page) ?? { page, score: 0, locations: [], termsMatched: 0 });
    pages = [...first, ...pages.filter((scored) => !crisis.pages.includes(scored.page))];
  }
  return { typed, words, corrections, leftOut, mode, crisis, pages };
}

/** The crisis group of the query, on its words as typed and as corrected. */
async function detectCrisis(
  typed: readonly string[],
  corrections: readonly Correction[],
  index: PlanIndex,
  groups: readonly CrisisGroup[],
): Promise<CrisisGroup | null> {
  if (groups.length === 0) return null;
  const corrected = typed.map((word) => corrections.find((correction) => correction.typed === word)?.searched ?? word);
  // A word counts as a slip for a crisis word only when the site does not use it: look up the few that could.
  const near = wordsNearCrisisTerms([...typed, ...corrected], groups);
  const known = new Map(await Promise.all(near.map(async (word) => [word, await index.hasExactly(word)] as const)));
  const isWordOfTheSite = (word: string): boolean => known.get(word) ?? true;
  return findCrisis(typed, groups, isWordOfTheSite) ?? findCrisis(corrected, groups, isWordOfTheSite);
}
