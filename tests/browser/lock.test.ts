// The passphrase lock, as a reader uses it: set it on My results, see that nothing readable is left in the
// browser's storage, lock, get a wrong passphrase refused without a change, open it, let it lock itself after
// ten idle minutes, carry a locked backup to another browser, and erase everything when the passphrase is lost.
import { readFileSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { withCheckedContext } from '../harness/checked-context.ts';
import { expectNoProblems } from '../harness/problems.ts';
import { settle } from '../harness/settle.ts';
import { useSiteBrowser } from '../harness/site-browser.ts';
import { SUBMIT, answerByClicking, extremeAnswers, radio, readQuizzes } from './quiz-page.ts';

const site = useSiteBrowser();
const quizzes = readQuizzes();
const quiz = quizzes.find((candidate) => candidate.id === 'readiness-to-let-go')!;
const other = quizzes.find((candidate) => candidate.id !== quiz.id)!;
const PASSPHRASE = 'the sea was calm that day';
/** A message kept unsent on Right now: its words must be as unreadable as the results. */
const DRAFT = 'Sam, I keep rereading your last message.';
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

function withContext(run: (context: BrowserContext) => Promise<void>, options = {}): Promise<void> {
  return withCheckedContext(site, run, options);
}

/** Everything the site's origin keeps in localStorage and IndexedDB, as text, to search. */
function dumpStorage(page: Page): Promise<{ keys: string[]; text: string }> {
  return page.evaluate(async () => {
    const parts: string[] = [];
    const keys = Object.keys(localStorage).sort();
    for (const key of keys) parts.push(`${key}=${localStorage.getItem(key)}`);
    for (const { name } of await indexedDB.databases()) {
      if (!name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      for (const store of db.objectStoreNames) {
        const values = await new Promise<unknown[]>((resolve) => {
          const request = db.transaction(store).objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result);
        });
        // A CryptoKey shows as its description: its bytes cannot be read, which is the point.
        parts.push(`${name}/${store}=${JSON.stringify(values, (_, value) => (value instanceof CryptoKey ? `[CryptoKey ${value.extractable}]` : value))}`);
      }
      db.close();
    }
    return { keys, text: parts.join('\n') };
  });
}

async function open(page: Page, path: string, islands = true): Promise<void> {
  await page.goto(path);
  await settle(page, { islands });
}

/** Answers and submits the quiz; the result is saved, as it is by default. */
async function takeQuiz(page: Page): Promise<string> {
  await open(page, quiz.path);
  await answerByClicking(page, quiz, extremeAnswers(quiz, 'low'));
  await page.locator(SUBMIT).click();
  await page.waitForSelector('#result-heading');
  return (await page.locator('#result-heading').textContent()) ?? '';
}

async function setLock(page: Page): Promise<void> {
  await open(page, '/my-results/');
  await page.getByRole('button', { name: 'Set up a passphrase lock' }).click();
  await page.getByLabel('New passphrase (at least 8 characters)').fill(PASSPHRASE);
  await page.getByLabel('The same passphrase again').fill(`${PASSPHRASE}!`);
  await page.getByRole('button', { name: 'Lock it' }).click();
  await expect.poll(() => page.locator('#lock-settings-status').textContent()).toBe("The two passphrases don't match. Nothing was changed.");
  await page.getByLabel('The same passphrase again').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Lock it' }).click();
  await expect.poll(() => page.locator('#lock-settings-status').textContent()).toMatch(/^Please tick the box/);
  await page.getByLabel('I understand that a forgotten passphrase cannot be recovered.').check();
  await page.getByRole('button', { name: 'Lock it' }).click();
  await expect.poll(() => page.locator('#lock-settings-status').textContent(), { timeout: 15_000 }).toBe(
    'Locked. Everything this site keeps is now stored encrypted.',
  );
}

/** Types the passphrase into the gate and waits for the page's tools to start; returns how long it took. */
async function unlock(page: Page, passphrase = PASSPHRASE): Promise<number> {
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  const started = Date.now();
  await page.getByRole('button', { name: 'Unlock' }).click();
  await page.locator('[data-island][data-live]').waitFor({ timeout: 15_000 });
  return Date.now() - started;
}

describe('the passphrase lock', () => {
  it('keeps nothing readable in storage, refuses a wrong passphrase without a change, opens with the right one', async () => {
    await withContext(async (context) => {
      const page = await context.newPage();
      const band = (await takeQuiz(page)).replace(/^Your result:\s*/, '');
      await open(page, other.path);
      await answerByClicking(page, other, [4], 1);
      await open(page, '/right-now/');
      await page.getByLabel('The message you want to send').fill(DRAFT);
      await expect.poll(() => page.evaluate(() => localStorage.getItem('letting-go:pause-drafts') ?? '')).toContain('rereading');
      await setLock(page);

      for (const theme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: theme });
        const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).setLegacyMode(true).analyze();
        expectNoProblems(results.violations.map((violation) => `lock settings, ${theme}: ${violation.id} ${violation.help}`));
      }
      const locked = await dumpStorage(page);
      expect(locked.keys).toEqual(['letting-go:locked']);
      for (const secret of [band, quiz.id, other.id, '"answers"', 'normalized', 'isSavingResults', 'rereading']) expect(locked.text).not.toContain(secret);
      expect(locked.text).toContain('[CryptoKey false]');

      // Still open on the next page (within ten minutes), with a way to lock now.
      await open(page, '/my-results/');
      expect(await page.locator('.result-card').count()).toBe(1);
      await page.getByRole('button', { name: 'Lock now' }).first().click();
      await page.waitForURL('**/my-results/');
      await page.getByRole('heading', { name: 'Your saved things are locked' }).waitFor();
      expect(await page.locator('[data-island="my-results"]').isHidden()).toBe(true);
      expect((await dumpStorage(page)).text).not.toContain('CryptoKey');
      for (const theme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: theme });
        const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).setLegacyMode(true).analyze();
        expectNoProblems(results.violations.map((violation) => `gate, ${theme}: ${violation.id} ${violation.help}`));
      }

      const before = (await dumpStorage(page)).text;
      await page.getByLabel('Passphrase', { exact: true }).fill('the sea was rough that day');
      await page.getByRole('button', { name: 'Unlock' }).click();
      await expect.poll(() => page.locator('#lock-problem').textContent(), { timeout: 15_000 }).toMatch(/^That passphrase doesn't open it\. Nothing was changed\./);
      expect((await dumpStorage(page)).text).toBe(before);

      const ms = await unlock(page);
      console.log(`Unlocking with the right passphrase took ${ms} ms (PBKDF2-SHA-256, 600,000 iterations).`);
      expect(await page.locator('.result-card').count()).toBe(1);
      await open(page, other.path);
      expect(await page.locator(radio(other.items[0]!.id, 4)).isChecked()).toBe(true);
      await open(page, '/right-now/');
      const box = page.getByLabel('The message you want to send');
      expect(await box.inputValue()).toBe(DRAFT);
      // Words typed just before leaving are kept too: each change is sealed at once, not as the page goes.
      await box.pressSequentially(' And more.');
      await page.waitForTimeout(250);
      await open(page, '/my-results/');
      await open(page, '/right-now/');
      expect(await box.inputValue()).toBe(`${DRAFT} And more.`);
    });
  });

  it('locks by itself after ten idle minutes', async () => {
    await withContext(async (context) => {
      const page = await context.newPage();
      await page.clock.install();
      await takeQuiz(page);
      await setLock(page);
      await open(page, quiz.path);
      await page.clock.fastForward('09:00');
      expect(await page.getByRole('heading', { name: 'Your saved things are locked' }).count()).toBe(0);
      await page.clock.fastForward('02:00');
      await page.getByRole('heading', { name: 'Your saved things are locked' }).waitFor();
    });
  });

  it('locks the backup with the same passphrase; another browser brings it back with it', async () => {
    let backup = '';
    await withContext(
      async (context) => {
        const page = await context.newPage();
        const band = (await takeQuiz(page)).replace(/^Your result:\s*/, '');
        await setLock(page);
        await open(page, '/my-results/');
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.locator('.results-tools').getByRole('button', { name: 'Download a backup' }).click(),
        ]);
        backup = readFileSync((await download.path())!, 'utf8');
        expect(JSON.parse(backup)).toMatchObject({ app: 'letting-go', kind: 'backup', locked: { kdf: { name: 'PBKDF2' } } });
        expect(backup).not.toContain(band);
        expect(backup).not.toContain(quiz.id);
      },
      { acceptDownloads: true },
    );

    await withContext(async (context) => {
      const page = await context.newPage();
      await open(page, '/my-results/');
      await page.getByLabel('Bring back a backup file').setInputFiles({ name: 'locked.json', mimeType: 'application/json', buffer: Buffer.from(backup) });
      await page.getByRole('heading', { name: 'This backup is locked' }).waitFor();
      await page.getByLabel('The backup’s passphrase').fill('not the one');
      await page.getByRole('button', { name: 'Bring it in' }).click();
      await expect.poll(() => page.locator('#backup-lock-problem').textContent(), { timeout: 15_000 }).toBe("That passphrase doesn't open this backup. Nothing was changed.");
      expect(await page.evaluate(() => Object.keys(localStorage))).toEqual([]);
      await page.getByLabel('The backup’s passphrase').fill(PASSPHRASE);
      await page.getByRole('button', { name: 'Bring it in' }).click();
      await expect.poll(() => page.locator('#results-message').textContent(), { timeout: 15_000 }).toBe('Added 1 result. Nothing on this device was removed.');
      expect(await page.locator('.result-card').count()).toBe(1);
    });
  });

  it('with the lock open, erasing everything on My results says what went, the lock among it, and leaves nothing', async () => {
    await withContext(async (context) => {
      const page = await context.newPage();
      await takeQuiz(page);
      await setLock(page);
      await open(page, '/my-results/');
      await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
      await page.getByRole('button', { name: 'Erase everything' }).click();
      const confirm = page.locator('#confirm-erase');
      await confirm.waitFor();
      expect(await confirm.locator('li').allTextContents()).toContain('your passphrase lock');
      await confirm.getByRole('button', { name: 'Yes, erase everything' }).click();
      await expect.poll(() => page.locator('#results-message').textContent(), { timeout: 15_000 }).toMatch(/^Erased from this device: 1 saved result, .*your passphrase lock/);
      const left = await page.evaluate(async () => ({
        keys: Object.keys(localStorage),
        caches: await caches.keys(),
        workers: (await navigator.serviceWorker.getRegistrations()).length,
      }));
      expect(left).toEqual({ keys: [], caches: [], workers: 0 });
      expect((await dumpStorage(page)).text).toBe('');
    });
  });

  it('with the passphrase forgotten, erasing everything from the locked page leaves nothing', async () => {
    await withContext(async (context) => {
      const page = await context.newPage();
      await takeQuiz(page);
      await setLock(page);
      await page.getByRole('button', { name: 'Lock now' }).first().click();
      await page.getByRole('heading', { name: 'Your saved things are locked' }).waitFor();
      await page.getByText('Forgot your passphrase?').click();
      await page.getByRole('button', { name: 'Erase everything', exact: true }).click();
      await page.getByRole('button', { name: 'Yes, erase everything for good' }).click();
      await page.waitForLoadState('load');
      await settle(page);
      const left = await dumpStorage(page);
      expect(left.keys).toEqual([]);
      expect(left.text).toBe('');
      expect(await page.getByRole('heading', { name: 'Nothing saved yet' }).isVisible()).toBe(true);
    });
  });
});
