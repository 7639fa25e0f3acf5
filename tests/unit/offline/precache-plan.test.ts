import { describe, expect, it } from 'vitest';
import { planPrecache, sectionOrderFrom } from '../../../src/features/offline/precache-plan';

const entry = (url: string, size: number) => ({ url, size, revision: null });

/** A site in miniature: 100 bytes of core, then pages and search data of known sizes. */
const ENTRIES = [
  entry('/_astro/site.AbCd1234.js', 40),
  entry('/manifest.webmanifest', 10),
  entry('/', 20),
  entry('/offline/', 10),
  entry('/help/', 20),
  entry('/guide/', 10),
  entry('/quizzes/anger/', 10),
  entry('/my-results/', 10),
  entry('/guide/second/', 30),
  entry('/guide/first/', 30),
  entry('/guide/third/', 30),
  entry('/pagefind/pagefind.js', 20),
  entry('/pagefind/index/en_1.pf_index', 20),
  entry('/topics/anger/', 5),
  entry('/guide/all/', 50),
];
const ORDER = ['/guide/first/', '/guide/second/', '/guide/third/'];
const total = ENTRIES.reduce((sum, { size }) => sum + size, 0);
const keptUrls = (budget: number) => planPrecache(ENTRIES, budget, ORDER).kept.map(({ url }) => url);

describe('planning the precache', () => {
  it('keeps everything when the site fits the budget', () => {
    const plan = planPrecache(ENTRIES, total, ORDER);
    expect(plan.kept).toHaveLength(ENTRIES.length);
    expect(plan.leftOut).toEqual([]);
    expect(plan.leftOutBytes).toBe(0);
  });

  it('fails when the core alone (assets, home, offline and help pages) is over budget', () => {
    expect(() => planPrecache(ENTRIES, 99, ORDER)).toThrow(/core files .* 100 bytes, over the 99-byte budget/);
  });

  it('after the core, takes the contents page, quizzes and My results, then sections in reading order', () => {
    expect(keptUrls(130).sort()).toEqual(
      [
        '/_astro/site.AbCd1234.js',
        '/manifest.webmanifest',
        '/',
        '/offline/',
        '/help/',
        '/guide/',
        '/quizzes/anger/',
        '/my-results/',
      ].sort(),
    );
    expect(keptUrls(160)).toContain('/guide/first/');
    expect(keptUrls(160)).not.toContain('/guide/second/');
    expect(keptUrls(190)).toEqual(expect.arrayContaining(['/guide/first/', '/guide/second/']));
  });

  it('keeps search whole or not at all, and fills the rest with what still fits', () => {
    // 220 bytes: core, first pages and sections; the 40 bytes of search do not fit in 5, the topic does.
    const plan = planPrecache(ENTRIES, 225, ORDER);
    expect(plan.kept.map(({ url }) => url)).toContain('/topics/anger/');
    expect(plan.leftOut).toEqual(['/pagefind/pagefind.js', '/pagefind/index/en_1.pf_index', '/guide/all/']);
    expect(plan.leftOutBytes).toBe(90);
    const roomy = planPrecache(ENTRIES, 260, ORDER).kept.map(({ url }) => url);
    expect(roomy).toEqual(expect.arrayContaining(['/pagefind/pagefind.js', '/pagefind/index/en_1.pf_index']));
  });

  it('matches pages below a base path', () => {
    const based = ENTRIES.map(({ url, size }) => entry(`/sub${url}`, size));
    const kept = planPrecache(based, 160, ORDER, '/sub/').kept.map(({ url }) => url);
    expect(kept).toContain('/sub/help/');
    expect(kept).toContain('/sub/guide/first/');
    expect(kept).not.toContain('/sub/guide/second/');
  });
});

describe('the reading order', () => {
  it('is the order the contents page links to the sections, each once, without the one-page guide', () => {
    const html =
      '<a href="/guide/">Guide</a><a href="/guide/b/">B</a><a href="/guide/a/#why">A</a><a href="/guide/a/">A</a>' +
      '<a href="/guide/all/">All</a><a href="/topics/x/">X</a><a href="https://example.com/guide/z/">Z</a>';
    expect(sectionOrderFrom(html)).toEqual(['/guide/b/', '/guide/a/']);
  });

  it('reads links below a base path', () => {
    expect(sectionOrderFrom('<a href="/sub/guide/b/">B</a><a href="/guide/c/">C</a>', '/sub/')).toEqual(['/guide/b/']);
  });
});
