import { errors, type Page } from 'playwright-core';

/** How long settle() gives the page's islands to come alive, in ms. */
const ISLAND_TIMEOUT_MS = 10_000;

/** What settle() waits for. */
export interface SettleOptions {
  /**
   * Whether every island on the page (`[data-island]`) must come alive: src/kit/hydrate.ts marks its
   * root `data-live` once Preact has adopted it. False only where a test keeps the scripts from running.
   */
  readonly islands?: boolean;
  /** How long to wait for the islands, in ms. */
  readonly timeout?: number;
}

/**
 * Waits until the page has loaded, every island on it runs and its fonts are ready. Fails, naming the
 * island, when one never comes alive: a test that counts on a running island then cannot pass without it.
 */
export async function settle(page: Page, { islands = true, timeout = ISLAND_TIMEOUT_MS }: SettleOptions = {}): Promise<void> {
  await page.waitForLoadState('load');
  if (islands) await waitForIslands(page, timeout);
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

/** Waits until every `[data-island]` on the page is marked `data-live`. */
async function waitForIslands(page: Page, timeout: number): Promise<void> {
  try {
    await page.waitForFunction(
      () => [...document.querySelectorAll('[data-island]')].every((island) => island.hasAttribute('data-live')),
      undefined,
      { timeout, polling: 50 },
    );
  } catch (error) {
    if (!(error instanceof errors.TimeoutError)) throw error;
    const dead = await page.$$eval('[data-island]:not([data-live])', (roots) => roots.map((root) => root.getAttribute('data-island')));
    throw new Error(`${page.url()}: the island "${dead.join('", "')}" did not come alive within ${timeout} ms (its root has no data-live).`);
  }
}
