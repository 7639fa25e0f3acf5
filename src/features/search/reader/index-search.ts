/**
 * Matching and scoring over the decoded index: which chunks a word needs, which indexed words it matches,
 * and how well each page fits the query. Pure functions over plain data, so they run the same in the
 * browser, in the build's self-check and in the unit tests.
 *
 * A query word matches every indexed word it starts (so "reve" finds "revenge" while the reader types),
 * or, when there is none, the longest indexed word it starts with ("loneliness" finds "lonely"). Pages are
 * scored with BM25 over the words' weighted occurrences, plus a boost for words found in metadata fields
 * (the title, the page's keywords), as Pagefind itself does; `fieldWeights` says how much each field counts.
 */
import { PLAIN_WEIGHT, type ChunkRange, type IndexMeta, type PageOccurrences, type WordLocation } from './index-files.ts';

/** Indexed words and their pages, as far as the chunks loaded so far tell. */
export type LoadedWords = ReadonlyMap<string, PageOccurrences[]>;

/** The shortest indexed word that may stand in for a longer query word (see `matchTerm`). */
const MIN_PREFIX = 4;

/** The shortest query word that also finds longer words it starts: "ex" is only "ex", not "exact". */
const MIN_EXTENDED = 3;

/** BM25's term saturation and length normalisation: Pagefind's defaults. */
const SATURATION = 1.4;
const LENGTH_NORMALISATION = 0.75;

/** The hashes of the chunks that can hold words starting with `stem`, or words `stem` starts with. */
export function chunksFor(stem: string, chunks: readonly ChunkRange[]): string[] {
  const needed = new Set<string>();
  // A short word is only itself: the one chunk that can hold it (not every chunk of words starting "k").
  const end = stem.length < MIN_EXTENDED ? stem : `${stem}\uffff`;
  for (const chunk of chunks) {
    // Words with this start sort from `stem` to `stem` followed by anything.
    if (chunk.from <= end && chunk.to >= stem) needed.add(chunk.hash);
  }
  for (let length = MIN_PREFIX; length < stem.length; length += 1) {
    const prefix = stem.slice(0, length);
    for (const chunk of chunks) if (chunk.from <= prefix && chunk.to >= prefix) needed.add(chunk.hash);
  }
  return [...needed];
}

/** An indexed word that a query word matched, with how close it is in length (1 for the same length). */
export interface MatchedWord {
  word: string;
  pages: readonly PageOccurrences[];
  closeness: number;
}

/** How much a match counts by how many letters it adds: all of it for the word itself, less for a long extension. */
function closeness(queryStem: string, word: string): number {
  const extra = Math.abs(word.length - queryStem.length);
  return Math.exp(-(extra * extra) / 18);
}

/**
 * The indexed words one query word (stemmed) matches; empty when the index has nothing like it. Besides
 * the words it starts (from three letters on, so the last word matches while it is being typed), the
 * longest indexed word it starts with counts at half weight, so "quizz" (as in "quizzes") also finds
 * "quiz". Only a prefix that is most of the word: "her" never stands in for "hert".
 */
export function matchTerm(stem: string, words: LoadedWords): MatchedWord[] {
  const matched: MatchedWord[] = [];
  let longestPrefix = '';
  for (const [word, pages] of words) {
    if (word === stem || (stem.length >= MIN_EXTENDED && word.startsWith(stem))) matched.push({ word, pages, closeness: closeness(stem, word) });
    else if (stem.startsWith(word) && word.length > longestPrefix.length) longestPrefix = word;
  }
  if (longestPrefix.length >= Math.max(MIN_PREFIX, Math.ceil(stem.length * 0.6))) {
    matched.push({ word: longestPrefix, pages: words.get(longestPrefix)!, closeness: closeness(stem, longestPrefix) / 2 });
  }
  return matched;
}

/** One matched word's place in a page, and which query word it answers (by index). */
export interface MatchLocation {
  position: number;
  weight: number;
  term: number;
}

/** A page that matched, with its score and where the words are. */
export interface ScoredPage {
  page: number;
  score: number;
  /** The matched words' places in the page's text, in order. */
  locations: MatchLocation[];
  /** How many of the query's words the page has. */
  termsMatched: number;
}

/** How the query's words combine: every one of them on a page, or any of them. */
export type MatchMode = 'all' | 'any';

export interface ScoreOptions {
  mode: MatchMode;
  /** How much a word found in each metadata field counts (title, keywords…); fields not named count 1. */
  fieldWeights: Readonly<Record<string, number>>;
  /** Only these pages (a filter), or all when absent. */
  within?: ReadonlySet<number> | undefined;
  /** A factor for each page's score (1 when absent). */
  pageWeight?: ((page: number) => number) | undefined;
}

/** Inverse document frequency: rare words count more. */
function idf(totalPages: number, pagesWithTerm: number): number {
  return Math.log(1 + (totalPages - pagesWithTerm + 0.5) / (pagesWithTerm + 0.5));
}

/** What one query word found on one page. */
interface TermOnPage {
  frequency: number;
  locations: WordLocation[];
  fields: Set<number>;
}

/** For one query word: each page it is on, with its weighted frequency, places and metadata fields. */
function collectTerm(words: readonly MatchedWord[]): Map<number, TermOnPage> {
  const pages = new Map<number, TermOnPage>();
  for (const word of words) {
    for (const occurrence of word.pages) {
      let found = pages.get(occurrence.page);
      if (!found) pages.set(occurrence.page, (found = { frequency: 0, locations: [], fields: new Set() }));
      for (const location of occurrence.locations) {
        found.frequency += (location.weight / PLAIN_WEIGHT) * word.closeness;
        found.locations.push(location);
      }
      for (const field of occurrence.metaFields) found.fields.add(field);
    }
  }
  return pages;
}

/**
 * Scores the pages that match `terms` (one entry per query word: the indexed words it matched), best
 * first; pages with the same score keep the index's order.
 */
export function scorePages(terms: readonly MatchedWord[][], meta: IndexMeta, options: ScoreOptions): ScoredPage[] {
  const totalPages = meta.pages.length;
  const perTerm = terms.map(collectTerm);
  const idfs = perTerm.map((pages) => idf(totalPages, pages.size));
  const totalIdf = idfs.reduce((sum, value) => sum + value, 0);

  const candidates = new Set<number>();
  for (const pages of perTerm) for (const page of pages.keys()) candidates.add(page);
  const results: ScoredPage[] = [];
  for (const page of candidates) {
    if (options.within && !options.within.has(page)) continue;
    const found = perTerm.map((pages) => pages.get(page));
    const termsMatched = found.filter(Boolean).length;
    if (options.mode === 'all' && termsMatched < terms.length) continue;
    const pageLength = meta.pages[page]?.wordCount ?? meta.averageWordCount;
    const lengthFactor = 1 - LENGTH_NORMALISATION + LENGTH_NORMALISATION * (pageLength / (meta.averageWordCount || 1));
    const locations: MatchLocation[] = [];
    const fieldIdf = new Map<number, number>();
    let content = 0;
    found.forEach((onPage, term) => {
      if (!onPage) return;
      const { frequency } = onPage;
      if (frequency > 0) content += (idfs[term]! * (SATURATION + 1) * frequency) / (SATURATION * lengthFactor + frequency);
      for (const location of onPage.locations) locations.push({ ...location, term });
      for (const field of onPage.fields) fieldIdf.set(field, (fieldIdf.get(field) ?? 0) + idfs[term]!);
    });
    // A field that holds all the query's rare words counts fully; one that holds a common word alone, barely.
    let boost = 0;
    for (const [field, matched] of fieldIdf) {
      const coverage = totalIdf > 0 ? matched / totalIdf : 0;
      boost += (options.fieldWeights[meta.metaFields[field] ?? ''] ?? 1) * matched * coverage * coverage;
    }
    locations.sort((a, b) => a.position - b.position);
    results.push({ page, score: (content + boost) * (options.pageWeight?.(page) ?? 1), locations, termsMatched });
  }
  return results.sort((a, b) => b.score - a.score || a.page - b.page);
}
