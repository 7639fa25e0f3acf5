import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isShippedBundleFile, VOCABULARY_BUDGET_BYTES } from '../../src/features/search/search-bundle.ts';
import { readFragment, readMeta, readWordChunk, unwrapFile } from '../../src/features/search/reader/index-files.ts';
import { inflate, SiteIndex } from '../../src/features/search/reader/site-index.ts';
import { stemEnglish } from '../../src/features/search/reader/stem.ts';
import { planQuery } from '../../src/features/search/search-plan.ts';
import { pageWeight as weightOf, TUNING_FILE, VOCABULARY_FILE, type SearchTuning } from '../../src/features/search/search-tuning.ts';
import { splitWords } from '../../src/features/search/search-words.ts';
import { BUDGETS } from '../harness/budgets.ts';
import { distDir } from '../harness/dist.ts';
import { gzipSize, staticImports } from '../harness/page-weight.ts';

// The built search bundle, read as the browser reads it: the reader agrees with Pagefind on every stem of
// the site, and the vocabulary and a first search stay within their budgets. Byte counts of built files
// are deterministic, so they can fail the build.

const bundle = join(distDir, 'pagefind');
const files = readdirSync(bundle, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile())
  .map((entry) => join(entry.parentPath, entry.name).slice(bundle.length + 1));
const load = async (path: string) => {
  try {
    return new Uint8Array(readFileSync(join(bundle, path)));
  } catch {
    return null;
  }
};
const pagefindFile = async (path: string) => unwrapFile(await inflate((await load(path))!), path);
const tuning = JSON.parse(readFileSync(join(bundle, TUNING_FILE), 'utf8')) as SearchTuning;

describe('the search bundle', () => {
  it('ships the index, the tuning and the vocabulary, and nothing of Pagefind’s runtime or interfaces', () => {
    expect(files.filter((file) => !isShippedBundleFile(file))).toEqual([]);
    expect(files).toEqual(expect.arrayContaining([TUNING_FILE, VOCABULARY_FILE, 'pagefind-entry.json', 'pagefind-highlight.js']));
    // Nor anything of the UIs the benchmark compares with.
    const shipped = readdirSync(join(distDir, '_astro')).filter((file) => /starlight|pagefind-ui|ui-core/i.test(file));
    expect(shipped).toEqual([]);
  });

  it('is read with the same stems Pagefind wrote: every word of every page', async () => {
    const entry = JSON.parse(readFileSync(join(bundle, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { hash: string }> };
    const meta = readMeta(await pagefindFile(`pagefind.${Object.values(entry.languages)[0]!.hash}.pf_meta`));
    const keysAt = new Map<string, Set<string>>();
    for (const chunk of meta.chunks) {
      for (const [word, pages] of readWordChunk(await pagefindFile(`index/${chunk.hash}.pf_index`))) {
        for (const { page, locations } of pages) for (const { position } of locations) keysAt.set(`${page}:${position}`, (keysAt.get(`${page}:${position}`) ?? new Set()).add(word));
      }
    }
    const disagree: string[] = [];
    let compared = 0;
    for (const [page, { hash }] of meta.pages.entries()) {
      const { content } = readFragment(await pagefindFile(`fragment/${hash}.pf_fragment`));
      content.split(' ').forEach((text, position) => {
        const [word] = splitWords(text);
        const keys = keysAt.get(`${page}:${position}`);
        if (!word || !/^[a-z]+$/.test(word) || !keys || splitWords(text).length > 1) return;
        compared += 1;
        if (!keys.has(stemEnglish(word))) disagree.push(`${word}: ${stemEnglish(word)}, Pagefind ${[...keys].join('/')}`);
      });
    }
    expect(compared).toBeGreaterThan(5_000);
    expect(disagree).toEqual([]);
  });
});

describe('search budgets (gzip)', () => {
  it(`keeps the vocabulary within ${VOCABULARY_BUDGET_BYTES / 1024} KB, most frequent word first, without stop words`, () => {
    const text = readFileSync(join(bundle, VOCABULARY_FILE), 'utf8');
    const words = JSON.parse(text) as string[];
    expect(gzipSize(text)).toBeLessThanOrEqual(VOCABULARY_BUDGET_BYTES);
    expect(words.length).toBeGreaterThan(1_000);
    expect(words.filter((word) => tuning.stopWords.includes(word))).toEqual([]);
  });

  it(`downloads at most ${BUDGETS.searchFirstQuery / 1024} KB for a first search (“revenge”, the dialog's eight results)`, async () => {
    const downloaded = new Map<string, number>();
    const counting = async (path: string) => {
      const bytes = await load(path);
      // Pagefind's files are gzip data already; text files travel gzip-compressed.
      if (bytes) downloaded.set(path, /\.pf_\w+$/.test(path) ? bytes.byteLength : gzipSize(bytes));
      return bytes;
    };
    const index = await SiteIndex.open(counting);
    await counting(TUNING_FILE);
    const plan = await planQuery(
      'revenge',
      {
        search: (words, mode) => index.search(words, { mode, fieldWeights: tuning.fields, pageWeight: (page) => weightOf(tuning, page) }),
        has: (word) => index.has(word),
        hasExactly: (word) => index.hasExactly(word),
      },
      { stopWords: new Set(tuning.stopWords), crisis: tuning.crisis },
      { vocabulary: async () => [] },
    );
    await Promise.all(plan.pages.slice(0, 8).map((scored) => index.fragment(scored.page)));
    // The search code: its chunk and what it imports.
    const astro = join(distDir, '_astro');
    const chunk = readdirSync(astro).find((file) => /^search-ui\..*\.js$/.test(file))!;
    const code = [chunk, ...staticImports(readFileSync(join(astro, chunk), 'utf8')).map((path) => path.replace(/^\.\//, ''))];
    for (const file of code) downloaded.set(`_astro/${file}`, gzipSize(readFileSync(join(astro, file))));
    const total = [...downloaded.values()].reduce((sum, bytes) => sum + bytes, 0);
    const list = [...downloaded].map(([path, bytes]) => `${path} ${bytes} B`).join('; ');
    expect(total, list).toBeLessThanOrEqual(BUDGETS.searchFirstQuery);
    // Pagefind's own runtime alone (script and WebAssembly) was 73 KB of it.
    expect([...downloaded.keys()].filter((path) => /pagefind(?:-worker)?\.js$|\.pagefind$/.test(path))).toEqual([]);
  });
});
