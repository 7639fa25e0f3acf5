import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoProblems } from '../harness/problems.ts';
import { allowedRank, READER_QUERIES } from '../harness/reader-queries.ts';
import { settle } from '../harness/settle.ts';
import { useSiteBrowser } from '../harness/site-browser.ts';

// Readers' own queries, typed into the real /search/ page (one page for the whole table, one query after
// another), then what a phone shows: one search field, nothing past the screen's edge, the first result
// in view, and no arrow-key hint in the dialog on a touch screen.

const site = useSiteBrowser();
let context: BrowserContext;
let page: Page;

const status = () => page.locator('search-page [data-search-status]');
const resultPaths = () =>
  page.$$eval('search-page .result a[data-slot~="link"]', (links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));

/** Types a query into the page's field (clearing it first, so the status is new) and waits for its results. */
async function search(query: string): Promise<string[]> {
  const field = page.locator('#search-q');
  await field.fill('');
  await expect.poll(() => status().textContent()).toBe('');
  await field.fill(query);
  await expect.poll(() => status().textContent(), { timeout: 10_000 }).not.toBe('');
  return resultPaths();
}

beforeAll(async () => {
  context = await site.newContext();
  page = await context.newPage();
  await page.goto('/search/');
  await settle(page);
});
afterAll(() => context.close());

describe('reader queries through /search/', () => {
  it.each(READER_QUERIES.map((entry) => [entry.query, entry] as const))('“%s”', async (_, entry) => {
    const paths = await search(entry.query);
    const rank = paths.indexOf(entry.page) + 1;
    expect(rank, `${entry.kind} “${entry.query}”: want ${entry.page} within ${allowedRank(entry)}, got ${paths.slice(0, 3).join(', ')}`).toBeGreaterThan(0);
    expect(rank).toBeLessThanOrEqual(allowedRank(entry));
  });
});

describe('what the page says about a search', () => {
  it('announces a correction with the count, and searches the words as typed from its link', async () => {
    await search('revnge');
    expect(await status().textContent()).toBe('Showing results for revenge — search for revnge instead. 3 results for “revenge”.');
    await status().locator('a[data-search-exact]').click();
    await expect.poll(() => status().textContent(), { timeout: 10_000 }).toMatch(/^No results for “revnge”/);
    expect(new URL(page.url()).search).toBe('?q=revnge&exact=1');
  });

  it('shows ten results, then ten more on request, with focus on the first new one', async () => {
    const first = await search('feel');
    expect(first).toHaveLength(10);
    const more = page.locator('search-page [data-search-more]');
    expect(await more.textContent()).toMatch(/^Show more results \(\d+ more\)$/);
    await more.click();
    await expect.poll(() => resultPaths().then((paths) => paths.length)).toBeGreaterThan(10);
    const all = await resultPaths();
    expect(all.slice(0, 10)).toEqual(first);
    expect(new Set(all).size).toBe(all.length);
    expect(await page.evaluate(() => document.activeElement?.closest('.result') === document.querySelectorAll('search-page .result')[10])).toBe(true);
  });
});

describe('search on a 390 × 844 phone', () => {
  it('has one search field, keeps it and its button inside the screen, and shows the first result without scrolling', async () => {
    const phone = await site.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    try {
      const tab = await phone.newPage();
      await tab.goto('/search/?q=anger');
      await settle(tab);
      await expect.poll(() => tab.locator('search-page .result').count(), { timeout: 10_000 }).toBeGreaterThan(0);
      const layout = await tab.evaluate(() => {
        const visible = (element: Element) => element.getClientRects().length > 0;
        return {
          fields: [...document.querySelectorAll('input[name="q"]')].filter(visible).map((input) => input.id),
          overflowing: [...document.querySelectorAll('main *')]
            .filter((element) => visible(element) && element.getBoundingClientRect().right > document.documentElement.clientWidth)
            .map((element) => element.className || element.tagName),
          firstResultTop: document.querySelector('search-page .result')!.getBoundingClientRect().top,
        };
      });
      expect(layout.fields).toEqual(['search-q']);
      expectNoProblems(layout.overflowing.map((name) => `${name} reaches past the screen's edge`));
      expect(layout.firstResultTop).toBeLessThan(844 * 0.8);

      // The dialog (from any other page) does not talk about arrow keys on a touch screen.
      await tab.goto('/guide/turning-rage-into-fuel/');
      await settle(tab);
      await tab.locator('a[data-search-open]').click();
      await expect.poll(() => tab.locator('dialog.search-dialog').evaluate((dialog: HTMLDialogElement) => dialog.open), { timeout: 5_000 }).toBe(true);
      expect(await tab.locator('#site-search-keys').isVisible()).toBe(false);
    } finally {
      await phone.close();
    }
  });
});
