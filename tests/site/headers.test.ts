import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  HEADERS_FILE,
  headerPolicy,
  mergePolicies,
  metaPolicyOf,
  parsePolicy,
  type Policy,
} from '../../src/features/headers/headers-integration.ts';
import { headersFor, parseHeadersFile, pathMatches } from '../harness/headers-file.ts';
import { distDir, listPages } from '../harness/dist.ts';
import { parseHtml } from '../harness/html.ts';
import { expectNoProblems } from '../harness/problems.ts';

// dist/_headers is written by the build (src/features/headers/headers-integration.ts) from the pages' own policies.
// These checks read the built site: the file must parse the way hosts read it, and its policy must
// be exactly the pages' policies merged, plus what only a header can say.

const headersPath = join(distDir, HEADERS_FILE);
const headersText = existsSync(headersPath) ? readFileSync(headersPath, 'utf8') : '';
const pages = listPages().map((page) => {
  const html = readFileSync(page.file, 'utf8');
  const meta = metaPolicyOf(html);
  return { ...page, html, policy: meta === undefined ? undefined : parsePolicy(meta) };
});
const withPolicy = pages.filter((page): page is typeof page & { policy: Policy } => page.policy !== undefined);

const HASH = /^'sha256-[A-Za-z0-9+/]{43}='$/;
const HOST_LIMITS = { lineLength: 2000, rules: 100 }; // Cloudflare Pages' documented _headers limits

/** The header policy the built file sends for every page. */
function builtHeaderPolicy(): Policy {
  const value = headersFor(parseHeadersFile(headersText), '/')['content-security-policy'];
  if (!value) throw new Error(`${HEADERS_FILE} sends no Content-Security-Policy for /`);
  return parsePolicy(value);
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

describe('the Content-Security-Policy of every page', () => {
  it('every page has one in a <meta http-equiv>', () => {
    expectNoProblems(pages.filter((page) => !page.policy).map((page) => `${page.path}: no CSP <meta>`));
  });

  it("allows scripts only from 'self' and by sha256 hash: never 'unsafe-inline', nor 'wasm-unsafe-eval' (nothing compiles WebAssembly)", () => {
    const problems = withPolicy.flatMap(({ path, policy }) => {
      const sources = policy.get('script-src') ?? [];
      const found = [
        ...['script-src-elem', 'script-src-attr'].filter((name) => policy.has(name)).map((name) => `sets ${name}`),
        ...sources.filter((source) => !HASH.test(source) && source !== "'self'").map((source) => `script-src allows ${source}`),
        ...["'self'"].filter((source) => !sources.includes(source)).map((source) => `script-src lacks ${source}`),
        !sources.some((source) => HASH.test(source)) && 'script-src lists no hash',
      ];
      return found.filter((problem): problem is string => Boolean(problem)).map((problem) => `${path}: ${problem}`);
    });
    expectNoProblems(problems);
  });

  it('lists the hash of every inline script and style the page has, and the page has no inline handlers or style attributes', () => {
    const problems = withPolicy.flatMap(({ path, html, policy }) => {
      const document = parseHtml(html);
      const scripts = [...document.querySelectorAll('script:not([src])')].filter((script) => {
        const type = script.getAttribute('type');
        return type === null || type === '' || type === 'module' || /javascript/i.test(type);
      });
      const missing = [
        ...scripts.filter((script) => !policy.get('script-src')?.includes(sha256(script.textContent))).map((script) => `inline script ${sha256(script.textContent)} not in script-src`),
        ...[...document.querySelectorAll('style')].filter((style) => !policy.get('style-src')?.includes(sha256(style.textContent))).map((style) => `<style> ${sha256(style.textContent)} not in style-src`),
      ];
      const blocked = [...document.querySelectorAll('*')].flatMap((element) =>
        [...element.attributes]
          .filter((attribute) => attribute.name === 'style' || /^on[a-z]+$/.test(attribute.name))
          .map((attribute) => `<${element.tagName.toLowerCase()} ${attribute.name}> would be blocked`),
      );
      return [...missing, ...blocked].map((problem) => `${path}: ${problem}`);
    });
    expectNoProblems(problems);
  });
});

describe(`${HEADERS_FILE} for static hosts`, () => {
  it('exists and parses: paths start with "/", headers are indented "Name: value", none repeats in a rule', () => {
    expect(headersText, `run the build: ${HEADERS_FILE} is written by src/features/headers/headers-integration.ts`).not.toBe('');
    const rules = parseHeadersFile(headersText);
    expect(rules.length).toBeGreaterThan(0);
    const problems = rules.flatMap((rule) => {
      const names = rule.headers.map(([name]) => name.toLowerCase());
      return [
        ...names.filter((name, index) => names.indexOf(name) !== index).map((name) => `${rule.path}: ${name} twice`),
        rule.headers.length === 0 && `${rule.path}: no headers`,
      ].filter((problem): problem is string => Boolean(problem));
    });
    expectNoProblems(problems);
  });

  it(`stays within host limits (${HOST_LIMITS.rules} rules, ${HOST_LIMITS.lineLength} characters a line)`, () => {
    const rules = parseHeadersFile(headersText);
    const long = headersText
      .split('\n')
      .filter((line) => line.length > HOST_LIMITS.lineLength)
      .map((line) => `${line.length} characters: ${line.slice(0, 60)}…`);
    expectNoProblems([...long, ...(rules.length > HOST_LIMITS.rules ? [`${rules.length} rules`] : [])]);
  });

  it("sends the pages' policy merged, plus frame-ancestors 'none', and every page's <meta> fits inside it", () => {
    const header = builtHeaderPolicy();
    const expected = headerPolicy(withPolicy.map((page) => page.policy));
    const asSets = (policy: Policy) => Object.fromEntries([...policy].map(([name, sources]) => [name, [...sources].sort()]));
    expect(asSets(header)).toEqual(asSets(expected));
    expect(header.get('frame-ancestors')).toEqual(["'none'"]);
    expect(header.get('script-src')).toEqual(expect.arrayContaining(["'self'"]));
    expect(header.get('script-src')?.filter((source) => source.startsWith("'unsafe-"))).toEqual([]);
    const notCovered = withPolicy.flatMap(({ path, policy }) =>
      [...policy].flatMap(([name, sources]) =>
        sources.filter((source) => !header.get(name)?.includes(source)).map((source) => `${path}: ${name} ${source} not in the header`),
      ),
    );
    expectNoProblems(notCovered);
  });

  it('sends HSTS, nosniff, no-referrer and a Permissions-Policy that turns powerful features off', () => {
    const headers = headersFor(parseHeadersFile(headersText), '/guide/');
    const maxAge = Number(/max-age=(\d+)/.exec(headers['strict-transport-security'] ?? '')?.[1] ?? 0);
    expect(maxAge).toBeGreaterThanOrEqual(31_536_000);
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('no-referrer');
    const features = new Map(
      (headers['permissions-policy'] ?? '').split(',').map((entry) => {
        const [name = '', allow = ''] = entry.trim().split('=');
        return [name, allow] as const;
      }),
    );
    for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb', 'display-capture']) {
      expect(features.get(feature), feature).toBe('()');
    }
    // Nothing may be granted to other origins.
    expect([...features].filter(([, allow]) => allow !== '()' && allow !== '(self)')).toEqual([]);
  });

  it('caches hashed assets for good, never the service worker, and leaves pages to the host', () => {
    const rules = parseHeadersFile(headersText);
    expect(headersFor(rules, '/sw.js')['cache-control']).toBe('no-cache');
    expect(headersFor(rules, '/_astro/site.AbC123.css')['cache-control']).toMatch(/immutable/);
    expect(headersFor(rules, '/guide/')['cache-control']).toBeUndefined();
    expect(headersFor(rules, '/sw.js')['content-security-policy']).toBeDefined();
  });
});

describe('reading and merging (the parts hosts and browsers interpret)', () => {
  it('rejects a header before any path, a path without "/", and a line without a value', () => {
    expect(() => parseHeadersFile('  X-Frame-Options: DENY\n')).toThrow(/before any path/);
    expect(() => parseHeadersFile('*\n  X-Frame-Options: DENY\n')).toThrow(/beginning with "\/"/);
    expect(() => parseHeadersFile('/*\n  X-Frame-Options\n')).toThrow(/Name: value/);
  });

  it('matches splats like hosts do and joins a header two rules set', () => {
    expect(pathMatches('/*', '/a/b/')).toBe(true);
    expect(pathMatches('/_astro/*', '/_astro/x.js')).toBe(true);
    expect(pathMatches('/_astro/*', '/guide/')).toBe(false);
    expect(pathMatches('/sw.js', '/swxjs')).toBe(false);
    expect(headersFor(parseHeadersFile('/*\n  Vary: A\n/x\n  Vary: B\n'), '/x')).toEqual({ vary: 'A, B' });
  });

  it('merges sources per directive and refuses pages that name different directives', () => {
    const merged = mergePolicies([parsePolicy("style-src 'self' 'sha256-a'"), parsePolicy("style-src 'self' 'sha256-b'")]);
    expect(merged.get('style-src')).toEqual(["'self'", "'sha256-a'", "'sha256-b'"]);
    expect(() => mergePolicies([parsePolicy("style-src 'self'"), parsePolicy("img-src 'self'")])).toThrow(/different CSP directives/);
  });
});
