// What the reader keeps, as they use the pages: nothing is deleted without their say, two tabs never undo
// each other, a failing store says so at once, a backup holds everything, and the wrong words are gone.
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { computeCrc16 } from '../../src/features/quiz/engine/crc16.ts';
import { decodeBase64Url, encodeBase64Url } from '../../src/features/quiz/engine/base64url.ts';
import { encodeShareCode } from '../../src/features/quiz/engine/share-code.ts';
import type { StoredResult } from '../../src/features/quiz/engine/results.ts';
import { withCheckedContext } from '../harness/checked-context.ts';
import { emptyFiller, fillStorage } from '../harness/full-storage.ts';
import { settle } from '../harness/settle.ts';
import { useSiteBrowser } from '../harness/site-browser.ts';
import { SUBMIT, answerByClicking, extremeAnswers, radio, readQuizzes } from './quiz-page.ts';

const site = useSiteBrowser();
const quiz = readQuizzes().find((candidate) => candidate.id === 'readiness-to-let-go')!;
const DAY = 24 * 60 * 60 * 1000;

function withContext(run: (context: BrowserContext) => Promise<void>, options = {}): Promise<void> {
  return withCheckedContext(site, run, options);
}

async function open(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await settle(page);
}

/** Takes the quiz through the page; the result is saved, as it is by default. */
async function takeQuiz(page: Page, direction: 'low' | 'high' = 'low'): Promise<void> {
  await open(page, quiz.path);
  await answerByClicking(page, quiz, extremeAnswers(quiz, direction));
  await page.locator(SUBMIT).click();
  await page.waitForSelector('#result-heading');
}

function readSavedResults(page: Page): Promise<StoredResult[]> {
  return page.evaluate(() => JSON.parse(localStorage.getItem('letting-go:results') ?? '{"results":[]}').results);
}

/** `count` copies of a real result with ids and dates of their own, `startDaysAgo` days back and one a day on. */
function copies(template: StoredResult, count: number, prefix: string, startDaysAgo: number): StoredResult[] {
  return Array.from({ length: count }, (_, index) => ({
    ...template,
    id: `${prefix}-${index}`,
    takenAt: new Date(Date.now() - (startDaysAgo - index) * DAY).toISOString(),
  }));
}

/** A results file as the first builds exported it, still accepted. */
function resultsFile(results: readonly unknown[]): string {
  return JSON.stringify({ app: 'letting-go', schema: 3, exportedAt: new Date().toISOString(), results });
}

/** Brings a file in through the My results file input and returns what the page said. */
async function bringBack(page: Page, text: string | Buffer, name = 'backup.json'): Promise<string> {
  // The page moves focus to its message once it has dealt with the file.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.getByLabel('Bring back a backup file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  await page.waitForFunction(() => document.activeElement?.id === 'results-message');
  return (await page.locator('#results-message p').textContent()) ?? '';
}

describe('nothing is deleted without the reader’s say', () => {
  it('keeps every result through big imports, a single delete and a new quiz, and says exactly what happened', async () => {
    await withContext(async (context) => {
      const page = await context.newPage();
      await takeQuiz(page);
      const [template] = await readSavedResults(page);
      await open(page, '/my-results/');
      expect(await bringBack(page, resultsFile(copies(template!, 1, 'older', 400)))).toBe('Added 1 result. Nothing on this device was removed.');
      // 300 into 2: all 302 kept.
      expect(await bringBack(page, resultsFile(copies(template!, 300, 'many', 330)))).toBe('Added 300 results. Nothing on this device was removed.');
      expect(await page.locator('.result-card').count()).toBe(302);
      // 50 older into 302: all added.
      expect(await bringBack(page, resultsFile(copies(template!, 50, 'oldest', 1000)))).toBe('Added 50 results. Nothing on this device was removed.');
      expect((await readSavedResults(page)).length).toBe(352);
      // Deleting one removes one.
      await page.getByRole('button', { name: /^Delete the result from/ }).nth(10).click();
      await expect.poll(() => page.locator('.result-card').count()).toBe(351);
      expect(await page.locator('#results-message').textContent()).toMatch(/^Deleted the result from /);
      // Finishing a quiz with more than 200 saved keeps them all.
      await takeQuiz(page, 'high');
      expect((await readSavedResults(page)).length).toBe(352);
    });
  });

  it('names the repeated, the identical and the conflicting apart, and refuses a huge file at once', async () => {
    await withContext(async (context) => {
      const page = await context.newPage();
      await takeQuiz(page, 'low');
      await takeQuiz(page, 'high');
      const [first, second] = await readSavedResults(page);
      await open(page, '/my-results/');
      const fresh = copies(first!, 1, 'fresh', 3)[0]!;
      const file = resultsFile([first, { ...second, normalized: 50 }, fresh, fresh, { id: 42 }]);
      expect(await bringBack(page, file)).toBe(
        'Added 1 result. Skipped 1 you already had. 1 result in the file matches one already here but its details differ; ' +
          'we kept the one on this device. 1 entry of the file could not be read and was left out. ' +
          '1 result was in the file twice; it was added once. Nothing on this device was removed.',
      );
      expect((await readSavedResults(page)).find((result) => result.id === second!.id)?.normalized).toBe(second!.normalized);
      // A 27.4 MB file, made in the page so the time measured is the page's own, not the transfer's.
      const refused = await page.evaluate(async () => {
        const input = document.querySelector<HTMLInputElement>('#import-file')!;
        const files = new DataTransfer();
        files.items.add(new File([new Uint8Array(27_400_000).fill(32)], 'huge.json', { type: 'application/json' }));
        input.files = files.files;
        (document.activeElement as HTMLElement | null)?.blur();
        const started = performance.now();
        input.dispatchEvent(new Event('change', { bubbles: true }));
        while (document.activeElement?.id !== 'results-message') await new Promise(requestAnimationFrame);
        return { ms: performance.now() - started, text: document.querySelector('#results-message p')?.textContent };
      });
      expect(refused.text).toBe(
        'This file is 27.4 MB, and a backup from this guide is far smaller: files over 5.0 MB are not read. Nothing was changed.',
      );
      console.log(`A 27.4 MB file was refused ${Math.round(refused.ms)} ms after it was chosen.`);
      expect((await readSavedResults(page)).length).toBe(3);
    });
  });
});

describe('two tabs', () => {
  it('"Delete all" removes exactly the results it asked about, and a result saved meanwhile in another tab stays', async () => {
    await withContext(async (context) => {
      const results = await context.newPage();
      await takeQuiz(results, 'low');
      await takeQuiz(results, 'high');
      await open(results, '/my-results/');
      await results.getByRole('button', { name: 'Delete all my results' }).click();
      expect(await results.locator('#confirm-delete-all').textContent()).toContain('all 2 of your saved results');

      const other = await context.newPage();
      await takeQuiz(other, 'low');
      // The storage event reaches the first tab: the new result shows, and the question says it stays.
      await expect.poll(() => results.locator('.result-card').count()).toBe(3);
      expect(await results.locator('#confirm-delete-all').textContent()).toContain('1 result saved in another tab since you asked is not part of this and stays.');
      await results.getByRole('button', { name: 'Yes, delete them all' }).click();
      expect(await results.locator('#results-message').textContent()).toBe('Deleted your 2 saved results from this device.');
      expect(await results.locator('.result-card').count()).toBe(1);
      expect((await readSavedResults(other)).length).toBe(1);
    });
  });

  it('ten answers in one tab and one in the other: all eleven are kept, and each tab shows them', async () => {
    await withContext(async (context) => {
      const tabA = await context.newPage();
      const tabB = await context.newPage();
      await open(tabA, quiz.path);
      await open(tabB, quiz.path);
      await answerByClicking(tabA, quiz, extremeAnswers(quiz, 'low'), 10);
      // Tab B hears of each of tab A's answers through the storage event, and says so once.
      await expect.poll(() => tabB.locator('.quiz-form input[type="radio"]:checked').count()).toBe(10);
      expect(await tabB.locator('.quiz-save-notice').textContent()).toBe('You gave some answers to this check in another tab, so they are filled in here too.');
      const last = quiz.items.length - 1;
      await tabB.locator(radio(quiz.items[last]!.id, 4)).check();
      const stored = await tabB.evaluate((key) => JSON.parse(localStorage.getItem(key)!).answers as (number | null)[], `letting-go:progress:${quiz.id}`);
      expect(stored.filter((answer) => answer !== null)).toHaveLength(11);
      await expect.poll(() => tabA.locator('.quiz-form input[type="radio"]:checked').count()).toBe(11);
    });
  });
});

describe('failures said when they happen', () => {
  it('says at once when full storage stops answers being kept, and stops saying so once there is room', async () => {
    await withContext(async (context) => {
      const page = await context.newPage();
      await open(page, quiz.path);
      await page.locator(radio(quiz.items[0]!.id, 2)).check();
      // Fill the site's storage to the brim with something else.
      await fillStorage(page);
      await page.locator(radio(quiz.items[1]!.id, 2)).check();
      const notice = page.locator('.quiz-save-notice');
      expect(await notice.textContent()).toMatch(/^Your browser is out of space for this site, so these answers won't be kept if you leave/);
      expect(await notice.getByRole('link', { name: 'Make room on My results' }).getAttribute('href')).toBe('/my-results/');
      expect(await notice.isVisible()).toBe(true);
      await emptyFiller(page);
      await page.locator(radio(quiz.items[2]!.id, 2)).check();
      expect(await notice.textContent()).toBe('');
      const stored = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)!).answers as (number | null)[], `letting-go:progress:${quiz.id}`);
      expect(stored.slice(0, 3)).toEqual([2, 2, 2]);
    });
  });

  it('asks the browser to keep the data on the first save; My results says what it decided and reminds of a backup', async () => {
    await withContext(async (context) => {
      await context.addInitScript(() => {
        const storage = navigator.storage as (StorageManager & { asked?: number }) | undefined;
        if (!storage) return;
        const persist = storage.persist.bind(storage);
        storage.asked = 0;
        storage.persist = () => {
          storage.asked! += 1;
          return persist();
        };
      });
      const page = await context.newPage();
      await open(page, quiz.path);
      expect(await page.evaluate(() => (navigator.storage as StorageManager & { asked?: number }).asked)).toBe(0);
      await page.locator(radio(quiz.items[0]!.id, 3)).check();
      await expect.poll(() => page.evaluate(() => (navigator.storage as StorageManager & { asked?: number }).asked)).toBe(1);

      await takeQuiz(page);
      const [saved] = await readSavedResults(page);
      await open(page, '/my-results/');
      expect(await page.locator('.keeping').textContent()).toMatch(/^Your browser (has agreed to keep|may clear) what this site saves/);
      expect(await page.locator('.backup-reminder').count()).toBe(0);
      await bringBack(page, resultsFile(copies(saved!, 1, 'week-old', 7)));
      const reminder = page.locator('.backup-reminder');
      expect(await reminder.textContent()).toMatch(/^2 of your results, the oldest from .+, are not in a backup yet\. Browsers can clear saved data/);
      const [download] = await Promise.all([page.waitForEvent('download'), reminder.getByRole('button', { name: 'Download a backup' }).click()]);
      expect(JSON.parse(readFileSync((await download.path())!, 'utf8')).results.results).toHaveLength(2);
      expect(await reminder.count()).toBe(0);
    }, { acceptDownloads: true });
  });

  it('calls a share code of version 0 damaged, not newer', async () => {
    await withContext(async (context) => {
      const page = await context.newPage();
      const bytes = decodeBase64Url(encodeShareCode(quiz.definition, extremeAnswers(quiz, 'low') as never))!;
      bytes[0] = 0;
      const checksum = computeCrc16(bytes.subarray(0, bytes.length - 2));
      bytes[bytes.length - 2] = checksum >> 8;
      bytes[bytes.length - 1] = checksum & 0xff;
      await open(page, `${quiz.path}#r=${encodeBase64Url(bytes)}`);
      expect(await page.locator('.quiz > .quiz-notice').textContent()).toMatch(/^This share link looks damaged or incomplete/);
    });
  });
});

describe('the backup holds everything, and erasing leaves nothing', () => {
  it('restores results, unfinished answers and the theme in a fresh browser; erase then removes every trace', async () => {
    let backup = '';
    await withContext(async (context) => {
      const page = await context.newPage();
      await takeQuiz(page);
      await open(page, quiz.path);
      await page.locator(radio(quiz.items[0]!.id, 5)).check();
      await page.evaluate(() => localStorage.setItem('theme', 'dark'));
      await open(page, '/my-results/');
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.results-tools').getByRole('button', { name: 'Download a backup' }).click()]);
      backup = readFileSync((await download.path())!, 'utf8');
    }, { acceptDownloads: true });

    await withContext(async (context) => {
      const page = await context.newPage();
      await open(page, '/my-results/');
      expect(await bringBack(page, backup)).toBe(
        'Added 1 result. Brought back unfinished answers for 1 check. Brought back your settings. Nothing on this device was removed.',
      );
      await open(page, quiz.path);
      expect(await page.locator(radio(quiz.items[0]!.id, 5)).isChecked()).toBe(true);
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');

      await open(page, '/my-results/');
      await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
      await page.getByRole('button', { name: 'Erase everything' }).click();
      // The erase code arrives on this first use, then the question names what would go.
      const confirm = page.locator('#confirm-erase');
      await confirm.waitFor();
      expect(await confirm.locator('li').allTextContents()).toEqual([
        '1 saved result',
        'unfinished answers for 1 check',
        'your theme choice',
        'the copy of the site kept for offline use',
      ]);
      await confirm.getByRole('button', { name: 'Yes, erase everything' }).click();
      await expect.poll(() => page.locator('#results-message').textContent()).toMatch(/^Erased from this device: 1 saved result, /);
      const left = await page.evaluate(async () => ({
        keys: Object.keys(localStorage),
        caches: await caches.keys(),
        workers: (await navigator.serviceWorker.getRegistrations()).length,
      }));
      expect(left).toEqual({ keys: [], caches: [], workers: 0 });
    });
  });
});
