/**
 * The service worker, generated after the build with Workbox (workbox-build's generateSW) rather than
 * written by hand: precaching, cache-first routing, an install that only succeeds when every file
 * arrived, and the cleanup of other builds' caches are Workbox's tested code.
 *
 * What this module decides:
 * - What is precached: every page, style, script, icon and the search bundle (Pagefind's index,
 *   fragments and filters, with the tuning and vocabulary), chosen by file type so that host files such as `_headers` never are.
 *   When that outgrows the budget, the most important part that fits (offline-precache-plan.ts).
 * - The build id: a hash of every precached file's URL and content. It is part of the cache name, so
 *   each build installs into a cache of its own while the previous worker goes on serving the old one;
 *   the old cache is deleted when the new worker activates. An identical rebuild gives the same id and
 *   the same sw.js, so readers are not offered a "new version" that is not new.
 * - Pages that are not precached (the 404 page, anything unknown) go to the network; when that fails,
 *   another address of a saved page (`/guide`, `/guide/index.html`) opens that page (page-addresses.ts),
 *   and anything else gets the offline page.
 * - The worker never takes over by itself (no skipWaiting): the page asks it to, with the message
 *   `{ type: 'SKIP_WAITING' }`, once the reader accepts the notice (see src/features/offline/sw-register.ts).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { GenerateSWOptions, ManifestEntry, ManifestTransform } from 'workbox-build';
import { samePagePlugin } from './page-addresses';
import { planPrecache, sectionOrderFrom } from './precache-plan';
import { joinBase } from '../../kit/paths';
import { ASSETS, ROUTES } from '../../routes';
import { CACHE_PREFIX } from './cache-name';

/** File name of the worker at the site's root (its base path): its scope is the whole site. */
export const SW_FILE = ASSETS.serviceWorker.slice(1);

/** The page served for a navigation that is neither cached nor reachable (src/pages/offline.astro), from the site's root. */
export const OFFLINE_PAGE = ROUTES.offline.path();

export { CACHE_PREFIX } from './cache-name';

/** The precache stays within this many bytes (decimal megabytes, the stricter reading); see offline-precache-plan.ts. */
export const PRECACHE_BUDGET_BYTES = 2_000_000;

/** File types that make up the site. An allowlist, so host config files (`_headers`) never enter it. */
const PRECACHED_TYPES = [
  'html',
  'css',
  'js',
  'mjs',
  'json',
  'webmanifest',
  'svg',
  'png',
  'webp',
  'avif',
  'jpg',
  'woff2',
  // The search index Pagefind writes: metadata, index chunks, fragments and filters.
  'pf_meta',
  'pf_index',
  'pf_fragment',
  'pf_filter',
];

/**
 * Built files that are not precached:
 * - the worker itself (the browser fetches it to look for updates);
 * - the 404 page: unknown URLs get the offline page when there is no network.
 */
const NOT_PRECACHED = [SW_FILE, 'workbox-*.js', '404.html'];

/**
 * The URL a built file is precached under: root-relative with the site's base path in front, and a
 * page by its own address (`/guide/`, not `/guide/index.html`). That is the URL readers navigate to,
 * and hosts with "pretty URLs" would answer `/guide/index.html` with a redirect: one more round trip
 * per page at install.
 */
export function precacheUrl(file: string, base = '/'): string {
  return joinBase(base, `/${file.replace(/(^|\/)index\.html$/, '$1')}`);
}

function toPrecacheUrls(base: string): ManifestTransform {
  return (entries) => ({
    manifest: entries.map((entry) => ({ ...entry, url: precacheUrl(entry.url, base) })),
    warnings: [],
  });
}

/** What the budget left out of the precache. */
export interface LeftOut {
  urls: string[];
  bytes: number;
}

/**
 * Keeps the part of the precache that fits `budget` bytes, for a site served from `base`, and records
 * what was left out in `leftOut`.
 */
export function withinBudget(siteDir: string, budget: number, leftOut: LeftOut, base = '/'): ManifestTransform {
  const guideIndex = join(siteDir, 'guide', 'index.html');
  const sectionOrder = existsSync(guideIndex) ? sectionOrderFrom(readFileSync(guideIndex, 'utf8'), base) : [];
  return (entries) => {
    const plan = planPrecache(entries, budget, sectionOrder, base);
    leftOut.urls = plan.leftOut;
    leftOut.bytes = plan.leftOutBytes;
    return { manifest: plan.kept, warnings: [] };
  };
}

/**
 * Globbing options shared by the size report and the generator, so both see the same files; `budget`
 * (a withinBudget transform) trims them to the precache budget.
 */
export function precacheGlobs(siteDir: string, base = '/', budget?: ManifestTransform) {
  return {
    manifestTransforms: budget ? [toPrecacheUrls(base), budget] : [toPrecacheUrls(base)],
    globDirectory: siteDir,
    globPatterns: [`**/*.{${PRECACHED_TYPES.join(',')}}`],
    globIgnores: [...NOT_PRECACHED],
    // Names with a content hash need no revision: the URL changes whenever the file does. (Workbox
    // applies this to the file paths, before toPrecacheUrls.)
    dontCacheBustURLsMatching: /^(?:_astro\/.+\.[\w-]{8}\.\w+|pagefind\/(?:index|fragment|filter)\/.+)$/,
    // No size limit per file here: the budget plan decides, and a file larger than the budget is left to
    // the network like any other part that does not fit. (Workbox would warn and skip it before the plan.)
    maximumFileSizeToCacheInBytes: Number.MAX_SAFE_INTEGER,
  };
}

/** A short id for a precache manifest: the same files give the same id, any change a new one. */
export function buildIdFor(entries: ReadonlyArray<Pick<ManifestEntry, 'url' | 'revision'>>): string {
  const lines = entries.map(({ url, revision }) => `${url} ${revision ?? ''}`).sort();
  return createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 10);
}

/** What was written. */
export interface ServiceWorkerSummary {
  buildId: string;
  /** The cache name before the scope Workbox appends: `letting-go-<id>-precache-v2-`. */
  cacheName: string;
  /** Precached files and their total size in bytes. */
  count: number;
  bytes: number;
  /** The worker file (not precached) and its size. */
  file: string;
  swBytes: number;
  /** Precached URLs (root-relative with the base path, pages by their address), sorted. */
  urls: string[];
  /** What did not fit the budget: fetched from the network, as pages that are not built are. */
  leftOut: LeftOut;
}

/** The generateSW options for a site folder, build id and base path (exported for the unit tests). */
export function serviceWorkerOptions(siteDir: string, buildId: string, base = '/', budget?: ManifestTransform): GenerateSWOptions {
  return {
    ...precacheGlobs(siteDir, base, budget),
    swDest: join(siteDir, SW_FILE),
    cacheId: `${CACHE_PREFIX}-${buildId}`,
    // One self-contained file: nothing is imported, from a CDN or from anywhere else.
    inlineWorkboxRuntime: true,
    mode: 'production',
    sourcemap: false,
    // The first install controls the open page at once, so it works offline without a reload. An
    // update never does: it waits until the page sends SKIP_WAITING.
    clientsClaim: true,
    skipWaiting: false,
    // On activate: delete every other build's precache for this scope.
    cleanupOutdatedCaches: true,
    // The site is static: a query (?q=, ?highlight=, Pagefind's ?ts=) never changes the file served.
    ignoreURLParametersMatching: [/./],
    runtimeCaching: [
      {
        // Precached pages are answered before this route is reached; everything else is tried on
        // the network. When that fails, another address of a saved page is sent to the page (the
        // plugin comes first), and the offline page stands in for the rest. Serialized into sw.js, so
        // the matcher must not refer to anything outside itself.
        urlPattern: ({ request }) => request.mode === 'navigate',
        handler: 'NetworkOnly',
        options: {
          plugins: [samePagePlugin()],
          precacheFallback: { fallbackURL: joinBase(base, OFFLINE_PAGE) },
        },
      },
    ],
  };
}

/**
 * Writes `<siteDir>/sw.js` for the files in `siteDir`, a site served from `base`, precaching what fits
 * `budget` bytes. Throws when Workbox warns, when the offline page is missing, or when the core alone is
 * over budget.
 */
export async function writeServiceWorker(siteDir: string, budget = PRECACHE_BUDGET_BYTES, base = '/'): Promise<ServiceWorkerSummary> {
  // Loaded here, not at the top: it takes most of a second and only the build needs it. Through Node's
  // own require, because Astro's config module runner has closed by the time build hooks run.
  const { generateSW, getManifest } = createRequire(import.meta.url)('workbox-build') as typeof import('workbox-build');
  const leftOut: LeftOut = { urls: [], bytes: 0 };
  const trim = withinBudget(siteDir, budget, leftOut, base);
  const manifest = await getManifest(precacheGlobs(siteDir, base, trim));
  if (manifest.warnings.length > 0) throw new Error(`Precache: ${manifest.warnings.join('; ')}`);
  const urls = manifest.manifestEntries.map((entry) => entry.url).sort();
  const offlinePage = joinBase(base, OFFLINE_PAGE);
  if (!urls.includes(offlinePage)) throw new Error(`Precache: ${offlinePage} was not built, so there is no offline page.`);
  if (new Set(urls).size !== urls.length) throw new Error('Precache: two files map to the same URL.');
  const buildId = buildIdFor(manifest.manifestEntries);
  const options = serviceWorkerOptions(siteDir, buildId, base, trim);
  const result = await generateSW(options);
  if (result.warnings.length > 0) throw new Error(`Service worker: ${result.warnings.join('; ')}`);
  if (result.count !== manifest.count) throw new Error(`Service worker: precaches ${result.count} files, expected ${manifest.count}.`);
  return {
    buildId,
    cacheName: `${options.cacheId}-precache-v2-`,
    count: manifest.count,
    bytes: manifest.size,
    file: options.swDest,
    swBytes: statSync(options.swDest).size,
    urls,
    leftOut,
  };
}
