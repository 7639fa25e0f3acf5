import type { BrowserContext, BrowserContextOptions } from 'playwright-core';
import { IssueRecorder } from './page-issues.ts';
import { expectNoProblems } from './problems.ts';
import type { SiteBrowser } from './site-browser.ts';

/**
 * Runs `run` in a fresh browser context and fails when any of its pages logged a console error, broke the
 * Content-Security-Policy or made a request off the site; the context is closed either way.
 */
export async function withCheckedContext(
  site: SiteBrowser,
  run: (context: BrowserContext) => Promise<void>,
  options: BrowserContextOptions = {},
): Promise<void> {
  const context = await site.newContext(options);
  const recorder = await IssueRecorder.attach(context, site.origin);
  try {
    await run(context);
    for (const page of context.pages()) {
      const issues = recorder.take(page);
      expectNoProblems([...issues.consoleErrors, ...issues.cspViolations, ...issues.offSiteRequests]);
    }
  } finally {
    await context.close();
  }
}
