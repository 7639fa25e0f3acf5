import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CACHE_PREFIX,
  OFFLINE_PAGE,
  PRECACHE_BUDGET_BYTES,
  SW_FILE,
  buildIdFor,
  precacheGlobs,
  precacheUrl,
  serviceWorkerOptions,
  withinBudget,
  writeServiceWorker,
  type LeftOut,
} from '../../../src/features/offline/service-worker';

const { getManifest } = createRequire(import.meta.url)('workbox-build') as typeof import('workbox-build');

/** A small built site: what each precache rule has to tell apart. */
const SITE: Record<string, string> = {
  'index.html': '<h1>Home</h1>',
  'guide/index.html': '<h1>Guide</h1>',
  'offline/index.html': '<h1>Offline</h1>',
  '404.html': '<h1>Not found</h1>',
  '_astro/site.AbCd1234.js': 'console.log(1)',
  '_astro/page.Zy-x9876.css': 'body{}',
  'pagefind/pagefind-entry.json': '{}',
  'pagefind/pagefind-highlight.js': 'export {}',
  'pagefind/tuning.json': '{}',
  'pagefind/words.json': '[]',
  'pagefind/pagefind.en_1234.pf_meta': 'meta',
  'pagefind/index/en_abc.pf_index': 'index',
  'pagefind/fragment/en_def.pf_fragment': 'fragment',
  'pagefind/filter/en_123.pf_filter': 'filter',
  'favicon.svg': '<svg/>',
  'icons/icon-192.png': 'png',
  'manifest.webmanifest': '{}',
  'robots.txt': 'User-agent: *',
  'sitemap-index.xml': '<sitemapindex/>',
  _headers: '/*\n  X-Frame-Options: DENY',
  'sw.js': '// an old worker',
};

function writeSite(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'offline-sw-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const roots: string[] = [];
const site = (files = SITE) => {
  const root = writeSite(files);
  roots.push(root);
  return root;
};

afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

/**
 * What writeServiceWorker would precache for a site within `budget`, without generating a worker (that
 * bundles the Workbox runtime, most of a second each time): the same globbing and budget plan it runs first.
 */
async function planFor(root: string, budget = PRECACHE_BUDGET_BYTES) {
  const leftOut: LeftOut = { urls: [], bytes: 0 };
  const manifest = await getManifest(precacheGlobs(root, '/', withinBudget(root, budget, leftOut)));
  expect(manifest.warnings).toEqual([]);
  return { urls: manifest.manifestEntries.map((entry) => entry.url).sort(), bytes: manifest.size, leftOut };
}

describe('the precache', () => {
  it('holds the pages, styles, scripts, icons and the Pagefind bundle, and nothing else', async () => {
    const { manifestEntries } = await getManifest(precacheGlobs(site()));
    // Pages are kept under the address readers open (`/guide/`), everything by its root-relative path.
    expect(manifestEntries.map((entry) => entry.url).sort()).toEqual([
      '/',
      '/_astro/page.Zy-x9876.css',
      '/_astro/site.AbCd1234.js',
      '/favicon.svg',
      '/guide/',
      '/icons/icon-192.png',
      '/manifest.webmanifest',
      OFFLINE_PAGE,
      '/pagefind/filter/en_123.pf_filter',
      '/pagefind/fragment/en_def.pf_fragment',
      '/pagefind/index/en_abc.pf_index',
      '/pagefind/pagefind-entry.json',
      '/pagefind/pagefind-highlight.js',
      '/pagefind/pagefind.en_1234.pf_meta',
      '/pagefind/tuning.json',
      '/pagefind/words.json',
    ]);
    // Hashed names need no revision; everything else is revisioned by content.
    const revision = (url: string) => manifestEntries.find((entry) => entry.url === url)?.revision;
    expect(revision('/_astro/site.AbCd1234.js')).toBeNull();
    expect(revision('/pagefind/index/en_abc.pf_index')).toBeNull();
    expect(revision('/')).toMatch(/^[0-9a-f]{32}$/);
    expect(revision('/guide/')).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe('precache URLs', () => {
  it.each([
    ['index.html', '/'],
    ['guide/index.html', '/guide/'],
    ['guide/all/index.html', '/guide/all/'],
    ['offline/index.html', OFFLINE_PAGE],
    ['_astro/site.AbCd1234.js', '/_astro/site.AbCd1234.js'],
    ['pagefind/index.html.pf_index', '/pagefind/index.html.pf_index'],
  ])('%s is kept as %s', (file, url) => {
    expect(precacheUrl(file)).toBe(url);
  });

  it.each([
    ['index.html', '/letting-go/'],
    ['guide/index.html', '/letting-go/guide/'],
    ['_astro/site.AbCd1234.js', '/letting-go/_astro/site.AbCd1234.js'],
  ])('%s is kept as %s under a sub-path', (file, url) => {
    expect(precacheUrl(file, '/letting-go/')).toBe(url);
  });
});

describe('the build id', () => {
  const entries = [
    { url: 'index.html', revision: 'a' },
    { url: '_astro/x.12345678.js', revision: null },
  ];

  it('is ten hex digits, the same for the same files in any order', () => {
    expect(buildIdFor(entries)).toMatch(/^[0-9a-f]{10}$/);
    expect(buildIdFor([...entries].reverse())).toBe(buildIdFor(entries));
  });

  it('changes when any file changes, is added or is removed', () => {
    const id = buildIdFor(entries);
    expect(buildIdFor([{ url: 'index.html', revision: 'b' }, entries[1]!])).not.toBe(id);
    expect(buildIdFor([...entries, { url: 'new.html', revision: 'c' }])).not.toBe(id);
    expect(buildIdFor(entries.slice(1))).not.toBe(id);
  });
});

describe('the worker options', () => {
  const options = serviceWorkerOptions('/site', '0123456789');

  it('name the cache after the build, wait for the page to accept an update, and clean up old builds', () => {
    expect(options.cacheId).toBe(`${CACHE_PREFIX}-0123456789`);
    expect(options.skipWaiting).toBe(false);
    expect(options.clientsClaim).toBe(true);
    expect(options.cleanupOutdatedCaches).toBe(true);
    expect(options.inlineWorkboxRuntime).toBe(true);
    expect(options.swDest).toBe(join('/site', SW_FILE));
  });

  it('serve a page whatever its query (search terms, highlights, Pagefind cache-busting)', () => {
    for (const name of ['q', 'highlight', 'ts', 'type', 'topic']) {
      expect(options.ignoreURLParametersMatching!.some((pattern) => pattern.test(name)), name).toBe(true);
    }
  });

  it('send navigations that are not precached to the network, with the offline page as the fallback', () => {
    const [route] = options.runtimeCaching!;
    const matches = route!.urlPattern as (context: { request: { mode: string } }) => boolean;
    expect(matches({ request: { mode: 'navigate' } })).toBe(true);
    expect(matches({ request: { mode: 'cors' } })).toBe(false);
    expect(route!.handler).toBe('NetworkOnly');
    expect(route!.options?.precacheFallback?.fallbackURL).toBe(OFFLINE_PAGE);
  });

  it('send other addresses of a saved page (/guide, /guide/index.html) to it before the offline page is tried', () => {
    const [route] = options.runtimeCaching!;
    // Workbox adds the plugins in the order of these keys: the page first, the offline fallback after.
    expect(Object.keys(route!.options!)).toEqual(['plugins', 'precacheFallback']);
    expect(route!.options!.plugins!.map((plugin) => Object.keys(plugin))).toEqual([['handlerDidError']]);
  });

  it('fall back to the offline page below the base path when the site is under a sub-path', () => {
    const [route] = serviceWorkerOptions('/site', '0123456789', '/letting-go/').runtimeCaching!;
    expect(route!.options?.precacheFallback?.fallbackURL).toBe('/letting-go/offline/');
  });
});

// Generating a worker is the slow part, so the tests share: one worker for SITE, a second to show that the
// same files give the same worker, and one trimmed by the budget; the budget plans are worked out alone.
describe('writeServiceWorker', () => {
  let root: string;
  let first: Awaited<ReturnType<typeof writeServiceWorker>>;
  let code: string;

  beforeAll(async () => {
    root = site();
    first = await writeServiceWorker(root);
    code = readFileSync(join(root, SW_FILE), 'utf8');
  }, 60_000);

  it('writes one self-contained sw.js: the Workbox runtime inlined, nothing imported from anywhere', () => {
    expect(code).not.toMatch(/importScripts|\bimport\s*\(/);
    // The only address in it is a documentation link inside one of Workbox's warning messages.
    expect(new Set(code.match(/https?:\/\/[^\s"'`]+/g))).toEqual(new Set(['https://bit.ly/wb-precache']));
    expect(code).toContain(`${CACHE_PREFIX}-${first.buildId}`);
    expect(code).toContain('SKIP_WAITING');
    expect(code).toContain(`"${OFFLINE_PAGE}"`);
    expect(first.count).toBe(16);
    expect(first.urls).not.toContain(`/${SW_FILE}`);
  });

  it('reports the count and total bytes of what it precaches', () => {
    const fileOf = (url: string) => join(root, url.endsWith('/') ? `${url}index.html` : url);
    const precached = first.urls.reduce((sum, url) => sum + readFileSync(fileOf(url)).byteLength, 0);
    expect(first.bytes).toBe(precached);
    expect(first.swBytes).toBe(Buffer.byteLength(code));
  });

  it('writes the same worker for the same files, so an identical rebuild offers no update', async () => {
    const again = await writeServiceWorker(root);
    expect(again.buildId).toBe(first.buildId);
    expect(readFileSync(join(root, SW_FILE), 'utf8')).toBe(code);
  }, 60_000);

  it('past its budget, precaches the core and leaves search and other pages to the network', async () => {
    const pages: Record<string, string> = { ...SITE, 'help/index.html': '<h1>Help</h1>', 'about/index.html': `<p>${'About us. '.repeat(50)}</p>` };
    const larger = site(pages);
    const all = await planFor(larger);
    expect(all.leftOut.urls).toEqual([]);
    const search = all.urls.filter((url) => url.startsWith('/pagefind/'));
    const searchBytes = search.reduce((sum, url) => sum + Buffer.byteLength(pages[url.slice(1)]!), 0);
    // Room for everything but the About page (500 bytes), and then not even for search.
    const trimmed = await planFor(larger, all.bytes - 1);
    expect(trimmed.leftOut.urls).toEqual(['/about/']);
    const tight = await writeServiceWorker(larger, all.bytes - 500 - searchBytes);
    expect(tight.urls).toEqual(expect.arrayContaining(['/', '/help/', OFFLINE_PAGE, '/guide/']));
    expect(tight.leftOut.urls.sort()).toEqual(['/about/', ...search].sort());
    expect(tight.bytes + tight.leftOut.bytes).toBe(all.bytes);
    // The worker written follows the plan: what was left out is not in it.
    const code = readFileSync(join(larger, SW_FILE), 'utf8');
    expect(code).not.toContain('/pagefind/pagefind-highlight.js');
    expect(code).toContain(`"${OFFLINE_PAGE}"`);
  }, 60_000);

  it('leaves a single page larger than the whole budget to the network instead of failing', async () => {
    const plan = await planFor(site({ ...SITE, 'guide/all/index.html': `<p>${'x'.repeat(3000)}</p>` }), 2500);
    expect(plan.leftOut.urls).toEqual(['/guide/all/']);
    expect(plan.urls).toContain('/guide/');
  });

  it('fails the build when the core alone outgrows the budget, or the offline page is missing', async () => {
    await expect(writeServiceWorker(site(), 50)).rejects.toThrow(/core files .* over the 50-byte budget/);
    const { 'offline/index.html': _offline, ...withoutOffline } = SITE;
    await expect(writeServiceWorker(site(withoutOffline))).rejects.toThrow(/offline page/);
  });
});
