import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Page } from 'playwright-core';
import { quizSchema } from '../../src/features/quiz/quiz-schema.ts';
import { encodeShareCode } from '../../src/features/quiz/engine/share-code.ts';
import { rootDir } from '../harness/dist.ts';
import { expectNoProblems } from '../harness/problems.ts';
import { IssueRecorder } from '../harness/page-issues.ts';
import { settle } from '../harness/settle.ts';
import { sitePaths, useSiteBrowser, visitAll } from '../harness/site-browser.ts';
import {
  SUBMIT,
  answerByClicking,
  answerWithKeyboard,
  bandTitle,
  extremeAnswers,
  isFocused,
  radio,
  readQuizzes,
  safetyAnswers,
  tabTo,
} from './quiz-page.ts';

const site = useSiteBrowser();
const quizzes = readQuizzes();

/** Records every request a page makes from now on (data: and blob: URLs are not requests). */
function recordRequests(page: Page): string[] {
  const requests: string[] = [];
  page.on('request', (request) => {
    if (!/^(?:data|blob):/.test(request.url())) requests.push(request.url());
  });
  return requests;
}

describe.each(quizzes.map((quiz) => [quiz.id, quiz] as const))('the %s quiz', (_id, quiz) => {
  it('can be completed with the keyboard alone, and the two extreme answer patterns give different bands', async () => {
    const context = await site.newContext();
    const recorder = await IssueRecorder.attach(context, site.origin);
    try {
      const page = await context.newPage();
      const titles: string[] = [];
      for (const direction of ['low', 'high'] as const) {
        await page.goto(quiz.path);
        await settle(page);
        await answerWithKeyboard(page, quiz, extremeAnswers(quiz, direction));
        // After the last statement the next stop is the submit button.
        expect(await isFocused(page, SUBMIT)).toBe(true);
        await page.keyboard.press('Enter');
        await page.waitForSelector('#result-heading');
        expect(await isFocused(page, '#result-heading'), 'focus moves to the result heading').toBe(true);
        titles.push(await bandTitle(page));
        const gauge = await page.locator('svg.gauge').getAttribute('aria-label');
        expect(gauge).toContain(direction === 'low' ? 'Score: 0 out of 100' : 'Score: 100 out of 100');
        await page.evaluate(() => localStorage.clear());
      }
      expect(titles[0]).not.toBe(titles[1]);
      const issues = recorder.take(page);
      expect([...issues.consoleErrors, ...issues.cspViolations, ...issues.offSiteRequests]).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('answering a quiz', () => {
  const quiz = quizzes.find((candidate) => candidate.id === 'victim-mindset') ?? quizzes[0]!;

  it('before any JavaScript runs, is a readable form whose radios the keyboard reaches', async () => {
    const context = await site.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(quiz.path);
      expect(await page.locator('form.quiz-form fieldset legend').count()).toBe(quiz.items.length);
      expect(await page.getByText('needs JavaScript').isVisible()).toBe(true);
      expect(await page.locator(SUBMIT).isDisabled()).toBe(true);
      await tabTo(page, radio(quiz.items[0]!.id, 1));
      await page.keyboard.press('ArrowRight');
      expect(await page.isChecked(radio(quiz.items[0]!.id, 2))).toBe(true);
    } finally {
      await context.close();
    }
  });

  it('shows progress, and after a reload picks up where the reader stopped', async () => {
    const context = await site.newContext();
    try {
      const page = await context.newPage();
      await page.goto(quiz.path);
      await settle(page);
      expect(await page.getByText('needs JavaScript').count()).toBe(0);
      await answerByClicking(page, quiz, extremeAnswers(quiz, 'high'), 3);
      await expect.poll(() => page.locator('.quiz-progress').textContent()).toBe(`3 of ${quiz.items.length} answered`);
      await page.reload();
      await settle(page);
      expect(await page.locator('.quiz-progress').textContent()).toBe(`3 of ${quiz.items.length} answered`);
      expect(await page.getByText('We kept the answers you gave last time').isVisible()).toBe(true);
      for (const [index, item] of quiz.items.slice(0, 3).entries()) {
        expect(await page.isChecked(radio(item.id, extremeAnswers(quiz, 'high')[index]!))).toBe(true);
      }
    } finally {
      await context.close();
    }
  });

  it('on a submit with gaps moves focus to an error summary whose links reach each missing statement', async () => {
    const context = await site.newContext();
    try {
      const page = await context.newPage();
      await page.goto(quiz.path);
      await settle(page);
      await answerByClicking(page, quiz, extremeAnswers(quiz, 'low'), 2);
      await page.locator(SUBMIT).click();
      expect(await isFocused(page, '#error-summary')).toBe(true);
      const links = page.locator('#error-summary a');
      expect(await links.count()).toBe(quiz.items.length - 2);
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      expect(await isFocused(page, `input[name="q-${quiz.items[2]!.id}"]`)).toBe(true);
    } finally {
      await context.close();
    }
  });

  it('sends nothing while answering, submitting and viewing the result: at most the result view’s own script is fetched', async () => {
    const context = await site.newContext();
    try {
      const page = await context.newPage();
      await page.goto(quiz.path);
      await settle(page);
      const requests = recordRequests(page);
      await answerByClicking(page, quiz, safetyAnswers(quiz));
      await page.locator(SUBMIT).click();
      await page.waitForSelector('#result-heading');
      await page.getByRole('checkbox', { name: 'Save this result on this device' }).click();
      await page.getByRole('checkbox', { name: 'Save this result on this device' }).click();
      await page.getByRole('button', { name: 'Take it again', exact: true }).click();
      await page.waitForSelector('#quiz-form-heading');
      // The result view is a script of the site's own, loaded once the reader starts answering, with the
      // check-in reminder's button, which it shares with My results; they carry nothing of theirs (no query,
      // no body). Anything else would be a request with their answers in reach.
      const ownScript = new RegExp(`^${site.origin}/_astro/(?:quiz-result|ReminderButton)\\.[\\w-]+\\.js$`);
      expectNoProblems(requests.filter((url) => !ownScript.test(url)));
      expect(requests.length).toBeLessThanOrEqual(2);
    } finally {
      await context.close();
    }
  });

  it('shows the support box above everything else when a safety statement is agreed with', async () => {
    const context = await site.newContext();
    try {
      const page = await context.newPage();
      await page.goto(quiz.path);
      await settle(page);
      await answerByClicking(page, quiz, safetyAnswers(quiz));
      await page.locator(SUBMIT).click();
      const box = page.locator('.safety-box');
      expect(await box.isVisible()).toBe(true);
      expect(await box.locator('a[href="/help/"]').count()).toBe(1);
      const above = await page.evaluate(() => {
        const safety = document.querySelector('.safety-box')!.getBoundingClientRect().top;
        return [...document.querySelectorAll('.result-summary, .subscales, .save-control')].every(
          (element) => element.getBoundingClientRect().top > safety,
        );
      });
      expect(above).toBe(true);
    } finally {
      await context.close();
    }
  });
});

describe('share links', () => {
  const quiz = quizzes.find((candidate) => candidate.id === 'anger') ?? quizzes[0]!;

  it('reproduce the result elsewhere without answering, with a way to take it yourself', async () => {
    const first = await site.newContext();
    const second = await site.newContext();
    try {
      const page = await first.newPage();
      await page.goto(quiz.path);
      await settle(page);
      const answers = quiz.items.map((_, index) => (index % 5) + 1);
      await answerByClicking(page, quiz, answers);
      await page.locator(SUBMIT).click();
      const title = await bandTitle(page);
      const gauge = await page.locator('svg.gauge').getAttribute('aria-label');
      const link = await page.locator('#share-url').inputValue();
      expect(link).toMatch(new RegExp(`${quiz.path}#r=[A-Za-z0-9_-]+$`));

      const other = await second.newPage();
      await other.goto(link);
      await settle(other);
      await other.waitForSelector('#result-heading');
      expect(await bandTitle(other)).toBe(title);
      expect(await other.locator('svg.gauge').getAttribute('aria-label')).toBe(gauge);
      expect(await other.locator('#result-heading').textContent()).toMatch(/^A shared result/);
      expect(await other.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('letting-go:')))).toEqual([]);
      await other.getByRole('button', { name: 'Take it yourself' }).first().click();
      expect(await other.locator('form.quiz-form fieldset').count()).toBe(quiz.items.length);
      expect(new URL(other.url()).hash).toBe('');
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
  });

  const definition = quizSchema.parse(parse(readFileSync(join(rootDir, 'content', 'quizzes', `${quiz.id}.yaml`), 'utf8')));
  const otherId = quizzes.find((candidate) => candidate.id !== quiz.id)!.id;
  const otherDefinition = quizSchema.parse(parse(readFileSync(join(rootDir, 'content', 'quizzes', `${otherId}.yaml`), 'utf8')));
  const code = encodeShareCode(definition, definition.items.map(() => 2));

  it.each([
    ['tampered', `${code.slice(0, 5)}${code[5] === 'A' ? 'B' : 'A'}${code.slice(6)}`, /changed along the way/],
    ['truncated', code.slice(0, 7), /damaged or incomplete/],
    ['from another quiz', encodeShareCode(otherDefinition, otherDefinition.items.map(() => 2)), /different quiz/],
  ])('that are %s show the clear message and the empty quiz, never an error', async (_name, mangled, message) => {
    const context = await site.newContext();
    const recorder = await IssueRecorder.attach(context, site.origin);
    try {
      const page = await context.newPage();
      await page.goto(`${quiz.path}#r=${mangled}`);
      await settle(page);
      expect(await page.locator('.quiz-notice[role="status"]').textContent()).toMatch(message);
      expect(await page.locator('#result-heading').count()).toBe(0);
      expect(await page.locator('form.quiz-form fieldset').count()).toBe(quiz.items.length);
      expect(await page.locator('form.quiz-form input:checked').count()).toBe(0);
      const issues = recorder.take(page);
      expect([...issues.consoleErrors, ...issues.cspViolations]).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('corrupt saved data', () => {
  it('breaks no page: every page loads without errors, and a quiz still scores', async () => {
    const context = await site.newContext();
    await context.addInitScript(() => {
      // A blank new page has no storage of its own; only the site's pages get the garbage.
      if (location.protocol !== 'http:') return;
      for (const key of ['letting-go:results', 'letting-go:preferences', 'theme']) localStorage.setItem(key, '{"schema":');
      for (const id of ['anger', 'readiness-to-let-go', 'victim-mindset']) localStorage.setItem(`letting-go:progress:${id}`, '[[[');
    });
    const recorder = await IssueRecorder.attach(context, site.origin);
    const found: string[] = [];
    try {
      await visitAll(context, sitePaths(), async (page, path) => {
        await page.goto(path);
        await settle(page);
        const issues = recorder.take(page);
        found.push(...[...issues.consoleErrors, ...issues.cspViolations].map((text) => `${path}: ${text}`));
      });
      const page = await context.newPage();
      const quiz = quizzes[0]!;
      await page.goto(quiz.path);
      await settle(page);
      await answerByClicking(page, quiz, extremeAnswers(quiz, 'low'));
      await page.locator(SUBMIT).click();
      await page.waitForSelector('#result-heading');
      await page.goto('/my-results/');
      await settle(page);
      expect(await page.locator('.my-results').textContent()).toMatch(/couldn't be read/);
    } finally {
      await context.close();
    }
    expectNoProblems(found);
  });
});
