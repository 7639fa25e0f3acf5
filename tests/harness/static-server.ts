import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, isAbsolute, join, relative } from 'node:path';
import { distDir } from './dist.ts';

/** A running static server: its origin (`http://127.0.0.1:PORT`) and the handle `stop` needs. */
export interface StaticServer {
  readonly origin: string;
  readonly server: Server;
}

// Anything not listed (Pagefind's .pf_meta, .pf_fragment, .pf_index, .pf_filter, .pagefind) is
// served as application/octet-stream, which is what Pagefind expects for its binary chunks.
const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

/** The Content-Type a file is served with. */
export function mimeTypeFor(file: string): string {
  return MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Starts a static server for `root` (dist/ by default) on 127.0.0.1 with an ephemeral port. With a
 * `base` such as `/letting-go/`, the site is served below that path only and everything else is 404,
 * as on a host that serves the site from a sub-path.
 */
export async function start(root: string = distDir, base = '/'): Promise<StaticServer> {
  const server = createServer((request, response) => handle(root, base, request, response));
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

function handle(root: string, base: string, request: IncomingMessage, response: ServerResponse): void {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return sendStatus(response, 405, 'Method Not Allowed');
  }
  const url = new URL(request.url ?? '/', 'http://localhost');
  if (!`${url.pathname}/`.startsWith(base)) return sendStatus(response, 404, 'Not Found');
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname.slice(base.length - 1));
  } catch {
    return sendStatus(response, 400, 'Bad Request');
  }
  // Refuse anything that could escape root once joined: encoded dots, backslashes, NUL bytes.
  const target = join(root, pathname);
  const inside = relative(root, target);
  if (pathname.includes('\0') || pathname.includes('\\') || inside.startsWith('..') || isAbsolute(inside)) {
    return sendStatus(response, 403, 'Forbidden');
  }
  if (existsSync(target) && statSync(target).isDirectory()) {
    // Like common static hosts: redirect to the slash form so relative URLs resolve correctly.
    if (!pathname.endsWith('/')) {
      response.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
      return;
    }
    return sendFile(request, response, join(target, 'index.html'), 200, root);
  }
  return sendFile(request, response, target, 200, root);
}

function sendFile(
  request: IncomingMessage,
  response: ServerResponse,
  file: string,
  status: number,
  root: string,
): void {
  if (!existsSync(file) || !statSync(file).isFile()) {
    const notFound = join(root, '404.html');
    if (status !== 404 && existsSync(notFound)) return sendFile(request, response, notFound, 404, root);
    return sendStatus(response, 404, 'Not Found');
  }
  response.writeHead(status, {
    'content-type': mimeTypeFor(file),
    'content-length': statSync(file).size,
    'cache-control': 'no-store',
    // Makes a wrong MIME type fail in the browser as it would on a strict host.
    'x-content-type-options': 'nosniff',
  });
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  createReadStream(file).pipe(response);
}

function sendStatus(response: ServerResponse, status: number, message: string): void {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(message);
}
