// What a first visit to a built page costs, worked out from the files alone (no browser), plus the
// budgets `npm run bench` prints and tests/site/budgets.test.ts asserts. The benchmark measures the
// same thing in Chromium; this version is deterministic, so tests can hold the line on it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Gzip level for every size: what hosts use for precompressed files (and what the other checks use). */
export const GZIP_LEVEL = 9;

/** Budgets, in gzip bytes and Lighthouse scores (0-100). */
export const BUDGETS = {
  /** A guide section's first visit: HTML, CSS and JavaScript together, and JavaScript alone. */
  sectionTotal: 20 * 1024,
  sectionScript: 2 * 1024,
  /** A quiz page's JavaScript: inline scripts and every script file it loads. */
  quizScript: 15 * 1024,
  /** Minimum Lighthouse scores on every page type. */
  lighthouse: { performance: 98, accessibility: 100, 'best-practices': 100, seo: 100 },
};

/** The page types the benchmark reports, each with the URL paths that belong to it. */
export const PAGE_TYPES = [
  { id: 'home', label: 'Home', matches: (path) => path === '/' },
  { id: 'section', label: 'Guide section', matches: (path) => /^\/guide\/[^/]+\/$/.test(path) && path !== '/guide/all/' },
  { id: 'guide-all', label: 'One-page guide', matches: (path) => path === '/guide/all/' },
  { id: 'quiz', label: 'Quiz', matches: (path) => /^\/quizzes\/[^/]+\/$/.test(path) },
  { id: 'my-results', label: 'My results', matches: (path) => path === '/my-results/' },
  { id: 'search', label: 'Search', matches: (path) => path === '/search/' },
  { id: 'topic', label: 'Topic', matches: (path) => /^\/topics\/[^/]+\/$/.test(path) },
];

/** Gzip size of a string or buffer. */
export function gzipSize(data) {
  return gzipSync(data, { level: GZIP_LEVEL }).length;
}

/** The attributes of one start tag, lower-cased names; valueless attributes map to ''. */
function attributesOf(tag) {
  const attributes = {};
  const body = tag.replace(/^<[a-z0-9-]+/i, '').replace(/\/?>$/, '');
  for (const match of body.matchAll(/([^\s"'=<>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g)) {
    attributes[match[1].toLowerCase()] = match[2] ?? match[3] ?? match[4] ?? '';
  }
  return attributes;
}

/** Script types a browser runs; JSON and other data blocks are not JavaScript. */
function isExecutable(type) {
  return type === undefined || type === '' || type === 'module' || /^(?:text|application)\/(?:x-)?(?:java|ecma)script$/i.test(type);
}

/** URL paths a module imports statically (`import … from "…"`, `import "…"`, `export … from "…"`). */
export function staticImports(code) {
  const imports = [];
  for (const match of code.matchAll(/(?:^|[^.\w$])(?:import|export)\s*(?:[\w$*{}\s,]*?\bfrom\s*)?(["'])([^"']+)\1/g)) {
    imports.push(match[2]);
  }
  return imports;
}

/** The file in the built site for a same-origin URL path (directories → index.html). */
function fileFor(siteDir, path) {
  return join(siteDir, ...decodeURIComponent(path).split('/').filter(Boolean), ...(path.endsWith('/') ? ['index.html'] : []));
}

/**
 * The HTML, CSS and JavaScript a first visit to `path` downloads, gzip bytes: the page, its
 * stylesheets, its script files with everything they import statically (not what they import later,
 * on demand), and its inline scripts. Inline scripts travel inside the HTML: they count toward
 * `script` but only once, as part of `html`, toward `total`.
 */
export function pageWeight(siteDir, path) {
  const origin = 'http://site.invalid';
  const html = readFileSync(fileFor(siteDir, path), 'utf8');
  const files = [{ path, kind: 'html', bytes: gzipSize(html) }];
  const seen = new Set([path]);
  const add = (url, kind) => {
    const resolved = new URL(url, `${origin}${path}`);
    if (resolved.origin !== origin || seen.has(resolved.pathname)) return;
    seen.add(resolved.pathname);
    const content = readFileSync(fileFor(siteDir, resolved.pathname));
    files.push({ path: resolved.pathname, kind, bytes: gzipSize(content) });
    if (kind === 'script') for (const imported of staticImports(content.toString('utf8'))) add(new URL(imported, resolved).href, 'script');
  };

  const inline = [];
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const { rel = '', href } = attributesOf(tag);
    const rels = rel.toLowerCase().split(/\s+/);
    if (href && rels.includes('stylesheet')) add(href, 'css');
    if (href && rels.includes('modulepreload')) add(href, 'script');
  }
  for (const [, openTag, text] of html.matchAll(/(<script\b[^>]*>)([\s\S]*?)<\/script>/gi)) {
    const { src, type } = attributesOf(openTag);
    if (!isExecutable(type)) continue;
    if (src !== undefined) add(src, 'script');
    else if (text.trim()) inline.push(gzipSize(text));
  }

  const sum = (kind) => files.filter((file) => file.kind === kind).reduce((total, file) => total + file.bytes, 0);
  const scriptFiles = sum('script');
  const inlineScript = inline.reduce((total, bytes) => total + bytes, 0);
  return {
    path,
    html: sum('html'),
    css: sum('css'),
    scriptFiles,
    inlineScript,
    script: scriptFiles + inlineScript,
    total: sum('html') + sum('css') + scriptFiles,
    files,
  };
}
