import { AxeBuilder } from '@axe-core/playwright';
import type { Result } from 'axe-core';
import { describe, it } from 'vitest';
import { expectNoProblems } from '../harness/problems.ts';
import { settle } from '../harness/settle.ts';
import { sitePaths, useSiteBrowser, visitAll } from '../harness/site-browser.ts';

const site = useSiteBrowser();
const paths = sitePaths();

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** One line per violation: rule, impact and up to three offending elements. */
function describeViolation(path: string, violation: Result): string {
  const targets = violation.nodes.slice(0, 3).map((node) => node.target.join(' '));
  const more = violation.nodes.length > 3 ? ` (+${violation.nodes.length - 3} more)` : '';
  return `${path}: ${violation.id} [${violation.impact}] ${violation.help} → ${targets.join(', ')}${more}`;
}

describe('axe-core (WCAG 2.2 A/AA)', () => {
  it.each(['light', 'dark'] as const)('finds no violations on any page in the %s theme', async (theme) => {
    // Both the system preference and a stored choice say `theme`, as for a reader who picked it.
    const context = await site.newContext({ colorScheme: theme });
    await context.addInitScript((stored) => localStorage.setItem('theme', stored), theme);
    const found: string[] = [];
    try {
      await visitAll(context, paths, async (page, path) => {
        await page.goto(path);
        await settle(page);
        const applied = await page.evaluate(() => document.documentElement.dataset.theme);
        if (applied !== theme) found.push(`${path}: data-theme is "${applied}", expected "${theme}"`);
        // Legacy mode runs axe in the page itself; the default opens a blank page per run to merge frames.
        const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).setLegacyMode(true).analyze();
        found.push(...results.violations.map((violation) => describeViolation(path, violation)));
      });
    } finally {
      await context.close();
    }
    expectNoProblems(found);
  });
});
