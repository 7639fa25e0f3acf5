import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, it } from 'vitest';
import { expectNoProblems } from '../harness/problems.ts';
import { settle } from '../harness/settle.ts';
import { useSiteBrowser } from '../harness/site-browser.ts';
import { SUBMIT, answerByClicking, readQuizzes, safetyAnswers } from './quiz-page.ts';

const site = useSiteBrowser();
const quizzes = readQuizzes();

// The quizzes share one template (src/pages/quizzes/[id].astro and the quiz island), so every state is
// audited on one of them in each theme: the one with the most statements. The others differ in their
// wording (statements, bands, links) only; their first screen, every statement, is audited for each.
const full = quizzes.reduce((longest, quiz) => (quiz.items.length > longest.items.length ? quiz : longest));
const others = quizzes.filter((quiz) => quiz !== full);

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const THEMES = ['light', 'dark'] as const;

/**
 * Runs axe on the page as it is now in each theme, switched in place as the theme toggle does it (the system
 * preference and the stored choice's attribute both); one line per violation.
 */
async function audit(page: Page, state: string): Promise<string[]> {
  const found: string[] = [];
  for (const theme of THEMES) {
    await page.emulateMedia({ colorScheme: theme });
    await page.evaluate((chosen) => void (document.documentElement.dataset.theme = chosen), theme);
    const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).setLegacyMode(true).analyze();
    found.push(
      ...results.violations.map((violation) => {
        const targets = violation.nodes.slice(0, 3).map((node) => node.target.join(' '));
        return `${state}, ${theme}: ${violation.id} [${violation.impact}] ${violation.help} → ${targets.join(', ')}`;
      }),
    );
  }
  return found;
}

describe('quiz pages in both themes (axe, WCAG 2.2 AA)', () => {
  it(`${full.id}: no violations with the questions, the error summary, the result, what changed and a shared result`, async () => {
    const quiz = full;
    const context = await site.newContext();
    const found: string[] = [];
    try {
      const page = await context.newPage();
      await page.goto(quiz.path);
      await settle(page);
      found.push(...(await audit(page, `${quiz.path} questions`)));

      await answerByClicking(page, quiz, safetyAnswers(quiz), 3);
      await page.locator(SUBMIT).click();
      await page.waitForSelector('#error-summary');
      found.push(...(await audit(page, `${quiz.path} error summary`)));

      await answerByClicking(page, quiz, safetyAnswers(quiz));
      await page.locator(SUBMIT).click();
      await page.waitForSelector('#result-heading');
      found.push(...(await audit(page, `${quiz.path} result`)));

      // Taken again with every answer the same: the same-answer note, and what changed since last time.
      const sharedAnswers = quiz.items.map(() => 4);
      await page.getByRole('button', { name: 'Take it again', exact: true }).click();
      await answerByClicking(page, quiz, sharedAnswers);
      await page.locator(SUBMIT).click();
      await page.waitForSelector('.comparison');
      found.push(...(await audit(page, `${quiz.path} result with what changed`)));

      // The same answers as a shared result.
      const link = await page.locator('#share-url').inputValue();
      await page.goto(link);
      await page.reload();
      await settle(page);
      await page.waitForSelector('#result-heading');
      found.push(...(await audit(page, `${quiz.path} shared result`)));
    } finally {
      await context.close();
    }
    expectNoProblems(found);
  });

  it.each(others.map((quiz) => [quiz.id, quiz] as const))(
    `%s: no violations on its questions (its other states share ${full.id}'s template)`,
    async (_id, quiz) => {
      const context = await site.newContext();
      try {
        const page = await context.newPage();
        await page.goto(quiz.path);
        await settle(page);
        expectNoProblems(await audit(page, `${quiz.path} questions`));
      } finally {
        await context.close();
      }
    },
  );
});
