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

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  build: { format: 'directory' },
  vite: {
    plugins: [
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
    offline(),
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
