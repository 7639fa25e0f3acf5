import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { settle, useSiteBrowser } from '../support/site-browser.ts';
import { readQuizzes } from './quiz-page.ts';

const site = useSiteBrowser();
const quizzes = readQuizzes();

/** The budget for the script files a quiz page loads (island, Preact, renderer), gzip, in bytes. */
const SCRIPT_FILE_BUDGET = 15 * 1024;

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
    '%s loads at most 15 KB (gzip) of script files',
    async (path) => {
      const context = await site.newContext();
      try {
        const page = await context.newPage();
        const { files, inline } = await measure(page, path);
        const fileBytes = sum(files.values());
        const detail = [...files].map(([file, bytes]) => `${file}: ${bytes}`).join(', ');
        expect(fileBytes, `${fileBytes} bytes in ${detail}; inline scripts add ${sum(inline)} more`).toBeLessThanOrEqual(
          SCRIPT_FILE_BUDGET,
        );
        // The quiz is one island: its code arrives with the page, not lazily while the reader answers.
        expect([...files.keys()].some((file) => file.includes('QuizIsland'))).toBe(true);
      } finally {
        await context.close();
      }
    },
  );
});
