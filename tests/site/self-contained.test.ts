import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, it } from 'vitest';
import { distDir, walk } from '../harness/dist.ts';
import { parsePages } from '../harness/html.ts';
import { expectNoProblems } from '../harness/problems.ts';

const pages = parsePages();

// Elements and attributes through which a page fetches something as it loads.
const RESOURCE_ATTRIBUTES: ReadonlyArray<[selector: string, attribute: string]> = [
  ['script[src]', 'src'],
  ['link[href]:not([rel~="canonical"]):not([rel~="alternate"])', 'href'],
  ['img[src]', 'src'],
  ['img[srcset]', 'srcset'],
  ['source[src]', 'src'],
  ['source[srcset]', 'srcset'],
  ['video[poster]', 'poster'],
  ['iframe[src]', 'src'],
  ['object[data]', 'data'],
  ['embed[src]', 'src'],
  ['image[href]', 'href'],
  ['use[href]', 'href'],
  ['[xlink\\:href]', 'xlink:href'],
  ['link[imagesrcset]', 'imagesrcset'],
  ['input[type="image"][src]', 'src'],
];

/** Whether a URL reference leaves the site: absolute http(s) or protocol-relative. */
function isExternal(reference: string): boolean {
  return /^(?:[a-z][a-z0-9+.-]*:)?\/\//i.test(reference.trim()) && !/^(?:data|blob):/i.test(reference.trim());
}

/** URLs referenced from CSS: url(...) and @import "...". */
function cssReferences(css: string): string[] {
  const urls = [...css.matchAll(/url\(\s*(['"]?)(.*?)\1\s*\)/gi)].map((match) => match[2]!);
  const imports = [...css.matchAll(/@import\s+(['"])(.*?)\1/gi)].map((match) => match[2]!);
  return [...urls, ...imports];
}

describe('the site is self-contained', () => {
  it('no page or stylesheet loads a script, stylesheet, font or image from another origin', () => {
    const fromHtml = pages.flatMap(({ path, document }) => {
      const attributes = RESOURCE_ATTRIBUTES.flatMap(([selector, attribute]) =>
        [...document.querySelectorAll(selector)].flatMap((element) =>
          // srcset lists "url width" pairs separated by commas.
          (attribute.endsWith('srcset') ? element.getAttribute(attribute)!.split(',') : [element.getAttribute(attribute)!])
            .map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
            .map((url) => ({ element: element.tagName.toLowerCase(), url })),
        ),
      );
      const inlineCss = [
        ...[...document.querySelectorAll('style')].map((style) => style.textContent),
        ...[...document.querySelectorAll('[style]')].map((element) => element.getAttribute('style')!),
      ].flatMap((css) => cssReferences(css).map((url) => ({ element: 'inline CSS', url })));
      return [...attributes, ...inlineCss]
        .filter(({ url }) => isExternal(url))
        .map(({ element, url }) => `${path}: <${element}> ${url}`);
    });
    const fromCss = walk(distDir)
      .filter((file) => file.endsWith('.css'))
      .flatMap((file) =>
        cssReferences(readFileSync(file, 'utf8'))
          .filter(isExternal)
          .map((url) => `${relative(distDir, file)}: ${url}`),
      );
    const found = [...fromHtml, ...fromCss];
    expectNoProblems(found);
  });

  it('no script file or inline module imports code from another origin', () => {
    // `import … from "…"`, `import "…"`, `export … from "…"`, `import("…")` and a worker's
    // `importScripts("…")`, with a literal URL.
    const imports = (code: string) => [
      ...[...code.matchAll(/(?:^|[^.\w$])(?:import|export)\s*(?:[\w$*{}\s,]*?\bfrom\s*|\(\s*)?(["'`])([^"'`]+)\1/g)].map((match) => match[2]!),
      ...[...code.matchAll(/\bimportScripts\s*\(\s*(["'`])([^"'`]+)\1/g)].map((match) => match[2]!),
    ];
    const fromFiles = walk(distDir)
      .filter((file) => /\.m?js$/.test(file))
      .flatMap((file) => imports(readFileSync(file, 'utf8')).filter(isExternal).map((url) => `${relative(distDir, file)}: imports ${url}`));
    const fromPages = pages.flatMap(({ path, document }) =>
      [...document.querySelectorAll('script:not([src])')]
        .flatMap((script) => imports(script.textContent))
        .filter(isExternal)
        .map((url) => `${path}: inline script imports ${url}`),
    );
    expectNoProblems([...fromFiles, ...fromPages]);
  });

  it('forms never POST and submit nowhere but /search/', () => {
    const found = pages.flatMap(({ path, document }) => {
      const base = new URL(path, 'https://site.invalid/');
      const submitters = [...document.querySelectorAll('form, [formaction], [formmethod]')];
      return submitters.flatMap((element) => {
        const action = element.getAttribute(element.matches('form') ? 'action' : 'formaction');
        const method = (element.getAttribute(element.matches('form') ? 'method' : 'formmethod') ?? 'get').toLowerCase();
        const where = `${path}: <${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}>`;
        const target = action ? new URL(action, base) : undefined;
        return [
          // A static host cannot receive a POST, and nothing a reader types should leave the browser.
          method === 'post' && `${where} uses method=post`,
          target && (target.origin !== base.origin || target.pathname !== '/search/') && `${where} submits to ${action}`,
        ].filter((problem): problem is string => Boolean(problem));
      });
    });
    expectNoProblems(found);
  });
});
