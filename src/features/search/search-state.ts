/**
 * Pure functions for site search, shared by the search dialog and the /search/ page: the search state
 * kept in the URL, the shape of one result as the UI shows it and the sentences the live region
 * announces. Nothing here touches the DOM or the network, so all of it is unit-tested.
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
 * The query parameter result links carry (its values are the words Pagefind's highlight script marks on
 * the page). The always-loaded script has its own copy in search-intent.ts, so that importing it here
 * does not pull that module into a shared chunk; a unit test keeps the two equal.
 */
export const HIGHLIGHT_PARAM = 'highlight';

/** Topic ids are file names: lowercase words joined by hyphens. */
const TOPIC_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Longest query kept; longer input is cut (nobody types more, and it bounds the work). */
export const MAX_QUERY_LENGTH = 120;

/** What the /search/ page shows: the words, the two filters and whether to search the words as typed, as kept in its URL. */
export interface SearchState {
  q: string;
  type: ResultType | null;
  topic: string | null;
  /** Search the words exactly as typed, without correcting them (`exact=1`). */
  exact: boolean;
}

export const EMPTY_STATE: SearchState = { q: '', type: null, topic: null, exact: false };

/** Whether a value (from the URL, or a page's declared type) is one of the result types. */
export function isResultType(value: string | null | undefined): value is ResultType {
  return value != null && (RESULT_TYPES as readonly string[]).includes(value);
}

/** Tidies a query: collapses whitespace, trims, and caps the length. */
export function normalizeQuery(value: string | null | undefined): string {
  return (value ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY_LENGTH);
}

/**
 * Reads the state from a query string (`?q=..&type=..&topic=..&exact=1`). Unknown types and malformed
 * topic ids are dropped rather than trusted, so a hand-edited URL never reaches the index as a filter.
 */
export function parseSearchState(search: string | URLSearchParams): SearchState {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const type = params.get('type');
  const topic = params.get('topic');
  return {
    q: normalizeQuery(params.get('q')),
    type: isResultType(type) ? type : null,
    topic: topic !== null && TOPIC_ID.test(topic) ? topic : null,
    exact: params.get('exact') === '1',
  };
}

/** Writes the state as a query string in a fixed order, leaving out what is empty ('' when nothing is set). */
export function serializeSearchState(state: SearchState): string {
  const params = new URLSearchParams();
  const q = normalizeQuery(state.q);
  if (q) params.set('q', q);
  if (state.type) params.set('type', state.type);
  if (state.topic) params.set('topic', state.topic);
  if (state.exact && q) params.set('exact', '1');
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** The index filters for a state: only the filters that are set. */
export function toIndexFilters(state: Pick<SearchState, 'type' | 'topic'>): Record<string, string> {
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

/** What a search found, as the UI reports it. */
export interface SearchReport {
  /** How many pages matched. */
  total: number;
  /** Words corrected from the site's vocabulary: as typed, and as searched. */
  corrections: ReadonlyArray<{ typed: string; searched: string }>;
  /** Words no page has, left out. */
  leftOut: readonly string[];
  /** The words searched in the end, joined by spaces. */
  searched: string;
  /** True when no page had every word and the pages shown have some of them. */
  isPartial: boolean;
  /** True when the query had a crisis term, so the pages that can help come first. */
  isCrisis: boolean;
}

/** The status line's words: a correction with its way back to the words as typed, then plain sentences. */
export interface StatusMessage {
  correction: { searched: string; typed: string } | null;
  sentences: string[];
}

const quoteList = (words: readonly string[]): string => words.map((word) => `“${word}”`).join(', ');

/** Everything the live region says about a search, in reading order. */
export function describeReport(report: SearchReport, query: string, filterNames: readonly string[] = []): StatusMessage {
  const correction = report.corrections.length > 0 ? { searched: report.searched, typed: query } : null;
  const sentences: string[] = [];
  if (report.leftOut.length > 0) {
    const them = report.leftOut.length === 1 ? 'it' : 'them';
    sentences.push(`No page uses ${quoteList(report.leftOut)}, so search left ${them} out.`);
  }
  if (report.isPartial && report.total > 0) sentences.push('No page has all of these words; these pages have some of them.');
  if (report.isCrisis) sentences.push('Pages that can help right now come first.');
  sentences.push(describeCount(report.total, correction ? report.searched : query, filterNames));
  return { correction, sentences };
}

/** The status line as one sentence of text, as a screen reader reads it. */
export function statusText(message: StatusMessage): string {
  const correction = message.correction
    ? `Showing results for ${message.correction.searched} — search for ${message.correction.typed} instead. `
    : '';
  return `${correction}${message.sentences.join(' ')}`;
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
