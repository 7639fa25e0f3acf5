import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  describeCount,
  describeReport,
  EMPTY_STATE,
  HIGHLIGHT_PARAM,
  moveActive,
  normalizeQuery,
  parseSearchState,
  RESULT_TYPES,
  serializeSearchState,
  statusText,
  toIndexFilters,
  type SearchReport,
  type SearchState,
} from '../../../src/features/search/search-state';
import { HIGHLIGHT_PARAM as INTENT_HIGHLIGHT_PARAM, isSearchShortcut } from '../../../src/features/search/search-intent';

const state = (q: string, type: SearchState['type'] = null, topic: string | null = null, exact = false): SearchState => ({ q, type, topic, exact });

describe('search state in the URL', () => {
  it.each([
    ['', EMPTY_STATE],
    ['?q=revenge', state('revenge')],
    ['?q=no+contact&type=section&topic=moving-on', state('no contact', 'section', 'moving-on')],
    // whitespace is tidied
    ['?q=%20%20magnum%20%20%20opus%20', state('magnum opus')],
    // an unknown type and a malformed topic are dropped, not passed to the index
    ['?q=x&type=article&topic=Anger', state('x')],
    ['?q=x&topic=../../etc', state('x')],
    ['?type=quiz', state('', 'quiz')],
    // "search for … instead": the words as typed, not corrected
    ['?q=revnge&exact=1', state('revnge', null, null, true)],
    ['?q=revnge&exact=yes', state('revnge')],
  ])('parses %j', (search, expected) => {
    expect(parseSearchState(search)).toEqual(expected);
  });

  it('caps very long queries', () => {
    expect(parseSearchState(`?q=${'a'.repeat(500)}`).q).toHaveLength(120);
  });

  it.each([
    [EMPTY_STATE, ''],
    [state('revenge'), '?q=revenge'],
    [state('no contact', 'topic', 'anger'), '?q=no+contact&type=topic&topic=anger'],
    [state('  ', 'section'), '?type=section'],
    [state('revnge', null, null, true), '?q=revnge&exact=1'],
    // exact means nothing without words
    [state('', null, null, true), ''],
  ] satisfies Array<[SearchState, string]>)('serializes %j as %j', (state, expected) => {
    expect(serializeSearchState(state)).toBe(expected);
  });

  it('round-trips any valid state', () => {
    const state = fc.record({
      q: fc.string({ maxLength: 40 }).map(normalizeQuery),
      type: fc.constantFrom(null, ...RESULT_TYPES),
      topic: fc.constantFrom(null, 'anger', 'letting-go', 'self-worth'),
      exact: fc.boolean(),
    });
    fc.assert(
      fc.property(state, (value) => {
        expect(parseSearchState(serializeSearchState(value))).toEqual({ ...value, exact: value.exact && value.q !== '' });
      }),
    );
  });

  it('turns only the filters that are set into index filters', () => {
    expect(toIndexFilters(EMPTY_STATE)).toEqual({});
    expect(toIndexFilters({ type: 'quiz', topic: null })).toEqual({ type: 'quiz' });
    expect(toIndexFilters({ type: null, topic: 'anger' })).toEqual({ topic: 'anger' });
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

  const report = (changes: Partial<SearchReport>): SearchReport => ({
    total: 3,
    corrections: [],
    leftOut: [],
    searched: 'revenge',
    isPartial: false,
    isCrisis: false,
    ...changes,
  });

  it.each([
    // plain: the count for the words as typed
    [report({ searched: 'stop thinking' }), 'cant stop thinking about him', '3 results for “cant stop thinking about him”.'],
    // a correction names both spellings and counts the corrected words
    [
      report({ corrections: [{ typed: 'revnge', searched: 'revenge' }] }),
      'revnge',
      'Showing results for revenge — search for revnge instead. 3 results for “revenge”.',
    ],
    // a word no page has is named, once
    [
      report({ leftOut: ['zzyzx'], searched: 'anger' }),
      'anger zzyzx',
      'No page uses “zzyzx”, so search left it out. 3 results for “anger zzyzx”.',
    ],
    [report({ leftOut: ['qq', 'xx'], total: 0, searched: '' }), 'qq xx', 'No page uses “qq”, “xx”, so search left them out. No results for “qq xx”. Try another word, or browse the topics.'],
    // some of the words, said so
    [report({ isPartial: true }), 'revenge zebra', 'No page has all of these words; these pages have some of them. 3 results for “revenge zebra”.'],
    // a crisis term: the pages that help come first, and the count still follows
    [report({ isCrisis: true, searched: '' }), 'kill myself', 'Pages that can help right now come first. 3 results for “kill myself”.'],
  ])('reports %j for %j', (outcome, query, expected) => {
    expect(statusText(describeReport(outcome, query))).toBe(expected);
  });

  it('keeps the correction apart from the sentences, for its link back to the words as typed', () => {
    const message = describeReport(report({ corrections: [{ typed: 'revnge', searched: 'revenge' }] }), 'i want revnge');
    expect(message.correction).toEqual({ searched: 'revenge', typed: 'i want revnge' });
    expect(message.sentences).toEqual(['3 results for “revenge”.']);
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
