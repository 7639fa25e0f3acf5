/**
 * Offline reading and installing to a home screen. After the build (and after the Pagefind integration,
 * so its index is there to be precached) this:
 * 1. draws the app icons from public/favicon.svg (offline-icon-render.ts);
 * 2. writes sw.js at the site's base path with Workbox, precaching the whole site under a build-specific
 *    cache name (offline-sw.ts), and prints the precache's size and file count. Past the budget it
 *    precaches the most important part and says what it left out (offline-precache-plan.ts).
 * With `retire` (SERVICE_WORKER=retire) step 2 writes the retiring worker instead, and pages stop
 * registering one (retire.ts): for a site that moves or closes.
 * The page side is src/features/offline/sw-register.ts (registration and the "new version" notice) and the
 * offline page is src/pages/offline.astro. During `astro dev` no worker is built or registered; the icons
 * are drawn on request so the manifest can be tried there too.
 */
import type { AstroIntegration } from 'astro';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ICONS, ICON_SOURCE } from './icons';
import { renderIcon, writeIcons } from './icon-render';
import { isRetiring, retireSite } from './retire';
import { PRECACHE_BUDGET_BYTES, writeServiceWorker } from './service-worker';
import { joinBase } from '../../kit/paths';
import { ASSETS } from '../../routes';

export interface OfflineOptions {
  /** Largest precache allowed, in bytes (2 MB unless given). */
  budgetBytes?: number;
  /**
   * The SERVICE_WORKER build flag: unset for offline reading, `retire` for a worker that removes
   * itself and this site's caches (see retire.ts and README, Deploying). Anything else stops the build.
   */
  serviceWorker?: string;
}

function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

/** Serves the icons in dev, drawn from the current SVG on each request (Astro has taken off the base path). */
function serveIcons(sourceFile: string) {
  return (request: IncomingMessage, response: ServerResponse, next: () => void): void => {
    const pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
    const icon = ICONS.find((candidate) => `/${candidate.file}` === pathname);
    if (!icon) return next();
    // No dynamic import() here: Astro's config module runner is closed once the server is up.
    readFile(sourceFile)
      .then((svg) => renderIcon(svg, icon))
      .then((png) => response.writeHead(200, { 'content-type': 'image/png', 'cache-control': 'no-store' }).end(png))
      .catch((error: unknown) => {
        response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end(String(error));
      });
  };
}

export default function offlineIntegration({ budgetBytes = PRECACHE_BUDGET_BYTES, serviceWorker }: OfflineOptions = {}): AstroIntegration {
  // Checked when the config loads, so a mistyped flag fails before anything is built.
  const retiring = isRetiring(serviceWorker);
  let sourceFile = '';
  let base = '/';
  return {
    name: 'local:offline',
    hooks: {
      'astro:config:done': ({ config }) => {
        sourceFile = join(fileURLToPath(config.publicDir), ICON_SOURCE);
        base = config.base;
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use(serveIcons(sourceFile));
      },
      'astro:build:done': async ({ dir, logger }) => {
        const siteDir = fileURLToPath(dir);
        const started = performance.now();
        const icons = await writeIcons(sourceFile, siteDir);
        if (retiring) {
          const retired = retireSite(siteDir, base);
          logger.info(`Drew ${icons.length} icons from ${ICON_SOURCE}.`);
          // A warning, so that a retiring build deployed by mistake is hard to miss in the log.
          logger.warn(
            `Retiring build: ${joinBase(base, ASSETS.serviceWorker)} (${retired.bytes} bytes) removes the installed worker and this ` +
              `site's caches, and ${retired.pages} pages register no worker. Offline reading is off.`,
          );
          return;
        }
        const sw = await writeServiceWorker(siteDir, budgetBytes, base);
        const ms = (performance.now() - started).toFixed(0);
        logger.info(`Drew ${icons.length} icons from ${ICON_SOURCE}.`);
        logger.info(
          `Service worker ${joinBase(base, ASSETS.serviceWorker)} (${kib(sw.swBytes)}), build ${sw.buildId}: precaches ${sw.count} files, ` +
            `${sw.bytes} bytes (${kib(sw.bytes)}; budget ${budgetBytes} bytes), in ${ms} ms.`,
        );
        if (sw.leftOut.urls.length > 0) {
          logger.warn(
            `Over the precache budget: left ${sw.leftOut.urls.length} files, ${sw.leftOut.bytes} bytes, to the network ` +
              `(first: ${sw.leftOut.urls.slice(0, 3).join(', ')}). They are not available offline.`,
          );
        }
      },
    },
  };
}
