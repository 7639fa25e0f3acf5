// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import pagefind from './src/features/search/pagefind-integration.ts';
import offline from './src/features/offline/offline-integration.ts';
import contentCheck from './src/content-check.ts';
import headers from './src/features/headers/headers-integration.ts';
import baseLinks from './src/features/guide/base-links.ts';
import { normalizeBase } from './src/kit/paths.ts';
import { chunkUrl } from './src/kit/chunk-url.ts';
import { fileURLToPath } from 'node:url';

// The theme is set by a tiny inline script before first paint (no flash). Inline scripts are only
// allowed by hash, so the hash is computed here from the very file the layout inlines.
const themeInit = readFileSync(new URL('./src/features/theme/theme-init.js', import.meta.url), 'utf8');
/** @type {`sha256-${string}`} */
const themeInitHash = `sha256-${createHash('sha256').update(themeInit).digest('base64')}`;

// The public address the site is built for: canonical URLs, the sitemap and Open Graph tags use it.
// Override at build time with SITE_URL when deploying somewhere else.
const site = process.env.SITE_URL ?? 'https://letting-go.guide';

// Where on that domain the site is served: its root unless BASE_PATH names a sub-path (`/letting-go/`).
// Pages use it through src/kit/paths.ts, the build hooks through `config.base`, and links in the
// guide's MDX through baseLinks.
const base = normalizeBase(process.env.BASE_PATH);

// SERVICE_WORKER=retire builds the site with a worker that removes itself and its saved copies instead
// of the offline one: for a site that moves or closes (README, Deploying).
const serviceWorker = process.env.SERVICE_WORKER;

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  build: { format: 'directory' },
  vite: {
    build: {
      rollupOptions: {
        output: {
          // Preact and its JSX runtime always load together: one file, not two. The small kit modules every island
          // page runs (hydrating, storage, preferences, persistence, the store, fill) go in the same file, whatever
          // imports a part of them later: left to itself the bundler cuts shared code by which pages and lazy chunks
          // use it, into smaller files, each compressed alone and carrying its own imports, which costs every island
          // page bytes and requests. The quiz's saved results (quiz pages and My results) and its answers and
          // unfinished answers (quiz pages, and bringing back a backup) go in files of their own, so a page loads
          // only what it runs: Right now carries neither, My results no answers. The byte budgets show what a module
          // left out of these costs.
          manualChunks: (id) =>
            /[\\/]node_modules[\\/]preact[\\/](?:dist|jsx-runtime)[\\/]|[\\/]src[\\/]kit[\\/](?:hydrate|passages|storage|preferences|persistence|store|fill)\.tsx?$/.test(id)
              ? 'preact'
              : /[\\/]src[\\/]features[\\/]quiz[\\/]engine[\\/]results\.ts$/.test(id)
                ? 'saved-results'
                : /[\\/]src[\\/]features[\\/]quiz[\\/]engine[\\/](?:answers|progress)\.ts$/.test(id)
                  ? 'quiz-answers'
                  : // Small parts My results runs on load and its lazy chunks share (the backup's size limit and
                    // clearing the offline copy): one file, rather than two of a few hundred bytes. Saving a file stays
                    // apart: My notes and Right now load it too.
                    /[\\/]src[\\/]features[\\/]device-data[\\/](?:backup-limit|erase-offline)\.ts$/.test(id)
                    ? 'page-tools'
                    : undefined,
        },
      },
    },
    plugins: [
      // The quiz's result view loads when the reader starts answering, not with the page.
      chunkUrl('quiz-result', fileURLToPath(new URL('./src/features/quiz/QuizResult.tsx', import.meta.url)), [
        fileURLToPath(new URL('./src/features/quiz/QuizIsland.tsx', import.meta.url)),
      ]),
      // My results' backup, restore and erase code loads when the reader first uses one of them.
      chunkUrl('device-data', fileURLToPath(new URL('./src/features/device-data/device-data-tools.ts', import.meta.url)), [
        fileURLToPath(new URL('./src/features/my-results/my-results-entry.ts', import.meta.url)),
      ]),
      // The check-in reminder's choice and calendar file load on the first "Remind me to check in".
      chunkUrl('reminder', fileURLToPath(new URL('./src/features/reminders/ReminderChoice.tsx', import.meta.url)), [
        fileURLToPath(new URL('./src/features/quiz/QuizIsland.tsx', import.meta.url)),
        fileURLToPath(new URL('./src/features/my-results/my-results-entry.ts', import.meta.url)),
      ]),
      // The passphrase lock loads only on pages of a reader who set one, or who asks to.
      chunkUrl('lock', fileURLToPath(new URL('./src/features/lock/lock-ui.tsx', import.meta.url)), [
        fileURLToPath(new URL('./src/kit/hydrate.ts', import.meta.url)),
      ]),
      // A "Try this" box's writer loads when the reader chooses to write, not with the reading page.
      chunkUrl('workbook-writer', fileURLToPath(new URL('./src/features/workbook/workbook-writer.tsx', import.meta.url)), [
        fileURLToPath(new URL('./src/components/site-script.ts', import.meta.url)),
      ]),
      {
        // MDX content modules carry Astro's "use astro:head-inject" directive, which the bundler warns it may
        // not keep (withastro/astro#18087); Astro acts on it before bundling, so the warning is noise. Every
        // other warning still shows.
        name: 'local:quiet-head-inject',
        onLog(_level, log) {
          if (log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes('astro:head-inject')) return false;
        },
      },
    ],
  },
  // contentCheck() runs every content rule before anything is built, so a broken file stops the build at once.
  // pagefind() indexes the built pages for site search (and serves the last index during `astro dev`).
  // offline() draws the app icons and writes /sw.js; after pagefind() so the search index is precached.
  // headers() writes dist/_headers (CSP as a header, plus security headers) from the built pages; it
  // reads the finished HTML, so it stays last.
  integrations: [
    contentCheck(),
    mdx(),
    preact(),
    sitemap({ filter: (page) => !page.includes('/404') && !page.includes('/offline/') }),
    pagefind(),
    offline({ serviceWorker }),
    headers(),
  ],
  // No syntax highlighting: the guide has no code, and Shiki's inline styles would clash with the CSP.
  // Sätteri is Astro's default Markdown processor; baseLinks() puts the base path in front of content links.
  markdown: { syntaxHighlight: false, processor: satteri({ hastPlugins: [baseLinks(base)] }) },
  security: {
    csp: {
      // 'self' must be listed because setting resources replaces Astro's default. Nothing compiles
      // WebAssembly (search reads its index in plain script), and inline scripts are allowed only by hash.
      scriptDirective: { resources: ["'self'"], hashes: [themeInitHash] },
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "manifest-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
    },
  },
});
