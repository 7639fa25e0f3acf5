/**
 * The site's search index, opened: the entry and metadata files at once, then the word chunks, filter
 * chunks and fragments a search needs, each fetched once and kept for the rest of the visit. How files are
 * fetched is up to the caller (`fetch` in the browser, the file system in the build and the tests), and
 * Pagefind's gzip files are inflated with the platform's own DecompressionStream.
 */
import {
  isSupportedVersion,
  readEntry,
  readFilterChunk,
  readFragment,
  readMeta,
  readWordChunk,
  unwrapFile,
  type FilterIndex,
  type Fragment,
  type IndexMeta,
  type PageOccurrences,
} from './index-files.ts';
import { chunksFor, matchTerm, scorePages, type MatchedWord, type ScoreOptions, type ScoredPage } from './index-search.ts';
import { stemEnglish } from './stem.ts';

/** Fetches one file of the bundle by its path inside it (`index/en_1.pf_index`); null when there is none. */
export type BundleLoader = (path: string) => Promise<Uint8Array | null>;

/** The entry file names the metadata file; it is always fetched fresh, so a new deploy's index is used at once. */
export const ENTRY_FILE = 'pagefind-entry.json';

/** Inflates gzip data. */
export async function inflate(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** What a search asks for besides its words. */
export interface IndexQuery extends Omit<ScoreOptions, 'within'> {
  /** Filter name → the value a page must have (`type: 'section'`). */
  filters?: Readonly<Record<string, string>>;
}

export class SiteIndex {
  readonly meta: IndexMeta;
  readonly #load: BundleLoader;
  readonly #words = new Map<string, PageOccurrences[]>();
  readonly #chunks = new Map<string, Promise<void>>();
  readonly #filters = new Map<string, Promise<FilterIndex>>();
  readonly #fragments = new Map<number, Promise<Fragment>>();

  private constructor(meta: IndexMeta, load: BundleLoader) {
    this.meta = meta;
    this.#load = load;
  }

  /** Opens the index; throws when it is missing or written in a layout this reader does not know. */
  static async open(load: BundleLoader): Promise<SiteIndex> {
    const entryBytes = await load(ENTRY_FILE);
    if (!entryBytes) throw new Error('There is no search index.');
    const entry = readEntry(new TextDecoder().decode(entryBytes));
    if (!isSupportedVersion(entry.version)) throw new Error(`The search index was written by Pagefind ${entry.version}, which this reader does not know.`);
    const language = Object.values(entry.languages).sort((a, b) => b.page_count - a.page_count)[0];
    if (!language) throw new Error('The search index has no language.');
    const meta = readMeta(await readPagefindFile(load, `pagefind.${language.hash}.pf_meta`));
    return new SiteIndex(meta, load);
  }

  /** Loads the chunks that `words` (lower-case, unstemmed) need, without searching: call it while the reader types. */
  async prepare(words: readonly string[]): Promise<void> {
    const hashes = new Set(words.flatMap((word) => chunksFor(stemEnglish(word), this.meta.chunks)));
    await Promise.all([...hashes].map((hash) => this.#loadChunk(hash)));
  }

  /** The indexed words each of `words` matches, in order (an empty list for a word the index lacks). */
  async matchWords(words: readonly string[]): Promise<MatchedWord[][]> {
    await this.prepare(words);
    return words.map((word) => matchTerm(stemEnglish(word), this.#words));
  }

  /** Whether the index has anything for one word. */
  async has(word: string): Promise<boolean> {
    const [matched] = await this.matchWords([word]);
    return (matched?.length ?? 0) > 0;
  }

  /** Whether the index has this very word (by its stem), not only longer words starting with it. */
  async hasExactly(word: string): Promise<boolean> {
    await this.prepare([word]);
    return this.#words.has(stemEnglish(word));
  }

  /** The pages matching `words`, scored, best first. */
  async search(words: readonly string[], query: IndexQuery): Promise<ScoredPage[]> {
    const [terms, within] = await Promise.all([this.matchWords(words), this.pagesWith(query.filters ?? {})]);
    return scorePages(terms, this.meta, { ...query, within });
  }

  /** The pages that pass every filter, or undefined when there are none to apply. */
  async pagesWith(filters: Readonly<Record<string, string>>): Promise<Set<number> | undefined> {
    const wanted = Object.entries(filters);
    if (wanted.length === 0) return undefined;
    const sets = await Promise.all(
      wanted.map(async ([name, value]) => {
        const hash = this.meta.filters.get(name);
        if (!hash) return new Set<number>();
        return new Set((await this.#loadFilter(hash)).values.get(value) ?? []);
      }),
    );
    return sets.reduce((kept, set) => new Set([...kept].filter((page) => set.has(page))));
  }

  /** The fragment of a page: its address, text, metadata and headings. */
  fragment(page: number): Promise<Fragment> {
    const hash = this.meta.pages[page]?.hash;
    if (!hash) return Promise.reject(new Error(`The index has no page ${page}.`));
    return loadOnce(this.#fragments, page, () => readPagefindFile(this.#load, `fragment/${hash}.pf_fragment`).then(readFragment));
  }

  #loadChunk(hash: string): Promise<void> {
    return loadOnce(this.#chunks, hash, async () => {
      for (const [word, pages] of readWordChunk(await readPagefindFile(this.#load, `index/${hash}.pf_index`))) this.#words.set(word, pages);
    });
  }

  #loadFilter(hash: string): Promise<FilterIndex> {
    return loadOnce(this.#filters, hash, () => readPagefindFile(this.#load, `filter/${hash}.pf_filter`).then(readFilterChunk));
  }
}

/** Loads a file once per visit, keeping its promise; a file that failed to arrive is asked for again next time. */
function loadOnce<Key, Value>(cache: Map<Key, Promise<Value>>, key: Key, load: () => Promise<Value>): Promise<Value> {
  let loading = cache.get(key);
  if (!loading) {
    loading = load();
    loading.catch(() => cache.delete(key));
    cache.set(key, loading);
  }
  return loading;
}

/** Fetches, inflates and unwraps one of Pagefind's binary files. */
async function readPagefindFile(load: BundleLoader, path: string): Promise<Uint8Array> {
  const bytes = await load(path);
  if (!bytes) throw new Error(`The search index lacks ${path}.`);
  return unwrapFile(await inflate(bytes), path);
}
