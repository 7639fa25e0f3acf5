/**
 * The guide's content, loaded once per build: sections in reading order with their reading time and
 * topics resolved. Problems such as an unknown topic or two sections with the same order never reach
 * here: the content is checked before the build begins (src/content-check.ts, guide-rules.ts).
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { sortByOrder } from './navigation';
import { resolveTopics } from './topics';
import { countWords, estimateReadingMinutes } from './reading-time';
import { href } from '../../routes';

/** A topic entry. */
export type Topic = CollectionEntry<'topics'>;

/** A guide section with what pages need besides its frontmatter. */
export interface GuideSection {
  id: string;
  entry: CollectionEntry<'guide'>;
  data: CollectionEntry<'guide'>['data'];
  /** Words a reader sees: the body, the key ideas and the exercise. */
  words: number;
  readingMinutes: number;
  topics: Topic[];
}

/** Everything the guide's pages draw on. */
export interface GuideContent {
  sections: GuideSection[];
  topics: Topic[];
}

let loading: Promise<GuideContent> | undefined;

/** Counts the words of a section as read on its page. */
function countSectionWords(entry: CollectionEntry<'guide'>): number {
  const { keyIdeas, tryThis } = entry.data;
  const extras = [...keyIdeas, tryThis.title, tryThis.intro, ...tryThis.steps].join(' ');
  return countWords(entry.body ?? '') + countWords(extras);
}

/** Loads and orders the guide (checked before the build began: see src/content-check.ts). */
async function loadGuide(): Promise<GuideContent> {
  const [entries, topicEntries] = await Promise.all([getCollection('guide'), getCollection('topics')]);
  const topics = sortByOrder(topicEntries);
  const sections = sortByOrder(entries).map((entry): GuideSection => {
    const words = countSectionWords(entry);
    return {
      id: entry.id,
      entry,
      data: entry.data,
      words,
      readingMinutes: estimateReadingMinutes(words),
      topics: resolveTopics(entry.data.topics, topics),
    };
  });
  return { sections, topics };
}

/** Returns the guide's sections and topics (loaded and checked once per build). */
export function getGuide(): Promise<GuideContent> {
  loading ??= loadGuide();
  return loading;
}

/** The link to a section page, or to one of its headings. */
export function sectionHref(id: string, anchor?: string): string {
  return href('section', { slug: id }, anchor);
}

/** The link to a topic page. */
export function topicHref(id: string): string {
  return href('topic', { id });
}
