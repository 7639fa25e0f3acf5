/**
 * What a first visit to a built page costs, worked out from the files alone (no browser): the numbers the
 * byte budgets (budgets.ts) are checked against. The benchmark measures the same thing in Chromium; this
 * version is deterministic, so tests can hold the line on it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Gzip level for every size: what hosts use for precompressed files (and what the static server sends). */
export const GZIP_LEVEL = 9;

/** Gzip size of a string or buffer. */
export function gzipSize(data: string | Uint8Array): number {
  return gzipSync(data, { level: GZIP_LEVEL }).length;
}

/** One file a first visit downloads, by kind, in gzip bytes. */
export interface WeighedFile {
  readonly path: string;
  readonly kind: 'html' | 'css' | 'script';
  readonly bytes: number;
}

/** A page's first-visit weight in gzip bytes; `total` is HTML + CSS + script files (inline scripts are in the HTML). */
export interface PageWeight {
  readonly path: string;
  readonly html: number;
  readonly css: number;
  readonly scriptFiles: number;
  readonly inlineScript: number;
  readonly script: number;
  readonly total: number;
  readonly files: readonly WeighedFile[];
}

/** The attributes of one start tag, lower-cased names; valueless attributes map to ''. */
function attributesOf(tag: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  const body = tag.replace(/^<[a-z0-9-]+/i, '').replace(/\/?>$/, '');
  for (const match of body.matchAll(/([^\s"'=<>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g)) {
    attributes[match[1]!.toLowerCase()] = match[2] ?? match[3] ?? match[4] ?? '';
  }
  return attributes;
}

/** Script types a browser runs; JSON and other data blocks are not JavaScript. */
function isExecutable(type: string | undefined): boolean {
  return type === undefined || type === '' || type === 'module' || /^(?:text|application)\/(?:x-)?(?:java|ecma)script$/i.test(type);
}

/** URL paths a module imports statically (`import … from "…"`, `import "…"`, `export … from "…"`). */
export function staticImports(code: string): string[] {
  const imports: string[] = [];
  for (const match of code.matchAll(/(?:^|[^.\w$])(?:import|export)\s*(?:[\w$*{}\s,]*?\bfrom\s*)?(["'])([^"']+)\1/g)) {
    imports.push(match[2]!);
  }
  return imports;
}

/** The file in the built site for a same-origin URL path (directories → index.html). */
function fileFor(siteDir: string, path: string): string {
  return join(siteDir, ...decodeURIComponent(path).split('/').filter(Boolean), ...(path.endsWith('/') ? ['index.html'] : []));
}

/**
 * The HTML, CSS and JavaScript a first visit to `path` downloads, gzip bytes: the page, its
 * stylesheets, its script files with everything they import statically (not what they import later,
 * on demand), and its inline scripts. Inline scripts travel inside the HTML: they count toward
 * `script` but only once, as part of `html`, toward `total`.
 */
export function pageWeight(siteDir: string, path: string): PageWeight {
  const origin = 'http://site.invalid';
  const html = readFileSync(fileFor(siteDir, path), 'utf8');
  const files: WeighedFile[] = [{ path, kind: 'html', bytes: gzipSize(html) }];
  const seen = new Set([path]);
  const add = (url: string, kind: 'css' | 'script'): void => {
    const resolved = new URL(url, `${origin}${path}`);
    if (resolved.origin !== origin || seen.has(resolved.pathname)) return;
    seen.add(resolved.pathname);
    const content = readFileSync(fileFor(siteDir, resolved.pathname));
    files.push({ path: resolved.pathname, kind, bytes: gzipSize(content) });
    if (kind === 'script') for (const imported of staticImports(content.toString('utf8'))) add(new URL(imported, resolved).href, 'script');
  };

  const inline: number[] = [];
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const { rel = '', href } = attributesOf(tag);
    const rels = rel.toLowerCase().split(/\s+/);
    if (href && rels.includes('stylesheet')) add(href, 'css');
    if (href && rels.includes('modulepreload')) add(href, 'script');
  }
  for (const [, openTag, text] of html.matchAll(/(<script\b[^>]*>)([\s\S]*?)<\/script>/gi)) {
    const { src, type } = attributesOf(openTag!);
    if (!isExecutable(type)) continue;
    if (src !== undefined) add(src, 'script');
    else if (text!.trim()) inline.push(gzipSize(text!));
  }

  const sum = (kind: WeighedFile['kind']) => files.filter((file) => file.kind === kind).reduce((total, file) => total + file.bytes, 0);
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
