import { readFileSync } from 'node:fs';
import type { BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { IssueRecorder } from '../harness/page-issues.ts';
import { expectNoProblems } from '../harness/problems.ts';
import { settle } from '../harness/settle.ts';
import { sitePaths, useSiteBrowser, visitAll } from '../harness/site-browser.ts';
import { SUBMIT, answerByClicking, extremeAnswers, readQuizzes } from './quiz-page.ts';

// Every page and every interactive state, served as a static host serves them: the harness's server
// sends the headers of dist/_headers (the header CSP, enforced together with each page's <meta> policy,
// and the Permissions-Policy). Nothing may trigger a CSP violation, log a console error or leave the site.

const site = useSiteBrowser();
const paths = sitePaths();
const quizzes = readQuizzes();

const GUIDE_PAGE = '/guide/turning-rage-into-fuel/';

interface HostContext {
  context: BrowserContext;
  recorder: IssueRecorder;
  /** Warnings about the policies themselves, e.g. an unknown Permissions-Policy feature. */
  policyWarnings: string[];
}

/** A context on the site with an issue recorder, and the policy warnings Chromium logs, on it. */
async function hostContext(options: BrowserContextOptions = {}): Promise<HostContext> {
  const context = await site.newContext(options);
  const recorder = await IssueRecorder.attach(context, site.origin);
  // Chromium reports a policy it cannot parse (an unknown feature, a directive a <meta> cannot set)
  // as a warning, which the recorder does not collect.
  const policyWarnings: string[] = [];
  context.on('page', (page) =>
    page.on('console', (message) => {
      if (message.type() === 'warning' && /Permissions-Policy|Content[- ]Security[- ]Policy/i.test(message.text())) {
        policyWarnings.push(message.text());
      }
    }),
  );
  return { context, recorder, policyWarnings };
}

/** Collects what went wrong on a page since the last call, labelled with the state it was in. */
function collector({ recorder, policyWarnings }: HostContext) {
  const problems: string[] = [];
  return {
    problems,
    check(page: Page, state: string, ignore: (text: string) => boolean = () => false): void {
      const issues = recorder.take(page);
      problems.push(
        ...policyWarnings.splice(0).map((text) => `${state}: policy warning ${text}`),
        ...issues.cspViolations.map((text) => `${state}: CSP ${text}`),
        ...issues.consoleErrors.filter((text) => !ignore(text)).map((text) => `${state}: console ${text}`),
        ...issues.offSiteRequests.map((url) => `${state}: off-site request ${url}`),
      );
    },
  };
}

/** Waits until a live region's text matches. */
async function waitForText(page: Page, selector: string, pattern: RegExp): Promise<void> {
  await expect.poll(() => page.locator(selector).first().textContent(), { timeout: 10_000 }).toMatch(pattern);
}

describe('the header policy, as a static host sends it', () => {
  it('reaches the browser and is enforced: the site cannot be framed, not even by itself', async () => {
    const { context } = await hostContext();
    try {
      const page = await context.newPage();
      const response = await page.goto('/');
      const policy = (await response?.allHeaders())?.['content-security-policy'] ?? '';
      expect(policy).toContain("frame-ancestors 'none'");
      expect(policy).not.toContain("'wasm-unsafe-eval'");
      await settle(page);
      const framed = await page.evaluate(
        () =>
          new Promise<string>((resolve) => {
            const frame = document.createElement('iframe');
            frame.src = '/about/';
            frame.title = 'test';
            frame.addEventListener('load', () => {
              // A blocked frame shows the browser's error page, which the parent cannot read.
              try {
                resolve(frame.contentDocument?.title ?? 'unreadable');
              } catch {
                resolve('unreadable');
              }
            });
            document.body.append(frame);
          }),
      );
      expect(framed).not.toMatch(/About/);
    } finally {
      await context.close();
    }
  });
});

describe('no CSP violation, console error or off-site request in any state', () => {
  it.each(['light', 'dark'] as const)('every page in the %s theme, before and after toggling the theme', async (colorScheme) => {
    const host = await hostContext({ colorScheme });
    const { context } = host;
    const { problems, check } = collector(host);
    try {
      await visitAll(context, paths, async (page, path) => {
        await page.goto(path);
        await settle(page);
        check(page, `${colorScheme} ${path}`);
        const toggle = page.locator('#theme-toggle');
        if ((await toggle.count()) > 0) {
          await toggle.click();
          check(page, `${colorScheme} ${path} toggled`);
        }
      });
      // A missing page: the host answers 404 with 404.html, which Chromium logs as a failed load.
      const page = await context.newPage();
      await page.goto('/no/such/page/');
      await settle(page);
      check(page, 'missing page', (text) => text.includes('status of 404'));
      await page.close();
    } finally {
      await context.close();
    }
    expectNoProblems(problems);
  });

  it('search: the dialog with results, no results and a followed result; the search page with filters', async () => {
    const host = await hostContext();
    const { context } = host;
    const { problems, check } = collector(host);
    try {
      const page = await context.newPage();
      await page.goto(GUIDE_PAGE);
      await settle(page);
      await page.keyboard.press('/');
      await page.locator('#site-search-dialog-q').waitFor();
      await page.keyboard.type('revenge');
      await waitForText(page, 'dialog [data-search-status]', /for “revenge”/);
      check(page, 'dialog with results');
      await page.keyboard.press('ArrowDown');
      await Promise.all([page.waitForURL(/highlight=revenge/), page.keyboard.press('Enter')]);
      await settle(page);
      await expect.poll(() => page.locator('mark').count()).toBeGreaterThan(0);
      check(page, 'followed result, words highlighted');

      await page.keyboard.press('Control+k');
      await page.locator('#site-search-dialog-q').fill('qqqzzzxxy');
      await waitForText(page, 'dialog [data-search-status]', /No results/);
      await page.keyboard.press('Escape');
      check(page, 'dialog with no results, closed');

      await page.goto('/search/');
      await settle(page);
      check(page, 'search page, empty');
      await page.goto('/search/?q=anger');
      await settle(page);
      await waitForText(page, 'search-page [data-search-status]', /for “anger”/);
      check(page, 'search page with a query');
      const type = page.locator('#search-type');
      const topic = page.locator('#search-topic');
      await type.selectOption({ index: 1 });
      await topic.selectOption({ index: 1 });
      await waitForText(page, 'search-page [data-search-status]', /for “anger”/);
      check(page, 'search page with filters');
    } finally {
      await context.close();
    }
    expectNoProblems(problems);
  });

  // The quizzes share one page template and island, and "every page" above visits each of them: the states
  // are walked through on one.
  it.each([[quizzes[0]!.id, quizzes[0]!] as const])(
    'quiz %s: gaps, result, saving, copying and opening the share link, taking it again',
    async (_id, quiz) => {
      const host = await hostContext();
      const { context } = host;
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.origin });
      const { problems, check } = collector(host);
      try {
        const page = await context.newPage();
        await page.goto(quiz.path);
        await settle(page);
        check(page, 'empty quiz');
        await answerByClicking(page, quiz, extremeAnswers(quiz, 'low'), 2);
        await page.locator(SUBMIT).click();
        await page.locator('#error-summary').waitFor();
        check(page, 'submitted with gaps');
        await answerByClicking(page, quiz, extremeAnswers(quiz, 'high'));
        await page.locator(SUBMIT).click();
        await page.locator('#result-heading').waitFor();
        check(page, 'result');
        const save = page.getByRole('checkbox', { name: 'Save this result on this device' });
        await save.click();
        await save.click();
        check(page, 'saving switched off and on');
        await page.getByRole('button', { name: 'Copy link' }).click();
        await waitForText(page, '.share-status', /\S/);
        check(page, 'link copied');
        const link = await page.locator('#share-url').inputValue();

        const shared = await context.newPage();
        await shared.goto(link);
        await settle(shared);
        await shared.locator('#result-heading').waitFor();
        check(shared, 'shared result');
        await shared.getByRole('button', { name: 'Take it yourself' }).first().click();
        await shared.locator('form.quiz-form').waitFor();
        check(shared, 'shared result, taking it yourself');
        await shared.goto(`${quiz.path}#r=broken`);
        await settle(shared);
        await shared.locator('.quiz-notice').waitFor();
        check(shared, 'damaged share link');

        await page.getByRole('button', { name: 'Take it again', exact: true }).click();
        await page.locator('form.quiz-form').waitFor();
        check(page, 'taking it again');
      } finally {
        await context.close();
      }
      expectNoProblems(problems);
    },
  );

  it('my results: empty, with a chart, backed up, restored, one deleted, all deleted, erased', async () => {
    const host = await hostContext({ acceptDownloads: true });
    const { context } = host;
    const { problems, check } = collector(host);
    const quiz = quizzes[0]!;
    try {
      const page = await context.newPage();
      await page.goto('/my-results/');
      await settle(page);
      check(page, 'empty');
      for (const direction of ['low', 'high'] as const) {
        await page.goto(quiz.path);
        await settle(page);
        await answerByClicking(page, quiz, extremeAnswers(quiz, direction));
        await page.locator(SUBMIT).click();
        await page.locator('#result-heading').waitFor();
      }
      await page.goto('/my-results/');
      await settle(page);
      await page.locator('.result-card').first().waitFor();
      check(page, 'two results, chart and list');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.locator('.results-tools').getByRole('button', { name: 'Download a backup' }).click(),
      ]);
      const exported = readFileSync((await download.path())!, 'utf8');
      check(page, 'exported');
      const input = page.getByLabel('Bring back a backup file');
      await input.setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": 1}') });
      await waitForText(page, '[role="alert"]', /nothing was brought in/);
      check(page, 'a bad file refused');
      await input.setInputFiles({ name: 'mine.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
      await waitForText(page, '#results-message .status-note', /\S/);
      check(page, 'a file imported');
      await page.getByRole('button', { name: /^Delete the result from/ }).first().click();
      check(page, 'one deleted');
      await page.getByRole('button', { name: 'Delete all my results' }).click();
      await page.getByRole('button', { name: 'No, keep them' }).click();
      await page.getByRole('button', { name: 'Delete all my results' }).click();
      await page.getByRole('button', { name: 'Yes, delete them all' }).click();
      await page.getByRole('heading', { name: 'Nothing saved yet' }).waitFor();
      check(page, 'all deleted');
      await page.getByRole('button', { name: 'Erase everything' }).click();
      await page.getByRole('button', { name: 'Yes, erase everything' }).click();
      await waitForText(page, '#results-message .status-note', /^Erased from this device/);
      check(page, 'everything erased');
    } finally {
      await context.close();
    }
    expectNoProblems(problems);
  });
});
