// Site search benchmark (`npm run bench:search`): what searching costs a reader, measured, not asserted.
//
// 1. The real site (dist/, so run `npm run build` first): in headless Chromium, the bytes the first
//    search downloads (the search UI and Pagefind, from the first sign of intent to the rendered
//    results), the bytes a second search adds, and the time from the last keystroke to the rendered
//    results (this includes the dialog's short debounce).
// 2. Scale: 1,000 and 10,000 generated pages in a temporary folder, indexed with Pagefind's Node API
//    the way the build does it; for each, the index size, the bytes a first (cold) and a second query
//    download, and their latency, searched through Pagefind's browser API with the site's options.
//
// It prints a table and writes .bench/search.json. Uses the test harness's Chromium and static server.
import { mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createIndex, close } from 'pagefind';
import { launchChromium } from '../harness/chromium.ts';
import { gzipSize } from '../harness/page-weight.ts';
import { start, stop } from '../harness/static-server.ts';
import { kib, makeVocabulary, median, ms, mulberry32, sentence } from './bench-shared.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const distDir = join(root, 'dist');
const outFile = join(root, '.bench', 'search.json');
const SCALES = (process.env.BENCH_SCALES ?? '1000,10000').split(',').map(Number);

// ---------------------------------------------------------------------------------------------- utils

/** Files below a folder, with sizes. */
async function listFiles(dir) {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
  return Promise.all(files.map(async (file) => ({ file, size: (await stat(file)).size })));
}

/**
 * Records what a page downloads: bytes on the wire (the harness's server gzips text on the fly, as
 * hosts do; Pagefind's own index files are compressed already) and, beside them, the gzip -9 size of
 * the same text files, the measure the page budgets use.
 */
function recordTransfers(page, origin, siteDir) {
  const transfers = [];
  page.on('requestfinished', async (request) => {
    const url = new URL(request.url());
    if (url.origin !== origin) return;
    const sizes = await request.sizes().catch(() => null);
    if (!sizes) return;
    const body = sizes.responseBodySize;
    let gzipped = body;
    if (/\.(?:js|json|css|html)$/.test(url.pathname) || url.pathname.endsWith('/')) {
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

// --------------------------------------------------------------------------------------- real site

/** Time from the last keystroke of `query` to the dialog announcing its results. */
async function typeAndTime(page, query) {
  await page.evaluate(() => {
    window.__bench = { lastKey: 0 };
    addEventListener('keydown', () => (window.__bench.lastKey = performance.now()), true);
  });
  const input = page.locator('#site-search-dialog-q');
  await input.fill('');
  await page.waitForTimeout(200);
  await page.keyboard.type(query, { delay: 30 });
  await page.waitForFunction(
    (text) => {
      const status = document.querySelector('dialog [data-search-status]');
      const options = document.querySelectorAll('#site-search-results [role="option"]');
      if (status?.textContent?.includes(`for “${text}”`) && options.length > 0 && !window.__bench.done) {
        window.__bench.done = performance.now();
      }
      return Boolean(window.__bench.done);
    },
    query,
    { polling: 'raf', timeout: 20_000 },
  );
  return page.evaluate(() => window.__bench.done - window.__bench.lastKey);
}

async function benchRealSite(browser) {
  if (!existsSync(join(distDir, 'pagefind', 'pagefind-entry.json'))) {
    throw new Error('dist/ has no search index: run `npm run build` first.');
  }
  const server = await start(distDir);
  const runs = [];
  try {
    for (let run = 0; run < 3; run += 1) {
      // Without the service worker: it precaches the search bundle after the first load, and the query
      // would then be answered from its cache, leaving nothing (or nonsense sizes) to measure.
      const context = await browser.newContext({ baseURL: server.origin, serviceWorkers: 'block' });
      const page = await context.newPage();
      const recorder = recordTransfers(page, server.origin, distDir);
      await page.goto('/guide/turning-rage-into-fuel/');
      await page.waitForLoadState('networkidle');
      const onLoad = recorder.take();
      const onLoadScripts = await page.$$eval('script[type="module"]', (scripts) =>
        scripts.map((script) => (script.src ? { src: script.src } : { inline: script.textContent })),
      );
      const inlineModule = onLoadScripts.find((script) => script.inline)?.inline ?? '';

      await page.locator('a[data-search-open]').hover();
      await page.keyboard.press('/');
      await page.locator('#site-search-dialog-q').waitFor();
      const firstMs = await typeAndTime(page, 'revenge');
      await page.waitForLoadState('networkidle');
      const first = recorder.take();
      const secondMs = await typeAndTime(page, 'magnum opus');
      await page.waitForLoadState('networkidle');
      const second = recorder.take();
      runs.push({
        onLoadScriptRequests: onLoad.filter((transfer) => transfer.path.endsWith('.js')).length,
        onLoadModuleGzip: gzipSize(inlineModule),
        onLoadModuleBytes: Buffer.byteLength(inlineModule),
        firstQuery: { bytes: sum(first, 'bytes'), body: sum(first, 'body'), gzipped: sum(first, 'gzipped'), ms: firstMs, files: first },
        secondQuery: { bytes: sum(second, 'bytes'), body: sum(second, 'body'), gzipped: sum(second, 'gzipped'), ms: secondMs, files: second },
      });
      await context.close();
    }
  } finally {
    await stop(server);
  }
  const last = runs.at(-1);
  return {
    onLoadScriptRequests: last.onLoadScriptRequests,
    onLoadModuleBytes: last.onLoadModuleBytes,
    onLoadModuleGzip: last.onLoadModuleGzip,
    firstQuery: { ...last.firstQuery, ms: median(runs.map((r) => r.firstQuery.ms)) },
    secondQuery: { ...last.secondQuery, ms: median(runs.map((r) => r.secondQuery.ms)) },
    runs: runs.length,
  };
}

// ------------------------------------------------------------------------------------ synthetic pages

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

/** The page the scale runs search from: Pagefind's browser API with the site's options. */
const HARNESS_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title></head><body>
<script type="module">
  window.bench = async (query) => {
    // Timed from the call: importing Pagefind, its WebAssembly and index, searching, and the data of
    // the first eight results (what the dialog shows).
    const started = performance.now();
    if (!window.pagefind) {
      window.pagefind = await import('/pagefind/pagefind.js');
      await window.pagefind.options({ noWorker: true, basePath: '/pagefind/', excerptLength: 22, highlightParam: 'highlight',
        ranking: { metaWeights: { title: 5, keywords: 4, topic_keywords: 2.5 } } });
      await window.pagefind.init();
    }
    const response = await window.pagefind.search(query);
    const data = await Promise.all(response.results.slice(0, 8).map((result) => result.data()));
    const done = performance.now();
    return { ms: done - started, total: response.results.length, shown: data.length };
  };
</script></body></html>`;

async function benchScale(browser, pageCount) {
  const dir = await mkdtemp(join(tmpdir(), `search-bench-${pageCount}-`));
  try {
    const random = mulberry32(pageCount);
    const vocabulary = makeVocabulary(random, 30_000);
    const generateStarted = performance.now();
    for (let index = 0; index < pageCount; index += 1) {
      const file = join(dir, 'p', String(index), 'index.html');
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, makePage(random, vocabulary, index));
    }
    await writeFile(join(dir, 'index.html'), HARNESS_PAGE);
    const generateMs = performance.now() - generateStarted;

    const indexStarted = performance.now();
    const { index, errors } = await createIndex({ forceLanguage: 'en' });
    if (!index) throw new Error(errors.join('; '));
    const added = await index.addDirectory({ path: dir });
    if (added.errors.length) throw new Error(added.errors.join('; '));
    await index.writeFiles({ outputPath: join(dir, 'pagefind') });
    await close();
    const indexMs = performance.now() - indexStarted;

    const bundle = await listFiles(join(dir, 'pagefind'));
    const isUi = (file) => /pagefind-(?:ui|modular-ui|component-ui)\./.test(file);
    const indexFiles = bundle.filter(({ file }) => /\.(?:pf_index|pf_fragment|pf_filter|pf_meta)$/.test(file));

    // Two words of different frequency: a common made-up word and a rare one.
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
      for (let run = 0; run < 3; run += 1) {
        const context = await browser.newContext({ baseURL: server.origin });
        const page = await context.newPage();
        const recorder = recordTransfers(page, server.origin, dir);
        await page.goto('/');
        await page.waitForFunction(() => typeof window.bench === 'function');
        recorder.take();
        const first = await page.evaluate((query) => window.bench(query), queries[0]);
        await page.waitForLoadState('networkidle');
        const firstFiles = recorder.take();
        const second = await page.evaluate((query) => window.bench(query), queries[1]);
        await page.waitForLoadState('networkidle');
        const secondFiles = recorder.take();
        runs.push({ first, firstFiles, second, secondFiles });
        await context.close();
      }
      const { first, firstFiles, second, secondFiles } = runs.at(-1);
      const medianOf = (pick) => median(runs.map(pick));
      return {
        pages: pageCount,
        generateMs,
        indexMs,
        indexBytes: indexFiles.reduce((total, { size }) => total + size, 0),
        indexFiles: indexFiles.length,
        bundleBytes: bundle.filter(({ file }) => !isUi(file)).reduce((total, { size }) => total + size, 0),
        firstQuery: {
          query: queries[0],
          results: first.total,
          ms: medianOf((r) => r.first.ms),
          bytes: sum(firstFiles, 'bytes'),
          gzipped: sum(firstFiles, 'gzipped'),
          files: firstFiles.map(({ path, body, gzipped }) => ({ path, body, gzipped })),
        },
        secondQuery: {
          query: queries[1],
          results: second.total,
          ms: medianOf((r) => r.second.ms),
          bytes: sum(secondFiles, 'bytes'),
          gzipped: sum(secondFiles, 'gzipped'),
          files: secondFiles.map(({ path, body, gzipped }) => ({ path, body, gzipped })),
        },
      };
    } finally {
      await stop(server);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

// ----------------------------------------------------------------------------------------------- main

const browser = await launchChromium();
try {
  const site = await benchRealSite(browser);
  const scales = [];
  for (const pageCount of SCALES) scales.push(await benchScale(browser, pageCount));

  console.log('\nSite search benchmark\n');
  console.log('Real site (dist/), guide page, median of 3 cold runs');
  console.table({
    'on load: script requests': { value: site.onLoadScriptRequests },
    'on load: the one module (inline)': { value: `${site.onLoadModuleBytes} B, ${site.onLoadModuleGzip} B gzip` },
    'first query: downloaded': { value: `${kib(site.firstQuery.bytes)} (${kib(site.firstQuery.gzipped)} at gzip -9)` },
    'first query: last key → results': { value: ms(site.firstQuery.ms) },
    'second query: downloaded': { value: `${kib(site.secondQuery.bytes)} (${kib(site.secondQuery.gzipped)} at gzip -9)` },
    'second query: last key → results': { value: ms(site.secondQuery.ms) },
  });
  console.log('First query files:');
  console.table(site.firstQuery.files.map(({ path, body, gzipped }) => ({ path, bytes: body, 'gzip est.': gzipped })));

  const largest = scales.at(-1);
  if (largest) {
    console.log(`First query files, ${largest.pages} pages:`);
    console.table(largest.firstQuery.files.map(({ path, body, gzipped }) => ({ path, bytes: body, 'gzip est.': gzipped })));
  }
  console.log('Generated sites (Pagefind Node API, the site\'s search options)');
  console.table(
    Object.fromEntries(
      scales.map((scale) => [
        `${scale.pages} pages`,
        {
          'index (chunks+fragments+meta)': kib(scale.indexBytes),
          'index files': scale.indexFiles,
          'build time': ms(scale.indexMs),
          '1st query bytes': `${kib(scale.firstQuery.bytes)} (${kib(scale.firstQuery.gzipped)} gz)`,
          '1st query time': ms(scale.firstQuery.ms),
          '2nd query bytes': `${kib(scale.secondQuery.bytes)} (${kib(scale.secondQuery.gzipped)} gz)`,
          '2nd query time': ms(scale.secondQuery.ms),
        },
      ]),
    ),
  );

  await mkdir(dirname(outFile), { recursive: true });
  await writeFile(
    outFile,
    `${JSON.stringify({ date: new Date().toISOString(), node: process.version, site, scales }, null, 2)}\n`,
  );
  console.log(`Wrote ${relative(root, outFile)}`);
} finally {
  await browser.close();
}
