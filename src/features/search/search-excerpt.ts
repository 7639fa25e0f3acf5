/**
 * One result as the reader sees it, built from a page's fragment and where the words matched: the part
 * of the page that holds most of the matches (the heading it sits under, linked by its anchor) and a short
 * excerpt from that part with the matched words marked. The excerpt never repeats the page's title or the
 * heading shown above it: it starts with the text that follows them.
 */
import type { Fragment } from './reader/index-files.ts';
import { PLAIN_WEIGHT } from './reader/index-files.ts';
import type { MatchLocation, ScoredPage } from './reader/index-search.ts';
import { TYPE_LABELS, isResultType, type ExcerptPart, type ResultType, type SearchHit } from './search-state.ts';

/** How a result's link is made. */
export interface HitOptions {
  /** The site's home address, with its base path (`/` or `/letting-go/`): fragments give paths from there. */
  siteRoot: string;
  /** The query parameter that asks the opened page to mark words, and the words. */
  highlightParam: string;
  highlight: readonly string[];
  /** Words in an excerpt. */
  excerptWords: number;
}

/** A word without its punctuation and case, for comparing text with a title or heading. */
const bare = (word: string): string => word.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/** How many words at `start` spell `text` (0 when they do not). */
function spelledAt(words: readonly string[], start: number, text: string): number {
  const wanted = text.split(/\s+/).map(bare).filter(Boolean);
  const found = words.slice(start, start + wanted.length).map(bare);
  return wanted.length > 0 && wanted.every((word, index) => word === found[index]) ? wanted.length : 0;
}

/** A part of the page: from one heading to the next (the first runs from the title). */
interface Part {
  start: number;
  end: number;
  anchor: Fragment['anchors'][number] | null;
  /** Where its own text begins, after the title or heading. */
  textStart: number;
}

function partsOf(fragment: Fragment, words: readonly string[], title: string): Part[] {
  const titleLength = spelledAt(words, 0, title);
  const anchors = fragment.anchors
    .filter((anchor) => anchor.element !== 'h1' && anchor.id && anchor.location >= titleLength)
    .sort((a, b) => a.location - b.location);
  const parts: Part[] = [{ start: 0, end: anchors[0]?.location ?? words.length, anchor: null, textStart: titleLength }];
  anchors.forEach((anchor, index) => {
    const end = anchors[index + 1]?.location ?? words.length;
    parts.push({ start: anchor.location, end, anchor, textStart: anchor.location + spelledAt(words, anchor.location, anchor.text) });
  });
  return parts;
}

/**
 * The part with the strongest matches. A word in a heading counts more than one in the text, so a heading
 * that names the query is where the result leads; the page's title says nothing of where, so it does not count.
 */
function bestPart(parts: readonly Part[], locations: readonly MatchLocation[]): Part {
  let best = parts[0]!;
  let bestScore = 0;
  for (const part of parts) {
    const from = part.anchor ? part.start : part.textStart;
    const score = locations
      .filter((location) => location.position >= from && location.position < part.end)
      .reduce((sum, location) => sum + (location.weight / PLAIN_WEIGHT) ** 2, 0);
    if (score > bestScore) {
      best = part;
      bestScore = score;
    }
  }
  return best;
}

/** Splits a word into the part to mark and the punctuation around it: `“Anger.` → “, Anger, . */
function splitMark(word: string): [string, string, string] {
  const match = /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/u.exec(word)!;
  return [match[1]!, match[2]!, match[3]!];
}

/** The excerpt: `length` words of the part's text around the most matches, matched words marked. */
export function buildExcerpt(words: readonly string[], from: number, to: number, marked: ReadonlySet<number>, length: number): ExcerptPart[] {
  const end = to > from ? to : words.length;
  let start = from;
  let bestCount = 0;
  const sentenceEnd = /[.!?:]["”’)]*$/;
  const context = Math.min(3, Math.floor(length / 4));
  for (const position of marked) {
    if (position < from || position >= end) continue;
    // Start with the sentence the match is in when that begins close enough before it, else a few words before.
    let sentence = position;
    while (sentence > from && !sentenceEnd.test(words[sentence - 1]!)) sentence -= 1;
    const before = position - sentence <= Math.floor(length / 2) ? sentence : position - context;
    const candidate = Math.max(from, Math.min(before, end - length));
    let count = 0;
    for (const other of marked) if (other >= candidate && other < candidate + length) count += 1;
    if (count > bestCount || (count === bestCount && candidate < start)) {
      start = candidate;
      bestCount = count;
    }
  }
  const stop = Math.min(end, start + length);
  const parts: ExcerptPart[] = [];
  const add = (text: string, isMarked: boolean): void => {
    if (!text) return;
    const last = parts.at(-1);
    if (last && last.marked === isMarked) last.text += text;
    else parts.push({ text, marked: isMarked });
  };
  if (start > from) add('… ', false);
  for (let position = start; position < stop; position += 1) {
    const word = words[position]!;
    const space = position + 1 < stop ? ' ' : '';
    if (!marked.has(position)) {
      add(word + space, false);
      continue;
    }
    const [before, core, after] = splitMark(word);
    add(before, false);
    add(core, true);
    add(after + space, false);
  }
  if (stop < end) add(' …', false);
  return parts;
}

/** The address a result opens: the page (or its heading), asking it to mark the searched words. */
function resultUrl(fragment: Fragment, anchor: Part['anchor'], options: HitOptions): string {
  const path = `${options.siteRoot.replace(/\/$/, '')}/${fragment.url.replace(/^\//, '')}`;
  const params = new URLSearchParams(options.highlight.map((word) => [options.highlightParam, word]));
  const query = params.size > 0 ? `?${params}` : '';
  return `${path}${query}${anchor ? `#${anchor.id}` : ''}`;
}

/** Turns a matched page into the result the reader sees. */
export function toSearchHit(fragment: Fragment, scored: ScoredPage, options: HitOptions): SearchHit {
  const words = fragment.content.split(' ');
  const title = fragment.meta.title?.trim() || fragment.url;
  const part = bestPart(partsOf(fragment, words, title), scored.locations);
  const marked = new Set(scored.locations.map((location) => location.position));
  const declared = fragment.filters.type?.[0];
  const type: ResultType = isResultType(declared) ? declared : 'page';
  const heading = part.anchor?.text.trim() ?? null;
  return {
    url: resultUrl(fragment, part.anchor, options),
    title,
    heading: heading && heading !== title ? heading : null,
    excerpt: buildExcerpt(words, part.textStart, part.end, marked, options.excerptWords),
    type,
    typeLabel: TYPE_LABELS[type],
    // Only its keywords matched (a page put first for a crisis word matched nothing, and says nothing).
    relatedOnly: scored.locations.length === 0 && scored.termsMatched > 0,
  };
}
