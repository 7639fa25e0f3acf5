/**
 * Writes `dist/_headers`, the response-header file that Netlify, Cloudflare Pages and similar static
 * hosts read, from what the build actually produced.
 *
 * Why generated and not a hand-kept `public/_headers`: the Content-Security-Policy lists a hash for
 * every inline script and style, and those hashes change whenever a script or a style changes. A
 * copy kept by hand would go stale on the next edit and the header would then block the site's own
 * code. Built from the pages' `<meta>` policies, the header is right by construction.
 *
 * The header policy is the page policies merged: each directive lists every source any page allows
 * (Astro gives every page the same script hashes, but each page only the hashes of its own styles).
 * A browser enforces the header and the `<meta>` together, so a page still gets no more than its own
 * `<meta>` allows. The header adds what a `<meta>` cannot carry: `frame-ancestors`.
 */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
// With its extension: the test harness imports this module and the benchmark runs that in Node directly.
import { joinBase } from '../../kit/paths.ts';

/** A policy: directive name → its sources, both in the order first seen. */
export type Policy = Map<string, string[]>;

/** One block of a `_headers` file: a URL pattern and the headers sent for it. */
export interface HeaderRule {
  readonly path: string;
  readonly headers: ReadonlyArray<readonly [name: string, value: string]>;
}

/** The file the build writes, relative to the output folder. */
export const HEADERS_FILE = '_headers';

/** Directives a `<meta>` policy cannot set, added to the header only. */
export const HEADER_ONLY_DIRECTIVES: ReadonlyArray<readonly [string, readonly string[]]> = [
  // Nobody may put the site in a frame, not even the site itself (clickjacking).
  ['frame-ancestors', ["'none'"]],
];

/**
 * Powerful features the site never uses, switched off for it and for anything it could embed.
 * Only names Chromium knows on every platform: an unknown name makes it log an error on every page
 * (Chromium on Linux rejects `bluetooth` and `web-share`, for example).
 */
const DISABLED_FEATURES = [
  'accelerometer',
  'autoplay',
  'camera',
  'display-capture',
  'encrypted-media',
  'fullscreen',
  'gamepad',
  'geolocation',
  'gyroscope',
  'hid',
  'idle-detection',
  'local-fonts',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'picture-in-picture',
  'publickey-credentials-get',
  'screen-wake-lock',
  'serial',
  'usb',
  'xr-spatial-tracking',
];

/** The one feature the site uses: the quiz result's "copy link" button writes to the clipboard. */
const SELF_FEATURES = ['clipboard-write'];

/** The Permissions-Policy header value. */
export const PERMISSIONS_POLICY = [
  ...DISABLED_FEATURES.map((feature) => `${feature}=()`),
  ...SELF_FEATURES.map((feature) => `${feature}=(self)`),
].join(', ');

/** Headers for every response, besides the Content-Security-Policy. */
export const SECURITY_HEADERS: ReadonlyArray<readonly [string, string]> = [
  // Two years; browsers only honor it over HTTPS, so local previews are unaffected.
  ['Strict-Transport-Security', 'max-age=63072000; includeSubDomains'],
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'no-referrer'],
  ['Permissions-Policy', PERMISSIONS_POLICY],
  // The site opens no windows that need a handle back to it.
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  // frame-ancestors for browsers too old to know it.
  ['X-Frame-Options', 'DENY'],
];

/** Parses a policy string (`a b; c d`); later duplicates of a directive are ignored, as browsers do. */
export function parsePolicy(text: string): Policy {
  const policy: Policy = new Map();
  for (const part of text.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/).filter(Boolean);
    if (name && !policy.has(name.toLowerCase())) policy.set(name.toLowerCase(), sources);
  }
  return policy;
}

/** Writes a policy as one header value. */
export function serializePolicy(policy: Policy): string {
  return [...policy].map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
}

/**
 * Merges page policies into one: every directive with the sources of all pages. The pages must name
 * the same directives: where one lacks a directive its default-src applies instead, which a union
 * cannot express, so that is an error rather than a silently different header.
 */
export function mergePolicies(policies: ReadonlyArray<Policy>): Policy {
  const [first] = policies;
  if (!first) throw new Error('No page policy to merge.');
  const names = [...first.keys()].sort().join(' ');
  const merged: Policy = new Map();
  for (const policy of policies) {
    if ([...policy.keys()].sort().join(' ') !== names) {
      throw new Error(`Pages name different CSP directives (${names} vs ${[...policy.keys()].sort().join(' ')}).`);
    }
    for (const [name, sources] of policy) {
      const list = merged.get(name) ?? [];
      for (const source of sources) if (!list.includes(source)) list.push(source);
      merged.set(name, list);
    }
  }
  return merged;
}

/** The header policy for a set of page policies: merged, plus the header-only directives. */
export function headerPolicy(pagePolicies: ReadonlyArray<Policy>): Policy {
  const policy = mergePolicies(pagePolicies);
  for (const [name, sources] of HEADER_ONLY_DIRECTIVES) policy.set(name, [...sources]);
  return policy;
}

const ENTITIES: Record<string, string> = { amp: '&', quot: '"', apos: "'", '#39': "'", lt: '<', gt: '>' };

/** The Content-Security-Policy of a page's `<meta http-equiv>`, or undefined when it has none. */
export function metaPolicyOf(html: string): string | undefined {
  for (const [tag] of html.matchAll(/<meta\b[^>]*>/gi)) {
    const attribute = (name: string) =>
      new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'i').exec(tag)?.slice(1).find((value) => value !== undefined);
    if (attribute('http-equiv')?.toLowerCase() !== 'content-security-policy') continue;
    return attribute('content')?.replace(/&(amp|quot|apos|#39|lt|gt);/g, (_, name: string) => ENTITIES[name]!);
  }
  return undefined;
}

/** The rules for a site: security headers everywhere, long caching for hashed assets, none for the worker. */
export function headerRules(policy: Policy, base = '/'): HeaderRule[] {
  return [
    {
      path: joinBase(base, '/*'),
      headers: [['Content-Security-Policy', serializePolicy(policy)], ...SECURITY_HEADERS],
    },
    // Vite puts a content hash in every file name here, so a file never changes once published.
    { path: joinBase(base, '/_astro/*'), headers: [['Cache-Control', 'public, max-age=31536000, immutable']] },
    // A service worker must be checked for updates on every visit, or a broken one could stick.
    { path: joinBase(base, '/sw.js'), headers: [['Cache-Control', 'no-cache']] },
  ];
}

/** Writes rules in the `_headers` format: a path line, then indented `Name: value` lines. */
export function formatHeadersFile(rules: ReadonlyArray<HeaderRule>): string {
  const intro = [
    '# Response headers for static hosts that read a _headers file (Netlify, Cloudflare Pages and others).',
    '# Written by the build from the pages\' own Content-Security-Policy; change src/features/headers/headers-integration.ts,',
    '# not this file.',
  ];
  const blocks = rules.map((rule) => [rule.path, ...rule.headers.map(([name, value]) => `  ${name}: ${value}`)].join('\n'));
  return `${intro.join('\n')}\n${blocks.join('\n\n')}\n`;
}

/** Every HTML file below a folder. */
async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile() && entry.name.endsWith('.html')).map((entry) => join(entry.parentPath, entry.name));
}

/** The integration: after the build, read every page's policy and write `_headers`. */
export default function headersIntegration(): AstroIntegration {
  let base = '/';
  return {
    name: 'local:headers',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const target = join(outDir, HEADERS_FILE);
        // Astro empties the output folder first, so a file here was copied from public/.
        if (existsSync(target)) {
          throw new Error(`public/${HEADERS_FILE} would be overwritten: the build writes it (src/features/headers/headers-integration.ts). Remove public/${HEADERS_FILE}.`);
        }
        const pages = await htmlFiles(outDir);
        const policies: Policy[] = [];
        for (const file of pages) {
          const policy = metaPolicyOf(await readFile(file, 'utf8'));
          if (policy) policies.push(parsePolicy(policy));
        }
        if (policies.length === 0) throw new Error('No built page has a Content-Security-Policy <meta>: is security.csp off?');
        const policy = headerPolicy(policies);
        await writeFile(target, formatHeadersFile(headerRules(policy, base)));
        const length = serializePolicy(policy).length;
        logger.info(`Wrote ${HEADERS_FILE} from the policies of ${policies.length} of ${pages.length} pages (CSP header: ${length} characters).`);
      },
    },
  };
}
