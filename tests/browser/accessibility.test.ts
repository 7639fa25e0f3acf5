import { statSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import type { Result } from 'axe-core';
import { describe, it } from 'vitest';
import { ROUTES, findRoute } from '../../src/routes.ts';
import { listPages } from '../harness/dist.ts';
import { expectNoProblems } from '../harness/problems.ts';
import { settle } from '../harness/settle.ts';
import { useSiteBrowser, visitAll } from '../harness/site-browser.ts';

// axe runs once per page template, in each theme: the pages of one route in src/routes.ts are built by one
// src/pages/ file (every guide section by guide/[slug].astro, every quiz by quizzes/[id].astro, every
// topic by topics/[id].astro) and share their markup and styles. The audited page is the template's
// largest, the one with the most content. What differs from page to page in the browser (CSP violations,
// console errors, off-site requests) is checked on every page, in both themes, by csp-states.test.ts;
// each quiz's states are audited in quiz-accessibility.test.ts.

const site = useSiteBrowser();

/** One template: its address pattern, the built pages it makes, and the page audited for all of them. */
interface Template {
  readonly template: string;
  readonly paths: readonly string[];
  readonly audited: string;
}

/** The built pages grouped by the route that makes them; a page outside ROUTES (404.html) is its own template. */
function templates(): Template[] {
  const groups = new Map<string, { path: string; bytes: number }[]>();
  for (const { path, file } of listPages()) {
    const route = findRoute(path);
    const template = route === null ? path : ROUTES[route].template;
    groups.set(template, [...(groups.get(template) ?? []), { path, bytes: statSync(file).size }]);
  }
  return [...groups].map(([template, pages]) => ({
    template,
    paths: pages.map((page) => page.path),
    audited: pages.reduce((largest, page) => (page.bytes > largest.bytes ? page : largest)).path,
  }));
}

const TEMPLATES = templates();
const shared = TEMPLATES.filter((template) => template.paths.length > 1)
  .map((template) => `${template.template} ×${template.paths.length}`)
  .join(', ');

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** One line per violation: rule, impact and up to three offending elements. */
function describeViolation(where: string, violation: Result): string {
  const targets = violation.nodes.slice(0, 3).map((node) => node.target.join(' '));
  const more = violation.nodes.length > 3 ? ` (+${violation.nodes.length - 3} more)` : '';
  return `${where}: ${violation.id} [${violation.impact}] ${violation.help} → ${targets.join(', ')}${more}`;
}

describe(`axe-core (WCAG 2.2 A/AA), one page per template (${TEMPLATES.length} templates; shared: ${shared})`, () => {
  it.each(['light', 'dark'] as const)('finds no violations on any template in the %s theme', async (theme) => {
    // Both the system preference and a stored choice say `theme`, as for a reader who picked it.
    const context = await site.newContext({ colorScheme: theme });
    await context.addInitScript((stored) => localStorage.setItem('theme', stored), theme);
    const found: string[] = [];
    const templateOf = new Map(TEMPLATES.map((template) => [template.audited, template]));
    try {
      await visitAll(context, [...templateOf.keys()], async (page, path) => {
        const { template, paths } = templateOf.get(path)!;
        const where = paths.length > 1 ? `${path} (for ${template}, ${paths.length} pages)` : path;
        await page.goto(path);
        await settle(page);
        const applied = await page.evaluate(() => document.documentElement.dataset.theme);
        if (applied !== theme) found.push(`${where}: data-theme is "${applied}", expected "${theme}"`);
        // Legacy mode runs axe in the page itself; the default opens a blank page per run to merge frames.
        const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).setLegacyMode(true).analyze();
        found.push(...results.violations.map((violation) => describeViolation(where, violation)));
      });
    } finally {
      await context.close();
    }
    expectNoProblems(found);
  });
});
