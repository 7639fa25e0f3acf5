/**
 * The way out of offline reading, for a site that moves or closes. A worker, once installed, keeps
 * serving its saved copy of the site until the browser finds a new sw.js at the same address; a 404
 * there changes nothing, so readers would keep the old build forever. `SERVICE_WORKER=retire` builds
 * the site as usual but puts a retiring worker in sw.js (see README, Deploying). When a reader's
 * browser next checks for an update it installs that worker, which at once:
 * 1. takes over from the old one (no waiting for tabs to close);
 * 2. deletes this site's caches: names that start with the cache prefix and end with its own scope
 *    (Workbox names caches that way), so another site on the same domain keeps its own;
 * 3. unregisters itself, so the next page comes from the network;
 * 4. reloads each tab it took over, once, so what is open shows the live site.
 *
 * It has no fetch handler: while it lives, every request goes straight to the network. Pages of the
 * retiring build register no worker (their `<html>` no longer names one), so nothing installs it
 * again. Even if some page did register it, that worker would reload no tab: it only reloads the tabs
 * it took over from an old worker, and a page that registers a worker is not under it yet. So one
 * reload can never lead to another.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CACHE_PREFIX, SW_FILE } from './service-worker';
import { joinBase } from '../../kit/paths';
import { ASSETS } from '../../routes';

/** The value of SERVICE_WORKER that builds the retiring worker. */
const RETIRE = 'retire';

/** Whether a SERVICE_WORKER value asks for the retiring worker; throws on a value it does not know. */
export function isRetiring(value: string | undefined): boolean {
  const flag = value?.trim() ?? '';
  if (flag === '') return false;
  if (flag === RETIRE) return true;
  throw new Error(`SERVICE_WORKER can be "${RETIRE}" or left unset, not "${value}".`);
}

/** What the retiring worker needs of its global scope: its events, registration and tabs. */
interface RetiringScope {
  addEventListener(type: 'install' | 'activate', listener: (event: { waitUntil(promise: Promise<unknown>): void }) => void): void;
  skipWaiting(): Promise<void>;
  readonly registration: { readonly scope: string; unregister(): Promise<boolean> };
  readonly clients: {
    matchAll(options: { type: 'window' }): Promise<ReadonlyArray<{ readonly url: string; navigate(url: string): Promise<unknown> }>>;
  };
}

/**
 * The retiring worker itself. It is written into sw.js as source text and called there with the
 * worker's `self` and `caches`, so it uses nothing but its arguments.
 */
function retire(worker: RetiringScope, storage: Pick<CacheStorage, 'keys' | 'delete'>, prefix: string): void {
  worker.addEventListener('install', () => {
    void worker.skipWaiting();
  });
  worker.addEventListener('activate', (event) => {
    event.waitUntil(
      (async () => {
        const { scope } = worker.registration;
        const names = await storage.keys();
        await Promise.all(names.filter((name) => name.startsWith(prefix) && name.endsWith(scope)).map((name) => storage.delete(name)));
        await worker.registration.unregister();
        // Without `includeUncontrolled`: only the tabs this worker took over, each once.
        const tabs = await worker.clients.matchAll({ type: 'window' });
        await Promise.all(tabs.map((tab) => tab.navigate(tab.url).catch(() => undefined)));
      })(),
    );
  });
}

/** The text of the retiring sw.js: one small file that fetches nothing and imports nothing. */
export function retiringServiceWorker(prefix = CACHE_PREFIX): string {
  return [
    '// This site no longer keeps copies for offline reading. This worker removes the copies it saved,',
    '// unregisters itself and reloads the open tabs once, so they show the live site.',
    `(${retire.toString()})(self, caches, ${JSON.stringify(prefix)});`,
    '',
  ].join('\n');
}

/** What a retiring build wrote. */
export interface RetiringSummary {
  /** The worker file and its size in bytes. */
  file: string;
  bytes: number;
  /** How many pages no longer register a worker. */
  pages: number;
}

/**
 * Turns a built site (served from `base`) into a retiring one: sw.js becomes the retiring worker, and
 * no page names a worker on its `<html>` any more, so none registers one. Throws when no page named
 * it: the layout must have changed, and pages would then install the retiring worker on every visit.
 */
export function retireSite(siteDir: string, base = '/'): RetiringSummary {
  const attribute = ` data-service-worker="${joinBase(base, ASSETS.serviceWorker)}"`;
  const pages = readdirSync(siteDir, { recursive: true, encoding: 'utf8' }).filter((path) => path.endsWith('.html'));
  let changed = 0;
  for (const page of pages) {
    const html = readFileSync(join(siteDir, page), 'utf8');
    const retired = html.replace(/<html\b[^>]*>/, (tag) => tag.replace(attribute, ''));
    if (retired === html) continue;
    writeFileSync(join(siteDir, page), retired);
    changed += 1;
  }
  if (changed === 0) throw new Error(`Retiring: none of the ${pages.length} pages names the worker (${attribute.trim()}).`);
  const file = join(siteDir, SW_FILE);
  writeFileSync(file, retiringServiceWorker());
  return { file, bytes: statSync(file).size, pages: changed };
}
