import { WORDS_PER_MINUTE } from '../../site';

/** Counts the words a reader sees in Markdown/MDX source, ignoring syntax, link targets and frontmatter. */
export function countWords(markdown: string): number {
  const text = markdown
    .replace(/^---\n[\s\S]*?\n---\n?/, '') // frontmatter
    .replace(/^(import|export)\s.*$/gm, '') // MDX module lines
    .replace(/<[^>]+>/g, ' ') // tags and components
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1') // keep link text, drop targets
    .replace(/[#>*_`~|-]+/g, ' '); // emphasis, headings, quotes, tables, rules
  return text.match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu)?.length ?? 0;
}

/** Estimates whole minutes of reading for a number of words; never less than one minute. */
export function estimateReadingMinutes(words: number, wordsPerMinute = WORDS_PER_MINUTE): number {
  return Math.max(1, Math.round(words / wordsPerMinute));
}

/** Formats a reading time for people, e.g. "4 min read". */
export function formatReadingTime(minutes: number): string {
  return `${minutes} min read`;
}
