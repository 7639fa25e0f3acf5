/**
 * Loads Pagefind's browser API on demand and runs searches with it. Nothing here runs until a reader
 * shows they want to search. When there is no index (e.g. under `astro dev` before any build) or it
 * fails to load, `loadSearch` resolves to null and the UI says that search is unavailable; Pagefind
 * is then never imported, so it cannot log its own errors.
 */
import { HIGHLIGHT_PARAM, toSearchHit, type PagefindResultData, type SearchHit } from './search-state';

/** Where the build writes Pagefind's bundle: the layout names it on <html> (`data-search-bundle`). */
function bundlePath(): string {
  return document.documentElement.dataset.searchBundle ?? '';
}

/**
 * Ranking. Words in a page's title and headings already count more (Pagefind weighs metadata and
 * headings); page keywords count a lot, so "meaning" finds the purpose section above pages that only
 * say "means"; a topic page's keywords count a little less, so a synonym lists the section that deals
 * with it first and its topic page second.
 */
const RANKING = { metaWeights: { title: 5, keywords: 4, topic_keywords: 2.5 } };

/** The part of Pagefind's browser API this site uses. */
interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindResultData>;
}
interface PagefindResponse {
  results: PagefindResult[];
  unfilteredResultCount: number;
}
interface PagefindSearchOptions {
  filters?: Record<string, string>;
}
interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string, options?: PagefindSearchOptions): Promise<PagefindResponse>;
  debouncedSearch(term: string, options?: PagefindSearchOptions, timeoutMs?: number): Promise<PagefindResponse | null>;
  preload(term: string, options?: PagefindSearchOptions): Promise<void>;
}

/** Results of one search: how many pages matched, and the first few ready to show. */
export interface SearchOutcome {
  total: number;
  hits: SearchHit[];
}

let loading: Promise<PagefindApi | null> | undefined;

async function load(): Promise<PagefindApi | null> {
  try {
    // A cheap check first: without an index, importing Pagefind would only fail noisily.
    const entry = await fetch(`${bundlePath()}pagefind-entry.json`, { cache: 'no-cache' });
    if (!entry.ok) return null;
    // Read the small body so the request completes rather than stays open.
    await entry.arrayBuffer();
    // Pagefind's browser API, loaded as it is: the bundler must not touch this import.
    const pagefind = (await import(/* @vite-ignore */ `${bundlePath()}pagefind.js`)) as PagefindApi;
    await pagefind.options({
      // The index is small: searching on the main thread skips downloading Pagefind a second time
      // as a worker script.
      noWorker: true,
      basePath: bundlePath(),
      excerptLength: 22,
      excerptEllipsis: '…',
      highlightParam: HIGHLIGHT_PARAM,
      ranking: RANKING,
    });
    await pagefind.init();
    return pagefind;
  } catch {
    return null;
  }
}

/**
 * Loads Pagefind once (later calls share the first load); resolves to null when search is unavailable.
 * A failed load is not retried on this page: the answer would very likely be the same.
 */
export function loadSearch(): Promise<PagefindApi | null> {
  loading ??= load();
  return loading;
}

/** Starts loading the index chunks for a query while the reader is still typing. */
export async function preloadQuery(query: string): Promise<void> {
  const pagefind = await loadSearch();
  await pagefind?.preload(query).catch(() => undefined);
}

/**
 * Searches and prepares the first `limit` results. Resolves to null when a newer search made this
 * one moot (with `debounceMs`) or when search is unavailable; check `loadSearch()` to tell apart.
 */
export async function runSearch(
  query: string,
  { filters = {}, limit = 10, debounceMs = 0 }: { filters?: Record<string, string>; limit?: number; debounceMs?: number } = {},
): Promise<SearchOutcome | null> {
  const pagefind = await loadSearch();
  if (!pagefind) return null;
  const response =
    debounceMs > 0 ? await pagefind.debouncedSearch(query, { filters }, debounceMs) : await pagefind.search(query, { filters });
  if (!response) return null;
  const data = await Promise.all(response.results.slice(0, limit).map((result) => result.data()));
  return { total: response.results.length, hits: data.map(toSearchHit) };
}
