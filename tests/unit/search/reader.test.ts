import { describe, expect, it } from 'vitest';
import { decodeCbor } from '../../../src/features/search/reader/cbor';
import { chunksFor, matchTerm, scorePages } from '../../../src/features/search/reader/index-search';
import type { IndexMeta, PageOccurrences } from '../../../src/features/search/reader/index-files';
import { stemEnglish } from '../../../src/features/search/reader/stem';

// The site's own reader of Pagefind's index: its CBOR decoder, stemmer, word matching and scoring.
// tests/site/search-index.test.ts reads the real index with it and compares every stem with Pagefind's.

const bytes = (...values: number[]) => new Uint8Array(values);

describe('decodeCbor', () => {
  it.each([
    [bytes(0x00), 0],
    [bytes(0x17), 23],
    [bytes(0x18, 0xff), 255],
    [bytes(0x19, 0x01, 0x00), 256],
    [bytes(0x1a, 0x00, 0x01, 0x00, 0x00), 65536],
    [bytes(0x20), -1],
    [bytes(0x38, 0x18), -25], // a Pagefind weight marker
    [bytes(0x63, 0x61, 0x62, 0x63), 'abc'],
    [bytes(0x82, 0x01, 0x61, 0x78), [1, 'x']],
    [bytes(0x9f, 0x01, 0x02, 0xff), [1, 2]], // an indefinite array
    [bytes(0xa1, 0x61, 0x6b, 0x05), { k: 5 }],
    [bytes(0xf5), true],
    [bytes(0xf6), null],
  ])('decodes %j', (input, expected) => {
    expect(decodeCbor(input)).toEqual(expected);
  });

  it.each([
    [bytes(0x63, 0x61), /ends early/],
    [bytes(0x01, 0x02), /after its item/],
    [bytes(0xfb, 0, 0, 0, 0, 0, 0, 0, 0), /Unsupported/],
  ])('refuses %j', (input, problem) => {
    expect(() => decodeCbor(input)).toThrow(problem);
  });
});

describe('stemEnglish (Snowball English, as Pagefind stems)', () => {
  it.each([
    ['thinking', 'think'],
    ['loneliness', 'loneli'],
    ['lonely', 'lone'],
    ['revenge', 'reveng'],
    ['hopping', 'hop'],
    ['hoped', 'hope'],
    ['agreed', 'agre'],
    ['succeeded', 'succeed'],
    ['cries', 'cri'],
    ['ties', 'tie'],
    ['gas', 'gas'],
    ['gaps', 'gap'],
    ['happy', 'happi'],
    ['dying', 'die'],
    ['evening', 'evening'],
    ['generously', 'generous'],
    ['communication', 'communic'],
    ['emergency', 'emergenc'],
    ['abusive', 'abus'],
    ['controlled', 'control'],
    ['skies', 'sky'],
    ['news', 'news'],
    ['early', 'earli'],
    ['quizzes', 'quizz'],
    ['luxuriated', 'luxuri'],
    ['hopefulness', 'hope'],
    ['adoption', 'adopt'],
    ['ex', 'ex'],
  ])('%s → %s', (word, stem) => {
    expect(stemEnglish(word)).toBe(stem);
  });
});

const occurrences = (page: number, positions: number[], fields: number[] = []): PageOccurrences => ({
  page,
  locations: positions.map((position) => ({ position, weight: 24 })),
  metaFields: fields,
});

describe('matching words', () => {
  const chunks = [
    { from: 'a', to: 'lone', hash: 'one' },
    { from: 'loneli', to: 'rev', hash: 'two' },
    { from: 'reveng', to: 'z', hash: 'three' },
  ];
  it.each([
    // every chunk that may hold words starting with the word
    ['rev', ['two', 'three']],
    // and the chunk of a shorter word it starts with
    ['loneliest', ['two', 'one']],
    // a word of one or two letters is only itself: the chunk that can hold it
    ['re', ['two']],
    ['zz', []],
  ])('%s needs the chunks %j', (stem, hashes) => {
    expect(chunksFor(stem, chunks)).toEqual(hashes);
  });

  const words = new Map([
    ['reveng', [occurrences(0, [1])]],
    ['revel', [occurrences(1, [1])]],
    ['lone', [occurrences(2, [4])]],
    ['her', [occurrences(3, [2])]],
    ['ex', [occurrences(4, [0])]],
    ['exact', [occurrences(4, [3])]],
  ]);
  it.each([
    ['rev', ['reveng', 'revel']],
    ['reveng', ['reveng']],
    // a longer word finds the indexed word it starts with, at half weight
    ['loneli', ['lone']],
    // but not a prefix that is too short to mean the same
    ['hert', []],
    // a two-letter word is only itself
    ['ex', ['ex']],
  ])('%s matches %j', (stem, matched) => {
    expect(matchTerm(stem, words).map((word) => word.word)).toEqual(matched);
  });
});

describe('scorePages', () => {
  const meta: IndexMeta = {
    version: '1.6.0',
    pages: [100, 100, 400].map((wordCount, page) => ({ hash: `en_${page}`, wordCount })),
    chunks: [],
    filters: new Map(),
    metaFields: ['title', 'keywords'],
    averageWordCount: 200,
  };
  const term = (...pages: PageOccurrences[]) => [{ word: 'x', pages, closeness: 1 }];
  const options = { mode: 'all' as const, fieldWeights: { title: 5, keywords: 4 } };

  it('ranks more matches, and shorter pages, higher', () => {
    const ranked = scorePages([term(occurrences(0, [1]), occurrences(1, [1, 5, 9]), occurrences(2, [1, 5, 9]))], meta, options);
    expect(ranked.map((page) => page.page)).toEqual([1, 2, 0]);
  });

  it('needs every word on a page for "all", and any of them for "any"', () => {
    const terms = [term(occurrences(0, [1]), occurrences(1, [2])), term(occurrences(1, [3]))];
    expect(scorePages(terms, meta, options).map((page) => page.page)).toEqual([1]);
    expect(scorePages(terms, meta, { ...options, mode: 'any' }).map((page) => page.page)).toEqual([1, 0]);
  });

  it('counts a word in the title more than one in the text, and applies page weights and filters', () => {
    const terms = [term(occurrences(0, [1]), occurrences(1, [], [0]))];
    expect(scorePages(terms, meta, options).map((page) => page.page)).toEqual([1, 0]);
    expect(scorePages(terms, meta, { ...options, pageWeight: (page) => (page === 1 ? 0.1 : 1) }).map((page) => page.page)).toEqual([0, 1]);
    expect(scorePages(terms, meta, { ...options, within: new Set([0]) }).map((page) => page.page)).toEqual([0]);
  });

  it('keeps where the words are, in order, for the excerpt', () => {
    const [page] = scorePages([term(occurrences(0, [9, 3]))], meta, options);
    expect(page?.locations.map((location) => location.position)).toEqual([3, 9]);
  });
});
