import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listPages } from '../harness/dist.ts';
import { IssueRecorder } from '../harness/page-issues.ts';
import { expectNoProblems } from '../harness/problems.ts';
import { settle } from '../harness/settle.ts';
import { useSiteBrowser } from '../harness/site-browser.ts';

// The interactive parts of the site are Preact islands, hydrated by src/kit/hydrate.ts, which marks each
// root `data-live` once it runs. settle() waits for that on every page the browser tests open, so a test
// that counts on a running island fails when it does not run. These checks make sure of both halves.

const site = useSiteBrowser();
const islandPages = listPages()
  .filter((page) => readFileSync(page.file, 'utf8').includes('data-island='))
  .map((page) => page.path);

describe('islands', () => {
  it('are on the quiz pages, My results and Right now', () => {
    expect(islandPages).toEqual(expect.arrayContaining(['/my-results/', '/quizzes/anger/', '/right-now/']));
  });

  it('come alive on every page that has one, without an error', async () => {
    const context = await site.newContext();
    const recorder = await IssueRecorder.attach(context, site.origin);
    const problems: string[] = [];
    try {
      const page = await context.newPage();
      for (const path of islandPages) {
        await page.goto(path);
        await settle(page);
        const dead = await page.$$eval('[data-island]:not([data-live])', (roots) => roots.map((root) => root.getAttribute('data-island')));
        const { consoleErrors, cspViolations } = recorder.take(page);
        problems.push(...[...dead.map((name) => `island ${name} not live`), ...consoleErrors, ...cspViolations].map((text) => `${path}: ${text}`));
      }
    } finally {
      await context.close();
    }
    expectNoProblems(problems);
  });

  it('that never hydrate make settle() fail, naming them', async () => {
    const context = await site.newContext();
    try {
      // The page and its inline scripts arrive; the island's module does not.
      await context.route(/\/_astro\/.+\.js$/, (route) => route.abort());
      const page = await context.newPage();
      await page.goto('/quizzes/anger/');
      await expect(settle(page, { timeout: 1_000 })).rejects.toThrow(/the island "quiz" did not come alive/);
      await page.goto('/my-results/');
      await expect(settle(page, { timeout: 1_000 })).rejects.toThrow(/the island "my-results" did not come alive/);
    } finally {
      await context.close();
    }
  });
});
