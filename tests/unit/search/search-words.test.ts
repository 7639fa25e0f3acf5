import { describe, expect, it } from 'vitest';
import {
  correctWord,
  editDistance,
  findCrisis,
  isCrisisWord,
  meaningfulWords,
  splitWords,
  wordsNearCrisisTerms,
  type CrisisGroup,
} from '../../../src/features/search/search-words';

describe('splitWords: a query spelt as the index spells it', () => {
  it.each([
    ["Can't stop thinking about HIM", ['cant', 'stop', 'thinking', 'about', 'him']],
    // curly apostrophes too, and dots inside a word
    ['I’m F.E.A.R.-less', ['im', 'fear', 'less']],
    // other marks split words
    ['self-worth/no contact, now!', ['self', 'worth', 'no', 'contact', 'now']],
    // accents go, numbers stay
    ['café 988', ['cafe', '988']],
    ['   ', []],
  ])('%j → %j', (query, words) => {
    expect(splitWords(query)).toEqual(words);
  });
});

describe('meaningfulWords', () => {
  const stopWords = new Set(['i', 'cant', 'about', 'him', 'my']);
  it.each([
    [['cant', 'stop', 'thinking', 'about', 'him'], ['stop', 'thinking']],
    // repeats go
    [['stop', 'stop', 'my'], ['stop']],
    // a query of stop words only is searched as typed
    [['i', 'cant'], ['i', 'cant']],
  ])('%j → %j', (words, expected) => {
    expect(meaningfulWords(words, stopWords)).toEqual(expected);
  });
});

describe('editDistance', () => {
  it.each([
    ['revnge', 'revenge', 1], // a letter left out
    ['victum', 'victim', 1], // a neighbouring key
    ['lonley', 'lonely', 1], // two letters swapped
    ['rebownd', 'rebound', 1],
    ['abc', 'abc', 0],
    ['kitten', 'sitting', 3],
  ])('%s → %s: %i', (a, b, distance) => {
    expect(editDistance(a, b, 5)).toBe(distance);
  });

  it('stops counting past the limit', () => {
    expect(editDistance('kitten', 'sitting', 1)).toBe(2);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
  });
});

describe('correctWord: from the site’s own words, most frequent first', () => {
  const vocabulary = ['close', 'revenge', 'victim', 'closure', 'lonely', 'anger', 'hanger', 'relationship', 'rebound'];
  it.each([
    ['revnge', 'revenge'],
    ['victum', 'victim'],
    ['lonley', 'lonely'],
    // two words one slip away: the one sharing more letters at both ends wins over the more frequent
    ['closre', 'closure'],
    // the same first letter wins
    ['angerr', 'anger'],
    // long words may hold two slips
    ['relatinshp', 'relationship'],
    // short words, numbers and words of the site are left alone
    ['hte', null],
    ['9888', null],
    ['anger', null],
    // nothing close
    ['zebra', null],
  ])('%s → %s', (word, expected) => {
    expect(correctWord(word, vocabulary)).toBe(expected);
  });
});

describe('crisis terms', () => {
  const groups: CrisisGroup[] = [
    { terms: [['kill', 'myself'], ['suicide']], pages: [1, 2] },
    { terms: [['hit', 'me'], ['abuse'], ['danger']], pages: [3, 1] },
  ];
  const siteWords = new Set(['anger', 'help']);
  const isWordOfTheSite = (word: string) => siteWords.has(word);

  it.each([
    [['i', 'want', 'to', 'kill', 'myself'], 0],
    // other forms of a word, and up to two words between a term's words
    [['killing', 'myself'], 0],
    [['he', 'hit', 'me'], 1],
    [['he', 'hit', 'and', 'kicked', 'me'], 1],
    [['my', 'ex', 'was', 'abusive'], 1],
    // one slip, when the site does not use what was typed
    [['sucide'], 0],
    [['kil', 'myself'], 0],
    // but a word of the site is never a slip: "anger" is not "danger"
    [['anger'], null],
    // too far apart, or in the wrong order
    [['hit', 'the', 'wall', 'then', 'me'], null],
    [['me', 'hit'], null],
    [['hurt'], null],
  ] as const)('%j → group %s', (words, group) => {
    const found = findCrisis(words, groups, isWordOfTheSite);
    expect(found === null ? null : groups.indexOf(found)).toBe(group);
  });

  it('names the words worth looking up (only slips of a crisis word), and the words that belong to a term', () => {
    expect(wordsNearCrisisTerms(['sucide', 'suicide', 'anger', 'stop', 'kil'], groups)).toEqual(['sucide', 'anger', 'kil']);
    expect(isCrisisWord('killing', groups)).toBe(true);
    expect(isCrisisWord('hurt', groups)).toBe(false);
  });
});
