import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { answerWithSavedPage, samePagePlugin } from '../../../src/features/offline/page-addresses';

const ORIGIN = 'https://letting-go.guide';

/** Pages saved in the precache, by their own address (Workbox adds its revision as a query). */
const SAVED = ['/', '/guide/', '/guide/why-letting-go-comes-first/', '/search/', '/letting-go/', '/letting-go/guide/'].map(
  (path) => `${ORIGIN}${path}?__WB_REVISION__=0123`,
);

/**
 * Runs the handler as sw.js holds it: from its source text, in a context with only the worker globals
 * it may use, so a reference to anything else (an import, a helper) fails here as it would there.
 */
async function answerFor(path: string): Promise<{ location: string | null; looked: string[] }> {
  const looked: string[] = [];
  const caches = {
    match: (url: string, options: { ignoreSearch?: boolean }) => {
      looked.push(url);
      const bare = (href: string) => (options.ignoreSearch ? href.split('?')[0] : href);
      return Promise.resolve(SAVED.some((saved) => bare(saved) === bare(url)) ? new Response('saved') : undefined);
    },
  };
  const handler = runInNewContext(`(${answerWithSavedPage.toString()})`, { URL, Response, caches }) as typeof answerWithSavedPage;
  const response = await handler({ request: new Request(`${ORIGIN}${path}`) });
  if (response) expect(response.status).toBe(302);
  return { location: response?.headers.get('location') ?? null, looked };
}

describe('another address of a saved page', () => {
  it.each([
    ['/guide', '/guide/'],
    ['/guide/index.html', '/guide/'],
    ['/guide?highlight=letting', '/guide/?highlight=letting'],
    ['/guide/index.html?highlight=letting%20go', '/guide/?highlight=letting%20go'],
    ['/guide/why-letting-go-comes-first', '/guide/why-letting-go-comes-first/'],
    ['/index.html', '/'],
    ['/search?q=revenge', '/search/?q=revenge'],
    ['/search/index.html?q=revenge&type=quiz', '/search/?q=revenge&type=quiz'],
    // Below a base path: the same rule, the base is part of the address.
    ['/letting-go/index.html', '/letting-go/'],
    ['/letting-go/guide', '/letting-go/guide/'],
    ['/letting-go/guide/index.html?highlight=anger', '/letting-go/guide/?highlight=anger'],
  ])('%s is sent to %s', async (path, target) => {
    expect((await answerFor(path)).location).toBe(`${ORIGIN}${target}`);
  });

  it.each(['/not/saved', '/not/saved/index.html', '/not/saved?q=1', '/guide.html', '/letting-go/not/saved'])(
    '%s, never saved, is left to the offline page',
    async (path) => {
      const { location, looked } = await answerFor(path);
      expect(location).toBeNull();
      expect(looked).toHaveLength(1);
    },
  );

  it.each(['/guide/', '/not/saved/', '/guide/?highlight=x'])('%s, already a page’s own address, is not even looked up', async (path) => {
    expect(await answerFor(path)).toEqual({ location: null, looked: [] });
  });
});

describe('the plugin', () => {
  it('only acts after a failure, so online answers (404s included) reach the reader untouched', () => {
    expect(Object.keys(samePagePlugin())).toEqual(['handlerDidError']);
  });
});
