import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './chromium.ts';
import { listPages } from './dist.ts';
import { start, stop, type StaticServer } from './static-server.ts';

/** The browser and server a test file shares. */
export interface SiteBrowser {
  /** The running Chromium. */
  readonly browser: Browser;
  /** `http://127.0.0.1:PORT` serving dist/. */
  readonly origin: string;
  /** Opens a fresh context (its own storage) on the site; closed by the caller. */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
}

/** Serves dist/ and launches one Chromium for the calling test file, torn down after its tests. */
export function useSiteBrowser(): SiteBrowser {
  let browser: Browser | undefined;
  let server: StaticServer | undefined;
  beforeAll(async () => {
    [server, browser] = await Promise.all([start(), launchChromium()]);
  });
  afterAll(async () => {
    await Promise.all([browser?.close(), server && stop(server)]);
  });
  const ready = () => {
    if (!browser || !server) throw new Error('useSiteBrowser() is only usable inside tests');
    return { browser, server };
  };
  return {
    get browser() {
      return ready().browser;
    },
    get origin() {
      return ready().server.origin;
    },
    newContext(options = {}) {
      return ready().browser.newContext({ baseURL: ready().server.origin, ...options });
    },
  };
}

/** URL paths of every built page (discovered from dist/). */
export function sitePaths(): string[] {
  return listPages().map((page) => page.path);
}

/** Runs `visit` for every path, on `concurrency` pages of the context working through one queue. */
export async function visitAll(
  context: BrowserContext,
  paths: readonly string[],
  visit: (page: Page, path: string) => Promise<void>,
  concurrency = 2,
): Promise<void> {
  const queue = [...paths];
  const worker = async () => {
    const page = await context.newPage();
    try {
      for (let path = queue.shift(); path !== undefined; path = queue.shift()) await visit(page, path);
    } finally {
      await page.close();
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, paths.length) }, worker));
}
