import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { settle, useSiteBrowser } from '../harness/site-browser.ts';
import { readQuizzes } from './quiz-page.ts';

const site = useSiteBrowser();
const quizzes = readQuizzes();

/** The budget for all JavaScript a quiz page runs (files and inline scripts), gzip, in bytes. */
const JS_BUDGET = 15 * 1024;

/** Gzip size of a script, at the level a static host would typically use for precompressed files. */
function gzipSize(text: string | Buffer): number {
  return gzipSync(text, { level: 9 }).length;
}

interface PageScripts {
  /** Script files fetched while the page loaded and hydrated, by URL path, gzip bytes. */
  files: Map<string, number>;
  /** Inline scripts that run, gzip bytes each. */
  inline: number[];
}

/** Loads a page and measures every script it runs. */
async function measure(page: Page, path: string): Promise<PageScripts> {
  const files = new Map<string, number>();
  const pending: Promise<void>[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'script') return;
    pending.push(response.body().then((body) => void files.set(new URL(response.url()).pathname, gzipSize(body))));
  });
  await page.goto(path);
  await settle(page);
  await Promise.all(pending);
  const inlineTexts = await page.evaluate(() =>
    [...document.querySelectorAll('script:not([src])')]
      .filter((script) => !script.getAttribute('type') || script.getAttribute('type') === 'module')
      .map((script) => script.textContent ?? ''),
  );
  return { files, inline: inlineTexts.map(gzipSize) };
}

function sum(values: Iterable<number>): number {
  return [...values].reduce((total, value) => total + value, 0);
}

describe('JavaScript on quiz pages', () => {
  it.each(quizzes.map((quiz) => [quiz.path] as const))(
    '%s runs at most 15 KB (gzip) of JavaScript, inline scripts included',
    async (path) => {
      const context = await site.newContext();
      try {
        const page = await context.newPage();
        const { files, inline } = await measure(page, path);
        const total = sum(files.values()) + sum(inline);
        const detail = [...files].map(([file, bytes]) => `${file}: ${bytes}`).join(', ');
        expect(total, `${total} bytes: ${detail}; inline ${inline.join(' + ')}`).toBeLessThanOrEqual(JS_BUDGET);
        // The quiz island's code arrives with the page (not lazily while the reader answers) and hydrates it.
        expect(files.size).toBeGreaterThan(0);
        await expect.poll(() => page.locator('.quiz button[type="submit"]').isEnabled()).toBe(true);
      } finally {
        await context.close();
      }
    },
  );
});
