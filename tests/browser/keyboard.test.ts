import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoProblems } from '../harness/problems.ts';
import { settle } from '../harness/settle.ts';
import { sitePaths, useSiteBrowser, visitAll } from '../harness/site-browser.ts';

const site = useSiteBrowser();
const paths = sitePaths();

/** Whether the element matching `selector` is fully inside the viewport and not covered at its centre. */
function isOnScreen(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((selector) => {
    const element = document.querySelector(selector);
    if (!element) return false;
    const box = element.getBoundingClientRect();
    if (box.width < 2 || box.height < 2 || box.top < 0 || box.bottom > innerHeight) return false;
    const hit = document.elementFromPoint(box.left + Math.min(box.width / 2, 20), box.top + box.height / 2);
    return hit !== null && (element === hit || element.contains(hit));
  }, selector);
}

/** Whether the focused element is `target` or comes after it in document order. */
function focusIsAtOrAfter(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((selector) => {
    const target = document.querySelector(selector);
    const focused = document.activeElement;
    if (!target || !focused || focused === document.body) return false;
    return target === focused || target.contains(focused) || Boolean(target.compareDocumentPosition(focused) & 4);
  }, selector);
}

describe('keyboard use', () => {
  it('on every page the skip link is the first, visible Tab stop and moves focus into main', async () => {
    const context = await site.newContext();
    const found: string[] = [];
    try {
      await visitAll(context, paths, async (page, path) => {
        await page.goto(path);
        await settle(page);
        await page.keyboard.press('Tab');
        const first = await page.evaluate(() => document.activeElement?.matches('a.skip-link[href="#main"]'));
        if (!first) return void found.push(`${path}: the first Tab stop is not the skip link`);
        // The link may slide in with a transition; give it a moment to become visible.
        const visible = await page
          .waitForFunction(() => {
            const box = document.activeElement!.getBoundingClientRect();
            return box.top >= 0 && box.bottom <= innerHeight && box.width > 1 && box.height > 1;
          }, undefined, { timeout: 2_000 })
          .then(() => true, () => false);
        if (!visible) found.push(`${path}: the focused skip link is not visible`);
        await page.keyboard.press('Enter');
        const inMain = await page.evaluate(() => document.activeElement?.id === 'main' && location.hash === '#main');
        if (!inMain) found.push(`${path}: following the skip link did not focus <main id="main">`);
        // The next Tab must land in or after main, skipping the header's links.
        await page.keyboard.press('Tab');
        if (!(await focusIsAtOrAfter(page, 'main'))) found.push(`${path}: Tab after the skip link went back before main`);
      });
    } finally {
      await context.close();
    }
    expectNoProblems(found);
  });

  it('following a ToC link with the keyboard brings its heading into view and moves focus there', async () => {
    const sectionPath = paths.find((path) => /^\/guide\/[^/]+\/$/.test(path) && path !== '/guide/all/');
    expect(sectionPath, 'no /guide/<slug>/ page was built').toBeDefined();
    const context = await site.newContext();
    try {
      const page = await context.newPage();
      await page.goto(sectionPath!);
      await settle(page);
      // The last entry: its heading is furthest down, so reaching it really needs a scroll.
      const href = await page.locator('nav.toc a[href^="#"]').last().getAttribute('href');
      expect(href).toMatch(/^#./);
      let onLink = false;
      for (let presses = 0; presses < 80 && !onLink; presses += 1) {
        await page.keyboard.press('Tab');
        onLink = await page.evaluate((href) => document.activeElement?.matches(`nav.toc a[href="${href}"]`) ?? false, href);
      }
      expect(onLink, `Tab never reached the ToC link ${href}`).toBe(true);
      await page.keyboard.press('Enter');
      const heading = `[id="${decodeURIComponent(href!.slice(1))}"]`;
      await expect.poll(() => page.evaluate(() => location.hash)).toBe(href);
      await expect.poll(() => isOnScreen(page, heading), { timeout: 3_000 }).toBe(true);
      // Sequential focus now starts at the heading: the next Tab stop follows it.
      await page.keyboard.press('Tab');
      expect(await focusIsAtOrAfter(page, heading), 'Tab after the ToC jump did not continue from the heading').toBe(true);
    } finally {
      await context.close();
    }
  });
});
