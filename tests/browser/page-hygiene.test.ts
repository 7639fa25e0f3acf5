import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IssueRecorder } from '../harness/page-issues.ts';
import { expectNoProblems } from '../harness/problems.ts';
import { settle } from '../harness/settle.ts';
import { sitePaths, useSiteBrowser, visitAll } from '../harness/site-browser.ts';

const site = useSiteBrowser();
const paths = sitePaths();

describe('every page, loaded in Chromium', () => {
  let context: BrowserContext;
  const found = { offSite: [] as string[], console: [] as string[], csp: [] as string[] };

  // One pass over the site gathers all three kinds of issue; the tests below each judge one kind.
  beforeAll(async () => {
    context = await site.newContext();
    const recorder = await IssueRecorder.attach(context, site.origin);
    await visitAll(context, paths, async (page, path) => {
      await page.goto(path);
      await settle(page);
      const issues = recorder.take(page);
      found.offSite.push(...issues.offSiteRequests.map((url) => `${path}: ${url}`));
      found.console.push(...issues.consoleErrors.map((text) => `${path}: ${text}`));
      found.csp.push(...issues.cspViolations.map((text) => `${path}: ${text}`));
    });
  });
  afterAll(async () => {
    await context?.close();
  });

  it('makes no request that leaves the site', () => {
    expectNoProblems(found.offSite);
  });

  it('logs no console errors or uncaught exceptions', () => {
    expectNoProblems(found.console);
  });

  it('triggers no Content-Security-Policy violations', () => {
    expectNoProblems(found.csp);
  });

  it('serves the 404 page, styled as at /404.html and without errors, for a missing deep URL', async () => {
    const page = await context.newPage();
    const consoleErrors: string[] = [];
    page.on('console', (message) => void (message.type() === 'error' && consoleErrors.push(message.text())));
    const bodyStyle = () =>
      page.evaluate(() => {
        const style = getComputedStyle(document.body);
        return `${style.fontFamily} | ${style.backgroundColor} | ${style.color}`;
      });
    await page.goto('/404.html');
    await settle(page);
    const expected = await bodyStyle();
    const response = await page.goto('/no/such/page/here/');
    await settle(page);
    expect(response?.status()).toBe(404);
    // Relative asset URLs would break at this depth; root-relative ones keep the page styled.
    expect(await bodyStyle()).toBe(expected);
    // The document itself answers 404, which Chromium logs; anything else is a real error.
    expect(consoleErrors.filter((text) => !text.includes('status of 404'))).toEqual([]);
    await page.close();
  });
});
