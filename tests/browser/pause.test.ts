import { readFileSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { distDir } from '../harness/dist.ts';
import { IssueRecorder } from '../harness/page-issues.ts';
import { expectNoProblems } from '../harness/problems.ts';
import { settle } from '../harness/settle.ts';
import { useSiteBrowser } from '../harness/site-browser.ts';

// "Before you text them" on Right now, as a reader uses it: write, wait twenty minutes by the clock (moved
// with Playwright's clock, across reloads), then choose. Nothing may leave the page, least of all the message.

const site = useSiteBrowser();
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const PHONE = { width: 390, height: 844 };
const MINUTE = 60_000;
/** A Wednesday evening, so the whole test stays inside one week. */
const START = new Date('2026-05-06T21:40:00Z');
const MESSAGE = 'I still think about you every night.\nWhy did you stop answering?';
const DRAFTS = 'letting-go:pause-drafts';
const LOG = 'letting-go:pause-log';

/** What an earlier evening left: one message kept unsent, one pause logged. */
const EARLIER = (() => {
  const at = '2026-05-05T20:00:00.000Z';
  const chosen = '2026-05-05T20:21:00.000Z';
  const draft = { id: 'earlier', updatedAt: chosen, createdAt: at, text: 'An older message', startedAt: at, stoppedAt: null, chosenAt: chosen, choice: 'keep', keptAt: chosen };
  const entry = { id: 'earlier', updatedAt: chosen, startedAt: at, chosenAt: chosen, choice: 'keep', endedEarly: false, feeling: 'sad' };
  return { [DRAFTS]: JSON.stringify({ format: 1, entries: [draft] }), [LOG]: JSON.stringify({ format: 1, entries: [entry] }) };
})();

const stored = (page: Page, key: string) => page.evaluate((name) => localStorage.getItem(name), key);

/** The bar of the minutes left: its value, its maximum and the words it speaks. */
const bar = (page: Page) =>
  page.locator('progress.pause-bar').evaluate((element: HTMLProgressElement) => ({
    value: element.value,
    max: element.max,
    text: element.getAttribute('aria-valuetext'),
  }));

async function openTool(page: Page): Promise<void> {
  await page.goto('/right-now/');
  await settle(page);
}

/** Types the message and waits until it is written (the tool saves a moment after typing stops). */
async function write(page: Page, text: string): Promise<void> {
  await page.getByLabel('The message you want to send').fill(text);
  await expect.poll(async () => (await stored(page, DRAFTS)) ?? '').toContain(JSON.stringify(text).slice(1, -1));
}

/** The quick exit is on screen and nothing of the tool lies over it. */
async function expectQuickExitClear(page: Page): Promise<void> {
  const exit = page.locator('a[data-quick-exit]');
  expect(await exit.isVisible()).toBe(true);
  const box = (await exit.boundingBox())!;
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(PHONE.height);
  const onTop = await page.evaluate(
    ([x, y]) => document.elementFromPoint(x!, y!)?.closest('[data-quick-exit]') !== null,
    [box.x + box.width / 2, box.y + box.height / 2],
  );
  expect(onTop).toBe(true);
}

async function newContext(options: Parameters<typeof site.newContext>[0] = {}): Promise<{ context: BrowserContext; recorder: IssueRecorder }> {
  // No service worker: its precache would fetch while the test listens for the tool's requests.
  const context = await site.newContext({ viewport: PHONE, serviceWorkers: 'block', ...options });
  return { context, recorder: await IssueRecorder.attach(context, site.origin) };
}

function expectClean(recorder: IssueRecorder, page: Page): void {
  const issues = recorder.take(page);
  expectNoProblems([...issues.consoleErrors, ...issues.cspViolations, ...issues.offSiteRequests]);
}

describe('Before you text them', () => {
  it('writes, waits twenty minutes by the clock across reloads and tabs, copies without sending, and logs each use', async () => {
    const { context, recorder } = await newContext({ permissions: ['clipboard-read', 'clipboard-write'], acceptDownloads: true });
    try {
      const page = await context.newPage();
      await page.clock.install({ time: START });
      await openTool(page);
      const otherTab = await context.newPage();
      await openTool(otherTab);
      await write(page, MESSAGE);
      await page.getByRole('button', { name: 'Start my 20 minutes' }).click();
      expect(await page.locator('#pause-announce').textContent()).toBe('Your 20 minutes have started.');
      expect(await page.locator('.pause-left').textContent()).toBe('About 20 minutes to go');
      expect(await bar(page)).toEqual({ value: 20, max: 20, text: 'About 20 minutes to go' });
      await expectQuickExitClear(page);
      // The other tab shows the same pause, with the message, at once.
      await expect.poll(() => otherTab.locator('.pause-left').textContent()).toBe('About 20 minutes to go');
      expect(await otherTab.getByLabel('The message you want to send').inputValue()).toBe(MESSAGE);
      expectClean(recorder, otherTab);
      await otherTab.close();

      // A few minutes pass with the page open: the words change at most once a minute, the live region not at all.
      await page.evaluate(() => {
        const seen: Record<string, string[]> = { announce: [], left: [] };
        (window as unknown as { seen: Record<string, string[]> }).seen = seen;
        const read = (selector: string) => document.querySelector(selector)?.textContent ?? '';
        let last = { announce: read('#pause-announce'), left: read('.pause-left') };
        new MutationObserver(() => {
          const now = { announce: read('#pause-announce'), left: read('.pause-left') };
          if (now.announce !== last.announce) seen.announce!.push(now.announce);
          if (now.left !== last.left) seen.left!.push(now.left);
          last = now;
        }).observe(document.querySelector('.pause')!, { subtree: true, childList: true, characterData: true });
      });
      await page.clock.runFor(4 * MINUTE);
      const seen = await page.evaluate(() => (window as unknown as { seen: Record<string, string[]> }).seen);
      expect(seen.announce).toEqual([]);
      expect(seen.left).toEqual(['About 19 minutes to go', 'About 18 minutes to go', 'About 17 minutes to go', 'About 16 minutes to go']);

      // Ten minutes after the start, a reload finds ten minutes left.
      await page.clock.setSystemTime(START.getTime() + 10 * MINUTE);
      await page.reload();
      await settle(page);
      expect(await page.locator('.pause-left').textContent()).toBe('About 10 minutes to go');
      expect(await bar(page)).toEqual({ value: 10, max: 20, text: 'About 10 minutes to go' });
      expect(await page.getByLabel('The message you want to send').inputValue()).toBe(MESSAGE);

      // Past twenty minutes: the three choices.
      await page.clock.setSystemTime(START.getTime() + 21 * MINUTE);
      await page.reload();
      await settle(page);
      expect(await page.getByRole('heading', { name: 'Your 20 minutes are up' }).isVisible()).toBe(true);
      for (const name of ['Delete the message', 'Keep it, unsent', 'I still want to send it']) {
        expect(await page.getByRole('button', { name }).isVisible()).toBe(true);
      }
      await expectQuickExitClear(page);

      // "I still want to send it" copies, and nothing at all is requested, not even from the site.
      await page.getByRole('radio', { name: 'Lonely' }).check();
      const requests: string[] = [];
      context.on('request', (request) => requests.push(request.url()));
      await page.getByRole('button', { name: 'I still want to send it' }).click();
      await expect.poll(() => page.locator('#pause-copied [role="status"]').textContent()).toMatch(/^Copied\. Nothing was sent/);
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(MESSAGE);
      await page.waitForTimeout(300);
      expect(requests).toEqual([]);

      // Deleting it removes the message from storage; the log keeps the use, never the words.
      await page.getByRole('button', { name: 'Delete the message' }).click();
      expect(await stored(page, DRAFTS)).toBeNull();
      expect(await page.locator('#pause-message-tool').textContent()).toBe('The message is deleted. Nothing was sent.');
      const log = page.getByRole('region', { name: 'Your pauses' });
      expect(await log.locator('.entry-card').allTextContents()).toEqual([expect.stringContaining('Still wanted to send it · Lonely')]);
      expect(await log.locator('.pause-week').textContent()).toMatch(/^This week: 1 pause ended with the message copied to send\./);
      expect(await stored(page, LOG)).not.toContain('every night');

      // A second use, ended early on purpose, and kept.
      await write(page, 'Second message');
      await page.getByRole('button', { name: 'Start my 20 minutes' }).click();
      await page.getByRole('button', { name: 'I want to choose now' }).click();
      await page.getByRole('button', { name: 'Yes, choose now' }).click();
      expect(await page.getByRole('heading', { name: 'You chose before the pause ended' }).isVisible()).toBe(true);
      await page.getByRole('button', { name: 'Keep it, unsent' }).click();
      expect(await log.locator('.entry-card').first().textContent()).toContain('Kept it, unsent · chose before the pause ended');
      expect(await log.locator('.pause-week').textContent()).toMatch(
        /^This week: 1 urge passed without sending, and 1 pause ended with the message copied to send\./,
      );
      expect(await page.getByRole('region', { name: 'Messages you kept, unsent' }).locator('.entry-card').count()).toBe(1);

      // The export holds both entries.
      const [download] = await Promise.all([page.waitForEvent('download'), log.getByRole('button', { name: 'Download the log (CSV)' }).click()]);
      expect(download.suggestedFilename()).toMatch(/^letting-go-pauses-\d{4}-\d{2}-\d{2}\.csv$/);
      const csv = readFileSync((await download.path())!, 'utf8').trim().split('\r\n');
      expect(csv).toHaveLength(3);
      expect(csv[1]).toContain('"Lonely","Still wanted to send it","no"');
      expect(csv[2]).toContain('"Kept it, unsent","yes"');

      // Deleting the whole log asks first, names how many, and empties it; the kept message stays.
      await log.getByRole('button', { name: 'Delete the whole log' }).click();
      expect(await page.locator('#pause-confirm-log').textContent()).toContain('This removes all 2 pauses in your log from this device.');
      await page.getByRole('button', { name: 'Yes, delete them' }).click();
      expect(await stored(page, LOG)).toBeNull();
      expect(await log.locator('.entry-card').count()).toBe(0);
      expect(await log.locator('.pause-week').count()).toBe(0);
      expect(await log.textContent()).toContain('Nothing logged yet.');
      expect(await stored(page, DRAFTS)).toContain('Second message');
      expectClean(recorder, page);
    } finally {
      await context.close();
    }
  });

  it('has no axe violations while writing, while the pause runs and after it, in both themes', async () => {
    const found: string[] = [];
    const auditTheme = async (theme: 'light' | 'dark') => {
      const { context, recorder } = await newContext({ colorScheme: theme });
      // A kept message and a logged pause from earlier, so every state is audited with the lists below it.
      await context.addInitScript(
        ({ choice, kept }) => {
          if (location.protocol !== 'http:') return;
          localStorage.setItem('theme', choice);
          for (const [key, value] of Object.entries(kept)) if (localStorage.getItem(key) === null) localStorage.setItem(key, value);
        },
        { choice: theme, kept: EARLIER },
      );
      try {
        const page = await context.newPage();
        await page.clock.install({ time: START });
        await openTool(page);
        const audit = async (state: string) => {
          const results = await new AxeBuilder({ page }).include('.pause-tool').withTags(WCAG_TAGS).setLegacyMode(true).analyze();
          found.push(...results.violations.map((violation) => `${theme}, ${state}: ${violation.id} ${violation.help} → ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`));
        };
        await write(page, MESSAGE);
        await audit('writing');
        await page.getByRole('button', { name: 'Start my 20 minutes' }).click();
        await page.getByRole('button', { name: 'I want to choose now' }).click();
        await audit('pause running, asked whether to end it early');
        await page.getByRole('button', { name: 'No, keep waiting' }).click();
        await page.clock.fastForward(21 * MINUTE);
        await page.getByRole('heading', { name: 'Your 20 minutes are up' }).waitFor();
        await audit('pause over');
        await page.getByRole('button', { name: 'I still want to send it' }).click();
        await page.locator('#pause-copied [role="status"]').waitFor();
        await audit('after "I still want to send it"');
        // The kept message and the earlier pause, now with this one logged.
        expect(await page.locator('.entry-card').count()).toBe(3);
        expectClean(recorder, page);
      } finally {
        await context.close();
      }
    };
    await Promise.all([auditTheme('light'), auditTheme('dark')]);
    expectNoProblems(found);
  });

  it('keeps everything on the page only when saving is off, and says so; where copying is refused, selects the text', async () => {
    const { context, recorder } = await newContext();
    await context.addInitScript(() => {
      if (location.protocol !== 'http:') return;
      localStorage.setItem('letting-go:preferences', JSON.stringify({ isSavingResults: false, lastBackupAt: null }));
      // A browser that refuses the page the clipboard.
      navigator.clipboard.writeText = () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
    });
    try {
      const page = await context.newPage();
      await page.clock.install({ time: START });
      await openTool(page);
      expect(await page.locator('#pause-saving').textContent()).toContain('Saving is off on this device');
      await page.getByLabel('The message you want to send').fill(MESSAGE);
      await page.getByRole('button', { name: 'Start my 20 minutes' }).click();
      expect(await page.locator('.pause-left').textContent()).toBe('About 20 minutes to go');
      await page.clock.fastForward(21 * MINUTE);
      await page.getByRole('button', { name: 'I still want to send it' }).click();
      await expect.poll(() => page.locator('#pause-copied [role="status"]').textContent()).toMatch(/^This browser did not let the page copy, so the message is selected/);
      expect(await page.evaluate(() => [document.activeElement?.id, getSelection()?.toString()])).toEqual(['pause-text', MESSAGE]);
      expect(await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('letting-go:pause')))).toEqual([]);
      expectClean(recorder, page);
    } finally {
      await context.close();
    }
  });

  it('without JavaScript, reads as the page with a sentence about the tool; the tool stays out of the search index', async () => {
    const html = readFileSync(`${distDir}/right-now/index.html`, 'utf8');
    const tool = html.match(/<section class="pause-tool"[^>]*>/)?.[0] ?? '';
    expect(tool).toContain('data-pagefind-ignore');
    expect(html.indexOf('data-pagefind-body')).toBeLessThan(html.indexOf('class="pause-tool"'));
    const { context } = await newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto('/right-now/#before-you-text-them');
      expect(await page.getByText('Writing here needs JavaScript').isVisible()).toBe(true);
      expect(await page.locator('[data-island="pause"]').isVisible()).toBe(false);
      expect(await page.getByRole('heading', { name: 'Put the phone somewhere else' }).isVisible()).toBe(true);
    } finally {
      await context.close();
    }
  });
});
