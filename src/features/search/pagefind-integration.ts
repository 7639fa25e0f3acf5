/**
 * Site search index. After `astro build` this indexes the built pages with Pagefind's Node API and
 * writes the bundle to `<outDir>/pagefind/`; during `astro dev` it serves the last bundle that a build
 * left there, so search can be tried without rebuilding (and reports itself unavailable when there is
 * none). Only pages, or parts of pages, marked `data-pagefind-body` are indexed.
 */
import type { AstroIntegration } from 'astro';
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import sirv from 'sirv';
import { searchUiChunk } from './search-ui-chunk';

/** Folder of the bundle inside the built site; the browser code loads `pagefind/pagefind.js` below the base path. */
export const BUNDLE_DIR = 'pagefind';

/**
 * Files of Pagefind's ready-made interfaces. The site has its own search UI, so they are left out of
 * the bundle: they would only be dead weight on the host.
 */
const UNUSED_FILE = /^pagefind-(?:ui|modular-ui|component-ui)\.(?:js|css)$/;

/** Whether a file of the bundle (path relative to the bundle folder) is shipped. */
export function isShippedBundleFile(path: string): boolean {
  return !UNUSED_FILE.test(path) && !path.startsWith('playground/');
}

/** What one indexing run produced. */
export interface IndexSummary {
  pageCount: number;
  files: number;
  bytes: number;
}

/** Pages in the index, from the bundle's entry file (addDirectory counts every HTML file it read). */
function indexedPageCount(files: ReadonlyArray<{ path: string; content: Uint8Array }>): number {
  const entry = files.find((file) => file.path === 'pagefind-entry.json');
  if (!entry) return 0;
  const { languages } = JSON.parse(new TextDecoder().decode(entry.content)) as {
    languages: Record<string, { page_count: number }>;
  };
  return Object.values(languages).reduce((sum, language) => sum + language.page_count, 0);
}

/**
 * Indexes the HTML files below `siteDir` and writes the bundle to `outputDir`. Pagefind's errors fail
 * the run: a site whose search silently indexed nothing is worse than a failed build.
 */
export async function buildSearchIndex(siteDir: string, outputDir: string): Promise<IndexSummary> {
  try {
    // Every page is English; forcing it keeps one index even if a page forgets its lang attribute.
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
    if (!index) throw new Error(`Pagefind could not create an index: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: siteDir });
    if (added.errors.length > 0) throw new Error(`Pagefind could not index ${siteDir}: ${added.errors.join('; ')}`);
    const { files, errors: fileErrors } = await index.getFiles();
    if (fileErrors.length > 0) throw new Error(`Pagefind could not write its index: ${fileErrors.join('; ')}`);
    const pageCount = indexedPageCount(files);
    if (pageCount === 0) throw new Error(`Pagefind indexed no pages in ${siteDir}: is data-pagefind-body missing?`);
    await rm(outputDir, { recursive: true, force: true });
    const shipped = files.filter((file) => isShippedBundleFile(file.path));
    for (const file of shipped) {
      const target = join(outputDir, file.path);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, file.content);
    }
    return {
      pageCount,
      files: shipped.length,
      bytes: shipped.reduce((sum, file) => sum + file.content.byteLength, 0),
    };
  } finally {
    await pagefind.close();
  }
}

/** Pagefind's binary files (index chunks, fragments, filters, metadata, WebAssembly), which sirv has no type for. */
const BINARY_FILE = /\.(?:pf_[a-z]+|pagefind)$/;

/**
 * Serves the last built bundle, mounted at `/pagefind/` (Astro has taken off the base path), or answers
 * 404 when there is none. Through sirv in dev mode: each request looks at the disk, so a bundle that a
 * build writes while the dev server runs is served at once, and nothing is cached (`no-store`).
 */
function serveBundle(bundleDir: string) {
  const files = sirv(bundleDir, {
    dev: true,
    setHeaders: (response, pathname) => {
      if (BINARY_FILE.test(pathname)) response.setHeader('content-type', 'application/octet-stream');
    },
  });
  return (request: IncomingMessage, response: ServerResponse): void =>
    files(request, response, () => {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('No search index: run `npm run build` once.');
    });
}

/**
 * The integration: index after the build, serve the last index in dev, and build the search UI as
 * its own chunk (see search-ui-chunk.ts).
 */
export default function pagefindIntegration(): AstroIntegration {
  let bundleDir = '';
  return {
    name: 'local:pagefind',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        const entry = fileURLToPath(new URL('./search-ui.ts', import.meta.url));
        updateConfig({ vite: { plugins: [searchUiChunk(entry)] } });
      },
      'astro:config:done': ({ config }) => {
        bundleDir = join(fileURLToPath(config.outDir), BUNDLE_DIR);
      },
      'astro:server:setup': ({ server, logger }) => {
        if (!existsSync(bundleDir)) logger.info('No search index yet; search will say it is unavailable until a build.');
        server.middlewares.use(`/${BUNDLE_DIR}`, serveBundle(bundleDir));
      },
      'astro:build:done': async ({ dir, logger }) => {
        const siteDir = fileURLToPath(dir);
        const started = performance.now();
        const summary = await buildSearchIndex(siteDir, join(siteDir, BUNDLE_DIR));
        const kilobytes = (summary.bytes / 1024).toFixed(0);
        const ms = (performance.now() - started).toFixed(0);
        logger.info(`Indexed ${summary.pageCount} pages: ${summary.files} files, ${kilobytes} KiB, in ${ms} ms.`);
      },
    },
  };
}
