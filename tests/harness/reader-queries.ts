/**
 * Queries as readers type them on a phone, upset: misspelt, in whole sentences, as questions, in words
 * the guide does not use, and crisis words. Each names the page that must come back among the first
 * three results (for a crisis word: first). tests/browser/search-queries.test.ts types each one into
 * the real /search/ page; `npm run bench:search` prints what each one finds.
 */

/** What kind of query it is, for the report. */
export type QueryKind = 'typo' | 'phrase' | 'question' | 'their words' | 'crisis';

export interface ReaderQuery {
  query: string;
  /** The path of the page that must be found. */
  page: string;
  kind: QueryKind;
}

const section = (slug: string) => `/guide/${slug}/`;
const RAGE = section('turning-rage-into-fuel');
const VICTIM = section('leaving-the-victim-mentality');
const FIRST = section('why-letting-go-comes-first');
const MOVING_ON = section('moving-on-without-moving-on');
const PURPOSE = section('a-purpose-outside-your-ex');
const LEAVES = section('where-this-leaves-you');
const QUESTIONS = '/questions/';
const HELP = '/help/';
const RIGHT_NOW = '/right-now/';
const ABUSE = '/if-your-ex-hurt-you/';

/** At the top: a crisis page comes first; every other page within the first three. */
export const READER_QUERIES: readonly ReaderQuery[] = [
  // Typing slips, corrected from the site's own words.
  { query: 'revnge', page: RAGE, kind: 'typo' }, // a letter left out
  { query: 'victum', page: VICTIM, kind: 'typo' }, // a neighbouring key
  { query: 'closre', page: MOVING_ON, kind: 'typo' }, // closure, not the more frequent "close"
  { query: 'purpse', page: PURPOSE, kind: 'typo' },
  { query: 'lonley', page: QUESTIONS, kind: 'typo' }, // two letters swapped
  { query: 'rebownd', page: QUESTIONS, kind: 'typo' },
  { query: 'no contcat', page: LEAVES, kind: 'typo' }, // a slip in the second word
  { query: 'anger quizz', page: '/quizzes/anger/', kind: 'typo' },
  { query: 'blokc him', page: QUESTIONS, kind: 'typo' },
  // Whole sentences: stop words and contractions never empty the results.
  { query: 'cant stop thinking about him', page: FIRST, kind: 'phrase' },
  { query: 'can’t stop thinking about her', page: FIRST, kind: 'phrase' }, // a curly apostrophe, as phones type it
  { query: 'i feel like it was all my fault', page: VICTIM, kind: 'phrase' },
  { query: 'i want to text my ex', page: RIGHT_NOW, kind: 'phrase' },
  { query: 'i still love my ex', page: FIRST, kind: 'phrase' },
  { query: 'how do i stop being so angry', page: RAGE, kind: 'phrase' },
  { query: 'i dont know what to do with my life now', page: PURPOSE, kind: 'phrase' },
  { query: 'why me', page: VICTIM, kind: 'phrase' }, // only stop words: searched as typed
  // Questions people ask, answered on the Questions page or in the guide.
  { query: 'how long does it take to get over a breakup', page: QUESTIONS, kind: 'question' },
  { query: 'is it normal to feel lonely', page: QUESTIONS, kind: 'question' },
  { query: 'should i block my ex', page: QUESTIONS, kind: 'question' },
  { query: 'we have kids together', page: QUESTIONS, kind: 'question' },
  { query: 'we work together', page: QUESTIONS, kind: 'question' },
  { query: 'is a rebound a bad idea', page: QUESTIONS, kind: 'question' },
  { query: 'what if my ex texts me', page: QUESTIONS, kind: 'question' },
  { query: 'is it wrong to still hope', page: QUESTIONS, kind: 'question' },
  { query: 'will we get back together', page: MOVING_ON, kind: 'question' },
  // Words the guide does not use, known through content/search/synonyms.yaml.
  { query: 'payback', page: RAGE, kind: 'their words' },
  { query: 'he cheated on me', page: RAGE, kind: 'their words' },
  { query: 'heartbroken', page: FIRST, kind: 'their words' },
  { query: 'ghosted', page: MOVING_ON, kind: 'their words' },
  // Crisis words: Help, Right now or the abuse page first, every time, slips included.
  { query: 'i want to hurt myself', page: HELP, kind: 'crisis' },
  { query: 'suicide', page: HELP, kind: 'crisis' },
  { query: 'sucide', page: HELP, kind: 'crisis' },
  { query: 'kill myself', page: HELP, kind: 'crisis' }, // no page uses "kill": still Help first, and nothing "corrected"
  { query: 'emergency', page: HELP, kind: 'crisis' },
  { query: 'my ex was abusive', page: ABUSE, kind: 'crisis' },
  { query: 'abusve', page: ABUSE, kind: 'crisis' },
  { query: 'he hit me', page: ABUSE, kind: 'crisis' }, // "he" and "me" are stop words, but the term counts them
  { query: 'panic attack', page: RIGHT_NOW, kind: 'crisis' },
  { query: 'i cant cope', page: RIGHT_NOW, kind: 'crisis' },
];

/** How far down a query's page may be: first for a crisis word, else among the first three. */
export function allowedRank(query: ReaderQuery): number {
  return query.kind === 'crisis' ? 1 : 3;
}
