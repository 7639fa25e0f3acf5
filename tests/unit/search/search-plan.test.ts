import { describe, expect, it } from 'vitest';
import type { MatchMode, ScoredPage } from '../../../src/features/search/reader/index-search';
import { planQuery, type PlanIndex } from '../../../src/features/search/search-plan';

// A made-up index of five pages, each a set of words, so every step of the plan can be seen: a page
// matches "all" when it has every word; a word is known when some page has it or a longer word it starts.
const pages = [
  ['revenge', 'anger', 'fuel'], // 0
  ['victim', 'blame', 'fear'], // 1
  ['help', 'crisis', 'suicide'], // 2
  ['right', 'now', 'breathe'], // 3
  ['stop', 'thinking', 'letting', 'anger'], // 4
];

function fakeIndex(): PlanIndex & { searches: string[] } {
  const searches: string[] = [];
  const has = (page: readonly string[], word: string) => page.some((entry) => entry.startsWith(word));
  return {
    searches,
    async search(words: readonly string[], mode: MatchMode): Promise<ScoredPage[]> {
      searches.push(`${mode}: ${words.join(' ')}`);
      return pages
        .map((page, number) => ({ number, count: words.filter((word) => has(page, word)).length }))
        .filter(({ count }) => (mode === 'all' ? count === words.length : count > 0))
        .sort((a, b) => b.count - a.count)
        .map(({ number, count }) => ({ page: number, score: count, locations: [], termsMatched: count }));
    },
    has: async (word) => pages.some((page) => has(page, word)),
    hasExactly: async (word) => pages.some((page) => page.includes(word)),
  };
}

const rules = {
  stopWords: new Set(['i', 'cant', 'about', 'him', 'want', 'to', 'myself']),
  crisis: [{ terms: [['kill', 'myself'], ['suicide']], pages: [2, 3] }],
};
const vocabulary = async () => ['revenge', 'anger', 'victim', 'stop', 'thinking', 'breathe', 'suicide'];

describe('planQuery', () => {
  it('searches the meaningful words, all of them on a page', async () => {
    const index = fakeIndex();
    const plan = await planQuery('cant stop thinking about him', index, rules, { vocabulary });
    expect(plan).toMatchObject({ words: ['stop', 'thinking'], mode: 'all', corrections: [], leftOut: [], crisis: null });
    expect(plan.pages.map((page) => page.page)).toEqual([4]);
    expect(index.searches).toEqual(['all: stop thinking']);
  });

  it('corrects a word the index lacks from the vocabulary, and says so', async () => {
    const plan = await planQuery('revnge', fakeIndex(), rules, { vocabulary });
    expect(plan.corrections).toEqual([{ typed: 'revnge', searched: 'revenge' }]);
    expect(plan.pages.map((page) => page.page)).toEqual([0]);
  });

  it('loads the vocabulary only when a word needs correcting', async () => {
    let loaded = 0;
    await planQuery('anger', fakeIndex(), rules, { vocabulary: async () => (loaded++, []) });
    expect(loaded).toBe(0);
  });

  it('leaves out a word it cannot correct, and searches the rest', async () => {
    const plan = await planQuery('anger zzyzx', fakeIndex(), rules, { vocabulary });
    expect(plan).toMatchObject({ words: ['anger'], leftOut: ['zzyzx'], mode: 'all' });
    expect(plan.pages.map((page) => page.page)).toEqual([0, 4]);
  });

  it('falls back to pages with some of the words when none has them all', async () => {
    const index = fakeIndex();
    const plan = await planQuery('revenge victim', index, rules, { vocabulary });
    expect(plan.mode).toBe('any');
    expect(plan.pages.map((page) => page.page)).toEqual([0, 1]);
    expect(index.searches).toEqual(['all: revenge victim', 'any: revenge victim']);
  });

  it('searches the words as typed when asked to (no correction)', async () => {
    const plan = await planQuery('revnge', fakeIndex(), rules, { vocabulary, exact: true });
    expect(plan).toMatchObject({ corrections: [], words: ['revnge'], pages: [] });
  });

  it('puts a crisis group’s pages first, in its order, matched or not', async () => {
    const plan = await planQuery('i want to kill myself', fakeIndex(), rules, { vocabulary });
    expect(plan.crisis).toBe(rules.crisis[0]);
    expect(plan.pages.map((page) => page.page)).toEqual([2, 3]);
    // "kill" is understood, neither corrected nor reported as missing
    expect(plan).toMatchObject({ corrections: [], leftOut: [] });
  });

  it('finds a crisis word through its correction too, and keeps the other results after the crisis pages', async () => {
    const plan = await planQuery('sucide anger', fakeIndex(), rules, { vocabulary });
    expect(plan.crisis).not.toBeNull();
    expect(plan.pages.map((page) => page.page).slice(0, 2)).toEqual([2, 3]);
  });

  it('returns nothing for a query with no words', async () => {
    expect((await planQuery(' … ', fakeIndex(), rules, { vocabulary })).pages).toEqual([]);
  });
});
