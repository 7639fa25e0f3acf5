/**
 * Loads the site's search on demand and runs searches with it: the index (through the site's reader),
 * its tuning and, only when a word needs correcting, the vocabulary (see search-tuning.ts). Nothing here
 * runs until a reader shows they want to search. When there is no index (e.g. under `astro dev` before
 * any build) or it fails to load, `loadSearch` resolves to null and the UI says that search is
 * unavailable.
 */
import { ENTRY_FILE, SiteIndex } from './reader/site-index';
import type { MatchMode } from './reader/index-search';
import { toSearchHit } from './search-excerpt';
import { planQuery, type PlanIndex } from './search-plan';
import { HIGHLIGHT_PARAM, type SearchHit, type SearchReport } from './search-state';
import { pageWeight, TUNING_FILE, VOCABULARY_FILE, type SearchTuning } from './search-tuning';
import { splitWords } from './search-words';

/** Words in an excerpt. */
const EXCERPT_WORDS = 22;

/** Where the build writes the search bundle, and the site's home: the layout names both on <html>. */
function bundlePath(): string {
  return document.documentElement.dataset.searchBundle ?? '';
}

function siteRoot(): string {
  return document.documentElement.dataset.siteRoot ?? '/';
}

/** One file of the bundle; the entry file always fresh, so a new deploy's index is used at once. */
async function fetchBundleFile(path: string): Promise<Uint8Array | null> {
  const response = await fetch(`${bundlePath()}${path}`, path === ENTRY_FILE ? { cache: 'no-cache' } : {});
  return response.ok ? new Uint8Array(await response.arrayBuffer()) : null;
}

/** Search, loaded: the index and how to read queries against it. */
interface LoadedSearch {
  index: SiteIndex;
  tuning: SearchTuning;
  stopWords: ReadonlySet<string>;
}

let loading: Promise<LoadedSearch | null> | undefined;

async function load(): Promise<LoadedSearch | null> {
  try {
    if (typeof DecompressionStream === 'undefined') return null;
    const [index, tuningBytes] = await Promise.all([SiteIndex.open(fetchBundleFile), fetchBundleFile(TUNING_FILE)]);
    if (!tuningBytes) return null;
    const tuning = JSON.parse(new TextDecoder().decode(tuningBytes)) as SearchTuning;
    return { index, tuning, stopWords: new Set(tuning.stopWords) };
  } catch {
    return null;
  }
}

/**
 * Loads search once (later calls share the first load); resolves to null when search is unavailable.
 * A failed load is not retried on this page: the answer would very likely be the same.
 */
export function loadSearch(): Promise<LoadedSearch | null> {
  loading ??= load();
  return loading;
}

let vocabulary: Promise<string[]> | undefined;

/** The site's words, most frequent first (an empty list when they cannot be loaded: nothing is corrected then). */
function loadVocabulary(): Promise<string[]> {
  vocabulary ??= fetchBundleFile(VOCABULARY_FILE)
    .then((bytes) => (bytes ? (JSON.parse(new TextDecoder().decode(bytes)) as string[]) : []))
    .catch(() => {
      vocabulary = undefined;
      return [];
    });
  return vocabulary;
}

/** An index of at most this many chunks is small enough to load whole at the first keystroke. */
const SMALL_INDEX_CHUNKS = 2;

/**
 * Starts loading the index chunks for a query while the reader is still typing. On a small index every
 * word's chunks, at once; on a large one only the words the reader has finished (followed by a space):
 * each beginning of the word still being typed ("b", "be", "bel"…) would fetch chunks the finished word
 * does not need.
 */
export async function preloadQuery(query: string): Promise<void> {
  const search = await loadSearch();
  if (!search) return;
  const words = splitWords(query);
  if (search.index.meta.chunks.length > SMALL_INDEX_CHUNKS && !/\s$/.test(query)) words.pop();
  await search.index.prepare(words).catch(() => undefined);
}

/** Results of one search: what the status line reports, and the results asked for, ready to show. */
export interface SearchOutcome extends SearchReport {
  hits: SearchHit[];
}

export interface SearchOptions {
  /** Filter name → value (`type: 'quiz'`). */
  filters?: Record<string, string>;
  /** How many results to prepare, from `offset`. */
  limit?: number;
  offset?: number;
  /** Wait this long first; a newer search in the meantime makes this one resolve to null. */
  debounceMs?: number;
  /** Search the words as typed, without correcting them. */
  exact?: boolean;
}

let latestDebounced = 0;

/**
 * Searches and prepares results `offset` to `offset + limit`. Resolves to null when a newer search made
 * this one moot (with `debounceMs`) or when search is unavailable; check `loadSearch()` to tell apart.
 */
export async function runSearch(
  query: string,
  { filters = {}, limit = 10, offset = 0, debounceMs = 0, exact = false }: SearchOptions = {},
): Promise<SearchOutcome | null> {
  if (debounceMs > 0) {
    const ticket = ++latestDebounced;
    await new Promise((resolve) => setTimeout(resolve, debounceMs));
    if (ticket !== latestDebounced) return null;
  }
  const search = await loadSearch();
  if (!search) return null;
  const { index, tuning, stopWords } = search;
  const planIndex: PlanIndex = {
    search: (words: readonly string[], mode: MatchMode) =>
      index.search(words, { mode, filters, fieldWeights: tuning.fields, pageWeight: (page) => pageWeight(tuning, page) }),
    has: (word) => index.has(word),
    hasExactly: (word) => index.hasExactly(word),
  };
  const plan = await planQuery(query, planIndex, { stopWords, crisis: tuning.crisis }, { exact, vocabulary: loadVocabulary });
  const shown = plan.pages.slice(offset, offset + limit);
  const fragments = await Promise.all(shown.map((scored) => index.fragment(scored.page)));
  const hitOptions = { siteRoot: siteRoot(), highlightParam: HIGHLIGHT_PARAM, highlight: plan.words, excerptWords: EXCERPT_WORDS };
  return {
    total: plan.pages.length,
    hits: fragments.map((fragment, position) => toSearchHit(fragment, shown[position]!, hitOptions)),
    corrections: plan.corrections,
    leftOut: plan.leftOut,
    searched: plan.words.join(' '),
    isPartial: plan.mode === 'any',
    isCrisis: plan.crisis !== null,
  };
}
