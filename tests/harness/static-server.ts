/**
 * The one static server of the tests and the benchmarks. It serves a built site the way a Netlify-style
 * host does, so what passes here passes there:
 * - files through sirv, looked up on every request (tests change a copy of the site while it is served);
 * - text compressed on the fly with gzip (compression), at the level the byte budgets count;
 * - on every response, 404s included, the headers the site's `_headers` file gives its path, so the
 *   header CSP, the Permissions-Policy and the cache rules are in force in every browser test;
 * - `404.html` with status 404 for a path that has no file, and a redirect to the trailing-slash form
 *   for a folder asked for without it;
 * - below a base path only, when one is given: anything outside it is a bare 404, so a URL that misses
 *   the base fails as it would on such a host;
 * - Pagefind's index and WebAssembly files as application/octet-stream, which sirv has no type for.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isAbsolute, join, relative } from 'node:path';
import compression from 'compression';
import sirv from 'sirv';
import { HEADERS_FILE } from '../../src/features/headers/headers-integration.ts';
import { distDir } from './dist.ts';
import { headersFor, parseHeadersFile } from './headers-file.ts';
import { GZIP_LEVEL } from './page-weight.ts';

/** A running static server: its origin (`http://127.0.0.1:PORT`) and the handle `stop` needs. */
export interface StaticServer {
  readonly origin: string;
  readonly server: Server;
}

/** Pagefind's binary files: index chunks, fragments, filters, metadata and its WebAssembly. */
const PAGEFIND_BINARY = /\.(?:pf_[a-z]+|pagefind)$/;

/** The Content-Type Pagefind fetches its binary files with; they are gzip-compressed already. */
const BINARY_TYPE = 'application/octet-stream';

/**
 * Starts a static server for `root` (dist/ by default) on 127.0.0.1 with an ephemeral port. With a
 * `base` such as `/letting-go/`, the site is served below that path only.
 */
export async function start(root: string = distDir, base = '/'): Promise<StaticServer> {
  const headersFile = join(root, HEADERS_FILE);
  const rules = existsSync(headersFile) ? parseHeadersFile(readFileSync(headersFile, 'utf8')) : [];
  const notFoundFile = join(root, '404.html');
  // dev: every request looks at the disk, so a file a test rewrites is served as it is now. With etag,
  // responses carry an ETag and `Cache-Control: no-cache` (what `_headers` sets wins), as hosts revalidate.
  const files = sirv(root, { dev: true, etag: true, extensions: ['html'] });
  const gzip = compression({
    level: GZIP_LEVEL,
    // Every text file, however small, as hosts that precompress the site send them (compression's default skips
    // files under 1 KB, which would make a visit's bytes disagree with the gzip sizes the budgets count).
    threshold: 0,
    // compression would gzip octet-streams too; Pagefind's are compressed data, so that only adds bytes.
    filter: (request, response) => response.getHeader('content-type') !== BINARY_TYPE && compression.filter(request, response),
  });

  const handle = (request: IncomingMessage, response: ServerResponse): void => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return sendStatus(response, 405, 'Method Not Allowed');
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (!`${url.pathname}/`.startsWith(base)) return sendStatus(response, 404, 'Not Found');
    // The host's rules, matched against the full path (their patterns include the base).
    for (const [name, value] of Object.entries(headersFor(rules, url.pathname))) response.setHeader(name, value);
    const sitePath = url.pathname.slice(base.length - 1);
    let decoded: string;
    try {
      decoded = decodeURIComponent(sitePath);
    } catch {
      return sendStatus(response, 400, 'Bad Request');
    }
    const target = join(root, decoded);
    const inside = relative(root, target);
    if (decoded.includes('\0') || decoded.includes('\\') || inside.startsWith('..') || isAbsolute(inside)) {
      return sendStatus(response, 403, 'Forbidden');
    }
    const sendNotFound = () => {
      response.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      if (request.method === 'HEAD') return void response.end();
      response.end(existsSync(notFoundFile) ? readFileSync(notFoundFile) : 'Not Found');
    };
    // The rules file is read by the host, never served.
    if (decoded === `/${HEADERS_FILE}`) return sendNotFound();
    if (!decoded.endsWith('/') && existsSync(target) && statSync(target).isDirectory()) {
      // Like common static hosts: the slash form, so that relative URLs resolve as built.
      response.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
      return;
    }
    if (PAGEFIND_BINARY.test(decoded)) response.setHeader('content-type', BINARY_TYPE);
    request.url = `${sitePath}${url.search}`;
    files(request, response, sendNotFound);
  };

  const server = createServer((request, response) => {
    offerGzipOnly(request);
    gzip(request, response, () => handle(request, response));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, server };
}

/** Stops a server started with `start`, dropping idle keep-alive connections. */
export async function stop({ server }: StaticServer): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
}

/**
 * Leaves gzip (and identity) as the only encodings a request accepts, so compression never picks
 * brotli: the byte budgets and the benchmark count gzip bytes, and the wire then carries the same.
 */
function offerGzipOnly(request: IncomingMessage): void {
  const accepted = request.headers['accept-encoding'];
  if (accepted === undefined) return;
  request.headers['accept-encoding'] = accepted
    .split(',')
    .filter((part) => /^\s*(?:gzip|identity)\s*(?:;|$)/i.test(part))
    .join(',');
}

function sendStatus(response: ServerResponse, status: number, message: string): void {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(message);
}
