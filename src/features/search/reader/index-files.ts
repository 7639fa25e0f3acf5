/**
 * The files of a Pagefind index, read into plain data. Pagefind's indexer writes them and its own runtime
 * (a WebAssembly module of about 60 KB gzip, plus 13 KB of script) reads them; this site reads them with
 * these few functions instead, which is what keeps a first search small. The layout below is Pagefind 1.x's
 * (pagefind_web/src/metadata.rs, index.rs and filter_index.rs describe it); `SUPPORTED_VERSION` names the
 * Pagefind releases it was checked against, and the build reads every file it writes with these functions,
 * so a change of format stops the build rather than search.
 *
 * Each file is gzip data that, once inflated, starts with the signature `pagefind_dcd`; the rest is CBOR,
 * except fragments, which are JSON.
 */
import { decodeCbor, type CborValue } from './cbor.ts';

/** Pagefind releases whose index layout these readers understand (a prefix of the version). */
const SUPPORTED_VERSION = '1.';

const SIGNATURE = 'pagefind_dcd';

/** The plain weight of a word in body text; Pagefind stores weights in 24ths (a heading is 7 × 24). */
export const PLAIN_WEIGHT = 24;

/** pagefind-entry.json: the index of each language (this site has one). */
export interface IndexEntry {
  version: string;
  languages: Record<string, { hash: string; page_count: number }>;
}

/** One page of the index: its fragment's hash (the file name) and its length in words. */
export interface IndexPage {
  hash: string;
  wordCount: number;
}

/** An index chunk holds the words that sort from `from` to `to`. */
export interface ChunkRange {
  from: string;
  to: string;
  hash: string;
}

/** The metadata file: every page, where each word's chunk is, the filters and the metadata fields. */
export interface IndexMeta {
  version: string;
  pages: IndexPage[];
  chunks: ChunkRange[];
  /** Filter name → the hash of its chunk. */
  filters: Map<string, string>;
  /** Names of the metadata fields, by the number a word's metadata location refers to. */
  metaFields: string[];
  averageWordCount: number;
}

/** One place a word occurs in a page's text: its position (in words) and weight (in 24ths). */
export interface WordLocation {
  position: number;
  weight: number;
}

/** A word's occurrences in one page: in its text, and in its metadata fields (by field number). */
export interface PageOccurrences {
  page: number;
  locations: WordLocation[];
  metaFields: number[];
}

/** A filter: each value and the pages that have it. */
export interface FilterIndex {
  name: string;
  values: Map<string, number[]>;
}

/** A page's fragment: what a result shows and links to. */
export interface Fragment {
  url: string;
  /** The indexed text, words separated by single spaces, in the order word positions count them. */
  content: string;
  wordCount: number;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  /** Headings with an id, and the position of their first word. */
  anchors: Array<{ element: string; id: string; text: string; location: number }>;
}

/** Strips the signature from an inflated file; throws when it is missing (not a Pagefind file). */
export function unwrapFile(inflated: Uint8Array, name: string): Uint8Array {
  const head = new TextDecoder().decode(inflated.subarray(0, SIGNATURE.length));
  if (head !== SIGNATURE) throw new Error(`${name} is not a Pagefind index file.`);
  return inflated.subarray(SIGNATURE.length);
}

function fail(name: string, what: string): never {
  throw new Error(`${name} does not have the expected layout: ${what}.`);
}

function list(value: CborValue | undefined, name: string, what: string): CborValue[] {
  return Array.isArray(value) ? value : fail(name, what);
}

function text(value: CborValue | undefined, name: string, what: string): string {
  return typeof value === 'string' ? value : fail(name, what);
}

function count(value: CborValue | undefined, name: string, what: string): number {
  return typeof value === 'number' ? value : fail(name, what);
}

/** Reads pagefind-entry.json. */
export function readEntry(json: string): IndexEntry {
  const entry = JSON.parse(json) as Partial<IndexEntry>;
  if (typeof entry.version !== 'string' || typeof entry.languages !== 'object' || entry.languages === null) {
    fail('pagefind-entry.json', 'no version or languages');
  }
  return entry as IndexEntry;
}

/** Whether an index written by this Pagefind version can be read here. */
export function isSupportedVersion(version: string): boolean {
  return version.startsWith(SUPPORTED_VERSION);
}

/** Reads the metadata file (`pagefind.<hash>.pf_meta`), given its bytes without the signature. */
export function readMeta(bytes: Uint8Array): IndexMeta {
  const name = 'the index metadata';
  const [version, pages, chunks, filters, , fields] = list(decodeCbor(bytes), name, 'not an array');
  const pageList = list(pages, name, 'no pages').map((page) => {
    const [hash, wordCount] = list(page, name, 'a page is not an array');
    return { hash: text(hash, name, 'a page has no hash'), wordCount: count(wordCount, name, 'a page has no word count') };
  });
  return {
    version: text(version, name, 'no version'),
    pages: pageList,
    chunks: list(chunks, name, 'no chunks').map((chunk) => {
      const [from, to, hash] = list(chunk, name, 'a chunk is not an array');
      return { from: text(from, name, 'a chunk has no start'), to: text(to, name, 'a chunk has no end'), hash: text(hash, name, 'a chunk has no hash') };
    }),
    filters: new Map(
      list(filters ?? [], name, 'no filters').map((filter) => {
        const [filterName, hash] = list(filter, name, 'a filter is not an array');
        return [text(filterName, name, 'a filter has no name'), text(hash, name, 'a filter has no hash')];
      }),
    ),
    metaFields: list(fields ?? [], name, 'no metadata fields').map((field) => text(field, name, 'a metadata field has no name')),
    averageWordCount: pageList.length === 0 ? 0 : pageList.reduce((sum, page) => sum + page.wordCount, 0) / pageList.length,
  };
}

/**
 * One word's pages. Page numbers are stored as differences from the previous page; locations as
 * differences from the previous location, where a negative number -(w + 1) instead sets the weight w of
 * the locations after it and restarts the count. Metadata locations work the same way, a negative number
 * -(f + 1) naming the field f; only which fields match is kept.
 */
function readPages(value: CborValue | undefined, name: string): PageOccurrences[] {
  let page = 0;
  return list(value, name, 'a word has no pages').map((entry) => {
    const [pageDelta, locations, metaLocations] = list(entry, name, 'a page of a word is not an array');
    page += count(pageDelta, name, 'a page of a word has no number');
    const found: WordLocation[] = [];
    let weight = PLAIN_WEIGHT;
    let position = 0;
    for (const item of list(locations, name, 'a page of a word has no locations')) {
      const step = count(item, name, 'a location is not a number');
      if (step < 0) {
        weight = Math.min(-step - 1, 255);
        position = 0;
      } else {
        position += step;
        found.push({ position, weight });
      }
    }
    const fields = new Set<number>();
    for (const item of metaLocations === undefined ? [] : list(metaLocations, name, 'metadata locations are not an array')) {
      const step = count(item, name, 'a metadata location is not a number');
      if (step < 0) fields.add(-step - 1);
    }
    return { page, locations: found, metaFields: [...fields] };
  });
}

/**
 * Reads an index chunk (`index/<hash>.pf_index`): each word (stemmed, without diacritics) with its pages.
 * The forms of a word with diacritics are listed under it; their pages are added to the word's.
 */
export function readWordChunk(bytes: Uint8Array): Map<string, PageOccurrences[]> {
  const name = 'an index chunk';
  const [words] = list(decodeCbor(bytes), name, 'not an array');
  const found = new Map<string, PageOccurrences[]>();
  for (const entry of list(words, name, 'no words')) {
    const [word, pages, variants] = list(entry, name, 'a word is not an array');
    const occurrences = readPages(pages, name);
    for (const variant of variants === undefined ? [] : list(variants, name, 'variants are not an array')) {
      occurrences.push(...readPages(list(variant, name, 'a variant is not an array')[1], name));
    }
    found.set(text(word, name, 'a word is not text'), occurrences);
  }
  return found;
}

/** Reads a filter chunk (`filter/<hash>.pf_filter`): each value of one filter and its pages. */
export function readFilterChunk(bytes: Uint8Array): FilterIndex {
  const name = 'a filter chunk';
  const [filterName, values] = list(decodeCbor(bytes), name, 'not an array');
  return {
    name: text(filterName, name, 'no filter name'),
    values: new Map(
      list(values, name, 'no values').map((entry) => {
        const [value, pages] = list(entry, name, 'a value is not an array');
        return [text(value, name, 'a value is not text'), list(pages, name, 'a value has no pages').map((page) => count(page, name, 'a page is not a number'))];
      }),
    ),
  };
}

/** Reads a fragment (`fragment/<hash>.pf_fragment`). */
export function readFragment(bytes: Uint8Array): Fragment {
  const data = JSON.parse(new TextDecoder().decode(bytes)) as Partial<Fragment> & { word_count?: number };
  if (typeof data.url !== 'string' || typeof data.content !== 'string') fail('a fragment', 'no url or content');
  return {
    url: data.url,
    content: data.content.replaceAll('\u200b', ''),
    wordCount: data.word_count ?? 0,
    meta: data.meta ?? {},
    filters: data.filters ?? {},
    anchors: data.anchors ?? [],
  };
}
