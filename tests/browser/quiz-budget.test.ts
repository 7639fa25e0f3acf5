import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { BUDGETS } from '../harness/budgets.ts';
import { gzipSize } from '../harness/page-weight.ts';
import { settle } from '../harness/settle.ts';
import { useSiteBrowser } from '../harness/site-browser.ts';
import { readQuizzes } from './quiz-page.ts';

const site = useSiteBrowser();
const quizzes = readQuizzes();

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

describe('JavaScript on Right now', () => {
  it(`runs at most ${BUDGETS.toolScript / 1024} KB (gzip), inline scripts included, with the pause tool alive`, async () => {
    const context = await site.newContext();
    try {
      const page = await context.newPage();
      const { files, inline } = await measure(page, '/right-now/');
      const total = sum(files.values()) + sum(inline);
      const detail = [...files].map(([file, bytes]) => `${file}: ${bytes}`).join(', ');
      expect(total, `${total} bytes: ${detail}; inline ${inline.join(' + ')}`).toBeLessThanOrEqual(BUDGETS.toolScript);
      expect(await page.locator('#pause-text').isEnabled()).toBe(true);
    } finally {
      await context.close();
    }
  });
});

describe('JavaScript on quiz pages', () => {
  it.each(quizzes.map((quiz) => [quiz.path] as const))(
    `%s runs at most ${BUDGETS.quizScript / 1024} KB (gzip) of JavaScript, inline scripts included`,
    async (path) => {
      const context = await site.newContext();
      try {
        const page = await context.newPage();
        const { files, inline } = await measure(page, path);
        const total = sum(files.values()) + sum(inline);
        const detail = [...files].map(([file, bytes]) => `${file}: ${bytes}`).join(', ');
        expect(total, `${total} bytes: ${detail}; inline ${inline.join(' + ')}`).toBeLessThanOrEqual(BUDGETS.quizScript);
        // The quiz island's code arrives with the page (not lazily while the reader answers) and hydrates it.
        expect(files.size).toBeGreaterThan(0);
        await expect.poll(() => page.locator('.quiz button[type="submit"]').isEnabled()).toBe(true);
      } finally {
        await context.close();
      }
    },
  );
});

describe('JavaScript on My results', () => {
  it(`runs at most ${BUDGETS.myResultsScript / 1024} KB (gzip) of JavaScript on load, and the backup code only on use`, async () => {
    const context = await site.newContext();
    try {
      const page = await context.newPage();
      const { files, inline } = await measure(page, '/my-results/');
      const total = sum(files.values()) + sum(inline);
      const detail = [...files].map(([file, bytes]) => `${file}: ${bytes}`).join(', ');
      expect(total, `${total} bytes: ${detail}; inline ${inline.join(' + ')}`).toBeLessThanOrEqual(BUDGETS.myResultsScript);
      await expect.poll(() => page.locator('[data-island="my-results"][data-live]').count()).toBe(1);
      expect([...files.keys()].some((file) => /device-data/.test(file))).toBe(false);
      // Asking to erase fetches it, and the question names what would go.
      const fetched = page.waitForResponse((response) => /device-data/.test(response.url()));
      await page.getByRole('button', { name: 'Erase everything' }).click();
      await fetched;
      await expect.poll(() => page.getByRole('group', { name: 'Erase everything?' }).isVisible()).toBe(true);
    } finally {
      await context.close();
    }
  });
});
