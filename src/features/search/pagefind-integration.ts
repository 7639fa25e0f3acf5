/**
 * Site search index. After `astro build` this writes the search bundle of the built pages to
 * `<outDir>/pagefind/` (search-bundle.ts: Pagefind's index, checked with the site's reader, with the
 * tuning and vocabulary beside it). During `astro dev` it serves the last bundle a build left there, so
 * search can be tried without rebuilding (and reports itself unavailable when there is none). Only pages,
 * or parts of pages, marked `data-pagefind-body` are indexed.
 */
import type { AstroIntegration } from 'astro';
import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';
import { buildSearchIndex, readSearchRules, VOCABULARY_BUDGET_BYTES } from './search-bundle';
import { chunkUrl } from '../../kit/chunk-url';

/** Folder of the bundle inside the built site; the browser code reads the index below the base path. */
export const BUNDLE_DIR = 'pagefind';

/** Pagefind's binary files (index chunks, fragments, filters, metadata), which sirv has no type for. */
const BINARY_FILE = /\.pf_[a-z]+$/;

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
 * its own chunk (`virtual:search-ui-url`, see src/kit/chunk-url.ts).
 */
export default function pagefindIntegration(): AstroIntegration {
  let bundleDir = '';
  let root = '';
  return {
    name: 'local:pagefind',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        const entry = fileURLToPath(new URL('./search-ui.ts', import.meta.url));
        updateConfig({ vite: { plugins: [chunkUrl('search-ui', entry)] } });
      },
      'astro:config:done': ({ config }) => {
        bundleDir = join(fileURLToPath(config.outDir), BUNDLE_DIR);
        root = fileURLToPath(config.root);
      },
      'astro:server:setup': ({ server, logger }) => {
        if (!existsSync(bundleDir)) logger.info('No search index yet; search will say it is unavailable until a build.');
        server.middlewares.use(`/${BUNDLE_DIR}`, serveBundle(bundleDir));
      },
      'astro:build:done': async ({ dir, logger }) => {
        const siteDir = fileURLToPath(dir);
        const started = performance.now();
        const summary = await buildSearchIndex(siteDir, join(siteDir, BUNDLE_DIR), readSearchRules(root));
        const kilobytes = (summary.bytes / 1024).toFixed(0);
        const ms = (performance.now() - started).toFixed(0);
        const { words, gzipBytes, leftOut } = summary.vocabulary;
        const rare = leftOut > 0 ? `; ${leftOut} rare words left out to keep within ${VOCABULARY_BUDGET_BYTES / 1024} KiB` : '';
        logger.info(`Indexed ${summary.pageCount} pages: ${summary.files} files, ${kilobytes} KiB, in ${ms} ms. Vocabulary: ${words} words, ${(gzipBytes / 1024).toFixed(1)} KiB gzip${rare}.`);
      },
    },
  };
}
