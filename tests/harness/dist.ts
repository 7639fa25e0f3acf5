import { existsSync, readdirSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Absolute path of the project root. */
export const rootDir = fileURLToPath(new URL('../../', import.meta.url));

/** Absolute path of the built site. */
export const distDir = join(rootDir, 'dist');

/** One built HTML page: its file on disk and the URL path it is served at. */
export interface BuiltPage {
  readonly file: string;
  readonly path: string;
}

/** Every HTML page in dist/, sorted by URL path; throws when the site has not been built. */
export function listPages(root: string = distDir): BuiltPage[] {
  const files = existsSync(root) ? walk(root).filter((file) => file.endsWith('.html')) : [];
  if (files.length === 0) {
    throw new Error(`No HTML pages in ${relative(rootDir, root) || root}/: run \`npm run build\` first.`);
  }
  return files
    .map((file) => ({ file, path: pathForFile(file, root) }))
    .sort((a, b) => a.path.localeCompare(b.path));
}

/** The URL path a file in dist/ is served at: `guide/x/index.html` → `/guide/x/`. */
export function pathForFile(file: string, root: string = distDir): string {
  const path = `/${relative(root, file).split(sep).join('/')}`;
  return path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path;
}

/** Where a URL path resolves in dist/ (directory → index.html), with the reason when it does not. */
export function resolvePath(urlPath: string, root: string = distDir): { file: string } | { problem: string } {
  const candidate = join(root, ...urlPath.split('/').filter(Boolean));
  const inside = relative(root, candidate);
  if (inside.startsWith('..') || isAbsolute(inside)) return { problem: 'points outside the site' };
  if (!existsSync(candidate)) return { problem: 'no such file' };
  if (!statSync(candidate).isDirectory()) return { file: candidate };
  // The site is built with trailing slashes; a link without one only works where the host redirects.
  if (!urlPath.endsWith('/')) return { problem: 'directory link without a trailing slash' };
  const index = join(candidate, 'index.html');
  return existsSync(index) ? { file: index } : { problem: 'directory without index.html' };
}

/** Every file below a directory, depth first. */
export function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? walk(path) : [path];
  });
}
