import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterAll, describe, expect, it } from 'vitest';
import { isRetiring, retireSite, retiringServiceWorker } from '../../../src/features/offline/retire';
import { CACHE_PREFIX, SW_FILE } from '../../../src/features/offline/service-worker';

const SCOPE = 'https://example.org/';

type Listener = (event: { waitUntil(promise: Promise<unknown>): void }) => void;

/**
 * Runs the retiring sw.js in a context holding only a worker's `self` and `caches` (stand-ins that log
 * what is done to them), fires its install and activate events and returns the log.
 */
async function runRetiringWorker(cacheNames: string[], tabUrls: string[]): Promise<{ log: string[]; events: string[] }> {
  const log: string[] = [];
  const listeners = new Map<string, Listener>();
  const self = {
    addEventListener: (type: string, listener: Listener) => listeners.set(type, listener),
    skipWaiting: () => {
      log.push('skip waiting');
      return Promise.resolve();
    },
    registration: {
      scope: SCOPE,
      unregister: () => {
        log.push('unregister');
        return Promise.resolve(true);
      },
    },
    clients: {
      matchAll: (options: { type?: string; includeUncontrolled?: boolean }) => {
        log.push(`tabs ${JSON.stringify(options)}`);
        return Promise.resolve(
          tabUrls.map((url, index) => ({
            url,
            navigate: (to: string) => {
              log.push(`navigate ${url} to ${to}`);
              // One tab refuses (say, it was closed meanwhile): the others still reload.
              return index === 0 ? Promise.reject(new TypeError('gone')) : Promise.resolve(null);
            },
          })),
        );
      },
    },
  };
  const caches = {
    keys: () => Promise.resolve([...cacheNames]),
    delete: (name: string) => {
      log.push(`delete ${name}`);
      return Promise.resolve(true);
    },
  };
  runInNewContext(retiringServiceWorker(), { self, caches });
  const events = [...listeners.keys()];
  const pending: Promise<unknown>[] = [];
  const event = { waitUntil: (promise: Promise<unknown>) => void pending.push(promise) };
  listeners.get('install')?.(event);
  listeners.get('activate')?.(event);
  await Promise.all(pending);
  return { log, events };
}

describe('the SERVICE_WORKER flag', () => {
  it('is off when unset or empty, and on for "retire"', () => {
    expect(isRetiring(undefined)).toBe(false);
    expect(isRetiring('')).toBe(false);
    expect(isRetiring(' retire ')).toBe(true);
  });

  it('stops the build on any other value, rather than quietly building the offline worker', () => {
    for (const value of ['retired', 'off', 'RETIRE', 'true']) {
      expect(() => isRetiring(value), value).toThrow(/SERVICE_WORKER can be "retire"/);
    }
  });
});

describe('the retiring worker', () => {
  it('takes over at once, deletes this site’s caches, unregisters, then reloads each tab it controls once', async () => {
    const ours = [`${CACHE_PREFIX}-0123456789-precache-v2-${SCOPE}`, `${CACHE_PREFIX}-abcdefabcd-precache-v2-${SCOPE}`];
    const theirs = ['another-app', `${CACHE_PREFIX}-0123456789-precache-v2-${SCOPE}elsewhere/`];
    const tabs = [`${SCOPE}guide/`, `${SCOPE}quizzes/anger/?from=home`];
    const { log, events } = await runRetiringWorker([...ours, ...theirs], tabs);
    // No fetch handler: while it lives, every request goes to the network.
    expect(events).toEqual(['install', 'activate']);
    expect(log).toEqual([
      'skip waiting',
      ...ours.map((name) => `delete ${name}`),
      'unregister',
      // Only the tabs it took over from the old worker: a page that merely registered it is not one.
      'tabs {"type":"window"}',
      ...tabs.map((url) => `navigate ${url} to ${url}`),
    ]);
  });

  it('is one small file that loads nothing', () => {
    const code = retiringServiceWorker();
    expect(Buffer.byteLength(code)).toBeLessThan(1024);
    expect(code).not.toMatch(/importScripts|\bimport\b|\bfetch\b|https?:/);
    expect(code).toContain(JSON.stringify(CACHE_PREFIX));
  });
});

describe('retireSite', () => {
  const roots: string[] = [];
  afterAll(() => {
    for (const root of roots) rmSync(root, { recursive: true, force: true });
  });

  function site(files: Record<string, string>): string {
    const root = mkdtempSync(join(tmpdir(), 'offline-retire-'));
    roots.push(root);
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    }
    return root;
  }

  const page = (worker: string, body = '<h1>Page</h1>') =>
    `<!DOCTYPE html><html lang="en" data-search-page="/search/" data-service-worker="${worker}"><head></head><body>${body}</body></html>`;

  it('writes the retiring sw.js and takes the worker off every page, so none registers one', () => {
    const root = site({
      'index.html': page('/sw.js', '<p>Pages name it as data-service-worker="/sw.js" on the html element.</p>'),
      'guide/index.html': page('/sw.js'),
      '404.html': page('/sw.js'),
      'sw.js': '// the offline worker',
    });
    expect(retireSite(root).pages).toBe(3);
    expect(readFileSync(join(root, SW_FILE), 'utf8')).toBe(retiringServiceWorker());
    const home = readFileSync(join(root, 'index.html'), 'utf8');
    expect(home).toContain('<html lang="en" data-search-page="/search/"><head>');
    // Only the <html> element changes: text that mentions the attribute stays as written.
    expect(home).toContain('as data-service-worker="/sw.js" on');
  });

  it('finds the worker below a base path', () => {
    const root = site({ 'index.html': page('/letting-go/sw.js') });
    expect(retireSite(root, '/letting-go/').pages).toBe(1);
    expect(readFileSync(join(root, 'index.html'), 'utf8')).not.toContain('data-service-worker');
  });

  it('stops when no page names the worker, rather than leave pages that would install it on every visit', () => {
    const root = site({ 'index.html': '<!DOCTYPE html><html lang="en"><body></body></html>' });
    expect(() => retireSite(root)).toThrow(/none of the 1 pages names the worker/);
  });
});
