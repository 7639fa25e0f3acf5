import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { distDir } from '../harness/dist.ts';
import { start, stop, type StaticServer } from '../harness/static-server.ts';

// The harness's server stands in for the static host in every browser test and in the benchmark, so it
// must do what a host does with the built site: these checks pin down each part the other tests rely on.

const astroCss = readdirSync(join(distDir, '_astro')).find((name) => name.endsWith('.css'))!;
const pagefindMeta = readdirSync(join(distDir, 'pagefind')).find((name) => name.endsWith('.pf_meta'))!;
const notFoundPage = readFileSync(join(distDir, '404.html'), 'utf8');
const CHROMIUM_ENCODINGS = 'gzip, deflate, br, zstd';

let server: StaticServer;
beforeAll(async () => {
  server = await start();
});
afterAll(async () => {
  if (server) await stop(server);
});

/** Fetches a path without following redirects; the body is decoded, the headers are as sent. */
async function get(origin: string, path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${origin}${path}`, { headers: { 'accept-encoding': CHROMIUM_ENCODINGS, ...headers }, redirect: 'manual' });
  return { status: response.status, headers: response.headers, body: await response.text() };
}

describe('the static server, serving dist/', () => {
  it.each([
    // [path, status, Content-Type, Content-Encoding (null: sent as it is)]
    ['/', 200, 'text/html;charset=utf-8', 'gzip'],
    [`/_astro/${astroCss}`, 200, 'text/css', 'gzip'],
    ['/sw.js', 200, 'text/javascript', 'gzip'],
    ['/pagefind/pagefind-highlight.js', 200, 'text/javascript', 'gzip'],
    ['/pagefind/tuning.json', 200, 'application/json', 'gzip'],
    // Pagefind's binary files: served as bytes, and not compressed again (they are gzip data already).
    [`/pagefind/${pagefindMeta}`, 200, 'application/octet-stream', null],
    ['/no/such/page/', 404, 'text/html; charset=utf-8', 'gzip'],
    // The host reads the rules file; it never serves it.
    ['/_headers', 404, 'text/html; charset=utf-8', 'gzip'],
  ])('%s: %i, %s, encoding %s', async (path, status, type, encoding) => {
    const response = await get(server.origin, path);
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toBe(type);
    expect(response.headers.get('content-encoding')).toBe(encoding);
  });

  it('sends the headers of dist/_headers on every response, 404s included', async () => {
    for (const path of ['/', '/guide/', '/sw.js', '/no/such/page/']) {
      const { headers } = await get(server.origin, path);
      expect(headers.get('content-security-policy'), path).toContain("frame-ancestors 'none'");
      expect(headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(headers.get('permissions-policy'), path).toContain('camera=()');
    }
  });

  it('lets the rules set caching: hashed assets for good, the worker never, pages revalidated by ETag', async () => {
    expect((await get(server.origin, `/_astro/${astroCss}`)).headers.get('cache-control')).toMatch(/immutable/);
    expect((await get(server.origin, '/sw.js')).headers.get('cache-control')).toBe('no-cache');
    const page = await get(server.origin, '/about/');
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const etag = page.headers.get('etag')!;
    expect(etag).toBeTruthy();
    expect((await get(server.origin, '/about/', { 'if-none-match': etag })).status).toBe(304);
  });

  it('answers a missing path with 404.html, and a folder without its slash with a redirect to it', async () => {
    const missing = await get(server.origin, '/no/such/page/');
    expect(missing.body).toBe(notFoundPage);
    const folder = await get(server.origin, '/guide?x=1');
    expect(folder.status).toBe(301);
    expect(folder.headers.get('location')).toBe('/guide/?x=1');
  });

  it('compresses with gzip only (the budgets count gzip bytes), and sends plain text to a client without it', async () => {
    expect((await get(server.origin, '/', { 'accept-encoding': 'br' })).headers.get('content-encoding')).toBeNull();
    expect((await get(server.origin, '/', { 'accept-encoding': 'identity' })).headers.get('content-encoding')).toBeNull();
  });

  it('refuses paths that leave the site and methods a static host does not take', async () => {
    expect((await get(server.origin, '/..%2fpackage.json')).status).toBe(403);
    expect((await fetch(`${server.origin}/about/`, { method: 'POST' })).status).toBe(405);
  });
});

describe('the static server, below a base path', () => {
  let below: StaticServer;
  beforeAll(async () => {
    below = await start(distDir, '/letting-go/');
  });
  afterAll(async () => {
    if (below) await stop(below);
  });

  it.each([
    ['/', 404],
    ['/about/', 404],
    ['/letting-go/', 200],
    ['/letting-go/about/', 200],
    ['/letting-go/no/such/page/', 404],
    ['/letting-go', 301],
  ])('%s: %i', async (path, status) => {
    expect((await get(below.origin, path)).status).toBe(status);
  });
});

describe('the static server, on a site that changes while it is served', () => {
  let root: string;
  let copy: StaticServer;
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'static-server-'));
    cpSync(join(distDir, 'about'), join(root, 'about'), { recursive: true });
    copy = await start(root);
  });
  afterAll(async () => {
    if (copy) await stop(copy);
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('serves a rewritten file as it is now, and a site without _headers or 404.html with plain answers', async () => {
    const before = await get(copy.origin, '/about/');
    writeFileSync(join(root, 'about', 'index.html'), '<!doctype html><title>Changed</title>');
    const after = await get(copy.origin, '/about/', { 'if-none-match': before.headers.get('etag')! });
    expect(after.status).toBe(200);
    expect(after.body).toContain('Changed');
    expect(after.headers.get('content-security-policy')).toBeNull();
    const missing = await get(copy.origin, '/nothing/');
    expect([missing.status, missing.body]).toEqual([404, 'Not Found']);
  });
});
