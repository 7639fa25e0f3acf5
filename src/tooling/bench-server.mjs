// The test harness's static server, made to behave like a static host for the benchmark: text is sent
// gzip-compressed (as hosts do; Lighthouse's simulated network then sees real transfer sizes) and
// every response gets the headers that dist/_headers gives its path.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { HEADERS_FILE } from '../features/headers/headers-integration.ts';
import { headersFor, parseHeadersFile } from '../../tests/harness/headers-file.ts';
import { resolvePath } from '../../tests/harness/dist.ts';
import { mimeTypeFor, start, stop } from '../../tests/harness/static-server.ts';
import { GZIP_LEVEL } from '../../tests/harness/page-weight.ts';

export { stop };

/** Content types worth compressing (Pagefind's index files are compressed already). */
export const COMPRESSIBLE = /^(?:text\/|application\/(?:json|javascript|manifest\+json|xml|wasm)|image\/svg\+xml)/;

/** Starts a host-like server for `siteDir`; stop it with `stop`. */
export async function startHostLike(siteDir) {
  const server = await start(siteDir);
  const headersFile = join(siteDir, HEADERS_FILE);
  const rules = existsSync(headersFile) ? parseHeadersFile(readFileSync(headersFile, 'utf8')) : [];
  const compressed = new Map();
  // Everything but compressed files (redirects, 404s, binary files) is still served by the harness.
  const [serve] = server.server.listeners('request');
  server.server.removeAllListeners('request');
  server.server.on('request', (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    // Headers set here are merged into what the harness writes (its own, like Cache-Control, win).
    for (const [name, value] of Object.entries(headersFor(rules, url.pathname))) response.setHeader(name, value);
    let resolved;
    try {
      resolved = resolvePath(decodeURIComponent(url.pathname), siteDir);
    } catch {
      resolved = { problem: 'bad path' };
    }
    const wantsGzip = /\bgzip\b/.test(request.headers['accept-encoding'] ?? '');
    if (!('file' in resolved) || !wantsGzip || !['GET', 'HEAD'].includes(request.method ?? '')) return serve(request, response);
    const type = mimeTypeFor(resolved.file);
    if (!COMPRESSIBLE.test(type)) return serve(request, response);
    let body = compressed.get(resolved.file);
    if (!body) {
      body = gzipSync(readFileSync(resolved.file), { level: GZIP_LEVEL });
      compressed.set(resolved.file, body);
    }
    response.writeHead(200, {
      'content-type': type,
      'content-encoding': 'gzip',
      'content-length': body.length,
      vary: 'Accept-Encoding',
      'cache-control': 'no-store',
    });
    response.end(request.method === 'HEAD' ? undefined : body);
  });
  return server;
}
