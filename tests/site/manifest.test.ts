import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { distDir, resolvePath } from '../harness/dist.ts';
import { parsePages } from '../harness/html.ts';
import { expectNoProblems } from '../harness/problems.ts';

const pages = parsePages();

interface ManifestIcon {
  src: string;
  sizes: string;
  type: string;
  purpose?: string;
}

interface WebAppManifest {
  id: string;
  name: string;
  short_name: string;
  start_url: string;
  scope: string;
  display: string;
  theme_color: string;
  background_color: string;
  color_scheme_dark?: { theme_color?: string; background_color?: string };
  icons: ManifestIcon[];
  shortcuts?: Array<{ name: string; url: string }>;
}

const manifest = JSON.parse(readFileSync(join(distDir, 'manifest.webmanifest'), 'utf8')) as WebAppManifest;

/** Width and height from a PNG's IHDR chunk; null when the file is not a PNG. */
function pngSize(file: string): { width: number; height: number } | null {
  const bytes = readFileSync(file);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!bytes.subarray(0, 8).equals(signature) || bytes.toString('latin1', 12, 16) !== 'IHDR') return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The built file behind a root-relative URL, or the problem with it. */
function builtFile(url: string): string | { problem: string } {
  const resolved = resolvePath(url);
  return 'file' in resolved ? resolved.file : { problem: `${url}: ${resolved.problem}` };
}

describe('the web app manifest', () => {
  it('names the app and opens the whole site standalone', () => {
    expect(manifest.name).toMatch(/\S/);
    expect(manifest.short_name.length).toBeGreaterThan(0);
    // Home screens cut short names longer than about 12 characters.
    expect(manifest.short_name.length).toBeLessThanOrEqual(12);
    expect(manifest).toMatchObject({ id: '/', start_url: '/', scope: '/', display: 'standalone' });
    expect(typeof builtFile(manifest.start_url)).toBe('string');
    for (const shortcut of manifest.shortcuts ?? []) expect(typeof builtFile(shortcut.url), shortcut.url).toBe('string');
  });

  it('lists 192 and 512 PNG icons and a maskable 512, each a PNG of the size it states', () => {
    const problems = manifest.icons.flatMap((icon) => {
      const file = builtFile(icon.src);
      if (typeof file !== 'string') return [file.problem];
      if (icon.type === 'image/svg+xml') return icon.sizes === 'any' ? [] : [`${icon.src}: an SVG should have sizes "any"`];
      const size = pngSize(file);
      if (!size) return [`${icon.src}: not a PNG`];
      return `${size.width}x${size.height}` === icon.sizes ? [] : [`${icon.src}: is ${size.width}x${size.height}, listed as ${icon.sizes}`];
    });
    expectNoProblems(problems);
    const pngs = manifest.icons.filter((icon) => icon.type === 'image/png');
    const has = (sizes: string, purpose: string) => pngs.some((icon) => icon.sizes === sizes && (icon.purpose ?? 'any').split(' ').includes(purpose));
    expect(has('192x192', 'any')).toBe(true);
    expect(has('512x512', 'any')).toBe(true);
    expect(has('512x512', 'maskable')).toBe(true);
  });

  it('uses the same theme colors as the pages, in light and in dark', () => {
    const colors = pages.map(({ path, document }) => {
      const meta = (scheme: string) =>
        document.querySelector(`meta[name="theme-color"][media="(prefers-color-scheme: ${scheme})"]`)?.getAttribute('content');
      return { path, light: meta('light'), dark: meta('dark') };
    });
    expectNoProblems(
      colors.flatMap(({ path, light, dark }) => [
        ...(light === manifest.theme_color ? [] : [`${path}: light theme-color ${light} ≠ manifest ${manifest.theme_color}`]),
        ...(dark === manifest.color_scheme_dark?.theme_color ? [] : [`${path}: dark theme-color ${dark} ≠ manifest ${manifest.color_scheme_dark?.theme_color}`]),
      ]),
    );
    expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/);
    expect(manifest.color_scheme_dark?.background_color).toMatch(/^#[0-9a-f]{6}$/);
  });
});

describe('every page', () => {
  it('links the manifest and a 180×180 apple-touch-icon', () => {
    const problems = pages.flatMap(({ path, document }) => {
      const manifestHref = document.querySelector('link[rel="manifest"]')?.getAttribute('href');
      const touchHref = document.querySelector('link[rel="apple-touch-icon"]')?.getAttribute('href');
      if (manifestHref !== '/manifest.webmanifest') return [`${path}: manifest link is ${manifestHref ?? 'missing'}`];
      if (!touchHref) return [`${path}: no apple-touch-icon link`];
      const file = builtFile(touchHref);
      if (typeof file !== 'string') return [`${path}: ${file.problem}`];
      const size = pngSize(file);
      return size?.width === 180 && size.height === 180 ? [] : [`${path}: ${touchHref} is not a 180×180 PNG`];
    });
    expectNoProblems(problems);
  });

  it('is served with a same-origin service worker at /sw.js that the CSP allows', () => {
    expect(existsSync(join(distDir, 'sw.js'))).toBe(true);
    const problems = pages.flatMap(({ path, document }) => {
      const policy = document.querySelector('meta[http-equiv="content-security-policy" i]')?.getAttribute('content') ?? '';
      const directive = (name: string) =>
        policy
          .split(';')
          .map((part) => part.trim().split(/\s+/))
          .find(([key]) => key === name)
          ?.slice(1);
      // worker-src governs service workers; without it, script-src does, then default-src.
      const sources = directive('worker-src') ?? directive('script-src') ?? directive('default-src') ?? [];
      return sources.includes("'self'") ? [] : [`${path}: the CSP does not allow a worker from 'self' (${sources.join(' ')})`];
    });
    expectNoProblems(problems);
  });
});
