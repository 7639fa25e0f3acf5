/**
 * The site's base path: `/` when it is served from the root of its domain, or a sub-path such as
 * `/letting-go/` (set at build time with BASE_PATH, see astro.config.mjs). Every URL the site writes
 * into a page is root-relative and goes through `withBase` (pages usually call `href` in src/routes.ts),
 * so one build setting moves all of them. Build hooks pass Astro's `config.base` to `joinBase`. Browser
 * code gets the addresses it needs from the page (island props, `data-*` on `<html>`), never from here:
 * a helper shared by several bundles would become a chunk of its own for every page to fetch.
 */

/** Turns a BASE_PATH value into Astro's `base`: `letting-go`, `/letting-go` or `/letting-go/` → `/letting-go/`; empty → `/`. */
export function normalizeBase(value = ''): string {
  const inner = value.trim().replace(/^\/+|\/+$/g, '');
  if (inner === '') return '/';
  if (!/^[\w.~-]+(?:\/[\w.~-]+)*$/.test(inner)) throw new Error(`BASE_PATH must be a path like /letting-go/, not "${value}".`);
  return `/${inner}/`;
}

/** Whether a URL is root-relative (`/help/`), not absolute, protocol-relative (`//host/`), relative or a fragment. */
export function isRootRelative(url: string): boolean {
  return url.startsWith('/') && !url.startsWith('//');
}

/** Puts `base` in front of a root-relative URL: `joinBase('/letting-go/', '/help/')` → `/letting-go/help/`; other URLs pass through. */
export function joinBase(base: string, url: string): string {
  return isRootRelative(url) ? `${base.replace(/\/+$/, '')}${url}` : url;
}

/** Puts the site's base path in front of a root-relative URL: `withBase('/help/')` → `/letting-go/help/` under that sub-path. */
export function withBase(url: string): string {
  return joinBase(import.meta.env.BASE_URL, url);
}

/** Takes `base` off a root-relative URL: `stripBase('/letting-go/', '/letting-go/guide/')` → `/guide/`; other URLs pass through. */
export function stripBase(base: string, url: string): string {
  const prefix = base.replace(/\/+$/, '');
  return prefix !== '' && url.startsWith(`${prefix}/`) ? url.slice(prefix.length) : url;
}

/** Takes the site's base path off a page's pathname: `/letting-go/guide/` → `/guide/`. */
export function withoutBase(pathname: string): string {
  return stripBase(import.meta.env.BASE_URL, pathname);
}
