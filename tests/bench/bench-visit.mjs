// First visits for the benchmark: a page loaded in a fresh Chromium context (empty cache), with what it
// downloads summed by kind in gzip bytes, and what the service worker precaches afterwards.
import { readFileSync } from 'node:fs';
import { resolvePath } from '../harness/dist.ts';
import { gzipSize } from '../harness/page-weight.ts';
import { settle } from '../harness/settle.ts';

/**
 * Waits until no response has arrived for half a second (at most 15 s). Not Playwright's
 * `networkidle`: that watches the page only, and the service worker's precache downloads, counted here
 * too, go on after the page is idle.
 */
async function quiet(count) {
  const deadline = performance.now() + 15_000;
  let last = -1;
  while (last !== count() && performance.now() < deadline) {
    last = count();
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** Bytes each built file travels as, by path and encoding: every visit fetches the same files again. */
const transferSizes = new Map();

/**
 * Bytes a response delivered, worked out from the built file it came from (its gzip -9 size when the
 * server sent it gzip-compressed) rather than read back from each response body, so that runs compare.
 */
async function responseBytes(response, distDir) {
  const resolved = resolvePath(decodeURIComponent(new URL(response.url()).pathname), distDir);
  if (!('file' in resolved)) return 0;
  const gzipped = (await response.headerValue('content-encoding')) === 'gzip';
  const key = `${gzipped ? 'gzip' : 'identity'} ${resolved.file}`;
  if (!transferSizes.has(key)) {
    const body = readFileSync(resolved.file);
    transferSizes.set(key, gzipped ? gzipSize(body) : body.length);
  }
  return transferSizes.get(key);
}

/** Loads `path` in a fresh context (empty cache) and sums what it downloads, by kind, gzip bytes. */
export async function measureFirstVisit(browser, origin, distDir, path) {
  const context = await browser.newContext({ baseURL: origin });
  try {
    // The service worker's downloads (it precaches the site once the page has loaded) are reported
    // on the context, apart from the page's own.
    const workerResponses = [];
    context.on('response', (response) => void (response.request().serviceWorker() && workerResponses.push(response)));
    const page = await context.newPage();
    const responses = [];
    page.on('response', (response) => responses.push(response));
    await page.goto(path);
    await settle(page);
    await quiet(() => responses.length + workerResponses.length);
    const inline = await page.$$eval('script:not([src])', (scripts) =>
      scripts
        .filter((script) => ['', 'module', 'text/javascript'].includes(script.getAttribute('type') ?? ''))
        .map((script) => script.textContent ?? ''),
    );
    const onSite = (response) => new URL(response.url()).origin === origin;
    const files = [];
    for (const response of responses.filter(onSite)) {
      if (response.status() >= 300) continue;
      const type = response.request().resourceType();
      const kind = type === 'document' ? 'html' : type === 'stylesheet' ? 'css' : type === 'script' ? 'script' : 'other';
      files.push({ path: new URL(response.url()).pathname, kind, bytes: await responseBytes(response, distDir) });
    }
    let workerBytes = 0;
    for (const response of workerResponses.filter(onSite)) workerBytes += await responseBytes(response, distDir);
    const sum = (kind) => files.filter((file) => file.kind === kind).reduce((total, file) => total + file.bytes, 0);
    const inlineScript = inline.reduce((total, text) => total + gzipSize(text), 0);
    return {
      path,
      html: sum('html'),
      css: sum('css'),
      scriptFiles: sum('script'),
      inlineScript,
      script: sum('script') + inlineScript,
      total: sum('html') + sum('css') + sum('script'),
      other: sum('other'),
      requests: responses.filter(onSite).length,
      offSiteRequests: responses.filter((response) => !/^(?:data|blob):/.test(response.url()) && !onSite(response)).length,
      worker: { requests: workerResponses.length, bytes: workerBytes },
      files,
    };
  } finally {
    await context.close();
  }
}
