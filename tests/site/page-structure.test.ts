import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parsePages, type ParsedPage } from '../harness/html.ts';
import { expectNoProblems } from '../harness/problems.ts';

// Parsed once at collection: each test below checks one rule of the page contract on every page.
const pages = parsePages();

// Scripts the browser runs (data blocks such as JSON-LD are not subject to script-src).
const EXECUTABLE_SCRIPT = 'script:not([type]), script[type=""], script[type="module"], script[type="text/javascript"]';

/** Collects `path: problem` lines from a per-page check. */
function problems(check: (page: ParsedPage) => Array<string | false | undefined>): string[] {
  return pages.flatMap((page) => check(page).filter((p): p is string => Boolean(p)).map((p) => `${page.path}: ${p}`));
}

describe('every built page', () => {
  it('has one h1, a title, a meta description and a canonical URL for its own path', () => {
    const found = problems(({ document, path }) => {
      const h1s = document.querySelectorAll('h1').length;
      const description = document.querySelector('meta[name="description"]')?.getAttribute('content')?.trim();
      const canonicals = document.querySelectorAll('link[rel="canonical"]');
      const canonical = canonicals[0]?.getAttribute('href') ?? '';
      let canonicalUrl: URL | undefined;
      try {
        canonicalUrl = new URL(canonical);
      } catch {
        canonicalUrl = undefined;
      }
      return [
        h1s !== 1 && `${h1s} h1 elements`,
        !document.title.trim() && 'empty or missing <title>',
        !description && 'empty or missing meta description',
        canonicals.length !== 1 && `${canonicals.length} canonical links`,
        canonicals.length === 1 && !canonicalUrl && `canonical "${canonical}" is not an absolute URL`,
        canonicalUrl && !canonicalUrl.pathname.endsWith(path) && `canonical "${canonical}" does not end with ${path}`,
      ];
    });
    expectNoProblems(found);
  });

  it('has the shared skeleton: lang, skip link first, main nav, focusable main, footer', () => {
    const found = problems(({ document }) => {
      const firstFocusable = document.querySelector(
        'a[href], button, input:not([type="hidden"]), select, textarea, summary, [tabindex]:not([tabindex="-1"])',
      );
      return [
        document.documentElement.getAttribute('lang') !== 'en' && '<html> lacks lang="en"',
        !firstFocusable?.matches('a.skip-link[href="#main"]') &&
          `first focusable element is ${firstFocusable?.outerHTML.slice(0, 80) ?? 'missing'}, not the skip link`,
        !document.querySelector('header nav[aria-label="Main"]') && 'no <header> with <nav aria-label="Main">',
        document.querySelectorAll('main').length !== 1 && 'not exactly one <main>',
        !document.querySelector('main#main[tabindex="-1"]') && 'no <main id="main" tabindex="-1">',
        !document.querySelector('footer') && 'no <footer>',
      ];
    });
    expectNoProblems(found);
  });

  it('declares a CSP, before any script or style, that allows its inline code only by hash', () => {
    const found = problems(({ document }) => {
      const meta = document.querySelector('meta[http-equiv="content-security-policy" i]');
      if (!meta) return ['no CSP meta tag'];
      const policy = meta.getAttribute('content') ?? '';
      const directive = (name: string) =>
        policy
          .split(';')
          .map((part) => part.trim().split(/\s+/))
          .find(([key]) => key === name)
          ?.slice(1) ?? [];
      const scriptSrc = directive('script-src');
      const styleSrc = directive('style-src');
      // A meta CSP only governs what comes after it in the document.
      const earlier = [...document.head.querySelectorAll(`${EXECUTABLE_SCRIPT}, style, link[rel="stylesheet"]`)].filter(
        (element) => meta.compareDocumentPosition(element) & 2 /* DOCUMENT_POSITION_PRECEDING */,
      );
      const unhashed = (selector: string, allowed: string[]) =>
        [...document.querySelectorAll(selector)]
          .filter((element) => !element.hasAttribute('src'))
          .map((element) => `'sha256-${createHash('sha256').update(element.textContent).digest('base64')}'`)
          .filter((hash) => !allowed.includes(hash));
      const inlineScripts = unhashed(EXECUTABLE_SCRIPT, scriptSrc);
      const inlineStyles = unhashed('style', styleSrc);
      return [
        earlier.length > 0 &&
          `${earlier.length} script/style element(s) precede the CSP meta and escape it: ${earlier
            .map((element) => element.outerHTML.slice(0, 60))
            .join(' | ')}`,
        scriptSrc.length === 0 && 'CSP has no script-src',
        scriptSrc.some((source) => ["'unsafe-inline'", "'unsafe-eval'"].includes(source)) &&
          `script-src allows ${scriptSrc.filter((s) => s.startsWith("'unsafe")).join(' ')}`,
        inlineScripts.length > 0 && `${inlineScripts.length} inline script(s) not allowed by hash`,
        inlineStyles.length > 0 && !styleSrc.includes("'unsafe-inline'") &&
          `${inlineStyles.length} inline style element(s) not allowed by hash`,
      ];
    });
    expectNoProblems(found);
  });
});

describe('guide section pages', () => {
  const sections = pages.filter(({ path }) => /^\/guide\/[^/]+\/$/.test(path) && path !== '/guide/all/');

  it('have a table of contents whose links point to h2/h3 headings on the page', () => {
    expect(sections.length, 'no /guide/<slug>/ pages were built').toBeGreaterThan(0);
    const found = sections.flatMap(({ path, document }) => {
      const toc = document.querySelector('nav.toc[aria-labelledby="toc-heading"]');
      if (!toc) return [`${path}: no <nav class="toc" aria-labelledby="toc-heading">`];
      const links = [...toc.querySelectorAll('a[href^="#"]')];
      const broken = links
        .map((link) => decodeURIComponent(link.getAttribute('href')!.slice(1)))
        .filter((id) => !document.getElementById(id)?.matches('h2, h3'))
        .map((id) => `${path}: ToC link #${id} does not point to an h2 or h3`);
      return [
        ...(links.length === 0 ? [`${path}: the ToC has no #links`] : []),
        ...(!document.getElementById('toc-heading') ? [`${path}: no element with id toc-heading`] : []),
        ...broken,
      ];
    });
    expectNoProblems(found);
  });
});
