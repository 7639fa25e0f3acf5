// The check-in reminder from a quiz result and from My results: the calendar file it downloads, read back with
// a calendar parser, a second download that moves the same event, and the open choice audited in both themes.
import { readFile } from 'node:fs/promises';
import { AxeBuilder } from '@axe-core/playwright';
import ICAL from 'ical.js';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { withCheckedContext } from '../harness/checked-context.ts';
import { expectNoProblems } from '../harness/problems.ts';
import { settle } from '../harness/settle.ts';
import { useSiteBrowser } from '../harness/site-browser.ts';
import { SUBMIT, answerByClicking, extremeAnswers, readQuizzes } from './quiz-page.ts';

const site = useSiteBrowser();
const quiz = readQuizzes().find((candidate) => candidate.id === 'readiness-to-let-go')!;
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Downloads the reminder with the choice shown and returns the file's parsed event, alarm and text. */
async function download(page: Page, scope = page.locator('body')) {
  const [file] = await Promise.all([page.waitForEvent('download'), scope.getByRole('button', { name: 'Download the reminder' }).click()]);
  expect(file.suggestedFilename()).toBe('check-in.ics');
  const text = await readFile((await file.path())!, 'utf8');
  const calendar = new ICAL.Component(ICAL.parse(text));
  const vevent = calendar.getFirstSubcomponent('vevent')!;
  return { text, calendar, vevent, event: new ICAL.Event(vevent), alarm: vevent.getFirstSubcomponent('valarm')! };
}

/** The event's local start as [year, month, day, hour, minute]. */
function startOf(event: ICAL.Event): number[] {
  const start = event.startDate;
  return [start.year, start.month, start.day, start.hour, start.minute];
}

function expected(day: Date): number[] {
  return [day.getFullYear(), day.getMonth() + 1, day.getDate(), 19, 0];
}

async function audit(page: Page, where: string): Promise<string[]> {
  const found: string[] = [];
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    await page.evaluate((chosen) => {
      localStorage.setItem('theme', chosen);
      document.documentElement.dataset.theme = chosen;
    }, theme);
    const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).setLegacyMode(true).analyze();
    found.push(...results.violations.map((violation) => `${where}, ${theme}: ${violation.id} ${violation.help} → ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`));
  }
  return found;
}

describe('check-in reminders', () => {
  it('downloads a calendar file that a second download updates, from a result and from My results', async () => {
    await withCheckedContext(site, async (context) => {
      const page = await context.newPage();
      await page.goto(quiz.path);
      await settle(page);
      const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
      await answerByClicking(page, quiz, extremeAnswers(quiz, 'low'));
      await page.locator(SUBMIT).click();
      await page.waitForSelector('#result-heading');

      const open = page.getByRole('button', { name: 'Remind me to check in' });
      await open.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => open.getAttribute('aria-expanded')).toBe('true');
      const week = page.getByRole('radio', { name: /^In one week/ });
      await expect.poll(() => week.evaluate((input) => input === document.activeElement)).toBe(true);
      expect(await page.getByRole('group', { name: 'When would you like the reminder?' }).textContent()).toMatch(/at 7 pm/);
      const problems = await audit(page, 'quiz result with the reminder choice open');

      const now = new Date();
      const first = await download(page);
      expect(first.text).toMatch(/^BEGIN:VCALENDAR\r\n/);
      expect(first.text.split('\r\n').every((line) => new TextEncoder().encode(line).length <= 75)).toBe(true);
      expect(first.calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
      expect(first.calendar.getFirstPropertyValue('version')).toBe('2.0');
      expect(first.event.summary).toBe('Check in with yourself');
      expect(first.event.sequence).toBe(0);
      expect(first.event.uid).toMatch(/@/);
      expect(first.vevent.getFirstPropertyValue('url')).toBe(canonical);
      expect(canonical).toMatch(/^https:\/\/[^/]+\/quizzes\/readiness-to-let-go\/$/);
      expect(first.event.description).toContain(canonical);
      expect(startOf(first.event)).toEqual(expected(new Date(now.getFullYear(), now.getMonth(), now.getDate() + 7)));
      expect(first.alarm.getFirstPropertyValue('action')).toBe('DISPLAY');
      expect(first.alarm.getFirstPropertyValue('trigger')).toBeTruthy();
      expect(first.alarm.getFirstPropertyValue('description')).toBeTruthy();
      await expect.poll(() => page.locator('.reminder-status').textContent()).toMatch(/^Downloaded\. Open the file to add the reminder/);

      // By keyboard: the arrow picks the month, Tab reaches the download button, Enter downloads.
      await week.focus();
      await page.keyboard.press('ArrowDown');
      expect(await page.getByRole('radio', { name: /^In one month/ }).isChecked()).toBe(true);
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Download the reminder');
      const [keyed] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
      const second = { event: new ICAL.Event(new ICAL.Component(ICAL.parse(await readFile((await keyed.path())!, 'utf8'))).getFirstSubcomponent('vevent')!) };
      expect(second.event.uid).toBe(first.event.uid);
      expect(second.event.sequence).toBe(1);
      const lastDay = new Date(now.getFullYear(), now.getMonth() + 2, 0).getDate();
      expect(startOf(second.event)).toEqual(expected(new Date(now.getFullYear(), now.getMonth() + 1, Math.min(now.getDate(), lastDay))));
      await expect.poll(() => page.locator('.reminder-status').textContent()).toMatch(/moves the reminder to/);
      const kept = await page.evaluate(() => JSON.parse(localStorage.getItem('letting-go:reminders') ?? 'null'));
      expect(kept).toMatchObject({ format: 1, entries: [{ id: quiz.id, uid: first.event.uid, sequence: 1 }] });

      // My results offers the same reminder for each check with saved results, and moves the same event.
      await page.goto('/my-results/');
      await settle(page);
      const group = page.getByRole('region', { name: 'How ready are you to let go?' });
      await group.getByRole('button', { name: 'Remind me to check in' }).click();
      await group.getByText('You downloaded a reminder for this check before.').waitFor();
      problems.push(...(await audit(page, 'My results with the reminder choice open')));
      const third = await download(page, group);
      expect(third.event.uid).toBe(first.event.uid);
      expect(third.event.sequence).toBe(2);
      expectNoProblems(problems);
    });
  });
});
