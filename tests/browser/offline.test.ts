import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { retireSite } from '../../src/features/offline/retire.ts';
import { CACHE_PREFIX, OFFLINE_PAGE, PRECACHE_BUDGET_BYTES, writeServiceWorker } from '../../src/features/offline/service-worker.ts';
import { distDir, listPages, rootDir, walk } from '../harness/dist.ts';
import { IssueRecorder } from '../harness/page-issues.ts';
import { expectNoProblems } from '../harness/problems.ts';
import { settle } from '../harness/settle.ts';
import { useSiteBrowser } from '../harness/site-browser.ts';
import { start, stop, type StaticServer } from '../harness/static-server.ts';
import { SUBMIT, answerByClicking, extremeAnswers, radio, readQuizzes } from './quiz-page.ts';

const site = useSiteBrowser();
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const quiz = readQuizzes()[0]!;
const quizTitle = (parse(readFileSync(join(rootDir, 'content', 'quizzes', `${quiz.id}.yaml`), 'utf8')) as { title: string }).title;
const sectionPaths = listPages()
  .map((page) => page.path)
  .filter((path) => /^\/guide\/[^/]+\/$/.test(path) && path !== '/guide/all/');

/** Waits until the service worker has installed (so everything is precached) and controls the page. */
async function waitUntilOfflineReady(page: Page): Promise<void> {
  await page.evaluate(() =>
    Promise.race([
      navigator.serviceWorker.ready.then(() => undefined),
      new Promise((_, reject) => setTimeout(() => reject(new Error('the service worker never became active')), 20_000)),
    ]),
  );
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 10_000 });
}

interface CacheReport {
  name: string;
  /** Cached URL paths. */
  paths: string[];
  /** Total bytes of the cached response bodies. */
  bytes: number;
}

/** What Cache Storage holds, as the page sees it. */
function readCaches(page: Page): Promise<CacheReport[]> {
  return page.evaluate(async () => {
    const reports: CacheReport[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      const requests = await cache.keys();
      let bytes = 0;
      for (const request of requests) bytes += (await (await cache.match(request))!.arrayBuffer()).byteLength;
      reports.push({ name, paths: requests.map((request) => new URL(request.url).pathname), bytes });
    }
    return reports;
  });
}

/** The URL path of a file in dist/. */
function urlPathOf(file: string): string {
  return `/${relative(distDir, file).split(sep).join('/')}`;
}

/** The <title> of a built page, by its address. */
function titleOf(path: string): string {
  const html = readFileSync(join(distDir, ...path.split('/').filter(Boolean), 'index.html'), 'utf8');
  return /<title>([^<]*)<\/title>/.exec(html)![1]!.replaceAll('&amp;', '&');
}

/**
 * With the network off, opens each address (`/guide`, `/guide/index.html?highlight=x`) with the page it
 * stands for (`/guide/`), and lists what went wrong: an answer that is not that page (told by its
 * title) from the worker, or that does not end at the page's own address with the query kept. Then
 * checks that addresses of pages never built still get the offline page.
 */
async function openEachAddress(page: Page, addresses: ReadonlyArray<readonly [string, string]>, base = '/'): Promise<string[]> {
  const problems: string[] = [];
  const titleAt = (path: string) => titleOf(`/${path.slice(base.length)}`);
  for (const [address, path] of addresses) {
    const response = await page.goto(address);
    await settle(page, { islands: base === '/' });
    const source = response?.fromServiceWorker() ? 'from the worker' : 'from the network';
    const seen = `${response?.status()} ${source}: “${await page.title()}”`;
    const expected = `200 from the worker: “${titleAt(path)}”`;
    if (seen !== expected) problems.push(`${address} gave ${seen}, not ${expected}`);
    const url = new URL(page.url());
    const query = new URL(address, url).search;
    if (`${url.pathname}${url.search}` !== `${path}${query}`) problems.push(`${address} ended at ${url.pathname}${url.search}`);
  }
  for (const address of ['not/saved', 'not/saved/index.html', 'not/saved?q=1'].map((path) => `${base}${path}`)) {
    const response = await page.goto(address);
    const title = await page.title();
    if (response?.status() !== 200 || title !== titleOf(OFFLINE_PAGE)) {
      problems.push(`${address} gave ${response?.status()} “${title}”`);
    }
  }
  return problems;
}

/** Whether the notice offers a reload. */
function noticeShown(page: Page): Promise<boolean> {
  return page.locator('#update-notice[role="status"] button[data-reload]').isVisible();
}

describe('offline: after one visit', () => {
  let context: BrowserContext;
  let page: Page;
  let recorder: IssueRecorder;
  const found: string[] = [];
  const firstVisit: string[] = [];

  /** Collects what the recorder saw on the page since the last call. */
  const collect = (where: string) => {
    const issues = recorder.take(page);
    found.push(...[...issues.cspViolations, ...issues.consoleErrors, ...issues.offSiteRequests].map((text) => `${where}: ${text}`));
  };

  beforeAll(async () => {
    context = await site.newContext();
    recorder = await IssueRecorder.attach(context, site.origin);
    page = await context.newPage();
    await page.goto('/');
    await settle(page);
    await waitUntilOfflineReady(page);
    collect('first visit');
    firstVisit.push(...found);
  });
  afterAll(async () => {
    await context?.close();
  });
  // Each test reports what happened during it.
  beforeEach(() => {
    found.length = 0;
  });

  it('has precached the pages, styles, scripts and search index, within the 2 MB budget', async () => {
    const reports = await readCaches(page);
    expect(reports.map((report) => report.name)).toEqual([expect.stringMatching(new RegExp(`^${CACHE_PREFIX}-[0-9a-f]{10}-precache-v2-`))]);
    const [precache] = reports as [CacheReport];
    const cached = new Set(precache.paths);
    console.log(`Precache seen in the browser: ${precache.paths.length} files, ${precache.bytes} bytes.`);
    expect(precache.bytes).toBeLessThan(PRECACHE_BUDGET_BYTES);
    const expected = [
      // Pages under the address readers open (/guide/), not their file (/guide/index.html).
      ...listPages()
        .filter((built) => built.path !== '/404.html')
        .map((built) => built.path),
      ...walk(join(distDir, '_astro')).map(urlPathOf),
      ...walk(join(distDir, 'pagefind')).map(urlPathOf),
      '/favicon.svg',
      '/manifest.webmanifest',
    ];
    expectNoProblems(expected.filter((path) => !cached.has(path)).map((path) => `not precached: ${path}`));
    // The first install takes over quietly: there is nothing new to offer yet.
    expect(await noticeShown(page)).toBe(false);
    expectNoProblems(firstVisit);
  });

  it('with the network off, opens three other guide sections', async () => {
    await context.setOffline(true);
    expect(sectionPaths.length).toBeGreaterThanOrEqual(3);
    for (const path of sectionPaths.slice(-3)) {
      const response = await page.goto(path);
      await settle(page);
      expect(response?.status(), path).toBe(200);
      expect(response?.fromServiceWorker(), path).toBe(true);
      expect(await page.locator('h1').count(), path).toBe(1);
      expect(await page.locator('article, main').first().textContent(), path).toMatch(/\w{4,}/);
      collect(path);
    }
    expectNoProblems(found);
  });

  it('with the network off, completes a quiz and shows it in My results', async () => {
    await context.setOffline(true);
    await page.goto(quiz.path);
    await settle(page);
    await answerByClicking(page, quiz, extremeAnswers(quiz, 'high'));
    await page.locator(SUBMIT).click();
    await page.waitForSelector('#result-heading');
    collect(quiz.path);
    await page.goto('/my-results/');
    await settle(page);
    const group = page.getByRole('region', { name: quizTitle });
    await expect.poll(() => group.locator('.result-card').count(), { timeout: 5_000 }).toBe(1);
    collect('/my-results/');
    expectNoProblems(found);
  });

  it('with the network off, finds pages with search, in the dialog and on /search/', async () => {
    await context.setOffline(true);
    await page.goto(sectionPaths[0]!);
    await settle(page);
    await page.keyboard.press('/');
    const input = page.locator('#site-search-dialog-q');
    await expect.poll(() => input.evaluate((element) => element === document.activeElement), { timeout: 5_000 }).toBe(true);
    await page.keyboard.type('anger');
    await expect.poll(() => page.locator('[data-search-status]').first().textContent(), { timeout: 10_000 }).toMatch(/\d+ results? for “anger”/);
    expect(await page.locator('#site-search-results [role="option"]').count()).toBeGreaterThan(0);
    collect('search dialog');

    // A misspelt word is corrected from the vocabulary, which is precached with the index.
    await page.goto('/search/?q=revnge');
    await settle(page);
    await expect
      .poll(() => page.locator('search-page [data-search-status]').textContent(), { timeout: 10_000 })
      .toMatch(/^Showing results for revenge — search for revnge instead\. \d+ results? for “revenge”/);
    const first = page.locator('search-page .result a').first();
    expect(await first.getAttribute('href')).toMatch(/^\/guide\//);
    // A result opens with its words marked, which loads Pagefind's highlighter: precached as well.
    await first.click();
    await page.waitForLoadState('load');
    await expect.poll(() => page.locator('mark.search-highlight').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    collect('/search/');
    expectNoProblems(found);
  });

  it('opens a saved page at any of its addresses, with the network off: no slash, index.html, a query', async () => {
    // Online the host answers as before: a redirect to the slash, and its 404 page for what it lacks.
    await context.setOffline(false);
    const online = await page.goto('/guide');
    expect(new URL(page.url()).pathname).toBe('/guide/');
    expect(online?.status()).toBe(200);
    expect((await page.goto('/not/saved'))?.status()).toBe(404);
    // That 404 is the point here, not a problem of the page.
    recorder.take(page);

    await context.setOffline(true);
    const section = sectionPaths[1]!.slice(0, -1);
    const problems = await openEachAddress(page, [
      ['/guide', '/guide/'],
      ['/guide/index.html', '/guide/'],
      ['/guide?highlight=letting', '/guide/'],
      ['/guide/index.html?highlight=letting', '/guide/'],
      [section, `${section}/`],
      [`${section}/index.html?highlight=anger`, `${section}/`],
      ['/index.html', '/'],
      ['/search?q=revenge', '/search/'],
      ['/search/index.html?q=revenge', '/search/'],
    ]);
    // The search page, reached by another address, still reads its query.
    await page.goto('/search/index.html?q=revenge');
    await settle(page);
    await expect
      .poll(() => page.locator('search-page [data-search-status]').textContent(), { timeout: 10_000 })
      .toMatch(/for “revenge”/);
    collect('other addresses');
    expectNoProblems([...problems, ...found]);
  });

  it('with the network off, answers an unsaved address with the offline page, whose links all work', async () => {
    await context.setOffline(true);
    const response = await page.goto('/not/saved/on/this/device/');
    await settle(page);
    expect(response?.status()).toBe(200);
    expect(await page.locator('h1').textContent()).toMatch(/offline/i);
    const links = await page.$$eval('main a[href^="/"]', (anchors) => anchors.map((anchor) => anchor.getAttribute('href')!));
    for (const required of ['/guide/', '/quizzes/', '/my-results/', '/help/', '/search/']) {
      expect(links.some((href) => href.startsWith(required)), `a link to ${required}`).toBe(true);
    }
    collect('offline page');
    const probe = await context.newPage();
    try {
      for (const href of new Set(links)) {
        const linked = await probe.goto(href);
        expect(linked?.status(), href).toBe(200);
        expect(await probe.locator('h1').textContent(), href).not.toMatch(/You’re offline/);
      }
      // Phone numbers need no internet: the help page and its tel: links are there.
      await probe.goto('/help/');
      expect(await probe.locator('main a[href^="tel:"]').count()).toBeGreaterThan(0);
      const probeIssues = recorder.take(probe);
      found.push(...[...probeIssues.cspViolations, ...probeIssues.consoleErrors].map((text) => `offline links: ${text}`));
    } finally {
      await probe.close();
    }
    expectNoProblems(found);
  });
});

describe('offline: below a base path', () => {
  const BASE = '/letting-go/';
  let root: string;
  let server: StaticServer;
  let context: BrowserContext;

  beforeAll(async () => {
    // Only the worker is under test here (tests/deploy builds the whole site for a base path): a copy of
    // dist/ served below the base, with a worker written for it. The copy's pages still load their
    // styles and scripts from the root, so they stay inert; the test registers the worker itself.
    root = mkdtempSync(join(tmpdir(), 'offline-base-'));
    cpSync(distDir, root, { recursive: true });
    await writeServiceWorker(root, PRECACHE_BUDGET_BYTES, BASE);
    server = await start(root, BASE);
    context = await site.browser.newContext({ baseURL: server.origin });
  });
  afterAll(async () => {
    await context?.close();
    if (server) await stop(server);
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('opens a saved page at any of its addresses below the base, with the network off', async () => {
    const page = await context.newPage();
    await page.goto(BASE);
    await page.evaluate((url) => navigator.serviceWorker.register(url).then(() => undefined), `${BASE}sw.js`);
    await waitUntilOfflineReady(page);
    await context.setOffline(true);
    const problems = await openEachAddress(
      page,
      [
        [`${BASE}guide`, `${BASE}guide/`],
        [`${BASE}guide/index.html?highlight=letting`, `${BASE}guide/`],
        [`${BASE}index.html`, BASE],
        [`${BASE}search?q=revenge`, `${BASE}search/`],
      ],
      BASE,
    );
    expectNoProblems(problems);
  });
});

describe('offline: a new build', () => {
  let root: string;
  let server: StaticServer;
  let context: BrowserContext;
  let recorder: IssueRecorder;
  const changed = sectionPaths[0]!;
  const MARK = 'Second edition';

  beforeAll(async () => {
    // A deploy of its own: a copy of dist/ on a second server, changed and rebuilt in the test.
    root = mkdtempSync(join(tmpdir(), 'offline-update-'));
    cpSync(distDir, root, { recursive: true });
    server = await start(root);
    context = await site.browser.newContext({ baseURL: server.origin });
    recorder = await IssueRecorder.attach(context, server.origin);
  });
  afterAll(async () => {
    await context?.close();
    if (server) await stop(server);
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('takes over only after the notice is accepted, never in the middle of a quiz, and drops the old cache', async () => {
    // A reader is part-way through a quiz.
    const quizPage = await context.newPage();
    await quizPage.goto(quiz.path);
    await settle(quizPage);
    await waitUntilOfflineReady(quizPage);
    const [oldCache] = (await readCaches(quizPage)).map((report) => report.name);
    const answers = extremeAnswers(quiz, 'low');
    await answerByClicking(quizPage, quiz, answers, 2);
    await quizPage.evaluate(() => Object.assign(window, { notReloaded: true }));

    // The site is rebuilt with a changed section and deployed.
    const file = join(root, ...changed.split('/').filter(Boolean), 'index.html');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/<h1([^>]*)>/, `<h1$1>${MARK}: `));
    const build = await writeServiceWorker(root);
    expect(oldCache).not.toContain(build.buildId);

    // Another tab opens the changed section: the browser finds the new worker, which installs and waits.
    const other = await context.newPage();
    await other.goto(changed);
    await settle(other);
    await other.evaluate(() => navigator.serviceWorker.getRegistration().then((registration) => registration?.update()));
    await expect
      .poll(() => other.evaluate(() => navigator.serviceWorker.getRegistration().then((registration) => Boolean(registration?.waiting))), {
        timeout: 20_000,
      })
      .toBe(true);

    // Both tabs offer the new version; neither has changed by itself.
    await expect.poll(() => noticeShown(quizPage), { timeout: 5_000 }).toBe(true);
    await expect.poll(() => noticeShown(other), { timeout: 5_000 }).toBe(true);
    expect(await quizPage.locator('#update-notice').textContent()).toMatch(/new version/i);
    const axe = await new AxeBuilder({ page: quizPage }).include('#update-notice').withTags(WCAG_TAGS).analyze();
    expectNoProblems(axe.violations.map((violation) => `the notice: ${violation.id} ${violation.help}`));
    await other.reload();
    await settle(other);
    expect(await other.locator('h1').textContent(), 'the old build still serves until the reader accepts').not.toContain(MARK);
    expect((await readCaches(other)).map((report) => report.name)).toHaveLength(2);

    // The reader accepts in the other tab: it reloads into the new build, and the old cache is gone.
    await expect.poll(() => noticeShown(other), { timeout: 5_000 }).toBe(true);
    await Promise.all([other.waitForEvent('load'), other.locator('#update-notice button[data-reload]').click()]);
    await settle(other);
    expect(await other.locator('h1').textContent()).toContain(MARK);
    await expect.poll(async () => (await readCaches(other)).map((report) => report.name), { timeout: 5_000 }).toEqual([
      expect.stringContaining(`${CACHE_PREFIX}-${build.buildId}-precache-v2-`),
    ]);

    // The quiz tab was not reloaded under the reader: the answers are still there, with the notice.
    await quizPage.waitForTimeout(500);
    expect(await quizPage.evaluate(() => (window as { notReloaded?: boolean }).notReloaded)).toBe(true);
    for (const [index, item] of quiz.items.slice(0, 2).entries()) expect(await quizPage.isChecked(radio(item.id, answers[index]!))).toBe(true);
    expect(await noticeShown(quizPage)).toBe(true);

    // When the reader is ready, Reload there brings the new build too.
    await Promise.all([quizPage.waitForEvent('load'), quizPage.locator('#update-notice button[data-reload]').click()]);
    expect(await quizPage.evaluate(() => (window as { notReloaded?: boolean }).notReloaded)).toBeUndefined();

    const problems = [quizPage, other].flatMap((tab) => {
      const issues = recorder.take(tab);
      return [...issues.cspViolations, ...issues.consoleErrors, ...issues.offSiteRequests];
    });
    expectNoProblems(problems);
  });
});

describe('offline: retiring the worker', () => {
  let root: string;
  let server: StaticServer;
  let context: BrowserContext;
  let recorder: IssueRecorder;
  const changed = sectionPaths[1]!;
  const MARK = 'Live from the network';

  beforeAll(async () => {
    // The old site, installed by a reader, then replaced on the same server by the retiring build: the
    // same pages, made retiring by the build's own function, with one section changed.
    root = mkdtempSync(join(tmpdir(), 'offline-retire-'));
    cpSync(distDir, root, { recursive: true });
    server = await start(root);
    context = await site.browser.newContext({ baseURL: server.origin });
    recorder = await IssueRecorder.attach(context, server.origin);
  });
  afterAll(async () => {
    await context?.close();
    if (server) await stop(server);
    if (root) rmSync(root, { recursive: true, force: true });
  });

  /** Names of this site's caches, as a page sees them. */
  const siteCaches = (page: Page) =>
    page.evaluate((prefix) => caches.keys().then((names) => names.filter((name) => name.startsWith(prefix))), CACHE_PREFIX);
  const registrations = (page: Page) => page.evaluate(() => navigator.serviceWorker.getRegistrations().then((all) => all.length));

  it('removes the installed worker and its caches, and reloads each open tab once into the live site', async () => {
    // A reader has the site installed, with two tabs open; it works offline.
    const page = await context.newPage();
    await page.goto(changed);
    await settle(page);
    await waitUntilOfflineReady(page);
    const other = await context.newPage();
    await other.goto('/');
    await settle(other);
    await context.setOffline(true);
    expect((await page.reload())?.fromServiceWorker()).toBe(true);
    await context.setOffline(false);
    expect(await siteCaches(page)).toHaveLength(1);

    // The retiring build is deployed. Until the browser looks for a new worker, the old one serves its copy.
    const file = join(root, ...changed.split('/').filter(Boolean), 'index.html');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/<h1([^>]*)>/, `<h1$1>${MARK}: `));
    const retired = retireSite(root);
    expect(retired.bytes).toBeLessThan(2048);
    await page.reload();
    await settle(page);
    expect(await page.locator('h1').textContent()).not.toContain(MARK);

    // The browser looks (as it does after navigations, or here when asked): both tabs reload, by themselves, once.
    const loads = new Map<Page, number>([
      [page, 0],
      [other, 0],
    ]);
    for (const tab of loads.keys()) tab.on('load', () => loads.set(tab, loads.get(tab)! + 1));
    await page.evaluate(() => void navigator.serviceWorker.getRegistration().then((registration) => registration?.update()));
    await expect.poll(() => page.locator('h1').textContent(), { timeout: 20_000 }).toContain(MARK);
    await expect.poll(() => loads.get(other), { timeout: 5_000 }).toBe(1);
    await settle(page);
    await settle(other);

    // Nothing of the old site is left: no caches, no worker, no tab under one.
    expect(await siteCaches(page)).toEqual([]);
    expect(await registrations(page)).toBe(0);
    for (const tab of loads.keys()) expect(await tab.evaluate(() => navigator.serviceWorker.controller)).toBeNull();

    // The retiring build's pages register nothing, so no reload leads to another.
    const again = await page.reload();
    await settle(page);
    expect(again?.fromServiceWorker()).toBe(false);
    expect(await page.locator('h1').textContent()).toContain(MARK);
    expect(await page.evaluate(() => document.documentElement.dataset.serviceWorker)).toBeUndefined();
    await page.waitForTimeout(300);
    expect(await registrations(page)).toBe(0);
    expect([...loads.values()]).toEqual([2, 1]);

    const problems = [page, other].flatMap((tab) => {
      const issues = recorder.take(tab);
      return [...issues.cspViolations, ...issues.consoleErrors, ...issues.offSiteRequests];
    });
    expectNoProblems(problems);
  });
});
