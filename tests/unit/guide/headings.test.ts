import { describe, expect, it } from 'vitest';
import { buildToc } from '../../../src/features/guide/headings';

const h = (depth: number, slug: string) => ({ depth, slug, text: slug.toUpperCase() });

describe('buildToc', () => {
  it('nests h3s under the h2 before them', () => {
    expect(buildToc([h(2, 'a'), h(3, 'a1'), h(3, 'a2'), h(2, 'b')])).toEqual([
      { slug: 'a', text: 'A', children: [{ slug: 'a1', text: 'A1' }, { slug: 'a2', text: 'A2' }] },
      { slug: 'b', text: 'B', children: [] },
    ]);
  });

  it.each([
    // an h3 before any h2 becomes a top-level entry instead of being lost
    [[h(3, 'early'), h(2, 'a')], ['early', 'a']],
    // h1 and h4+ never appear in the contents
    [[h(1, 'title'), h(2, 'a'), h(4, 'deep')], ['a']],
    [[], []],
  ])('keeps the right top-level entries (%#)', (headings, slugs) => {
    expect(buildToc(headings).map((entry) => entry.slug)).toEqual(slugs);
  });
});
