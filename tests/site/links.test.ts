import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolvePath } from '../harness/dist.ts';
import { idsOf, parseHtml, parsePages } from '../harness/html.ts';
import { expectNoProblems } from '../harness/problems.ts';

const pages = parsePages();

// Attributes that make the browser navigate to or fetch a URL.
const URL_ATTRIBUTES: ReadonlyArray<[selector: string, attribute: string]> = [
  ['a[href]', 'href'],
  ['area[href]', 'href'],
  ['link[href]', 'href'],
  ['script[src]', 'src'],
  ['img[src]', 'src'],
  ['source[src]', 'src'],
  ['video[poster]', 'poster'],
  ['iframe[src]', 'src'],
  ['form[action]', 'action'],
  ['use[href]', 'href'],
];

/** One same-site URL found on a page. */
interface InternalUrl {
  readonly from: string;
  readonly raw: string;
  readonly url: URL;
  readonly isLink: boolean;
}

/** Every same-site URL on every page; absolute URLs on the canonical origin count as same-site. */
function internalUrls(): InternalUrl[] {
  return pages.flatMap(({ path, document }) => {
    const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href');
    const base = new URL(path, canonical ?? 'https://site.invalid/');
    return URL_ATTRIBUTES.flatMap(([selector, attribute]) =>
      [...document.querySelectorAll(selector)]
        // The canonical link names the public address on purpose; its path is checked elsewhere.
        .filter((element) => !element.matches('link[rel="canonical"], link[rel="alternate"]'))
        .map((element) => ({ raw: element.getAttribute(attribute)!.trim(), isLink: element.matches('a, area') }))
        .filter(({ raw }) => raw !== '')
        .map(({ raw, isLink }) => ({ from: path, raw, url: new URL(raw, base), isLink }))
        .filter(({ url }) => url.origin === base.origin),
    );
  });
}

const idsByFile = new Map<string, Set<string>>(pages.map((page) => [page.file, idsOf(page.document)]));

/** The ids on the HTML page stored at `file` (parsed on first use when it is not a listed page). */
function idsIn(file: string): Set<string> {
  let ids = idsByFile.get(file);
  if (!ids) {
    ids = idsOf(parseHtml(readFileSync(file, 'utf8')));
    idsByFile.set(file, ids);
  }
  return ids;
}

describe('internal links', () => {
  const urls = internalUrls();

  it('every link and resource resolves to a file in dist/', () => {
    expect(urls.length).toBeGreaterThan(0);
    const found = urls.flatMap(({ from, raw, url }) => {
      const target = resolvePath(decodeURIComponent(url.pathname));
      return 'problem' in target ? [`${from}: ${raw} → ${target.problem}`] : [];
    });
    expectNoProblems(found);
  });

  it('every #fragment names an id on its target page', () => {
    const found = urls
      .filter(({ isLink, raw }) => isLink && raw.includes('#'))
      .flatMap(({ from, raw, url }) => {
        if (url.hash === '' || url.hash === '#') return [`${from}: ${raw} → empty fragment`];
        const target = resolvePath(decodeURIComponent(url.pathname));
        if ('problem' in target) return []; // reported by the test above
        if (!target.file.endsWith('.html')) return [`${from}: ${raw} → fragment on a non-HTML file`];
        const id = decodeURIComponent(url.hash.slice(1));
        return idsIn(target.file).has(id) ? [] : [`${from}: ${raw} → no id "${id}" on that page`];
      });
    expectNoProblems(found);
  });
});
