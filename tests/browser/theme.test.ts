import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { settle } from '../harness/settle.ts';
import { sitePaths, useSiteBrowser } from '../harness/site-browser.ts';

const site = useSiteBrowser();
const paths = sitePaths();

declare global {
  interface Window {
    __themeAtFirstBody?: string;
  }
}

/** A context that records `data-theme` when <body> first gets visible content, before it is painted. */
async function recordingContext(colorScheme: 'light' | 'dark'): Promise<BrowserContext> {
  const context = await site.newContext({ colorScheme });
  await context.addInitScript(() => {
    // Mutation callbacks run as microtasks while the parser works, before any rendering. Scripts at
    // the very start of <body> are not content yet, so a theme script placed there still counts.
    new MutationObserver((_records, observer) => {
      if (!document.body || [...document.body.children].every((child) => child.tagName === 'SCRIPT')) return;
      window.__themeAtFirstBody = document.documentElement.dataset.theme ?? 'unset';
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  });
  return context;
}

/** The theme before first paint and after the page settled, with the toggle's pressed state. */
async function themeState(page: Page) {
  await settle(page);
  return page.evaluate(() => ({
    beforePaint: window.__themeAtFirstBody,
    now: document.documentElement.dataset.theme,
    pressed: document.getElementById('theme-toggle')?.getAttribute('aria-pressed'),
  }));
}

const DARK = { beforePaint: 'dark', now: 'dark', pressed: 'true' };
const LIGHT = { beforePaint: 'light', now: 'light', pressed: 'false' };

describe('theme', () => {
  it.each([
    ['light', LIGHT],
    ['dark', DARK],
  ] as const)('with no stored choice follows a %s system setting before first paint', async (scheme, expected) => {
    const context = await recordingContext(scheme);
    try {
      const page = await context.newPage();
      await page.goto('/');
      expect(await themeState(page)).toEqual(expected);
    } finally {
      await context.close();
    }
  });

  it('a choice made with the toggle is saved and applies before first paint on other pages and reloads', async () => {
    const other = paths.find((path) => path !== '/' && path.endsWith('/')) ?? '/';
    // A dark system setting, so a stored "light" is visibly the reader's choice and not the default.
    const context = await recordingContext('dark');
    try {
      const page = await context.newPage();
      await page.goto('/');
      expect(await themeState(page)).toEqual(DARK);

      await page.locator('#theme-toggle').click();
      expect(await page.evaluate(() => localStorage.getItem('theme'))).toBe('light');
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
      expect(await page.locator('#theme-toggle').getAttribute('aria-pressed')).toBe('false');

      await page.goto(other);
      expect(await themeState(page), `on ${other}`).toEqual(LIGHT);
      await page.reload();
      expect(await themeState(page), `on ${other} after a reload`).toEqual(LIGHT);

      await page.locator('#theme-toggle').click();
      await page.goto('/');
      expect(await themeState(page), 'back on / after choosing dark').toEqual(DARK);
      expect(await page.evaluate(() => localStorage.getItem('theme'))).toBe('dark');
    } finally {
      await context.close();
    }
  });
});
