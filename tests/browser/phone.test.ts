import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { findRoute } from '../../src/routes.ts';
import { expectNoProblems } from '../harness/problems.ts';
import { settle } from '../harness/settle.ts';
import { sitePaths, useSiteBrowser, visitAll } from '../harness/site-browser.ts';

// The site on a 390 × 844 phone: a header of one row, a section's first sentence on the first screen, help
// numbers that are easy to tap, and the header menu, with and without JavaScript. axe checks the states
// only a phone shows (the open menu, the open contents) in both themes.

const site = useSiteBrowser();
const paths = sitePaths();
const PHONE = { width: 390, height: 844 };
const MAX_HEADER_HEIGHT = 64;
const sections = paths.filter((path) => findRoute(path) === 'section');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Runs `use` on a phone-sized page in a fresh context. */
async function onPhone(use: (page: Page) => Promise<void>, javaScriptEnabled = true): Promise<void> {
  const context = await site.newContext({ viewport: PHONE, hasTouch: true, javaScriptEnabled });
  try {
    await use(await context.newPage());
  } finally {
    await context.close();
  }
}

/** The header's height and whether its brand, menu and search sit in one row. */
function headerLayout(page: Page) {
  return page.evaluate(() => {
    const header = document.querySelector('.site-header')!.getBoundingClientRect();
    const items = ['.brand', '.menu-button', '.search-button'].map((selector) => document.querySelector(selector)!.getBoundingClientRect());
    const isOneRow = items.every((item) => item.top >= header.top && item.bottom <= header.bottom && item.width > 0);
    return { height: header.height, isOneRow, right: Math.max(...items.map((item) => item.right)) };
  });
}

describe('on a 390 × 844 phone', () => {
  it(`every page's header is one row, at most ${MAX_HEADER_HEIGHT} px tall, inside the screen`, async () => {
    const context = await site.newContext({ viewport: PHONE, hasTouch: true });
    const found: string[] = [];
    try {
      await visitAll(context, paths, async (page, path) => {
        await page.goto(path);
        const { height, isOneRow, right } = await headerLayout(page);
        if (height > MAX_HEADER_HEIGHT) found.push(`${path}: the header is ${height} px tall`);
        if (!isOneRow) found.push(`${path}: brand, menu and search are not in one row`);
        if (right > PHONE.width) found.push(`${path}: the header reaches ${right} px, past the screen`);
      });
    } finally {
      await context.close();
    }
    expectNoProblems(found);
  });

  it.each(sections)('%s: the first line of the prose is on the first screen', async (path) => {
    await onPhone(async (page) => {
      await page.goto(path);
      await settle(page);
      const first = await page.evaluate(() => {
        const paragraph = document.querySelector('.prose > p')!;
        return { top: paragraph.getBoundingClientRect().top, line: parseFloat(getComputedStyle(paragraph).lineHeight) };
      });
      expect(first.top + first.line, `the first paragraph starts at ${first.top} px`).toBeLessThanOrEqual(PHONE.height);
    });
  });

  it.each(['/help/', '/if-your-ex-hurt-you/'])('%s: every number is a tap target at least 44 px tall, on one line', async (path) => {
    await onPhone(async (page) => {
      await page.goto(path);
      const targets = await page.$$eval('a[href^="tel:"], a[href^="sms:"]', (links) =>
        links.map((link) => {
          // The boxes of its words; two that do not overlap vertically are on different lines.
          const boxes: DOMRect[] = [];
          const walker = document.createTreeWalker(link, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const range = document.createRange();
            range.selectNodeContents(node);
            boxes.push(...[...range.getClientRects()].filter((rect) => rect.width > 0));
          }
          boxes.sort((a, b) => a.top - b.top);
          let lines = 0;
          let bottom = -Infinity;
          for (const box of boxes) {
            if (box.top >= bottom - 1) lines += 1;
            bottom = Math.max(bottom, box.bottom);
          }
          return { text: link.textContent!.replace(/\s+/g, ' ').trim(), height: link.getBoundingClientRect().height, lines };
        }),
      );
      expect(targets.length).toBeGreaterThan(path === '/help/' ? 20 : 10);
      expectNoProblems(
        targets.flatMap(({ text, height, lines }) => [
          ...(height >= 44 ? [] : [`"${text}" is ${height.toFixed(1)} px tall`]),
          ...(lines === 1 ? [] : [`"${text}" wraps onto ${lines} lines`]),
        ]),
      );
    });
  });

  it.each([
    ['with', true],
    ['without', false],
  ] as const)('the header menu opens and closes %s JavaScript, and holds the sections and Right now', async (_, javaScriptEnabled) => {
    await onPhone(async (page) => {
      await page.goto('/guide/');
      const menu = page.locator('details.menu');
      const link = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Right now' });
      expect(await link.isVisible()).toBe(false);
      await page.locator('.menu-button').click();
      expect(await menu.evaluate((element: HTMLDetailsElement) => element.open)).toBe(true);
      expect(await link.isVisible()).toBe(true);
      const heights = await page.$$eval('nav[aria-label="Main"] a', (links) => links.map((a) => a.getBoundingClientRect().height));
      expect(Math.min(...heights)).toBeGreaterThanOrEqual(44);
      expect(await page.locator('#theme-toggle').isVisible()).toBe(javaScriptEnabled);
      await page.locator('.menu-button').click();
      expect(await link.isVisible()).toBe(false);
    }, javaScriptEnabled);
  });

  it('on the results page, the header search link goes to the results page field, not a second search box', async () => {
    await onPhone(async (page) => {
      await page.goto('/search/');
      await settle(page);
      await page.locator('a[data-search-open]').click();
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-q');
      expect(await page.locator('dialog.search-dialog').evaluate((dialog: HTMLDialogElement) => dialog.open)).toBe(false);
      expect(new URL(page.url()).pathname).toBe('/search/');
    });
  });

  it('the theme switch shows its state in words as well as in aria-pressed', async () => {
    await onPhone(async (page) => {
      await page.goto('/');
      await settle(page);
      await page.locator('.menu-button').click();
      const toggle = page.locator('#theme-toggle');
      const state = () => toggle.evaluate((button) => [button.getAttribute('aria-pressed'), (button as HTMLElement).innerText.replace(/\s+/g, ' ').trim()]);
      expect(await state()).toEqual(['false', 'Dark theme Off']);
      await toggle.click();
      expect(await state()).toEqual(['true', 'Dark theme On']);
      // The name stays the same; only the pressed state changes for a screen reader.
      expect(await page.getByRole('button', { name: 'Dark theme', exact: true, pressed: true }).count()).toBe(1);
    });
  });
});

describe('on a 1280 × 800 screen', () => {
  it('the sections stand in the header row, with no menu button, and the contents are open', async () => {
    const context = await site.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      const page = await context.newPage();
      await page.goto(sections[0]!);
      await settle(page);
      expect(await page.locator('.menu-button').isVisible()).toBe(false);
      expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Right now' }).isVisible()).toBe(true);
      expect(await page.locator('.toc-summary').isVisible()).toBe(false);
      expect(await page.locator('nav.toc a').first().isVisible()).toBe(true);
      expect((await page.locator('.site-header').boundingBox())!.height).toBeLessThanOrEqual(MAX_HEADER_HEIGHT + 8);
    } finally {
      await context.close();
    }
  });
});

describe('axe-core on the phone-only states', () => {
  it.each(['light', 'dark'] as const)('finds no violations with the menu or the contents open, in the %s theme', async (theme) => {
    const context = await site.newContext({ viewport: PHONE, hasTouch: true, colorScheme: theme });
    await context.addInitScript((stored) => localStorage.setItem('theme', stored), theme);
    const found: string[] = [];
    try {
      await visitAll(context, ['/help/', '/right-now/', '/if-your-ex-hurt-you/', sections[0]!], async (page, path) => {
        await page.goto(path);
        await settle(page);
        // The contents first: the open menu drops down over the page.
        if ((await page.locator('.toc-summary').count()) > 0) await page.locator('.toc-summary').click();
        await page.locator('.menu-button').click();
        const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).setLegacyMode(true).analyze();
        found.push(...results.violations.map((violation) => `${path}: ${violation.id} ${violation.help} → ${violation.nodes.map((node) => node.target.join(' ')).slice(0, 3).join(', ')}`));
      });
    } finally {
      await context.close();
    }
    expectNoProblems(found);
  });
});
