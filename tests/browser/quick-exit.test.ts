import { readFileSync } from 'node:fs';
import type { BrowserContext, Page, Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { QUICK_EXIT_ROUTES, hasQuickExit } from '../../src/features/quick-exit/quick-exit-pages.ts';
import { findRoute } from '../../src/routes.ts';
import { listPages } from '../harness/dist.ts';
import { settle } from '../harness/settle.ts';
import { sitePaths, useSiteBrowser } from '../harness/site-browser.ts';

// The quick exit, as a reader who must leave fast uses it: a click, or Shift three times. The neutral site
// is never really opened: its address is answered here, so the test sees the navigation and nothing else
// leaves the machine. Until the reader acts, no request goes anywhere but the site itself.

const site = useSiteBrowser();
const paths = sitePaths();
const withExit = paths.filter(hasQuickExit);
const NEUTRAL = 'https://www.bbc.co.uk/weather';

interface Visit {
  page: Page;
  /** Every request the context made that was not for the site itself, in order. */
  offSite: string[];
}

/** A context whose pages record off-site requests; the neutral site answers with a blank page. */
async function exitContext(javaScriptEnabled = true): Promise<{ context: BrowserContext; visit: (path: string) => Promise<Visit> }> {
  const context = await site.newContext({ javaScriptEnabled, viewport: { width: 390, height: 844 }, hasTouch: true });
  await context.route(`${NEUTRAL}**`, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<title>Weather</title>' }));
  return {
    context,
    async visit(path) {
      const page = await context.newPage();
      const offSite: string[] = [];
      page.on('request', (request: Request) => {
        if (!request.url().startsWith(site.origin)) offSite.push(request.url());
      });
      // A page of the site first, so there is something to go back to.
      await page.goto('/');
      await page.goto(path);
      await settle(page, { islands: javaScriptEnabled });
      return { page, offSite };
    },
  };
}

describe('quick exit', () => {
  it(`is on the pages of ${QUICK_EXIT_ROUTES.join(', ')} and no others`, () => {
    const built = listPages().filter(({ file }) => /<a [^>]*data-quick-exit/.test(readFileSync(file, 'utf8')));
    expect(built.map(({ path }) => path)).toEqual(withExit);
    expect(new Set(withExit.map((path) => findRoute(path)))).toEqual(new Set(QUICK_EXIT_ROUTES));
  });

  it.each(withExit)('%s: a click replaces the page with the neutral site, and Back does not return to it', async (path) => {
    const { context, visit } = await exitContext();
    try {
      const { page, offSite } = await visit(path);
      const exit = page.locator('a[data-quick-exit]');
      expect(await exit.getAttribute('href')).toBe(NEUTRAL);
      expect(await page.locator('.quick-exit-note').textContent()).toMatch(/does not clear your browsing history/);
      // Visible and at least 44 px tall on a phone, at the top of the page.
      const box = (await exit.boundingBox())!;
      expect(box.height).toBeGreaterThanOrEqual(44);
      expect(box.y + box.height).toBeLessThanOrEqual(844);
      expect(offSite, 'requests off the site before the exit was used').toEqual([]);

      await Promise.all([page.waitForURL(NEUTRAL), exit.click()]);
      expect(offSite).toEqual([NEUTRAL]);
      await page.goBack();
      expect(new URL(page.url()).pathname).toBe('/');
    } finally {
      await context.close();
    }
  });

  it('Shift pressed three times leaves too, but not a Shift that made a capital letter', async () => {
    const { context, visit } = await exitContext();
    try {
      const { page, offSite } = await visit(withExit.find((path) => findRoute(path) === 'quiz')!);
      await page.keyboard.press('Shift+A');
      await page.keyboard.press('Shift');
      await page.keyboard.press('Shift');
      // The Shift of the capital did not count, so two presses are not yet three.
      await page.waitForTimeout(200);
      expect(offSite).toEqual([]);
      expect(page.url()).toContain(site.origin);
      await Promise.all([page.waitForURL(NEUTRAL), page.keyboard.press('Shift')]);
      expect(offSite).toEqual([NEUTRAL]);
    } finally {
      await context.close();
    }
  });

  it('without JavaScript, is an ordinary link to the neutral site', async () => {
    const { context, visit } = await exitContext(false);
    try {
      const { page, offSite } = await visit('/help/');
      expect(offSite).toEqual([]);
      await Promise.all([page.waitForURL(NEUTRAL), page.locator('a[data-quick-exit]').click()]);
      expect(offSite).toEqual([NEUTRAL]);
    } finally {
      await context.close();
    }
  });
});
