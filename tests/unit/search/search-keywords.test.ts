import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getPageSynonyms, joinKeywords, parseSynonyms } from '../../../src/features/search/search-keywords';
import { keywordFieldFor } from '../../../src/features/search/search-fields';
import { isShippedBundleFile } from '../../../src/features/search/search-bundle';

const contentDir = new URL('../../../content/', import.meta.url);
const idsIn = (folder: string, extension: string) =>
  readdirSync(new URL(`${folder}/`, contentDir))
    .filter((file) => file.endsWith(extension))
    .map((file) => file.slice(0, -extension.length));

describe('content/search/synonyms.yaml', () => {
  const synonyms = getPageSynonyms();

  it('names only pages that exist', () => {
    const pages = new Set([
      ...idsIn('guide', '.mdx').map((id) => `/guide/${id}/`),
      ...idsIn('pages', '.mdx').map((id) => `/${id}/`),
      ...idsIn('quizzes', '.yaml').map((id) => `/quizzes/${id}/`),
    ]);
    const unknown = [...synonyms.keys()].filter((path) => !pages.has(path));
    expect(unknown, `unknown pages: ${unknown.join(', ')}`).toEqual([]);
  });

  it('gives every guide section some words of its own', () => {
    const missing = idsIn('guide', '.mdx').filter((id) => !synonyms.get(`/guide/${id}/`)?.length);
    expect(missing).toEqual([]);
  });

  it('carries the breakup words the guide words differently', () => {
    const all = [...synonyms.values()].flat();
    for (const word of ['payback', 'no contact', 'closure', 'meaning', 'magnum opus', 'blame', 'f.e.a.r.', 'recover']) {
      expect(all, word).toContain(word);
    }
  });
});

describe('parseSynonyms', () => {
  it('reads paths and word lists', () => {
    expect(parseSynonyms('/help/: [crisis, hotline]\n')).toEqual(new Map([['/help/', ['crisis', 'hotline']]]));
    expect(parseSynonyms('')).toEqual(new Map());
  });

  it.each([
    ['help: [crisis]', 'content/search/synonyms.yaml → help: use a site path with slashes at both ends'],
    ['/help: [crisis]', 'content/search/synonyms.yaml → /help: use a site path with slashes at both ends'],
    ['/help/: crisis', 'content/search/synonyms.yaml → /help/: should be an array, not a string.'],
    ['/help/: []', 'content/search/synonyms.yaml → /help/: give at least one word.'],
    ['/help/: [x]', 'content/search/synonyms.yaml → /help/[0]: use at least 2 characters.'],
  ])('rejects %j, naming the file and the problem', (source, problem) => {
    expect(() => parseSynonyms(source)).toThrow(problem);
  });
});

describe('joinKeywords', () => {
  it('lower-cases, tidies and drops repeats across lists, keeping the first order', () => {
    expect(joinKeywords(['Payback', ' get   even '], undefined, ['payback', 'Fury'])).toBe('payback, get even, fury');
    expect(joinKeywords()).toBe('');
  });

  it('puts topic pages in their own, lighter field', () => {
    expect(keywordFieldFor('topic')).toBe('topic_keywords');
    expect(keywordFieldFor('section')).toBe('keywords');
    expect(keywordFieldFor('quiz')).toBe('keywords');
  });
});

describe('the shipped search bundle: the index and the highlight script, not Pagefind\'s runtime or interfaces', () => {
  it.each([
    ['pagefind-entry.json', true],
    ['pagefind.en_1.pf_meta', true],
    ['index/en_1.pf_index', true],
    ['fragment/en_1.pf_fragment', true],
    ['filter/en_1.pf_filter', true],
    ['pagefind-highlight.js', true],
    ['pagefind.js', false],
    ['pagefind-worker.js', false],
    ['wasm.en.pagefind', false],
    ['wasm.unknown.pagefind', false],
    ['pagefind-ui.js', false],
    ['pagefind-ui.css', false],
    ['pagefind-modular-ui.js', false],
    ['pagefind-component-ui.css', false],
    ['playground/index.html', false],
  ])('%s is shipped: %s', (path, shipped) => {
    expect(isShippedBundleFile(path)).toBe(shipped);
  });
});
