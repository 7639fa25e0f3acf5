/**
 * Search keywords: words a reader may search with that a page does not use itself. They are kept as
 * data next to the content (content/search/synonyms.yaml for pages, `synonyms` in each topic's YAML)
 * and rendered into a Pagefind metadata field, which Pagefind indexes and searches like the title.
 */
import { parse } from 'yaml';
import { assertNoProblems, checkAgainstSchema } from '../../kit/content-problems';
import { synonymsSchema } from './synonyms-schema';
import synonymsSource from '../../../content/search/synonyms.yaml?raw';

/** Parses the synonyms file: page path → words. Throws with the file and the problem when it is malformed. */
export function parseSynonyms(source: string, file = 'content/search/synonyms.yaml'): Map<string, string[]> {
  const data: unknown = parse(source) ?? {};
  assertNoProblems(checkAgainstSchema(file, data, synonymsSchema));
  return new Map(Object.entries(synonymsSchema.parse(data)));
}

let pageSynonyms: Map<string, string[]> | undefined;

/** The page-level synonyms of content/search/synonyms.yaml (parsed once). */
export function getPageSynonyms(): Map<string, string[]> {
  pageSynonyms ??= parseSynonyms(synonymsSource);
  return pageSynonyms;
}

/**
 * Joins word lists into one keywords value: trimmed, lower-cased, without repeats, in first-seen
 * order. Commas stay as separators; Pagefind splits words on whitespace and punctuation itself.
 */
export function joinKeywords(...lists: ReadonlyArray<readonly string[] | undefined>): string {
  const seen = new Set<string>();
  for (const word of lists.flat()) {
    const clean = word?.trim().toLowerCase().replace(/\s+/g, ' ');
    if (clean) seen.add(clean);
  }
  return [...seen].join(', ');
}
