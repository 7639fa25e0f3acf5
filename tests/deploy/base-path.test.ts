import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../harness/chromium.ts';
import { listPages, resolvePath, walk } from '../harness/dist.ts';
import { parseHeadersFile } from '../harness/headers-file.ts';
import { parseHtml } from '../harness/html.ts';
import { IssueRecorder } from '../harness/page-issues.ts';
import { expectNoProblems, report } from '../harness/problems.ts';
import { buildProject, copyProject } from '../harness/project-copy.ts';
import { settle } from '../harness/settle.ts';
import { start, stop, type StaticServer } from '../harness/static-server.ts';

// One real build of a copy of the project for a sub-path (BASE_PATH and SITE_URL set, as a deploy
// would), then: every URL in the built files starts with the base, and the site works in Chromium when
// it is served below that path only (anything outside it is a 404, so a missed URL shows up).

const BASE = '/letting-go/';
const SITE_URL = 'https://example.org';
const PUBLIC_ROOT = `${SITE_URL}${BASE}`;

let copy = '';
let dist = '';

beforeAll(async () => {
  copy = copyProject('base-path');
  const build = await buildProject(copy, { BASE_PATH: BASE, SITE_URL });
  if (build.failed) throw new Error(`The build for ${BASE} failed:\n${build.output.slice(-3000)}`);
  dist = join(copy, 'dist');
});

afterAll(() => {
  if (copy) rmSync(copy, { recursive: true, force: true });
});

/** The text of a built file. */
function read(path: string): string {
  return readFileSync(join(dist, path), 'utf8');
}

/** What is wrong with one same-site URL: not below the base, or below it but not a built file. */
function problemWith(url: string): string | undefined {
  const path = url.startsWith(SITE_URL) ? url.slice(SITE_URL.length) : url;
  if (!path.startsWith(BASE)) return 'is not below the base path';
  const resolved = resolvePath(new URL(path, SITE_URL).pathname.slice(BASE.length - 1), dist);
  return 'problem' in resolved ? resolved.problem : undefined;
}

/** URLs a page loads or links to: every attribute that holds one (srcset split), same-site only. */
function siteUrlsIn(html: string): string[] {
  const document = parseHtml(html);
  const urls: string[] = [];
  for (const element of document.querySelectorAll('*')) {
    for (const name of ['href', 'src', 'action', 'poster', 'content', 'srcset']) {
      const value = element.getAttribute(name)?.trim();
      if (!value) continue;
      const candidates = name === 'srcset' ? value.split(',').map((part) => part.trim().split(/\s+/)[0]!) : [value];
      urls.push(...candidates.filter((url) => (url.startsWith('/') && !url.startsWith('//')) || url.startsWith(SITE_URL)));
    }
  }
  return urls;
}

/** Root-relative paths written as string literals in JavaScript: `/x`, "/x" or '/x'. */
function pathLiteralsIn(code: string): string[] {
  return [...code.matchAll(/[`"'](\/[\w@.-][^`"'\s]*)[`"']/g)].map((match) => match[1]!);
}

describe(`a build for ${BASE}`, () => {
  it('puts the base in front of every URL on every page, and each one is a built file', () => {
    const pages = listPages(dist);
    expect(pages.length).toBeGreaterThan(20);
    const problems = pages.flatMap(({ file, path }) =>
      siteUrlsIn(readFileSync(file, 'utf8')).flatMap((url) => {
        const problem = problemWith(url);
        return problem ? [`${path}: ${url} ${problem}`] : [];
      }),
    );
    expectNoProblems(problems);
  });

  it('links to the base from the guide’s own content (root-relative links in MDX)', () => {
    const html = read('guide/why-letting-go-comes-first/index.html');
    expect(html).toContain(`href="${BASE}guide/moving-on-without-moving-on/"`);
    expect(html).not.toMatch(/href="\/(?:guide|help)\//);
  });

  it('has no root-relative path outside the base in any script', () => {
    // Pagefind's own files are left out: its runtime names its default folder, which the site overrides.
    const scripts = walk(dist).filter((file) => /\.(?:js|html)$/.test(file) && !file.startsWith(join(dist, 'pagefind')));
    const problems = scripts.flatMap((file) =>
      pathLiteralsIn(readFileSync(file, 'utf8'))
        .filter((path) => !path.startsWith(BASE))
        .map((path) => `${file.slice(dist.length)}: ${path}`),
    );
    expectNoProblems(problems);
    // Scripts take the addresses they need from <html>, where the layout writes them with the base.
    const site = read('index.html');
    expect(site).toContain(`data-service-worker="${BASE}sw.js"`);
    expect(site).toContain(`data-search-bundle="${BASE}pagefind/"`);
    expect(site).toContain(`data-search-page="${BASE}search/"`);
  });

  it('writes _headers rules for paths below the base', () => {
    const paths = parseHeadersFile(read('_headers')).map((rule) => rule.path);
    expect(paths).toEqual([`${BASE}*`, `${BASE}_astro/*`, `${BASE}sw.js`]);
  });

  it('gives the web manifest an id, start URL, scope, icons and shortcuts below the base', () => {
    const manifest = JSON.parse(read('manifest.webmanifest')) as {
      id: string;
      start_url: string;
      scope: string;
      icons: { src: string }[];
      shortcuts: { url: string }[];
    };
    expect([manifest.id, manifest.start_url, manifest.scope]).toEqual([BASE, BASE, BASE]);
    const urls = [...manifest.icons.map((icon) => icon.src), ...manifest.shortcuts.map((shortcut) => shortcut.url)];
    expectNoProblems(urls.flatMap((url) => (problemWith(url) ? [`${url} ${problemWith(url)}`] : [])));
  });

  it('precaches every file under its URL below the base, with the offline page below it too', () => {
    const code = read('sw.js');
    const urls = [...code.matchAll(/\burl:"([^"]+)"/g)].map((match) => match[1]!);
    expect(urls.length).toBeGreaterThan(20);
    expect(urls).toContain(BASE);
    expect(urls).toContain(`${BASE}offline/`);
    expectNoProblems(urls.flatMap((url) => (problemWith(url) ? [`${url} ${problemWith(url)}`] : [])));
    expect(code).toContain(`"${BASE}offline/"`);
  });

  it('lists public addresses below the base in the sitemap and robots.txt', () => {
    const locs = [read('sitemap-index.xml'), read('sitemap-0.xml')].flatMap((xml) =>
      [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]!),
    );
    expect(locs).toContain(`${PUBLIC_ROOT}sitemap-0.xml`);
    expect(locs).toContain(`${PUBLIC_ROOT}guide/`);
    expect(
      locs.filter((loc) => !loc.startsWith(PUBLIC_ROOT)),
      report(locs),
    ).toEqual([]);
    expect(read('robots.txt')).toContain(`Sitemap: ${PUBLIC_ROOT}sitemap-index.xml`);
  });
});

describe(`the site served at ${BASE}`, () => {
  let server: StaticServer | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    [server, browser] = await Promise.all([start(dist, BASE), launchChromium()]);
  });

  afterAll(async () => {
    await Promise.all([browser?.close(), server && stop(server)]);
  });

  /** Runs `use` on a page of a fresh context, then checks that nothing failed to load or logged an error. */
  async function withPage(use: (page: Page, context: BrowserContext) => Promise<void>): Promise<void> {
    const context = await browser!.newContext({ baseURL: server!.origin });
    const recorder = await IssueRecorder.attach(context, server!.origin);
    const failed: string[] = [];
    context.on('response', (response) => {
      if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
    });
    try {
      const page = await context.newPage();
      await use(page, context);
      const { consoleErrors, cspViolations, offSiteRequests } = recorder.take(page);
      expectNoProblems([...failed, ...consoleErrors, ...cspViolations, ...offSiteRequests]);
    } finally {
      await context.close();
    }
  }

  it('opens the guide, follows a section link and a link in its content', async () => {
    await withPage(async (page) => {
      await page.goto(`${BASE}guide/`);
      await settle(page);
      await page.locator('.section-list a').first().click();
      await page.waitForURL(`**${BASE}guide/why-letting-go-comes-first/`);
      await page.locator(`main a[href="${BASE}guide/moving-on-without-moving-on/"]`).first().click();
      await page.waitForURL(`**${BASE}guide/moving-on-without-moving-on/`);
      expect(await page.locator('h1').textContent()).toMatch(/Moving on without moving on/);
    });
  });

  it('searches from the results page and links the results below the base', async () => {
    await withPage(async (page) => {
      await page.goto(`${BASE}search/?q=anger`);
      const results = page.locator('[data-search-results] a[href]');
      await expect.poll(() => results.count(), { timeout: 15_000 }).toBeGreaterThan(0);
      const paths = await results.evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
      expect(
        paths.filter((path) => !path.startsWith(BASE)),
        paths.join(', '),
      ).toEqual([]);
      await results.first().click();
      await page.waitForURL((url) => url.pathname !== `${BASE}search/`);
      await settle(page);
    });
  });

  it('loads a quiz whose island runs: answering a statement updates the progress, with no errors', async () => {
    await withPage(async (page) => {
      await page.goto(`${BASE}quizzes/anger/`);
      // Fails when the island never comes alive (say, its script is looked for outside the base).
      await settle(page);
      const progress = page.locator('.quiz-progress');
      const before = await progress.textContent();
      await page.locator('.quiz-form fieldset').first().locator('label').first().click();
      await expect.poll(() => progress.textContent()).toMatch(/^1 of \d+ answered$/);
      expect(before).not.toMatch(/^1 of/);
      expect(await page.locator(`a[href="${BASE}help/"]`).count()).toBeGreaterThan(0);
    });
  });

  it('installs the service worker with the base as its scope, its whole precache found', async () => {
    await withPage(async (page) => {
      await page.goto(BASE);
      // Install fails if any precached URL is missing, and `ready` then never resolves.
      const scope = await page.evaluate(() =>
        Promise.race([
          navigator.serviceWorker.ready.then((registration) => registration.scope),
          new Promise<string>((resolve) => setTimeout(() => resolve('not ready after 20 s'), 20_000)),
        ]),
      );
      expect(scope).toBe(`${server!.origin}${BASE}`);
    });
  });
});
