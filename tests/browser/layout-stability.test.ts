// Nothing moves when the scripts arrive. Every page is laid out twice with JavaScript on: once with the
// script files blocked (what a reader sees before they load, and what the first paint shows) and once
// after they ran. The boxes of the page's elements must match, so hydration and the theme toggle cause
// no layout shift. Without JavaScript, the notes written for that case show and the script-only parts
// stay hidden.
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { settle } from '../harness/settle.ts';
import { sitePaths, useSiteBrowser, visitAll } from '../harness/site-browser.ts';

const site = useSiteBrowser();
const paths = sitePaths();

/**
 * Each block-level element in the body with an area, as "tag#id: x,y widthxheight" in whole pixels. Inline
 * elements are left out (wording inside a line may change; any change of size shows in its block), and so
 * are classes (a state class may change; the box must not).
 */
function boxes(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.body.querySelectorAll<HTMLElement>('*')]
      .map((element) => ({ element, rect: element.getBoundingClientRect() }))
      .filter(
        ({ element, rect }) =>
          element.tagName !== 'SCRIPT' && rect.width > 0 && rect.height > 0 && getComputedStyle(element).display !== 'inline',
      )
      .map(({ element, rect: { x, y, width, height } }) => {
        const id = element.id ? `#${element.id}` : '';
        return `${element.tagName.toLowerCase()}${id}: ${Math.round(x)},${Math.round(y + scrollY)} ${Math.round(width)}x${Math.round(height)}`;
      }),
  );
}

/** Boxes of every page, in a fresh context where `prepare` ran first; `scripts` says whether they may run. */
async function boxesOfEveryPage(prepare: (context: BrowserContext) => Promise<void>, scripts: boolean): Promise<Map<string, string[]>> {
  const context = await site.newContext({ viewport: { width: 390, height: 844 } });
  const found = new Map<string, string[]>();
  try {
    await prepare(context);
    await visitAll(context, paths, async (page, path) => {
      await page.goto(path);
      await settle(page, { islands: scripts });
      found.set(path, await boxes(page));
    });
  } finally {
    await context.close();
  }
  return found;
}

describe('layout stability', () => {
  it('every page keeps its layout when its scripts run (no shift on hydration)', async () => {
    const [before, after] = await Promise.all([
      boxesOfEveryPage(async (context) => {
        await context.route(/\/_astro\/.+\.js$/, (route) => route.abort());
      }, false),
      boxesOfEveryPage(async () => undefined, true),
    ]);
    expect(before.size).toBe(paths.length);
    const moves: Record<string, string[]> = {};
    for (const path of paths) {
      const first = before.get(path)!;
      const moved = after
        .get(path)!
        .map((box, index) => (first[index] === box ? '' : `${first[index] ?? '(none)'} -> ${box}`))
        .filter(Boolean);
      if (moved.length > 0) moves[path] = moved.slice(0, 6);
    }
    expect(moves).toEqual({});
  });

  it('without JavaScript, shows the notes written for that case and hides what only scripts can use', async () => {
    const context = await site.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto('/my-results/');
      expect(await page.getByText('reading them needs JavaScript').isVisible()).toBe(true);
      expect(await page.getByRole('heading', { name: 'Nothing saved yet' }).count()).toBe(0);
      expect(await page.locator('#theme-toggle').isVisible()).toBe(false);
    } finally {
      await context.close();
    }
  });

  it('with JavaScript, lays out the toggle and the empty results from the start, and hides the notes', async () => {
    const context = await site.newContext();
    try {
      await context.route(/\/_astro\/.+\.js$/, (route) => route.abort());
      const page = await context.newPage();
      await page.goto('/my-results/');
      expect(await page.getByText('reading them needs JavaScript').isVisible()).toBe(false);
      expect(await page.getByRole('heading', { name: 'Nothing saved yet' }).isVisible()).toBe(true);
      expect(await page.locator('#theme-toggle').isVisible()).toBe(true);
    } finally {
      await context.close();
    }
  });
});
