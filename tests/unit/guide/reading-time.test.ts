import { describe, expect, it } from 'vitest';
import { countWords, estimateReadingMinutes, formatReadingTime } from '../../../src/features/guide/reading-time';

describe('countWords', () => {
  it.each([
    // plain prose counts every word, contractions as one
    ['You are not alone, and it isn’t your fault.', 9],
    // headings, emphasis and list markers are not words
    ['## A heading\n\n- **bold** item\n- _soft_ item', 6],
    // a link counts its text, never its address
    ['Read [the next part](/guide/moving-on/#why-this-is-so-hard-to-feel) later.', 5],
    // frontmatter is not part of what a reader sees
    ['---\ntitle: Hidden words here\n---\nTwo words', 2],
    // MDX imports and components are skipped
    ["import X from './x.astro';\n\n<X prop=\"a b c\" />\n\nJust this", 2],
    ['', 0],
  ])('counts %j as %i words', (markdown, expected) => {
    expect(countWords(markdown)).toBe(expected);
  });
});

describe('estimateReadingMinutes', () => {
  it.each([
    // a very short page still says one minute, never zero
    [10, 1],
    [200, 1],
    // rounds to the nearest minute
    [499, 2],
    [500, 3],
    [1000, 5],
  ])('%i words take %i min at 200 wpm', (words, minutes) => {
    expect(estimateReadingMinutes(words)).toBe(minutes);
  });

  it('uses the given reading speed', () => {
    expect(estimateReadingMinutes(600, 100)).toBe(6);
  });
});

describe('formatReadingTime', () => {
  it('says minutes plainly', () => expect(formatReadingTime(4)).toBe('4 min read'));
});
