import { readFileSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { IssueRecorder } from '../harness/page-issues.ts';
import { expectNoProblems } from '../harness/problems.ts';
import { settle } from '../harness/settle.ts';
import { useSiteBrowser } from '../harness/site-browser.ts';
import { SUBMIT, answerByClicking, extremeAnswers, readQuizzes } from './quiz-page.ts';

const site = useSiteBrowser();
const quizzes = readQuizzes();
const quiz = quizzes.find((candidate) => candidate.id === 'readiness-to-let-go') ?? quizzes[0]!;

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Takes the quiz once with the given answers; the result is saved (saving is on by default). */
async function takeQuiz(page: Page, answers: readonly number[]): Promise<void> {
  await page.goto(quiz.path);
  await settle(page);
  await answerByClicking(page, quiz, answers);
  await page.locator(SUBMIT).click();
  await page.waitForSelector('#result-heading');
}

/** Opens My results and waits for the island to read storage. */
async function openMyResults(page: Page): Promise<void> {
  await page.goto('/my-results/');
  await settle(page);
}

describe('My results', () => {
  it('shows an empty state with links to the quizzes when nothing is saved', async () => {
    const context = await site.newContext();
    try {
      const page = await context.newPage();
      await openMyResults(page);
      expect(await page.getByRole('heading', { name: 'Nothing saved yet' }).isVisible()).toBe(true);
      for (const { path } of quizzes) expect(await page.locator(`.results-empty a[href="${path}"]`).count()).toBe(1);
    } finally {
      await context.close();
    }
  });

  it('shows saved results over time as a chart with a text summary and a list, with no axe violations', async () => {
    for (const theme of ['light', 'dark'] as const) {
      const context = await site.newContext({ colorScheme: theme });
      // A blank new page has no storage to write to; the site's pages get the stored choice.
      await context.addInitScript((stored) => location.protocol === 'http:' && localStorage.setItem('theme', stored), theme);
      const recorder = await IssueRecorder.attach(context, site.origin);
      try {
        const page = await context.newPage();
        await takeQuiz(page, extremeAnswers(quiz, 'low'));
        await takeQuiz(page, extremeAnswers(quiz, 'high'));
        await openMyResults(page);
        const group = page.getByRole('region', { name: /How ready are you to let go/ });
        const chart = group.getByRole('img');
        expect(await chart.getAttribute('aria-label')).toMatch(/2 saved results from .+ The score went from 0 to 100 out of 100\./);
        expect(await chart.locator('circle').count()).toBe(2);
        expect(await group.locator('.result-card').count()).toBe(2);
        expect(await group.locator('.result-card .result-score strong').allTextContents()).toEqual(['0', '100']);
        const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).setLegacyMode(true).analyze();
        expectNoProblems(results.violations.map((violation) => `${theme}: ${violation.id} ${violation.help}`));
        const issues = recorder.take(page);
        expectNoProblems([...issues.consoleErrors, ...issues.cspViolations, ...issues.offSiteRequests]);
      } finally {
        await context.close();
      }
    }
  });

  it('downloads a backup that restores into a fresh browser; a bad file is refused and nothing is lost', async () => {
    const first = await site.newContext({ acceptDownloads: true });
    const second = await site.newContext();
    try {
      const page = await first.newPage();
      await takeQuiz(page, extremeAnswers(quiz, 'low'));
      await openMyResults(page);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.locator('.results-tools').getByRole('button', { name: 'Download a backup' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^letting-go-backup-\d{4}-\d{2}-\d{2}\.json$/);
      const text = readFileSync((await download.path())!, 'utf8');
      expect(JSON.parse(text)).toMatchObject({ app: 'letting-go', kind: 'backup', results: { results: [{ quizId: quiz.id }] } });

      const other = await second.newPage();
      await takeQuiz(other, extremeAnswers(quiz, 'high'));
      await openMyResults(other);
      const input = other.getByLabel('Bring back a backup file');
      await input.setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": 1}') });
      await expect.poll(() => other.getByRole('alert').textContent()).toMatch(/nothing was brought in/);
      expect(await other.locator('.result-card').count()).toBe(1);

      await input.setInputFiles({ name: 'mine.json', mimeType: 'application/json', buffer: Buffer.from(text) });
      await expect.poll(() => other.locator('#results-message .status-note').textContent()).toBe('Added 1 result. Nothing on this device was removed.');
      expect(await other.locator('.result-card').count()).toBe(2);
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
  });

  it('deletes one result, and all of them only after confirming', async () => {
    const context = await site.newContext();
    try {
      const page = await context.newPage();
      for (const direction of ['low', 'high', 'low'] as const) await takeQuiz(page, extremeAnswers(quiz, direction));
      await openMyResults(page);
      expect(await page.locator('.result-card').count()).toBe(3);
      await page.getByRole('button', { name: /^Delete the result from/ }).first().click();
      expect(await page.locator('.result-card').count()).toBe(2);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('results-message');

      await page.getByRole('button', { name: 'Delete all my results' }).click();
      await page.getByRole('button', { name: 'No, keep them' }).click();
      expect(await page.locator('.result-card').count()).toBe(2);
      await page.getByRole('button', { name: 'Delete all my results' }).click();
      await page.getByRole('button', { name: 'Yes, delete them all' }).click();
      expect(await page.getByRole('heading', { name: 'Nothing saved yet' }).isVisible()).toBe(true);
      await page.reload();
      await settle(page);
      expect(await page.getByRole('heading', { name: 'Nothing saved yet' }).isVisible()).toBe(true);
    } finally {
      await context.close();
    }
  });

  it('stays usable and says so when saved results are unreadable', async () => {
    const context = await site.newContext();
    const recorder = await IssueRecorder.attach(context, site.origin);
    try {
      const page = await context.newPage();
      await page.goto('/my-results/');
      await page.evaluate(() => localStorage.setItem('letting-go:results', '{"schema": 2, "results": [{"id": 7}]}'));
      await page.reload();
      await settle(page);
      expect(await page.locator('.my-results').textContent()).toMatch(/couldn't be read/);
      expect(await page.getByLabel('Bring back a backup file').count()).toBe(1);
      const issues = recorder.take(page);
      expectNoProblems([...issues.consoleErrors, ...issues.cspViolations]);
    } finally {
      await context.close();
    }
  });
});
