import { AxeBuilder } from '@axe-core/playwright';
import type { Result } from 'axe-core';
import type { BrowserContext, Page, Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { IssueRecorder } from '../harness/page-issues.ts';
import { report } from '../harness/problems.ts';
import { settle } from '../harness/settle.ts';
import { useSiteBrowser } from '../harness/site-browser.ts';

const site = useSiteBrowser();

const GUIDE_PAGE = '/guide/why-letting-go-comes-first/';
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Runs `use` with a page in a fresh context, closing the context afterwards. */
async function withPage<T>(
  use: (page: Page, context: BrowserContext) => Promise<T>,
  options: Parameters<typeof site.newContext>[0] = {},
): Promise<T> {
  const context = await site.newContext(options);
  try {
    return await use(await context.newPage(), context);
  } finally {
    await context.close();
  }
}

/** Paths (without query or hash) of the results the dialog shows, in order. */
function resultPaths(page: Page, selector = '#site-search-results [role="option"]'): Promise<string[]> {
  return page.$$eval(selector, (links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
}

/** Opens the dialog with the `/` shortcut, types `query` and waits for the count to be announced. */
async function searchInDialog(page: Page, query: string): Promise<void> {
  await page.keyboard.press('/');
  const input = page.locator('#site-search-dialog-q');
  await expect.poll(() => input.evaluate((element) => element === document.activeElement), { timeout: 5_000 }).toBe(true);
  await input.fill('');
  await page.keyboard.type(query);
  await expect
    .poll(() => page.locator('[data-search-status]').first().textContent(), { timeout: 10_000 })
    .toMatch(new RegExp(`(results?|No results) for “${query}”`));
}

describe('site search: finding the right page', () => {
  it.each([
    ['revenge', '/guide/turning-rage-into-fuel/'],
    ['Magnum Opus', '/guide/a-purpose-outside-your-ex/'],
    ['payback', '/guide/turning-rage-into-fuel/'],
    ['no contact', '/guide/where-this-leaves-you/'],
    ['closure', '/guide/moving-on-without-moving-on/'],
    ['blame', '/guide/leaving-the-victim-mentality/'],
    ['F.E.A.R.', '/guide/leaving-the-victim-mentality/'],
    ['meaning', '/guide/a-purpose-outside-your-ex/'],
  ])('“%s” lists %s first', async (query, expected) => {
    await withPage(async (page) => {
      await page.goto(GUIDE_PAGE);
      await settle(page);
      await searchInDialog(page, query);
      const paths = await resultPaths(page);
      expect(paths[0], `results for “${query}”: ${paths.join(', ')}`).toBe(expected);
    });
  });

  it('a synonym that the page never uses still finds it, and says it matched a related word', async () => {
    await withPage(async (page) => {
      await page.goto(GUIDE_PAGE);
      await settle(page);
      await searchInDialog(page, 'payback');
      const first = page.locator('#site-search-results [role="option"]').first();
      expect(await first.locator('.hit-related').textContent()).toMatch(/related word/);
      // The topic page that lists the same word comes after the section itself.
      expect(await resultPaths(page)).toContain('/topics/anger/');
    });
  });

  it('shows each result with its type, title, the heading it was found under and marked words', async () => {
    await withPage(async (page) => {
      await page.goto(GUIDE_PAGE);
      await settle(page);
      await searchInDialog(page, 'revenge');
      const first = page.locator('#site-search-results [role="option"]').first();
      expect(await first.locator('.hit-type').textContent()).toBe('Guide section');
      expect(await first.locator('.hit-title').textContent()).toBe('Turning rage into fuel');
      const heading = (await first.locator('[data-slot="heading-text"]').textContent()) ?? '';
      expect(heading).toMatch(/revenge/i);
      // The link goes to that heading and asks the page to highlight the words.
      const href = new URL((await first.getAttribute('href'))!, site.origin);
      expect(href.searchParams.getAll('highlight')).toEqual(['revenge']);
      expect(href.hash).toMatch(/^#.*revenge/);
      const marks = await first.locator('.hit-excerpt mark').allTextContents();
      expect(marks.length).toBeGreaterThan(0);
      for (const mark of marks) expect(mark.toLowerCase()).toContain('revenge');
      // Sub-results are not indexed twice: the ToC and topic tags of the page are ignored.
      expect(await first.locator('.hit-excerpt').textContent()).not.toMatch(/On this page/);
    });
  });
});

describe('site search: keyboard and dialog', () => {
  it('opens with / or Ctrl+K, moves with the arrows, closes with Escape back to where focus was', async () => {
    await withPage(async (page) => {
      await page.goto(GUIDE_PAGE);
      await settle(page);
      const link = page.locator('nav.toc a').first();
      await link.focus();
      await page.keyboard.press('Control+k');
      const dialog = page.locator('dialog.search-dialog');
      await expect.poll(() => dialog.evaluate((element: HTMLDialogElement) => element.open), { timeout: 5_000 }).toBe(true);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search-dialog-q');
      await page.keyboard.type('anger');
      await expect.poll(() => page.locator('dialog [data-search-status]').textContent(), { timeout: 10_000 }).toMatch(/for “anger”/);
      expect(await page.locator('#site-search-results [role="option"]').count()).toBeGreaterThan(1);

      const input = page.locator('#site-search-dialog-q');
      expect(await input.getAttribute('aria-expanded')).toBe('true');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      const options = page.locator('#site-search-results [role="option"]');
      const secondId = await options.nth(1).getAttribute('id');
      expect(await input.getAttribute('aria-activedescendant')).toBe(secondId);
      expect(await options.nth(1).getAttribute('aria-selected')).toBe('true');
      expect(await options.nth(0).getAttribute('aria-selected')).toBe('false');
      await page.keyboard.press('ArrowUp');
      expect(await input.getAttribute('aria-activedescendant')).toBe(await options.nth(0).getAttribute('id'));
      // Focus never left the field while moving.
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search-dialog-q');

      await page.keyboard.press('Escape');
      await expect.poll(() => dialog.evaluate((element: HTMLDialogElement) => element.open), { timeout: 5_000 }).toBe(false);
      expect(await link.evaluate((element) => element === document.activeElement)).toBe(true);
    });
  });

  it('Enter opens the chosen result, and the words are highlighted on arrival', async () => {
    await withPage(async (page) => {
      await page.goto(GUIDE_PAGE);
      await settle(page);
      await searchInDialog(page, 'revenge');
      await page.keyboard.press('ArrowDown');
      const href = await page.locator('#site-search-results [role="option"]').first().getAttribute('href');
      await Promise.all([page.waitForURL((url) => url.pathname === '/guide/turning-rage-into-fuel/'), page.keyboard.press('Enter')]);
      expect(new URL(page.url()).href).toBe(new URL(href!, site.origin).href);
      await expect.poll(() => page.locator('mark.search-highlight').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    });
  });

  it('a click on the header search link opens the dialog on the same page, with focus in its field', async () => {
    await withPage(async (page) => {
      await page.goto(GUIDE_PAGE);
      await settle(page);
      await page.locator('a[data-search-open]').click();
      await expect
        .poll(() => page.locator('dialog.search-dialog').evaluate((element: HTMLDialogElement) => element.open), { timeout: 5_000 })
        .toBe(true);
      expect(new URL(page.url()).pathname).toBe(GUIDE_PAGE);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search-dialog-q');
      await page.keyboard.type('rage');
      await expect.poll(() => page.locator('[data-search-status]').first().textContent(), { timeout: 10_000 }).toMatch(/for “rage”/);
    });
  });
});

describe('site search: arriving from a result', () => {
  it('marks the searched words in the page body, with no CSP violation or console error', async () => {
    await withPage(async (page, context) => {
      const recorder = await IssueRecorder.attach(context, site.origin);
      await page.goto('/guide/turning-rage-into-fuel/?highlight=revenge#the-pull-of-revenge');
      await settle(page);
      await expect.poll(() => page.locator('mark.search-highlight').count(), { timeout: 10_000 }).toBeGreaterThan(1);
      const marked = await page.locator('mark.search-highlight').allTextContents();
      for (const text of marked) expect(text.toLowerCase()).toBe('revenge');
      // Only the indexed article is marked, not the navigation or the table of contents.
      expect(await page.locator('nav mark.search-highlight, [data-pagefind-ignore] mark').count()).toBe(0);
      const issues = recorder.take(page);
      expect([...issues.cspViolations, ...issues.consoleErrors], report([...issues.cspViolations, ...issues.consoleErrors])).toEqual([]);
    });
  });

  it('without the parameter, loads nothing of Pagefind and only one small module script', async () => {
    await withPage(async (page) => {
      const requests: Request[] = [];
      page.on('request', (request) => requests.push(request));
      await page.goto('/guide/turning-rage-into-fuel/');
      await settle(page);
      await page.waitForTimeout(300);
      const scripts = requests.filter((request) => request.resourceType() === 'script').map((request) => request.url());
      expect(scripts, 'scripts fetched on first visit').toEqual([]);
      expect(requests.filter((request) => request.url().includes('/pagefind/')).map((request) => request.url())).toEqual([]);
      const modules = await page.$$eval('script[type="module"]', (elements) =>
        elements.map((element) => (element as HTMLScriptElement).src || `inline, ${element.textContent!.length} chars`),
      );
      expect(modules).toHaveLength(1);

      // Intent (pointer over the search) loads the UI and Pagefind, and only then.
      await page.locator('a[data-search-open]').hover();
      await expect
        .poll(() => requests.some((request) => new URL(request.url()).pathname === '/pagefind/pagefind-entry.json'), { timeout: 10_000 })
        .toBe(true);
    });
  });
});

describe('site search: the /search/ page', () => {
  it('reads q from the URL, and the type and topic filters narrow the results and stay in the URL', async () => {
    await withPage(async (page) => {
      await page.goto('/search/?q=anger');
      await settle(page);
      const status = page.locator('search-page [data-search-status]');
      await expect.poll(() => status.textContent(), { timeout: 10_000 }).toMatch(/results? for “anger”/);
      expect(await page.locator('#search-q').inputValue()).toBe('anger');
      const all = await resultPaths(page, 'search-page .result a');
      expect(all.length).toBeGreaterThan(2);
      expect(all.some((path) => path.startsWith('/topics/'))).toBe(true);

      await page.locator('#search-type').selectOption('section');
      await expect.poll(() => page.url(), { timeout: 5_000 }).toContain('type=section');
      await expect.poll(() => status.textContent(), { timeout: 10_000 }).toMatch(/in Guide sections/);
      const sections = await resultPaths(page, 'search-page .result a');
      expect(sections.length).toBeGreaterThan(0);
      expect(sections.length).toBeLessThan(all.length);
      expect(sections.every((path) => path.startsWith('/guide/'))).toBe(true);
      expect(await page.locator('search-page .result-type').allTextContents()).toEqual(sections.map(() => 'Guide section'));

      await page.locator('#search-topic').selectOption('purpose');
      await expect.poll(() => new URL(page.url()).search, { timeout: 5_000 }).toBe('?q=anger&type=section&topic=purpose');
      await expect.poll(() => status.textContent(), { timeout: 10_000 }).toMatch(/in Guide sections, Purpose/);
      const narrowed = await resultPaths(page, 'search-page .result a');
      expect(narrowed.length).toBeLessThan(sections.length);
      expect(narrowed).toContain('/guide/a-purpose-outside-your-ex/');
      expect(narrowed).not.toContain('/guide/turning-rage-into-fuel/');

      // The state is a link: opening it again gives the same page.
      await page.reload();
      await settle(page);
      expect(await page.locator('#search-type').inputValue()).toBe('section');
      expect(await page.locator('#search-topic').inputValue()).toBe('purpose');
      await expect.poll(() => resultPaths(page, 'search-page .result a'), { timeout: 10_000 }).toEqual(narrowed);
    });
  });

  it('without JavaScript, the header links to /search/, whose form submits ?q= and points to the guide and topics', async () => {
    await withPage(
      async (page) => {
        await page.goto(GUIDE_PAGE);
        await Promise.all([page.waitForURL((url) => url.pathname === '/search/'), page.locator('a[data-search-open]').click()]);
        await page.locator('#search-q').fill('no contact');
        await Promise.all([page.waitForURL(/\/search\/\?q=/), page.locator('#search-q').press('Enter')]);
        const url = new URL(page.url());
        expect(url.pathname).toBe('/search/');
        expect(url.searchParams.get('q')).toBe('no contact');
        const note = page.locator('search-page noscript + *, search-page .box').first();
        expect(await note.isVisible()).toBe(true);
        expect(await page.locator('search-page a[href="/guide/"]').first().isVisible()).toBe(true);
        expect(await page.locator('search-page a[href="/topics/"]').first().isVisible()).toBe(true);
        expect(await note.textContent()).toMatch(/JavaScript/);
      },
      { javaScriptEnabled: false },
    );
  });
});

describe('site search: when there is no index', () => {
  it('says plainly that search is unavailable, and nothing is thrown', async () => {
    await withPage(async (page, context) => {
      await context.route('**/pagefind/**', (route) => route.fulfill({ status: 404, body: 'Not found' }));
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(`uncaught ${error.message}`));
      page.on('console', (message) => {
        // The browser itself logs each 404 response; anything else would be the page's own error.
        if (message.type() === 'error' && !message.text().includes('status of 404')) errors.push(message.text());
      });
      await page.goto(GUIDE_PAGE);
      await settle(page);
      await page.keyboard.press('/');
      const status = page.locator('dialog [data-search-status]');
      await expect.poll(() => status.textContent(), { timeout: 10_000 }).toMatch(/Search is unavailable/);
      await page.keyboard.type('anger');
      await page.waitForTimeout(300);
      expect(await status.textContent()).toMatch(/Search is unavailable/);
      expect(await page.locator('dialog [data-search-unavailable]').isVisible()).toBe(true);

      await page.goto('/search/?q=anger');
      await settle(page);
      await expect.poll(() => page.locator('search-page [data-search-status]').textContent(), { timeout: 10_000 }).toMatch(/unavailable/);
      expect(await page.locator('search-page [data-search-unavailable]').isVisible()).toBe(true);
      expect(errors, report(errors)).toEqual([]);
    });
  });
});

describe('site search: accessibility (axe, WCAG 2.2 A/AA)', () => {
  const describeViolation = (where: string, violation: Result) =>
    `${where}: ${violation.id} [${violation.impact}] ${violation.help} → ${violation.nodes
      .slice(0, 3)
      .map((node) => node.target.join(' '))
      .join(', ')}`;

  it.each(['light', 'dark'] as const)('has no violations with the dialog open and showing results, %s theme', async (theme) => {
    await withPage(
      async (page, context) => {
        await context.addInitScript((stored) => localStorage.setItem('theme', stored), theme);
        await page.goto(GUIDE_PAGE);
        await settle(page);
        await searchInDialog(page, 'anger');
        await page.keyboard.press('ArrowDown');
        expect(await page.locator('#site-search-results [role="option"]').count()).toBeGreaterThan(1);
        const dialog = await new AxeBuilder({ page }).withTags(WCAG_TAGS).setLegacyMode(true).analyze();

        // A misspelt query, so the correction line and its link are checked too.
        await page.goto('/search/?q=revnge');
        await settle(page);
        await expect.poll(() => page.locator('search-page .result').count(), { timeout: 10_000 }).toBeGreaterThan(1);
        expect(await page.locator('search-page [data-search-status] a[data-search-exact]').count()).toBe(1);
        const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).setLegacyMode(true).analyze();

        const found = [
          ...dialog.violations.map((violation) => describeViolation('dialog', violation)),
          ...results.violations.map((violation) => describeViolation('/search/', violation)),
        ];
        expect(found, report(found)).toEqual([]);
      },
      { colorScheme: theme },
    );
  });

  it('keeps result targets at least 24px tall and the active one visibly outlined', async () => {
    await withPage(async (page) => {
      await page.goto(GUIDE_PAGE);
      await settle(page);
      await searchInDialog(page, 'anger');
      await page.keyboard.press('ArrowDown');
      const sizes = await page.$$eval('#site-search-results [role="option"], dialog button', (elements) =>
        elements.map((element) => element.getBoundingClientRect().height),
      );
      for (const height of sizes) expect(height).toBeGreaterThanOrEqual(24);
      const outline = await page
        .locator('#site-search-results [aria-selected="true"]')
        .evaluate((element) => getComputedStyle(element).outlineStyle);
      expect(outline).toBe('solid');
    });
  });
});
