/**
 * Pure helpers for site search, shared by the search dialog and the /search/ page: the search state
 * kept in the URL, the shape of one result as the UI shows it, excerpt parsing and the sentences the
 * live region announces. Nothing here touches the DOM or the network, so all of it is unit-tested.
 */

/** The kinds of page a result can be; also the values of the `type` filter set by SearchMeta. */
export const RESULT_TYPES = ['section', 'quiz', 'topic', 'page'] as const;
export type ResultType = (typeof RESULT_TYPES)[number];

/** How each type is named on a result. */
export const TYPE_LABELS: Record<ResultType, string> = {
  section: 'Guide section',
  quiz: 'Quiz',
  topic: 'Topic',
  page: 'Page',
};

/**
 * The query parameter Pagefind adds to result links (its values are the words to highlight). The
 * always-loaded script has its own copy in search-intent.ts, so that importing it here does not pull
 * that module into a shared chunk; a unit test keeps the two equal.
 */
export const HIGHLIGHT_PARAM = 'highlight';

/** Topic ids are file names: lowercase words joined by hyphens. */
const TOPIC_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Longest query kept; longer input is cut (nobody types more, and it bounds the work). */
export const MAX_QUERY_LENGTH = 120;

/** What the /search/ page shows: the words and the two filters, as kept in its URL. */
export interface SearchState {
  q: string;
  type: ResultType | null;
  topic: string | null;
}

export const EMPTY_STATE: SearchState = { q: '', type: null, topic: null };

function isResultType(value: string | null): value is ResultType {
  return value !== null && (RESULT_TYPES as readonly string[]).includes(value);
}

/** Tidies a query: collapses whitespace, trims, and caps the length. */
export function normalizeQuery(value: string | null | undefined): string {
  return (value ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY_LENGTH);
}

/**
 * Reads the state from a query string (`?q=..&type=..&topic=..`). Unknown types and malformed topic
 * ids are dropped rather than trusted, so a hand-edited URL never reaches the index as a filter.
 */
export function parseSearchState(search: string | URLSearchParams): SearchState {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const type = params.get('type');
  const topic = params.get('topic');
  return {
    q: normalizeQuery(params.get('q')),
    type: isResultType(type) ? type : null,
    topic: topic !== null && TOPIC_ID.test(topic) ? topic : null,
  };
}

/** Writes the state as a query string in a fixed order, leaving out what is empty ('' when nothing is set). */
export function serializeSearchState(state: SearchState): string {
  const params = new URLSearchParams();
  const q = normalizeQuery(state.q);
  if (q) params.set('q', q);
  if (state.type) params.set('type', state.type);
  if (state.topic) params.set('topic', state.topic);
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** The Pagefind `filters` option for a state: only the filters that are set. */
export function toPagefindFilters(state: Pick<SearchState, 'type' | 'topic'>): Record<string, string> {
  const filters: Record<string, string> = {};
  if (state.type) filters.type = state.type;
  if (state.topic) filters.topic = state.topic;
  return filters;
}

/** One piece of an excerpt: plain text, or a word that matched the query. */
export interface ExcerptPart {
  text: string;
  marked: boolean;
}

function decodeEntities(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|#39);/g, (_, name: string) =>
    name === 'lt' ? '<' : name === 'gt' ? '>' : name === 'amp' ? '&' : name === 'quot' ? '"' : "'",
  );
}

/**
 * Splits a Pagefind excerpt (text with `<` and `>` escaped and matches wrapped in `<mark>`) into
 * parts, so the UI can build it from text nodes and never has to assign HTML.
 */
export function parseExcerpt(excerpt: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  const pattern = /<mark>([\s\S]*?)<\/mark>/g;
  let last = 0;
  for (let match = pattern.exec(excerpt); match; match = pattern.exec(excerpt)) {
    if (match.index > last) parts.push({ text: decodeEntities(excerpt.slice(last, match.index)), marked: false });
    parts.push({ text: decodeEntities(match[1]!), marked: true });
    last = match.index + match[0].length;
  }
  if (last < excerpt.length) parts.push({ text: decodeEntities(excerpt.slice(last)), marked: false });
  // A stray tag (there should be none) is shown as text rather than interpreted.
  return parts.filter((part) => part.text.length > 0);
}

/** A sub-result as Pagefind returns it: one heading's part of the page. */
export interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
  anchor?: { element: string; id: string; text?: string };
  weighted_locations?: Array<{ weight: number; balanced_score: number; location: number }>;
}

/** The fields of a Pagefind result's data that the UI uses. */
export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters?: Record<string, string[] | undefined>;
  sub_results?: PagefindSubResult[];
}

/** One result as the UI shows it. */
export interface SearchHit {
  /** Where the result leads: the best-matching heading's anchor when there is one. */
  url: string;
  /** The page's title. */
  title: string;
  /** The heading the words were found under; null when they came before the first heading. */
  heading: string | null;
  /** The excerpt with the matched words marked. */
  excerpt: ExcerptPart[];
  type: ResultType;
  typeLabel: string;
  /** True when only the page's keywords matched, not its text (e.g. "payback" for the anger section). */
  relatedOnly: boolean;
}

function subResultScore(sub: PagefindSubResult): number {
  return (sub.weighted_locations ?? []).reduce((sum, location) => sum + location.balanced_score, 0);
}

/**
 * Picks the sub-result with the strongest matches (Pagefind lists them in page order), so a result
 * leads to the part of the page that is really about the query.
 */
export function bestSubResult(subResults: readonly PagefindSubResult[] = []): PagefindSubResult | null {
  let best: PagefindSubResult | null = null;
  for (const sub of subResults) if (!best || subResultScore(sub) > subResultScore(best)) best = sub;
  return best;
}

/** Turns a Pagefind result's data into what a result shows. */
export function toSearchHit(data: PagefindResultData): SearchHit {
  const declared = data.filters?.type?.[0] ?? null;
  const type: ResultType = isResultType(declared) ? declared : 'page';
  const sub = bestSubResult(data.sub_results);
  const title = data.meta.title?.trim() || sub?.title?.trim() || data.url;
  const heading = sub?.anchor ? sub.title.trim() : null;
  return {
    url: sub?.url ?? data.url,
    title,
    heading: heading && heading !== title ? heading : null,
    excerpt: parseExcerpt(sub?.excerpt || data.excerpt),
    type,
    typeLabel: TYPE_LABELS[type],
    relatedOnly: !sub,
  };
}

/** The number of results, as the live region announces it. */
export function describeCount(count: number, query: string, filterNames: readonly string[] = []): string {
  const within = filterNames.length > 0 ? ` in ${filterNames.join(', ')}` : '';
  if (count === 0) return `No results for “${query}”${within}. Try another word, or browse the topics.`;
  return `${count} ${count === 1 ? 'result' : 'results'} for “${query}”${within}.`;
}

/** Moves an active index through `count` results with arrow keys, wrapping at both ends (-1 = none). */
export function moveActive(current: number, count: number, direction: 1 | -1): number {
  if (count <= 0) return -1;
  if (current < 0) return direction === 1 ? 0 : count - 1;
  return (current + direction + count) % count;
}
