/**
 * Writes the search bundle: the Pagefind index of a built site, read back with the site's reader (every
 * chunk and fragment, then a search for a word of some pages' titles, which must find each page: an index
 * it cannot read stops the build rather than search), and beside it the tuning and the vocabulary
 * (search-tuning.ts). Pagefind's own search runtime and interfaces are left out. The integration runs it
 * after `astro build`; the search benchmark runs it on generated pages. Node only, and imported with file
 * extensions so the benchmark can load it in plain Node.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { readContentFile } from '../../kit/content-files.ts';
import { readWordChunk, unwrapFile } from './reader/index-files.ts';
import { inflate, SiteIndex } from './reader/site-index.ts';
import { rankingSchema, type Ranking } from './ranking-schema.ts';
import { SEARCH_FIELDS } from './search-fields.ts';
import { buildTuning, buildVocabulary } from './search-tuning-build.ts';
import { TUNING_FILE, VOCABULARY_FILE } from './search-tuning.ts';
import { splitWords } from './search-words.ts';
import { stopWordsSchema } from './stop-words-schema.ts';

/** The most the vocabulary may weigh, gzip-compressed; the rarest words are left out beyond it. */
export const VOCABULARY_BUDGET_BYTES = 10 * 1024;

/**
 * Files of Pagefind's own search runtime (script, worker, WebAssembly) and ready-made interfaces. The
 * site reads the index itself and has its own interface, so they are left out of the bundle: they would
 * only be dead weight on the host and in the offline cache. Its highlight script stays: it marks the
 * searched words on the page a result opens.
 */
const UNUSED_FILE = /^(?:pagefind(?:-worker)?\.js|wasm\.[\w-]+\.pagefind|pagefind-(?:ui|modular-ui|component-ui)\.(?:js|css))$/;

/** Whether a file of the bundle (path relative to the bundle folder) is shipped. */
export function isShippedBundleFile(path: string): boolean {
  return !UNUSED_FILE.test(path) && !path.startsWith('playground/');
}

/** What the tuning is made of: content/search/ranking.yaml and stop-words.yaml, validated. */
export interface SearchRules {
  ranking: Ranking;
  stopWords: string[];
}

/** Reads the search rules of the project at `root` (the content check has already validated them). */
export function readSearchRules(root: string): SearchRules {
  return {
    ranking: rankingSchema.parse(readContentFile(root, 'search/ranking.yaml').data),
    stopWords: stopWordsSchema.parse(readContentFile(root, 'search/stop-words.yaml').data).words,
  };
}

/** What one indexing run produced. */
export interface IndexSummary {
  pageCount: number;
  files: number;
  bytes: number;
  /** Words in the vocabulary, its gzip size, and how many rare words the budget left out. */
  vocabulary: { words: number; gzipBytes: number; leftOut: number };
}

/** A file of the bundle, in memory. */
interface BundleFile {
  path: string;
  content: Uint8Array;
}

/** The most frequent words whose list fits the budget, as the file's text (a JSON array). */
function fitVocabulary(words: readonly string[], budget: number): { text: string; kept: number } {
  const textOf = (count: number) => JSON.stringify(words.slice(0, count));
  let [low, high] = [0, words.length];
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (gzipSync(textOf(middle), { level: 9 }).byteLength <= budget) low = middle;
    else high = middle - 1;
  }
  return { text: textOf(low), kept: low };
}

/** How many pages the self-check searches for at most. */
const SELF_CHECK_PAGES = 50;

/**
 * Reads the bundle back with the site's reader (every chunk and fragment, then a search for a word of a
 * page's title, which must find that page) and builds the tuning and vocabulary from it. Throws when the
 * reader cannot read the index, or a crisis page is not in it.
 */
async function buildExtras(files: readonly BundleFile[], rules: SearchRules): Promise<{ extras: BundleFile[]; vocabulary: IndexSummary['vocabulary'] }> {
  const byPath = new Map(files.map((file) => [file.path, file.content]));
  const index = await SiteIndex.open(async (path) => byPath.get(path) ?? null);
  for (const chunk of index.meta.chunks) {
    const bytes = byPath.get(`index/${chunk.hash}.pf_index`);
    if (!bytes) throw new Error(`The search index lacks the chunk ${chunk.hash}.`);
    readWordChunk(unwrapFile(await inflate(bytes), chunk.hash));
  }
  const fragments = await Promise.all(index.meta.pages.map((_, page) => index.fragment(page)));
  const stopWords = new Set(rules.stopWords);
  // Every page of a small site; an even spread of SELF_CHECK_PAGES pages of a large one.
  const step = Math.max(1, Math.floor(fragments.length / SELF_CHECK_PAGES));
  for (let page = 0; page < fragments.length; page += step) {
    const fragment = fragments[page]!;
    const word = splitWords(fragment.meta.title ?? '').find((candidate) => candidate.length > 2 && !stopWords.has(candidate));
    if (!word) continue;
    const found = await index.search([word], { mode: 'all', fieldWeights: {} });
    if (!found.some((result) => result.page === page)) {
      throw new Error(`The site's search reader cannot find ${fragment.url} by "${word}" in the index Pagefind wrote: has the index format changed?`);
    }
  }

  const pages = fragments.map((fragment) => ({ url: fragment.url, type: fragment.filters.type?.[0] ?? 'page' }));
  const { tuning, missing } = buildTuning(pages, rules.ranking, rules.stopWords);
  if (missing.length > 0) throw new Error(`content/search/ranking.yaml puts pages first that the search index does not have: ${missing.join(', ')}.`);
  const words = buildVocabulary(fragments, stopWords, SEARCH_FIELDS);
  const { text, kept } = fitVocabulary(words, VOCABULARY_BUDGET_BYTES);
  const encoder = new TextEncoder();
  return {
    extras: [
      { path: TUNING_FILE, content: encoder.encode(JSON.stringify(tuning)) },
      { path: VOCABULARY_FILE, content: encoder.encode(text) },
    ],
    vocabulary: { words: kept, gzipBytes: gzipSync(text, { level: 9 }).byteLength, leftOut: words.length - kept },
  };
}

/** Pages in the index, from the bundle's entry file (addDirectory counts every HTML file it read). */
function indexedPageCount(files: ReadonlyArray<{ path: string; content: Uint8Array }>): number {
  const entry = files.find((file) => file.path === 'pagefind-entry.json');
  if (!entry) return 0;
  const { languages } = JSON.parse(new TextDecoder().decode(entry.content)) as {
    languages: Record<string, { page_count: number }>;
  };
  return Object.values(languages).reduce((sum, language) => sum + language.page_count, 0);
}

/**
 * Indexes the HTML files below `siteDir` and writes the bundle to `outputDir`. Pagefind's errors fail
 * the run: a site whose search silently indexed nothing is worse than a failed build.
 */
export async function buildSearchIndex(siteDir: string, outputDir: string, rules: SearchRules): Promise<IndexSummary> {
  try {
    // Every page is English; forcing it keeps one index even if a page forgets its lang attribute.
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
    if (!index) throw new Error(`Pagefind could not create an index: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: siteDir });
    if (added.errors.length > 0) throw new Error(`Pagefind could not index ${siteDir}: ${added.errors.join('; ')}`);
    const { files, errors: fileErrors } = await index.getFiles();
    if (fileErrors.length > 0) throw new Error(`Pagefind could not write its index: ${fileErrors.join('; ')}`);
    const pageCount = indexedPageCount(files);
    if (pageCount === 0) throw new Error(`Pagefind indexed no pages in ${siteDir}: is data-pagefind-body missing?`);
    const indexFiles = files.filter((file) => isShippedBundleFile(file.path));
    const { extras, vocabulary } = await buildExtras(indexFiles, rules);
    const shipped = [...indexFiles, ...extras];
    await rm(outputDir, { recursive: true, force: true });
    for (const file of shipped) {
      const target = join(outputDir, file.path);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, file.content);
    }
    return {
      pageCount,
      files: shipped.length,
      bytes: shipped.reduce((sum, file) => sum + file.content.byteLength, 0),
      vocabulary,
    };
  } finally {
    await pagefind.close();
  }
}
