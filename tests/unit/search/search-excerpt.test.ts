import { describe, expect, it } from 'vitest';
import type { Fragment } from '../../../src/features/search/reader/index-files';
import type { ScoredPage } from '../../../src/features/search/reader/index-search';
import { buildExcerpt, toSearchHit } from '../../../src/features/search/search-excerpt';

// A guide section as Pagefind's fragment holds it: the title, a lede, then two headings with their text.
const content = [
  'Turning rage into fuel.', // 0-3: the title, as the page prints it
  'Anger is natural after a breakup.', // 4-9
  'The pull of revenge.', // 10-13: a heading
  'Wanting revenge is human. But revenge keeps you tied to them.', // 14-24
  'Anger as fuel.', // 25-27: a heading
  'Use the heat to build something.', // 28-33
].join(' ');

const fragment: Fragment = {
  url: '/guide/turning-rage-into-fuel/',
  content,
  wordCount: 34,
  meta: { title: 'Turning rage into fuel' },
  filters: { type: ['section'], topic: ['anger'] },
  anchors: [
    { element: 'h1', id: 'section-title', text: 'Turning rage into fuel', location: 0 },
    { element: 'h2', id: 'the-pull-of-revenge', text: 'The pull of revenge', location: 10 },
    { element: 'h2', id: 'anger-as-fuel', text: 'Anger as fuel', location: 25 },
  ],
};

const scored = (positions: number[], weight = 24, termsMatched = 1): ScoredPage => ({
  page: 0,
  score: 1,
  locations: positions.map((position) => ({ position, weight, term: 0 })),
  termsMatched,
});

const options = { siteRoot: '/', highlightParam: 'highlight', highlight: ['revenge'], excerptWords: 8 };
const text = (parts: ReturnType<typeof buildExcerpt>) => parts.map((part) => (part.marked ? `[${part.text}]` : part.text)).join('');

describe('toSearchHit', () => {
  it('leads to the heading with the most matches, marks them, and does not repeat the heading', () => {
    // "revenge" in the heading (weight 6) and twice below it; "anger" once in the lede.
    const hit = toSearchHit(fragment, { ...scored([4]), locations: [{ position: 4, weight: 24, term: 0 }, { position: 13, weight: 144, term: 0 }, { position: 15, weight: 24, term: 0 }, { position: 19, weight: 24, term: 0 }] }, options);
    expect(hit.url).toBe('/guide/turning-rage-into-fuel/?highlight=revenge#the-pull-of-revenge');
    expect(hit.heading).toBe('The pull of revenge');
    expect(text(hit.excerpt)).toBe('Wanting [revenge] is human. But [revenge] keeps you …');
    expect(hit).toMatchObject({ title: 'Turning rage into fuel', type: 'section', typeLabel: 'Guide section', relatedOnly: false });
  });

  it('has no heading when the words came before the first heading, and skips the title', () => {
    const hit = toSearchHit(fragment, scored([4]), { ...options, highlight: ['anger'] });
    expect(hit.heading).toBeNull();
    expect(hit.url).toBe('/guide/turning-rage-into-fuel/?highlight=anger');
    expect(text(hit.excerpt)).toBe('[Anger] is natural after a breakup.');
  });

  it('marks a page found only by its keywords, and shows the start of its text', () => {
    const hit = toSearchHit(fragment, scored([]), options);
    expect(hit.relatedOnly).toBe(true);
    expect(text(hit.excerpt)).toBe('Anger is natural after a breakup.');
  });

  it('says nothing of a page put first for a crisis word that it does not contain', () => {
    expect(toSearchHit(fragment, scored([], 24, 0), options).relatedOnly).toBe(false);
  });

  it('puts the base path in front, and leaves the query out when nothing is to be marked', () => {
    expect(toSearchHit(fragment, scored([4]), { ...options, siteRoot: '/letting-go/', highlight: [] }).url).toBe('/letting-go/guide/turning-rage-into-fuel/');
  });

  it.each([
    [{ type: ['quiz'] }, 'quiz', 'Quiz'],
    [{ type: ['topic'] }, 'topic', 'Topic'],
    [{}, 'page', 'Page'],
    [{ type: ['blog'] }, 'page', 'Page'],
  ])('labels a page with filters %j as %s', (filters, type, label) => {
    expect(toSearchHit({ ...fragment, filters }, scored([4]), options)).toMatchObject({ type, typeLabel: label });
  });

  it('falls back to the address when a page has no title', () => {
    expect(toSearchHit({ ...fragment, meta: {} }, scored([4]), options).title).toBe('/guide/turning-rage-into-fuel/');
  });
});

describe('buildExcerpt', () => {
  const words = 'One two three. Four five six seven eight nine ten eleven twelve.'.split(' ');
  it.each([
    // the window starts at the sentence the match is in, and says where it was cut
    [[4], 0, words.length, 4, '… Four [five] six seven …'],
    // the most matches win
    [[0, 8, 9], 0, words.length, 3, '… [nine] [ten] eleven …'],
    // nothing matched: the start of the part
    [[], 3, words.length, 3, 'Four five six …'],
    // marks leave punctuation outside
    [[2], 0, 3, 3, 'One two [three].'],
  ])('marks %j in [%i, %i) with %i words: %s', (marked, from, to, length, expected) => {
    expect(text(buildExcerpt(words, from, to, new Set(marked), length))).toBe(expected);
  });
});
