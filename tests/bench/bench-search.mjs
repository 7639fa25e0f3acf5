// Site search benchmark (`npm run bench:search`): what searching costs a reader, measured in headless
// Chromium, side by side with what others would cost. Run `npm run build` first.
//
// 1. The real site, served from a scratch copy of dist/ that also holds Pagefind's own runtime (files of
//    the very same index: the bench checks they are identical) and Pagefind's default UI:
//    - our first search in the header dialog: every file it downloads, from the first sign of intent to
//      the rendered results, and the time from the last keystroke to those results;
//    - @pagefind/default-ui on the same index: the same time, with its own debounce and with ours;
//    - the reader queries of tests/harness/reader-queries.ts through /search/: the first three results.
// 2. Starlight (the pinned @astrojs/starlight) built on the project's own guide sections in a scratch
//    folder, its first search measured the same way: the search code (its Search component and the
//    default UI it bundles) and every file of the index it loads, text counted at gzip -9, Pagefind's
//    binary files as they are.
// 3. Scale: 1,000 and 10,000 generated pages, bundled by the site's own search-bundle.ts and searched
//    through the site's dialog (a copy of a guide page and the built scripts).
//
// Scratch folders live in .bench/ (git-ignored) and are removed at the end. It prints tables, checks
// ours against 0.95 of Starlight's first search and 150 KB at 10,000 pages (exit code 1 on a miss) and
// writes .bench/search.json.
import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createIndex, close } from 'pagefind';
import { buildSearchIndex, readSearchRules } from '../../src/features/search/search-bundle.ts';
import { launchChromium } from '../harness/chromium.ts';
import { gzipSize } from '../harness/page-weight.ts';
import { allowedRank, READER_QUERIES } from '../harness/reader-queries.ts';
import { start, stop } from '../harness/static-server.ts';
import { kib, makeVocabulary, median, ms, mulberry32, sentence } from './bench-shared.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const distDir = join(root, 'dist');
const benchDir = join(root, '.bench');
const outFile = join(benchDir, 'search.json');
const SCALES = (process.env.BENCH_SCALES ?? '1000,10000').split(',').filter(Boolean).map(Number);
const RUNS = 5;
const GUIDE_PAGE = '/guide/turning-rage-into-fuel/';
/** The budgets the issue set: ours at most this share of Starlight's first search, and this much at 10,000 pages. */
const STARLIGHT_SHARE = 0.95;
const SCALE_BUDGET = { pages: 10_000, bytes: 150 * 1024 };
/** The dialog's pause after the last keystroke (src/features/search/search-dialog.ts). */
const OUR_DEBOUNCE_MS = 90;

// ---------------------------------------------------------------------------------------------- utils

/** Files below a folder, with sizes. */
async function listFiles(dir) {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
  return Promise.all(files.map(async (file) => ({ file, size: (await stat(file)).size })));
}

/**
 * Records what a browser context downloads (pages and their workers): bytes on the wire and, beside them,
 * the gzip -9 size of text files as they are on disk (Pagefind's own files are gzip data already and
 * count as they are). The gzip figure is the one compared: it does not depend on how a host compresses.
 */
function recordTransfers(context, origin, siteDir) {
  const transfers = [];
  context.on('requestfinished', async (request) => {
    const url = new URL(request.url());
    if (url.origin !== origin) return;
    const sizes = await request.sizes().catch(() => null);
    if (!sizes) return;
    const body = sizes.responseBodySize;
    let gzipped = body;
    if (/\.(?:js|mjs|json|css|html)$/.test(url.pathname) || url.pathname.endsWith('/')) {
      const file = join(siteDir, url.pathname.endsWith('/') ? `${url.pathname}index.html` : url.pathname);
      if (existsSync(file)) gzipped = gzipSize(await readFile(file));
    }
    transfers.push({ path: url.pathname, bytes: body + sizes.responseHeadersSize, body, gzipped });
  });
  return {
    /** Transfers since the last call. */
    take() {
      return transfers.splice(0, transfers.length);
    },
  };
}

const sum = (transfers, key) => transfers.reduce((total, transfer) => total + transfer[key], 0);

/** The folder and package.json of the installed package `name`, found from its entry point (some export no package.json). */
async function installedPackage(name, entry) {
  let dir = dirname(fileURLToPath(entry));
  while (!existsSync(join(dir, 'package.json')) || JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')).name !== name) dir = dirname(dir);
  return { dir, manifest: JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) };
}

/** Runs a command with the project's own Node, without Astro's telemetry; rejects with its output on failure. */
function run(script, args, cwd) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { cwd, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => (code === 0 ? resolve(output) : reject(new Error(`${script} ${args.join(' ')} failed:\n${output}`))));
  });
}

/** A scratch folder in .bench/, removed by the caller. */
async function scratch(name) {
  await mkdir(benchDir, { recursive: true });
  return mkdtemp(join(benchDir, `scratch-${name}-`));
}

/** Time from the last keystroke of `query` in `selector` to `isDone` (run in the page) first seeing results. */
async function typeAndTime(page, selector, query, isDone) {
  await page.evaluate(() => {
    window.__bench = { lastKey: 0, done: 0 };
    addEventListener('keydown', () => (window.__bench.lastKey = performance.now()), true);
  });
  const input = page.locator(selector);
  await input.focus();
  await input.fill('');
  await page.waitForTimeout(200);
  await page.keyboard.type(query, { delay: 30 });
  await page.waitForFunction(isDone, undefined, { polling: 'raf', timeout: 20_000 });
  return page.evaluate(() => window.__bench.done - window.__bench.lastKey);
}

// Checks run in the page on every frame until the results are on screen; each notes when it first saw them.
const OURS_DONE = () => {
  const status = document.querySelector('dialog [data-search-status]');
  const seen = status?.textContent?.includes('for “') && document.querySelectorAll('#site-search-results [role="option"]').length > 0;
  if (seen && !window.__bench.done) window.__bench.done = performance.now();
  return seen;
};
const DEFAULT_UI_DONE = () => {
  const seen = document.querySelectorAll('#search .pagefind-ui__result-link').length > 0;
  if (seen && !window.__bench.done) window.__bench.done = performance.now();
  return seen;
};
const STARLIGHT_DONE = () => {
  const seen = document.querySelectorAll('#starlight__search .pagefind-ui__result-link').length > 0;
  if (seen && !window.__bench.done) window.__bench.done = performance.now();
  return seen;
};

/**
 * A cold first search on a guide page: every search file from navigation to rendered results (`isSearch`
 * picks those the page loads before any search), the files of each, and the keystroke-to-results time.
 */
async function firstSearch(browser, origin, siteDir, { path, open, input, done, isSearch, query, bootstrap = async () => 0 }) {
  const context = await browser.newContext({ baseURL: origin, serviceWorkers: 'block' });
  try {
    const recorder = recordTransfers(context, origin, siteDir);
    const page = await context.newPage();
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    const beforeSearch = recorder.take().filter((transfer) => isSearch(transfer.path));
    const inline = await bootstrap(page);
    await open(page);
    const time = await typeAndTime(page, input, query, done);
    await page.waitForLoadState('networkidle');
    const files = [...beforeSearch, ...recorder.take()];
    return { files, gzipped: sum(files, 'gzipped') + inline, bytes: sum(files, 'bytes'), inline, ms: time };
  } finally {
    await context.close();
  }
}

/** The median time of RUNS cold runs, and the files of the last. */
async function firstSearches(browser, origin, siteDir, options) {
  const runs = [];
  for (let index = 0; index < RUNS; index += 1) runs.push(await firstSearch(browser, origin, siteDir, options));
  return { ...runs.at(-1), ms: median(runs.map((found) => found.ms)) };
}

// ----------------------------------------------------------------------------------------------- ours

/** Our dialog on a guide page: pointer over the header search, then `/`. */
const OURS = {
  path: GUIDE_PAGE,
  input: '#site-search-dialog-q',
  done: OURS_DONE,
  isSearch: (path) => path.startsWith('/pagefind/') || path.startsWith('/_astro/search-ui.'),
  // The always-loaded module that waits for intent travels inside the page: count all of it, to be safe.
  bootstrap: (page) => page.$$eval('script[type="module"]:not([src])', (scripts) => scripts.map((script) => script.textContent).join('')).then(gzipSize),
  open: async (page) => {
    await page.locator('a[data-search-open]').hover();
    await page.keyboard.press('/');
    await page.locator('#site-search-dialog-q').waitFor();
  },
};

/**
 * A copy of dist/ with Pagefind's runtime and the default UI added. Pagefind indexes the copy's pages again
 * with the build's options; every index file must come out identical to dist/pagefind/'s, so both
 * interfaces read one index. No _headers: the site's CSP would rightly refuse Pagefind's WebAssembly.
 */
async function prepareSiteCopy(dir) {
  await cp(distDir, dir, { recursive: true });
  await rm(join(dir, '_headers'), { force: true });
  const full = join(dir, '.pagefind-full');
  const { index, errors } = await createIndex({ forceLanguage: 'en' });
  if (!index) throw new Error(errors.join('; '));
  const added = await index.addDirectory({ path: dir });
  if (added.errors.length) throw new Error(added.errors.join('; '));
  await index.writeFiles({ outputPath: full });
  await close();
  const written = await listFiles(full);
  for (const { file } of written) {
    const name = relative(full, file);
    const ours = join(dir, 'pagefind', name);
    if (/^(?:pagefind(?:-worker)?\.js|wasm\.en\.pagefind)$/.test(name)) await cp(file, ours);
    else if (/\.pf_\w+$|pagefind-entry\.json$/.test(name) && !(await readFile(file)).equals(await readFile(ours))) {
      throw new Error(`Pagefind wrote ${name} differently from the build: the two interfaces would not read the same index.`);
    }
  }
  await rm(full, { recursive: true, force: true });
  const ui = join((await installedPackage('@pagefind/default-ui', import.meta.resolve('@pagefind/default-ui'))).dir, 'npm_dist', 'mjs');
  await mkdir(join(dir, 'default-ui'), { recursive: true });
  await cp(join(ui, 'ui-core.mjs'), join(dir, 'default-ui', 'ui-core.mjs'));
  await cp(join(ui, 'ui-core.css'), join(dir, 'default-ui', 'ui-core.css'));
  const page = (debounce) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Pagefind's default UI</title>
<link rel="stylesheet" href="/default-ui/ui-core.css"></head><body><div id="search"></div>
<script type="module">
  import { PagefindUI } from '/default-ui/ui-core.mjs';
  new PagefindUI({ element: '#search', bundlePath: '/pagefind/', showSubResults: true${debounce ? `, debounceTimeoutMs: ${debounce}` : ''} });
</script></body></html>`;
  await writeFile(join(dir, 'default-ui', 'index.html'), page(0));
  await mkdir(join(dir, 'default-ui', 'same-debounce'), { recursive: true });
  await writeFile(join(dir, 'default-ui', 'same-debounce', 'index.html'), page(OUR_DEBOUNCE_MS));
}

/** Pagefind's default UI on the copy: the time from the last keystroke to its first result. */
const defaultUi = (path) => ({
  path,
  input: '#search .pagefind-ui__search-input',
  done: DEFAULT_UI_DONE,
  isSearch: () => true,
  open: (page) => page.locator('#search .pagefind-ui__search-input').waitFor(),
});

/** The reader queries through /search/: the first three results of each. */
async function readerQueries(browser, origin) {
  const context = await browser.newContext({ baseURL: origin, serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    await page.goto('/search/');
    await page.waitForLoadState('networkidle');
    const rows = [];
    for (const entry of READER_QUERIES) {
      await page.fill('#search-q', '');
      await page.waitForFunction(() => document.querySelector('search-page [data-search-status]')?.textContent === '');
      await page.fill('#search-q', entry.query);
      await page.waitForFunction(() => document.querySelector('search-page [data-search-status]')?.textContent !== '', undefined, { timeout: 10_000 });
      const top = await page.$$eval('search-page .result a[data-slot~="link"]', (links) => links.slice(0, 3).map((link) => new URL(link.href).pathname));
      const status = await page.locator('search-page [data-search-status]').textContent();
      const rank = top.indexOf(entry.page) + 1;
      rows.push({ ...entry, top, status, ok: rank > 0 && rank <= allowedRank(entry) });
    }
    return rows;
  } finally {
    await context.close();
  }
}

// ------------------------------------------------------------------------------------------ Starlight

/** Builds Starlight on the guide's own sections in a scratch folder, with the project's installed copy. */
async function buildStarlight(dir) {
  const { manifest: starlight } = await installedPackage('@astrojs/starlight', import.meta.resolve('@astrojs/starlight'));
  const { dir: astroDir, manifest: astro } = await installedPackage('astro', import.meta.resolve('astro'));
  // Listing both as dependencies makes Astro bundle Starlight's modules (it finds its integrations that way).
  await writeFile(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'starlight-scratch', private: true, type: 'module', dependencies: { '@astrojs/starlight': starlight.version, astro: astro.version } }),
  );
  await writeFile(
    join(dir, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';\nimport starlight from '@astrojs/starlight';\nexport default defineConfig({ site: 'https://example.invalid', integrations: [starlight({ title: 'Letting go' })] });\n`,
  );
  await mkdir(join(dir, 'src', 'content', 'docs', 'guide'), { recursive: true });
  await writeFile(
    join(dir, 'src', 'content.config.ts'),
    `import { defineCollection } from 'astro:content';\nimport { docsLoader } from '@astrojs/starlight/loaders';\nimport { docsSchema } from '@astrojs/starlight/schema';\nexport const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };\n`,
  );
  await writeFile(join(dir, 'src', 'content', 'docs', 'index.md'), '---\ntitle: Letting go\n---\n\nThe six sections of the guide.\n');
  const guide = join(root, 'content', 'guide');
  for (const name of await readdir(guide)) await cp(join(guide, name), join(dir, 'src', 'content', 'docs', 'guide', name));
  const cli = join(astroDir, astro.bin.astro);
  await run(cli, ['build'], dir);
  return { version: starlight.version, dist: join(dir, 'dist') };
}

/** Starlight's search: its button opens the modal with the default UI, which it loads with the page. */
const STARLIGHT = {
  path: GUIDE_PAGE,
  input: '#starlight__search .pagefind-ui__search-input',
  done: STARLIGHT_DONE,
  isSearch: (path) => path.startsWith('/pagefind/') || /\/_astro\/(?:ui-core|Search\.astro)/.test(path),
  open: async (page) => {
    await page.click('button[data-open-modal]');
    await page.locator('#starlight__search .pagefind-ui__search-input').waitFor();
  },
};

// ----------------------------------------------------------------------------------- generated pages

const TOPICS = ['anger', 'letting-go', 'moving-on', 'purpose', 'self-worth', 'victim-mentality'];

/** One page shaped like a guide section: title, lede, headings with ids, paragraphs, filters, keywords. */
function makePage(random, vocabulary, index) {
  const title = `${sentence(random, vocabulary).slice(0, -1).split(' ').slice(0, 4).join(' ')} ${index}`;
  const parts = [];
  const sections = 3 + Math.floor(random() * 3);
  for (let s = 0; s < sections; s += 1) {
    const heading = sentence(random, vocabulary).slice(0, -1).split(' ').slice(0, 5).join(' ');
    parts.push(`<h2 id="part-${s}">${heading}</h2>`);
    const paragraphs = 2 + Math.floor(random() * 3);
    for (let p = 0; p < paragraphs; p += 1) {
      parts.push(`<p>${Array.from({ length: 3 + Math.floor(random() * 4) }, () => sentence(random, vocabulary)).join(' ')}</p>`);
    }
  }
  const type = index % 10 === 0 ? 'topic' : index % 7 === 0 ? 'quiz' : 'section';
  const topics = [TOPICS[index % TOPICS.length], TOPICS[(index * 7) % TOPICS.length]];
  const keywords = Array.from({ length: 6 }, () => vocabulary.pick()).join(', ');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body>
<nav>Home Guide Topics</nav>
<article data-pagefind-body>
<span hidden data-pagefind-filter="type:${type}"></span>
${[...new Set(topics)].map((topic) => `<span hidden data-pagefind-filter="topic:${topic}"></span>`).join('')}
<span hidden data-pagefind-meta="keywords:${keywords}"></span>
<h1>${title}</h1>
<p class="lede" data-pagefind-weight="2">${sentence(random, vocabulary)}</p>
${parts.join('\n')}
</article>
<footer>Footer text</footer>
</body></html>`;
}

/** Pagefind's own runtime, which the site does not ship: the bench copies it next to an index for the default UI. */
const PAGEFIND_RUNTIME = ['pagefind.js', 'pagefind-worker.js', 'wasm.en.pagefind'];

/**
 * `pageCount` generated pages plus the site's own crisis pages (the ranking names them), bundled as the
 * build bundles the site; then the built scripts and a guide page are added (after indexing, so they
 * are not in the index) and two words of different frequency are searched through the dialog. With
 * Pagefind's runtime and the default UI from `siteCopy`, the default UI's first search of the same word
 * is measured too: what Pagefind's runtime and index files cost at this size.
 */
async function benchScale(browser, pageCount, siteCopy) {
  const dir = await scratch(`pages-${pageCount}`);
  try {
    const random = mulberry32(pageCount);
    const vocabulary = makeVocabulary(random, 30_000);
    for (let index = 0; index < pageCount; index += 1) {
      const file = join(dir, 'p', String(index), 'index.html');
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, makePage(random, vocabulary, index));
    }
    for (const path of ['help', 'right-now', 'if-your-ex-hurt-you']) await cp(join(distDir, path), join(dir, path), { recursive: true });
    const indexStarted = performance.now();
    const summary = await buildSearchIndex(dir, join(dir, 'pagefind'), readSearchRules(root));
    const indexMs = performance.now() - indexStarted;
    await cp(join(distDir, '_astro'), join(dir, '_astro'), { recursive: true });
    await cp(join(distDir, GUIDE_PAGE), join(dir, GUIDE_PAGE), { recursive: true });
    for (const file of PAGEFIND_RUNTIME) await cp(join(siteCopy, 'pagefind', file), join(dir, 'pagefind', file));
    await cp(join(siteCopy, 'default-ui'), join(dir, 'default-ui'), { recursive: true });

    const bundle = (await listFiles(join(dir, 'pagefind'))).filter(({ file }) => !PAGEFIND_RUNTIME.some((name) => file.endsWith(`/${name}`)));
    const counts = new Map();
    for (let i = 0; i < 5000; i += 1) {
      const word = vocabulary.pick();
      counts.set(word, (counts.get(word) ?? 0) + 1);
    }
    const byFrequency = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([word]) => word);
    const queries = [byFrequency[Math.floor(byFrequency.length * 0.02)], byFrequency[Math.floor(byFrequency.length * 0.6)]];

    const server = await start(dir);
    try {
      const runs = [];
      for (let run = 0; run < RUNS; run += 1) {
        const context = await browser.newContext({ baseURL: server.origin, serviceWorkers: 'block' });
        const recorder = recordTransfers(context, server.origin, dir);
        const page = await context.newPage();
        await page.goto(GUIDE_PAGE);
        await page.waitForLoadState('networkidle');
        recorder.take();
        await OURS.open(page);
        const firstMs = await typeAndTime(page, OURS.input, queries[0], OURS_DONE);
        await page.waitForLoadState('networkidle');
        const first = recorder.take();
        const secondMs = await typeAndTime(page, OURS.input, queries[1], OURS_DONE);
        await page.waitForLoadState('networkidle');
        const second = recorder.take();
        runs.push({ firstMs, first, secondMs, second });
        await context.close();
      }
      const last = runs.at(-1);
      const files = (transfers) => transfers.map(({ path, body, gzipped }) => ({ path, body, gzipped }));
      const pagefindRuntime = await firstSearch(browser, server.origin, dir, { ...defaultUi('/default-ui/'), query: queries[0] });
      const runtimeFiles = pagefindRuntime.files.filter((file) => file.path.startsWith('/pagefind/'));
      return {
        pages: pageCount,
        indexMs,
        bundleBytes: bundle.reduce((total, { size }) => total + size, 0),
        vocabulary: summary.vocabulary,
        firstQuery: { query: queries[0], ms: median(runs.map((r) => r.firstMs)), gzipped: sum(last.first, 'gzipped'), files: files(last.first) },
        secondQuery: { query: queries[1], ms: median(runs.map((r) => r.secondMs)), gzipped: sum(last.second, 'gzipped'), files: files(last.second) },
        pagefindRuntime: { gzipped: sum(runtimeFiles, 'gzipped'), files: files(runtimeFiles) },
      };
    } finally {
      await stop(server);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

// ----------------------------------------------------------------------------------------------- main

if (!existsSync(join(distDir, 'pagefind', 'pagefind-entry.json'))) throw new Error('dist/ has no search index: run `npm run build` first.');

const report = { date: new Date().toISOString(), node: process.version };
const failures = [];
const browser = await launchChromium();
const folders = [];
try {
  // 1. The real site and Pagefind's default UI, on one index.
  const copy = await scratch('site');
  folders.push(copy);
  await prepareSiteCopy(copy);
  const site = await start(copy);
  try {
    report.ours = await firstSearches(browser, site.origin, copy, { ...OURS, query: 'revenge' });
    report.defaultUi = await firstSearches(browser, site.origin, copy, { ...defaultUi('/default-ui/'), query: 'revenge' });
    report.defaultUiSameDebounce = await firstSearches(browser, site.origin, copy, { ...defaultUi('/default-ui/same-debounce/'), query: 'revenge' });
    report.queries = await readerQueries(browser, site.origin);
  } finally {
    await stop(site);
  }

  // 2. Starlight on the same sections.
  const starlightDir = await scratch('starlight');
  folders.push(starlightDir);
  const starlight = await buildStarlight(starlightDir);
  const server = await start(starlight.dist);
  try {
    report.starlight = { version: starlight.version, ...(await firstSearches(browser, server.origin, starlight.dist, { ...STARLIGHT, query: 'revenge' })) };
  } finally {
    await stop(server);
  }

  // 3. Generated pages.
  report.scales = [];
  for (const pageCount of SCALES) report.scales.push(await benchScale(browser, pageCount, copy));
} finally {
  await browser.close();
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
}

const { ours, starlight, defaultUi: plain, defaultUiSameDebounce: matched, queries, scales } = report;
const share = ours.gzipped / starlight.gzipped;
if (share > STARLIGHT_SHARE) failures.push(`first search: ${(share * 100).toFixed(0)}% of Starlight's, over ${STARLIGHT_SHARE * 100}%`);
const largest = scales.find((scale) => scale.pages === SCALE_BUDGET.pages);
if (largest && largest.firstQuery.gzipped > SCALE_BUDGET.bytes) failures.push(`${SCALE_BUDGET.pages} pages: first search ${kib(largest.firstQuery.gzipped)}, over ${kib(SCALE_BUDGET.bytes)}`);
const missed = queries.filter((row) => !row.ok);
if (missed.length > 0) failures.push(`${missed.length} reader queries miss their page`);

/** Starlight's own search code (its Search component and the default UI), from its measured first search. */
const starlightCode = sum(starlight.files.filter((file) => !file.path.startsWith('/pagefind/')), 'gzipped');
const fileTable = (files) => files.map(({ path, body, gzipped }) => ({ path, bytes: body, 'gzip -9': gzipped }));
console.log('\nSite search benchmark\n');
console.log(`First search for “revenge” on ${GUIDE_PAGE}, cold, median of ${RUNS} runs (gzip -9 of text files; Pagefind's binary files as they are)`);
console.table({
  ours: { 'first search': kib(ours.gzipped), 'of which inline': kib(ours.inline), files: ours.files.length, 'last key → results': ms(ours.ms) },
  [`Starlight ${starlight.version}`]: { 'first search': kib(starlight.gzipped), 'of which inline': '—', files: starlight.files.length, 'last key → results': ms(starlight.ms) },
});
console.log(`Ours is ${(share * 100).toFixed(0)}% of Starlight's first search (budget ${STARLIGHT_SHARE * 100}%): ${share <= STARLIGHT_SHARE ? 'pass' : 'FAIL'}`);
console.log('Our first search, files:');
console.table(fileTable(ours.files));
console.log("Starlight's first search, files:");
console.table(fileTable(starlight.files));
console.log('Last keystroke → rendered results on the same index (median, cold)');
console.table({
  ours: { time: ms(ours.ms), 'ours ÷ theirs': '1.00' },
  '@pagefind/default-ui, its own 300 ms debounce': { time: ms(plain.ms), 'ours ÷ theirs': (ours.ms / plain.ms).toFixed(2) },
  [`@pagefind/default-ui, our ${OUR_DEBOUNCE_MS} ms debounce`]: { time: ms(matched.ms), 'ours ÷ theirs': (ours.ms / matched.ms).toFixed(2) },
});
console.log('Reader queries through /search/ (page that must appear: first for crisis words, else in the top three)');
console.table(queries.map(({ query, kind, page, top, ok }) => ({ query, kind, want: page, 1: top[0] ?? '', 2: top[1] ?? '', 3: top[2] ?? '', ok: ok ? 'yes' : 'NO' })));
if (scales.length > 0) {
  console.log('Generated pages, bundled by search-bundle.ts, searched through the dialog');
  console.table(
    Object.fromEntries(
      scales.map((scale) => [
        `${scale.pages} pages`,
        {
          bundle: kib(scale.bundleBytes),
          'bundle time': ms(scale.indexMs),
          vocabulary: `${scale.vocabulary.words} words, ${kib(scale.vocabulary.gzipBytes)} (${scale.vocabulary.leftOut} rare left out)`,
          '1st search': `${kib(scale.firstQuery.gzipped)}, ${ms(scale.firstQuery.ms)}`,
          '2nd search': `${kib(scale.secondQuery.gzipped)}, ${ms(scale.secondQuery.ms)}`,
          // Starlight's search code as measured above, plus Pagefind's runtime and index files at this size.
          'Starlight (est.) 1st search': kib(starlightCode + scale.pagefindRuntime.gzipped),
        },
      ]),
    ),
  );
  if (largest) {
    console.log(`First search at ${largest.pages} pages: ${kib(largest.firstQuery.gzipped)} (budget ${kib(SCALE_BUDGET.bytes)}): ${largest.firstQuery.gzipped <= SCALE_BUDGET.bytes ? 'pass' : 'FAIL'}`);
    console.table(fileTable(largest.firstQuery.files));
  }
}

await mkdir(dirname(outFile), { recursive: true });
await writeFile(outFile, `${JSON.stringify({ ...report, failures }, null, 2)}\n`);
console.log(`Wrote ${relative(root, outFile)}`);
if (failures.length > 0) {
  console.log(`\nMissed: ${failures.join('; ')}`);
  process.exitCode = 1;
}
