import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { parse } from 'yaml';
import { rootDir } from '../harness/dist.ts';
import { keyedAnswers } from '../harness/quiz-answers.ts';
import { quizSchema, type QuizDefinition } from '../../src/features/quiz/quiz-schema.ts';

// Shared steps for the quiz browser tests: what the quizzes ask, and how a reader answers them.

/** What the tests need to know about a quiz, read from its YAML file. */
export interface QuizFacts {
  id: string;
  path: string;
  items: QuizDefinition['items'];
  definition: QuizDefinition;
}

/** Every quiz in content/quizzes/, in file order. */
export function readQuizzes(): QuizFacts[] {
  const dir = join(rootDir, 'content', 'quizzes');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => {
      const definition = quizSchema.parse(parse(readFileSync(join(dir, name), 'utf8')));
      return { id: definition.id, path: `/quizzes/${definition.id}/`, items: definition.items, definition };
    });
}

/** Answers (1-5) giving the lowest total (0) or the highest (100), safety statements disagreed with. */
export function extremeAnswers(quiz: QuizFacts, direction: 'low' | 'high'): number[] {
  return keyedAnswers(quiz.definition, direction);
}

/** Answers agreeing strongly with each safety statement and giving the lowest total. */
export function safetyAnswers(quiz: QuizFacts): number[] {
  return keyedAnswers(quiz.definition, 'low', 5);
}

/** The selector of one answer's radio. */
export function radio(itemId: string, value: number): string {
  return `#q-${itemId}-${value}`;
}

/** Whether the focused element matches `selector`. */
export function isFocused(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((selector) => document.activeElement?.matches(selector) ?? false, selector);
}

/** Presses Tab until `selector` has focus; fails after `limit` presses. */
export async function tabTo(page: Page, selector: string, limit = 60): Promise<void> {
  for (let presses = 0; presses < limit; presses += 1) {
    await page.keyboard.press('Tab');
    if (await isFocused(page, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

/**
 * Answers every statement with the keyboard alone: Tab into each radio group (focus lands on its first
 * option), arrow keys to move to the answer, Space to pick the first option, then Tab on.
 */
export async function answerWithKeyboard(page: Page, quiz: QuizFacts, answers: readonly number[]): Promise<void> {
  await tabTo(page, radio(quiz.items[0]!.id, 1));
  for (const [index, item] of quiz.items.entries()) {
    const value = answers[index]!;
    if (!(await isFocused(page, `input[name="q-${item.id}"]`))) throw new Error(`Focus is not in the group of ${item.id}`);
    if (value === 1) await page.keyboard.press('Space');
    for (let step = 1; step < value; step += 1) await page.keyboard.press('ArrowRight');
    if (!(await page.isChecked(radio(item.id, value)))) throw new Error(`${item.id} did not get ${value}`);
    await page.keyboard.press('Tab');
  }
}

/** Answers every statement (or the first `count`) by clicking the labels. */
export async function answerByClicking(page: Page, quiz: QuizFacts, answers: readonly number[], count = quiz.items.length): Promise<void> {
  for (const [index, item] of quiz.items.slice(0, count).entries()) {
    await page.locator(`label:has(${radio(item.id, answers[index]!)})`).click();
  }
}

/** The result heading's text without the "Your result:" lead-in. */
export async function bandTitle(page: Page): Promise<string> {
  const text = (await page.locator('#result-heading').textContent()) ?? '';
  return text.replace(/^(Your result|A shared result):\s*/, '').trim();
}

/** The submit button of the quiz form (the header has a search button too). */
export const SUBMIT = '.quiz-form button[type="submit"]';
