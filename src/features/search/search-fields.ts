/**
 * The metadata fields a page's search words go in. Pagefind indexes and searches them like the title;
 * content/search/ranking.yaml says how much a word found in each counts.
 */

/**
 * The keyword fields. A topic page is a hub that points to sections, so its words go in a field of their
 * own, weighted a little lower: a synonym then lists the section that deals with it first and the topic
 * page after it.
 */
const KEYWORD_FIELDS = { page: 'keywords', topic: 'topic_keywords' } as const;

/** Every field search weighs: the title (Pagefind's own) and the keyword fields. */
export const SEARCH_FIELDS = ['title', KEYWORD_FIELDS.page, KEYWORD_FIELDS.topic] as const;

/** The field a page's keywords go in, by its result type. */
export function keywordFieldFor(type: string): string {
  return type === 'topic' ? KEYWORD_FIELDS.topic : KEYWORD_FIELDS.page;
}
