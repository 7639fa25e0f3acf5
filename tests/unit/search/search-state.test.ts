import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bestSubResult,
  describeCount,
  EMPTY_STATE,
  HIGHLIGHT_PARAM,
  moveActive,
  normalizeQuery,
  parseExcerpt,
  parseSearchState,
  RESULT_TYPES,
  serializeSearchState,
  toPagefindFilters,
  toSearchHit,
  type PagefindResultData,
  type SearchState,
} from '../../../src/features/search/search-state';
import { HIGHLIGHT_PARAM as INTENT_HIGHLIGHT_PARAM, isSearchShortcut } from '../../../src/features/search/search-intent';

describe('search state in the URL', () => {
  it.each([
    ['', EMPTY_STATE],
    ['?q=revenge', { q: 'revenge', type: null, topic: null }],
    ['?q=no+contact&type=section&topic=moving-on', { q: 'no contact', type: 'section', topic: 'moving-on' }],
    // whitespace is tidied
    ['?q=%20%20magnum%20%20%20opus%20', { q: 'magnum opus', type: null, topic: null }],
    // an unknown type and a malformed topic are dropped, not passed to the index
    ['?q=x&type=article&topic=Anger', { q: 'x', type: null, topic: null }],
    ['?q=x&topic=../../etc', { q: 'x', type: null, topic: null }],
    ['?type=quiz', { q: '', type: 'quiz', topic: null }],
  ])('parses %j', (search, expected) => {
    expect(parseSearchState(search)).toEqual(expected);
  });

  it('caps very long queries', () => {
    expect(parseSearchState(`?q=${'a'.repeat(500)}`).q).toHaveLength(120);
  });

  it.each([
    [EMPTY_STATE, ''],
    [{ q: 'revenge', type: null, topic: null }, '?q=revenge'],
    [{ q: 'no contact', type: 'topic', topic: 'anger' }, '?q=no+contact&type=topic&topic=anger'],
    [{ q: '  ', type: 'section', topic: null }, '?type=section'],
  ] satisfies Array<[SearchState, string]>)('serializes %j as %j', (state, expected) => {
    expect(serializeSearchState(state)).toBe(expected);
  });

  it('round-trips any valid state', () => {
    const state = fc.record({
      q: fc.string({ maxLength: 40 }).map(normalizeQuery),
      type: fc.constantFrom(null, ...RESULT_TYPES),
      topic: fc.constantFrom(null, 'anger', 'letting-go', 'self-worth'),
    });
    fc.assert(
      fc.property(state, (value) => {
        expect(parseSearchState(serializeSearchState(value))).toEqual(value);
      }),
    );
  });

  it('turns only the filters that are set into Pagefind filters', () => {
    expect(toPagefindFilters(EMPTY_STATE)).toEqual({});
    expect(toPagefindFilters({ type: 'quiz', topic: null })).toEqual({ type: 'quiz' });
    expect(toPagefindFilters({ type: null, topic: 'anger' })).toEqual({ topic: 'anger' });
  });
});

describe('parseExcerpt', () => {
  it('splits marked words from plain text', () => {
    expect(parseExcerpt('Why <mark>revenge</mark> never pays, and <mark>Revenge</mark>.')).toEqual([
      { text: 'Why ', marked: false },
      { text: 'revenge', marked: true },
      { text: ' never pays, and ', marked: false },
      { text: 'Revenge', marked: true },
      { text: '.', marked: false },
    ]);
  });

  it('decodes the escapes Pagefind uses and never yields markup', () => {
    const parts = parseExcerpt('a &lt;script&gt;alert(1)&lt;/script&gt; <mark>b</mark>');
    expect(parts.map((part) => part.text).join('')).toBe('a <script>alert(1)</script> b');
    expect(parts.filter((part) => part.marked)).toEqual([{ text: 'b', marked: true }]);
  });

  it('handles an empty excerpt and one with no marks', () => {
    expect(parseExcerpt('')).toEqual([]);
    expect(parseExcerpt('plain')).toEqual([{ text: 'plain', marked: false }]);
  });
});

const base: PagefindResultData = {
  url: '/guide/turning-rage-into-fuel/?highlight=revenge',
  excerpt: 'page <mark>revenge</mark>',
  meta: { title: 'Turning rage into fuel' },
  filters: { type: ['section'], topic: ['anger'] },
};

describe('toSearchHit', () => {
  it('leads to the heading with the strongest matches, not the first one', () => {
    const hit = toSearchHit({
      ...base,
      sub_results: [
        { title: 'Turning rage into fuel', url: base.url, excerpt: 'intro', weighted_locations: [{ weight: 1, balanced_score: 2, location: 3 }] },
        {
          title: 'The pull of revenge',
          url: '/guide/turning-rage-into-fuel/?highlight=revenge#the-pull-of-revenge',
          excerpt: 'the pull of <mark>revenge</mark>',
          anchor: { element: 'h2', id: 'the-pull-of-revenge' },
          weighted_locations: [
            { weight: 6, balanced_score: 40, location: 50 },
            { weight: 1, balanced_score: 5, location: 55 },
          ],
        },
      ],
    });
    expect(hit).toEqual({
      url: '/guide/turning-rage-into-fuel/?highlight=revenge#the-pull-of-revenge',
      title: 'Turning rage into fuel',
      heading: 'The pull of revenge',
      excerpt: [
        { text: 'the pull of ', marked: false },
        { text: 'revenge', marked: true },
      ],
      type: 'section',
      typeLabel: 'Guide section',
      relatedOnly: false,
    });
  });

  it('has no heading when the words came before the first heading', () => {
    const hit = toSearchHit({ ...base, sub_results: [{ title: 'Turning rage into fuel', url: base.url, excerpt: 'x' }] });
    expect(hit.heading).toBeNull();
    expect(hit.url).toBe(base.url);
  });

  it('marks a page found only by its keywords, and falls back to the page excerpt', () => {
    const hit = toSearchHit({ ...base, excerpt: 'Anger after a breakup', sub_results: [] });
    expect(hit.relatedOnly).toBe(true);
    expect(hit.excerpt).toEqual([{ text: 'Anger after a breakup', marked: false }]);
  });

  it('labels each type, and treats a page without a known type as a page', () => {
    expect(toSearchHit({ ...base, filters: { type: ['quiz'] } }).typeLabel).toBe('Quiz');
    expect(toSearchHit({ ...base, filters: { type: ['topic'] } }).typeLabel).toBe('Topic');
    expect(toSearchHit({ ...base, filters: {} }).type).toBe('page');
    expect(toSearchHit({ ...base, filters: { type: ['blog'] } }).typeLabel).toBe('Page');
  });

  it('falls back to the URL when a page has no title', () => {
    expect(toSearchHit({ ...base, meta: {} }).title).toBe(base.url);
  });

  it('picks no sub-result from an empty list', () => {
    expect(bestSubResult([])).toBeNull();
    expect(bestSubResult(undefined)).toBeNull();
  });
});

describe('announcements and keys', () => {
  it.each([
    [0, 'x', [], 'No results for “x”. Try another word, or browse the topics.'],
    [1, 'rage', [], '1 result for “rage”.'],
    [4, 'anger', ['Guide sections', 'Purpose'], '4 results for “anger” in Guide sections, Purpose.'],
  ])('counts %i results for %j', (count, query, filters, expected) => {
    expect(describeCount(count, query, filters)).toBe(expected);
  });

  it.each([
    [-1, 3, 1, 0],
    [-1, 3, -1, 2],
    [0, 3, 1, 1],
    [2, 3, 1, 0],
    [0, 3, -1, 2],
    [1, 0, 1, -1],
  ] as const)('moves from %i among %i by %i to %i', (current, count, direction, expected) => {
    expect(moveActive(current, count, direction)).toBe(expected);
  });

  it.each([
    [{ key: '/' }, false, true],
    [{ key: '/' }, true, false],
    [{ key: 'k', ctrlKey: true }, true, true],
    [{ key: 'K', metaKey: true }, false, true],
    [{ key: 'k', ctrlKey: true, shiftKey: true }, false, false],
    [{ key: 'k', ctrlKey: true, altKey: true }, false, false],
    [{ key: 'k' }, false, false],
    [{ key: '/', ctrlKey: true }, false, false],
  ])('treats %j (in a text field: %s) as a shortcut: %s', (keys, inField, expected) => {
    const event = { ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...keys };
    expect(isSearchShortcut(event, inField)).toBe(expected);
  });

  it('uses one highlight parameter in the always-loaded script and in the search code', () => {
    expect(INTENT_HIGHLIGHT_PARAM).toBe(HIGHLIGHT_PARAM);
  });
});
