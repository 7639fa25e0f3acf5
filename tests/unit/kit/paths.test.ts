import { afterEach, describe, expect, it, vi } from 'vitest';
import { isRootRelative, joinBase, normalizeBase, withBase, withoutBase } from '../../../src/kit/paths';

describe('normalizeBase', () => {
  it.each([
    // no BASE_PATH: the domain root
    [undefined, '/'],
    ['', '/'],
    ['/', '/'],
    // slashes are added or trimmed so Astro always gets one form
    ['letting-go', '/letting-go/'],
    ['/letting-go', '/letting-go/'],
    ['/letting-go/', '/letting-go/'],
    ['//letting-go//', '/letting-go/'],
    // deeper sub-paths keep their inner slashes
    ['/guides/letting-go/', '/guides/letting-go/'],
  ])('%j → %s', (value, expected) => {
    expect(normalizeBase(value)).toBe(expected);
  });

  it.each([
    // a full URL belongs in SITE_URL, not here
    'https://example.org/letting-go/',
    // characters that would need escaping in every URL
    '/letting go/',
    '/a//b/',
    '/docs?x=1',
  ])('rejects %j', (value) => {
    expect(() => normalizeBase(value)).toThrow(/BASE_PATH/);
  });
});

describe('isRootRelative', () => {
  it.each([
    ['/', true],
    ['/help/', true],
    ['/about/#your-privacy', true],
    // protocol-relative: another host
    ['//cdn.example.org/x.js', false],
    ['https://letting-go.guide/', false],
    ['mailto:team@letting-go.guide', false],
    ['#main', false],
    ['../help/', false],
    ['', false],
  ])('%j → %s', (url, expected) => {
    expect(isRootRelative(url)).toBe(expected);
  });
});

describe('joinBase', () => {
  it.each([
    // the root base changes nothing
    ['/', '/help/', '/help/'],
    ['/', '/', '/'],
    // under a sub-path, root-relative URLs move below it
    ['/letting-go/', '/help/', '/letting-go/help/'],
    ['/letting-go/', '/', '/letting-go/'],
    ['/letting-go/', '/guide/x/#a-heading', '/letting-go/guide/x/#a-heading'],
    ['/letting-go/', '/search/?q=anger', '/letting-go/search/?q=anger'],
    // a base without its trailing slash works the same
    ['/letting-go', '/sw.js', '/letting-go/sw.js'],
    // anything else passes through untouched
    ['/letting-go/', 'https://example.org/', 'https://example.org/'],
    ['/letting-go/', '//example.org/', '//example.org/'],
    ['/letting-go/', '#main', '#main'],
    ['/letting-go/', 'help/', 'help/'],
    ['/letting-go/', '', ''],
  ])('%s + %j → %s', (base, url, expected) => {
    expect(joinBase(base, url)).toBe(expected);
  });
});

describe('withBase and withoutBase', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('leave paths alone at the root', () => {
    vi.stubEnv('BASE_URL', '/');
    expect(withBase('/guide/')).toBe('/guide/');
    expect(withoutBase('/guide/')).toBe('/guide/');
  });

  it('add and remove the base under a sub-path', () => {
    vi.stubEnv('BASE_URL', '/letting-go/');
    expect(withBase('/guide/')).toBe('/letting-go/guide/');
    expect(withBase('/')).toBe('/letting-go/');
    expect(withoutBase('/letting-go/guide/')).toBe('/guide/');
    expect(withoutBase('/letting-go/')).toBe('/');
    expect(withoutBase(withBase('/topics/anger/'))).toBe('/topics/anger/');
  });

  it('remove only a whole leading segment', () => {
    vi.stubEnv('BASE_URL', '/letting-go/');
    // a page path that merely starts with the same letters is not under the base
    expect(withoutBase('/letting-go-later/')).toBe('/letting-go-later/');
    expect(withoutBase('/guide/')).toBe('/guide/');
  });
});
