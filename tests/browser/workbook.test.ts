// The workbook: writing in a section's "Try this" box, My notes, and what either costs a first visit. Every
// page is checked for console errors, CSP violations and requests that leave the site.
import { readFileSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import type { BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { BUDGETS } from '../harness/budgets.ts';
import { withCheckedContext } from '../harness/checked-context.ts';
import { gzipSize } from '../harness/page-weight.ts';
import { expectNoProblems } from '../harness/problems.ts';
import { emptyFiller, fillStorage } from '../harness/full-storage.ts';
import { settle } from '../harness/settle.ts';
import { useSiteBrowser } from '../harness/site-browser.ts';

const site = useSiteBrowser();
const SECTION = '/guide/turning-rage-into-fuel/';
const TITLE = 'Turning rage into fuel';
const KEY = 'letting-go:workbook';
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const PASSPHRASE = 'a quiet walk by the river';

function withContext(run: (context: BrowserContext) => Promise<void>, options: BrowserContextOptions = {}): Promise<void> {
  return withCheckedContext(site, run, options);
}

async function open(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await settle(page);
}

/** Opens the writer of the page's first "Try this" box. */
async function openWriter(page: Page): Promise<void> {
  await page.locator('.workbook-open').first().click();
  await page.locator('.note-writer').first().waitFor();
}

/** What the workbook keeps, as stored. */
function stored(page: Page): Promise<{ entries: Array<{ id: string; steps: Array<{ step: number; text: string }> }> } | null> {
  return page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? 'null'), KEY);
}

async function storedText(page: Page, step: number): Promise<string | undefined> {
  return (await stored(page))?.entries[0]?.steps.find((answer) => answer.step === step)?.text;
}

/** Every script a page runs as it loads, gzip bytes: files fetched and inline scripts. */
async function scriptBytes(page: Page, path: string): Promise<{ total: number; files: string[] }> {
  const files = new Map<string, number>();
  const pending: Promise<void>[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'script') return;
    pending.push(response.body().then((body) => void files.set(new URL(response.url()).pathname, gzipSize(body))));
  });
  await open(page, path);
  await Promise.all(pending);
  const inline = await page.$$eval('script:not([src])', (scripts) =>
    (scripts as HTMLScriptElement[]).filter((script) => !script.type || script.type === 'module').map((script) => script.textContent ?? ''),
  );
  const total = [...files.values(), ...inline.map(gzipSize)].reduce((sum, bytes) => sum + bytes, 0);
  return { total, files: [...files.keys()] };
}

describe('the workbook', () => {
  it('costs a section at most 2 KB of JavaScript on a first visit, the writer loading only when asked; My notes at most 15 KB', async () => {
    await withContext(async (context) => {
      const page = await context.newPage();
      const section = await scriptBytes(page, SECTION);
      expect(section.total, section.files.join(', ')).toBeLessThanOrEqual(BUDGETS.sectionScript);
      expect(section.files.some((file) => file.includes('workbook-writer'))).toBe(false);
      const chunk = page.waitForResponse((response) => response.url().includes('workbook-writer'));
      await openWriter(page);
      await chunk;
      const notes = await scriptBytes(await context.newPage(), '/my-notes/');
      expect(notes.total, notes.files.join(', ')).toBeLessThanOrEqual(BUDGETS.toolScript);
    });
  });

  it('without JavaScript, leaves the exercise as it reads on paper: no button, no boxes', async () => {
    await withContext(
      async (context) => {
        const page = await context.newPage();
        await page.goto(SECTION);
        const box = page.locator('.try-this');
        expect(await box.locator('ol > li').count()).toBeGreaterThan(0);
        expect(await box.getByText('Write it on paper or in a note on your phone.').isVisible()).toBe(true);
        expect(await box.locator('.workbook-bar').isVisible()).toBe(false);
        expect(await box.getByRole('button').count()).toBe(0);
      },
      { javaScriptEnabled: false },
    );
  });

  it('keeps what is written through a reload, and My notes shows, edits, downloads and deletes it', async () => {
    await withContext(
      async (context) => {
        const page = await context.newPage();
        await open(page, SECTION);
        await openWriter(page);
        const first = page.getByRole('textbox').first();
        expect(await first.evaluate((box) => box === document.activeElement)).toBe(true);
        await first.fill('# Still angry\n---\nthat they left');
        await expect.poll(() => storedText(page, 0)).toBe('# Still angry\n---\nthat they left');
        expect(await page.locator('.writer-news').innerText()).toBe('Saved on this device.');

        await open(page, SECTION);
        // The reading page does not say a note exists (someone may be looking over a shoulder); the writer opens with it.
        expect(await page.locator('.workbook-open').innerText()).toBe('Write your answers here');
        await openWriter(page);
        expect(await page.getByRole('textbox').first().inputValue()).toBe('# Still angry\n---\nthat they left');

        await open(page, '/my-notes/');
        expect(await page.getByRole('heading', { name: 'Nothing written yet' }).isVisible()).toBe(false);
        const note = page.getByRole('article', { name: TITLE });
        expect(await note.locator('.note-text').innerText()).toBe('# Still angry\n---\nthat they left');
        const changed = await note.locator('time').getAttribute('datetime');
        expect(Date.now() - Date.parse(changed!)).toBeLessThan(60_000);
        expect(await note.locator('time').innerText()).toMatch(/^Last changed \w+ \d{1,2}, \d{4}/);

        await page.getByRole('button', { name: `Edit your note for “${TITLE}”` }).click();
        await note.getByRole('textbox').nth(1).fill('Run, not text them.');
        await note.getByRole('button', { name: 'Done writing' }).click();
        expect(await note.locator('.note-text').allInnerTexts()).toEqual(['# Still angry\n---\nthat they left', 'Run, not text them.']);
        expect(await storedText(page, 1)).toBe('Run, not text them.');

        const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download my notes' }).click()]);
        expect(download.suggestedFilename()).toMatch(/^letting-go-notes-\d{4}-\d{2}-\d{2}\.md$/);
        const markdown = readFileSync((await download.path())!, 'utf8');
        expect(markdown).toContain(`\n## ${TITLE}\n`);
        expect(markdown).toContain('\\# Still angry  \n\\---  \nthat they left');
        expect(markdown).toContain('Run, not text them.');

        await page.getByRole('button', { name: `Delete your note for “${TITLE}”` }).click();
        const confirm = page.getByRole('group', { name: `Delete your note for “${TITLE}”?` });
        await confirm.getByRole('button', { name: 'Yes, delete this note' }).click();
        expect(await page.locator('#notes-message').innerText()).toBe(`Deleted your note for “${TITLE}”.`);
        expect(await stored(page)).toBeNull();
        expect(await page.getByRole('heading', { name: 'Nothing written yet' }).isVisible()).toBe(true);
      },
      { acceptDownloads: true },
    );
  });

  it('shows in one tab what is typed in another, the one-page guide included, and says when storage is full', async () => {
    await withContext(async (context) => {
      const section = await context.newPage();
      const whole = await context.newPage();
      await open(section, SECTION);
      await open(whole, '/guide/all/');
      await openWriter(section);
      await whole.locator('.try-this', { hasText: 'Give your anger a job' }).locator('.workbook-open').click();
      const wholeBoxes = whole.locator('.try-this', { hasText: 'Give your anger a job' }).getByRole('textbox');

      await section.getByRole('textbox').first().fill('typed in the section');
      await section.getByRole('textbox').first().blur();
      await expect.poll(() => wholeBoxes.first().inputValue()).toBe('typed in the section');
      await wholeBoxes.nth(1).fill('typed in the whole guide');
      await wholeBoxes.nth(1).blur();
      await expect.poll(() => section.getByRole('textbox').nth(1).inputValue()).toBe('typed in the whole guide');

      // Fill the site's storage to the brim with something else.
      await fillStorage(section);
      const third = section.getByRole('textbox').nth(2);
      await third.fill('Spend ten minutes on the bike, even angry.');
      await third.blur();
      const alert = section.locator('.writer-alert');
      expect(await alert.innerText()).toMatch(/^Your browser is out of space for this site, so your latest words are not kept yet/);
      expect(await alert.isVisible()).toBe(true);
      // Nothing says "saved" while the latest words are not.
      expect(await section.locator('.writer-news').innerText()).not.toMatch(/Saved/);
      expect(await third.inputValue()).toBe('Spend ten minutes on the bike, even angry.');
      // What was kept before stays kept.
      expect(await storedText(section, 0)).toBe('typed in the section');
      expect(await storedText(section, 1)).toBe('typed in the whole guide');
      await emptyFiller(section);
      await third.fill('Spend ten minutes on the bike.');
      await third.blur();
      expect(await alert.innerText()).toBe('');
      expect(await section.locator('.writer-news').innerText()).toBe('Saved on this device again. Everything on screen is kept now.');
      expect(await storedText(section, 2)).toBe('Spend ten minutes on the bike.');
    });
  });

  it('waits behind the passphrase lock when one is set, and keeps the note only inside it', async () => {
    await withContext(async (context) => {
      const page = await context.newPage();
      await open(page, '/my-results/');
      await page.getByRole('button', { name: 'Set up a passphrase lock' }).click();
      await page.getByLabel('New passphrase (at least 8 characters)').fill(PASSPHRASE);
      await page.getByLabel('The same passphrase again').fill(PASSPHRASE);
      await page.getByLabel('I understand that a forgotten passphrase cannot be recovered.').check();
      await page.getByRole('button', { name: 'Lock it' }).click();
      await page.getByRole('button', { name: 'Lock now' }).first().waitFor({ timeout: 15_000 });
      await page.getByRole('button', { name: 'Lock now' }).first().click();
      await page.getByRole('heading', { name: 'Your saved things are locked' }).waitFor();

      await open(page, SECTION);
      await page.locator('.workbook-open').click();
      await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
      expect(await page.locator('.note-writer').count()).toBe(0);
      await page.getByRole('button', { name: 'Unlock' }).click();
      await page.locator('.note-writer').waitFor({ timeout: 15_000 });
      await page.getByRole('textbox').first().fill('Locked away, just for me.');
      await page.getByRole('textbox').first().blur();
      await expect.poll(() => page.evaluate(() => Object.keys(localStorage))).toEqual(['letting-go:locked']);
      expect(await page.evaluate(() => localStorage.getItem('letting-go:locked'))).not.toContain('Locked away');

      // Still open on the next page: My notes reads the note from inside the lock.
      await open(page, '/my-notes/');
      expect(await page.getByRole('article', { name: TITLE }).locator('.note-text').innerText()).toBe('Locked away, just for me.');
    });
  });

  it('has no axe violations in either theme: the writer asking, the writer open, the quota message and My notes', async () => {
    await withContext(async (context) => {
      const found: string[] = [];
      // Each state is checked in both themes, switched in place as the theme toggle does it.
      const audit = async (page: Page, state: string) => {
        for (const theme of ['light', 'dark'] as const) {
          await page.emulateMedia({ colorScheme: theme });
          await page.evaluate((chosen) => void (document.documentElement.dataset.theme = chosen), theme);
          const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).setLegacyMode(true).analyze();
          found.push(
            ...results.violations.map(
              (violation) => `${state}, ${theme}: ${violation.id} ${violation.help} → ${violation.nodes.map((node) => node.target.join(' ')).slice(0, 3).join(', ')}`,
            ),
          );
        }
      };
      const page = await context.newPage();
      await open(page, SECTION);
      // Saving turned off on a quiz: the writer asks before keeping anything.
      await page.evaluate(() => localStorage.setItem('letting-go:preferences', JSON.stringify({ isSavingResults: false, lastBackupAt: null })));
      await openWriter(page);
      const choice = page.getByRole('group', { name: 'You chose not to keep things on this device' });
      expect(await choice.evaluate((group) => group === document.activeElement)).toBe(true);
      await audit(page, 'writer asking');
      await choice.getByRole('button', { name: 'Keep this note on this device' }).click();
      await page.getByRole('textbox').first().fill('Kept because I said so.');
      await page.getByRole('textbox').first().blur();
      expect(await page.locator('.writer-news').innerText()).toMatch(/^This note is kept on this device now/);
      await audit(page, 'writer open');
      await fillStorage(page);
      await page.getByRole('textbox').nth(1).fill('Not kept yet.');
      await page.getByRole('textbox').nth(1).blur();
      await page.locator('.writer-alert .writer-notice').waitFor();
      await audit(page, 'writer, storage full');
      await emptyFiller(page);
      await open(page, '/my-notes/');
      await page.getByRole('button', { name: `Delete your note for “${TITLE}”` }).click();
      await audit(page, 'My notes');
      expectNoProblems(found);
    });
  });
});
