/**
 * A query's words as search reads them, and the words that say a reader may be in danger. Pure functions:
 * the lists themselves are content (content/search/stop-words.yaml and ranking.yaml), handed in by the
 * caller, so nothing here knows a single English word.
 */
import { stemEnglish } from './reader/stem.ts';

/**
 * The words of a query as the index spells them: lower case, without accents, apostrophes and dots
 * dropped inside a word ("can't" → "cant", "F.E.A.R." → "fear"), any other mark a space ("self-worth" →
 * "self worth").
 */
export function splitWords(query: string): string[] {
  return query
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’‘`´.]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** The words worth searching for: without stop words and repeats. All of them when every word is a stop word. */
export function meaningfulWords(words: readonly string[], stopWords: ReadonlySet<string>): string[] {
  const kept = words.filter((word) => !stopWords.has(word));
  return [...new Set(kept.length > 0 ? kept : words)];
}

/**
 * The edit distance between two words (insertions, deletions, substitutions and swaps of two neighbours,
 * each 1), or `limit + 1` as soon as it is sure to be more than `limit`.
 */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2]! + 1);
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > limit) return limit + 1;
    before = previous;
    previous = current;
  }
  return Math.min(previous[b.length]!, limit + 1);
}

/** A group of crisis terms and the pages it puts first, as numbers of pages in the index. */
export interface CrisisGroup {
  /** Each term as its words, e.g. `['hurt', 'myself']`. */
  terms: string[][];
  pages: number[];
}

/** How many other words may stand between two words of a term ("hit me" in "he hit me", "hurt myself" in "hurt only myself"). */
const TERM_GAP = 2;

/** A misspelt word still counts as a term's word when it is this long and one edit away: "sucide", "kil". */
const FUZZY_LENGTH = 4;

/** Whether a word is one typing slip from a term's word of four or more letters (and is not that word). */
function isSlipFor(word: string, termWord: string): boolean {
  return termWord.length >= FUZZY_LENGTH && word.length >= FUZZY_LENGTH - 1 && word !== termWord && editDistance(word, termWord, 1) <= 1;
}

/** Whether a word belongs to some crisis term (itself, or by its stem): it is understood, never corrected. */
export function isCrisisWord(word: string, groups: readonly CrisisGroup[]): boolean {
  const stem = stemEnglish(word);
  return groups.some((group) => group.terms.some((term) => term.some((termWord) => termWord === word || stemEnglish(termWord) === stem)));
}

/** The words of a query that are a slip away from some crisis term's word: only these need looking up in the index. */
export function wordsNearCrisisTerms(words: readonly string[], groups: readonly CrisisGroup[]): string[] {
  const termWords = new Set(groups.flatMap((group) => group.terms.flat()));
  return [...new Set(words)].filter((word) => [...termWords].some((termWord) => isSlipFor(word, termWord)));
}

/**
 * The first group one of whose terms is in `words` (the query's words, stop words included), or null.
 * A word matches a term's word when they are the same or have the same stem ("hurting" for "hurt"), or,
 * when `isWordOfTheSite(word)` is false, when it is one typing slip away from a term's word of four or more
 * letters: "sucide" counts, but "anger", a word of the site, never counts as "danger".
 */
export function findCrisis(
  words: readonly string[],
  groups: readonly CrisisGroup[],
  isWordOfTheSite: (word: string) => boolean,
): CrisisGroup | null {
  const stems = words.map(stemEnglish);
  const matches = (index: number, termWord: string): boolean => {
    const word = words[index]!;
    if (word === termWord || stems[index] === stemEnglish(termWord)) return true;
    return isSlipFor(word, termWord) && !isWordOfTheSite(word);
  };
  const hasTerm = (term: readonly string[]): boolean =>
    words.some((_, start) => {
      if (!matches(start, term[0]!)) return false;
      let at = start;
      for (const termWord of term.slice(1)) {
        let next = -1;
        for (let candidate = at + 1; candidate <= at + 1 + TERM_GAP && candidate < words.length; candidate += 1) {
          if (matches(candidate, termWord)) {
            next = candidate;
            break;
          }
        }
        if (next === -1) return false;
        at = next;
      }
      return true;
    });
  return groups.find((group) => group.terms.some(hasTerm)) ?? null;
}

/** The longest word correction looks at; longer input is left as it is. */
const MAX_CORRECTED_LENGTH = 24;

/** How many slips a word of this length may hold and still be corrected. */
function allowedSlips(length: number): number {
  if (length < 4) return 0;
  return length < 8 ? 1 : 2;
}

/** How many letters two words share at the start and at the end: "closre" is nearer "closure" than "close". */
function sharedEnds(a: string, b: string): number {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end += 1;
  return start + end;
}

/**
 * The site's word closest to `word`, or null when none is close enough: one slip for words of four to
 * seven letters, two for longer ones. `vocabulary` lists the site's words most frequent first. Among
 * equally close words, the one with the same first letter wins, then the one sharing more letters at
 * both ends, then the more frequent.
 */
export function correctWord(word: string, vocabulary: readonly string[]): string | null {
  const limit = allowedSlips(word.length);
  if (limit === 0 || word.length > MAX_CORRECTED_LENGTH || /\d/.test(word)) return null;
  let best: string | null = null;
  let bestRank: [number, number] = [Infinity, 0];
  for (const candidate of vocabulary) {
    if (candidate === word) return null;
    const distance = editDistance(word, candidate, limit);
    if (distance > limit) continue;
    const rank: [number, number] = [distance * 2 + (candidate[0] === word[0] ? 0 : 1), sharedEnds(word, candidate)];
    if (rank[0] < bestRank[0] || (rank[0] === bestRank[0] && rank[1] > bestRank[1])) {
      best = candidate;
      bestRank = rank;
    }
  }
  return best;
}
