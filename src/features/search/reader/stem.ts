/**
 * The English stemmer of Snowball 3 ("Porter 2"), which Pagefind applies to every word it indexes. The
 * reader stems a query's words the same way, so "thinking" finds pages indexed under "think". Written from
 * the published algorithm (snowballstem.org, algorithms/english); the unit tests check it against the stems
 * in the site's own index.
 *
 * Words arrive lower-cased and without punctuation. A word of one or two letters is its own stem.
 */

/** Whole words with a fixed stem (special plurals, -ly forms, words that only look plural). */
const EXCEPTIONS = new Map([
  ['skis', 'ski'],
  ['skies', 'sky'],
  ['idly', 'idl'],
  ['gently', 'gentl'],
  ['ugly', 'ugli'],
  ['early', 'earli'],
  ['only', 'onli'],
  ['singly', 'singl'],
  ...['sky', 'news', 'howe', 'atlas', 'cosmos', 'bias', 'andes'].map((word) => [word, word] as const),
]);

/** Word starts whose first region begins right after them (generate, community, emergency…). */
const REGION_PREFIXES = ['gener', 'commun', 'arsen', 'past', 'univers', 'later', 'emerg', 'organ', 'inter'];

/** Step 2: suffixes in the first region and what replaces them, longest first. */
const STEP_2: ReadonlyArray<readonly [string, string]> = [
  ['ational', 'ate'],
  ['fulness', 'ful'],
  ['iveness', 'ive'],
  ['ization', 'ize'],
  ['ousness', 'ous'],
  ['biliti', 'ble'],
  ['lessli', 'less'],
  ['tional', 'tion'],
  ['alism', 'al'],
  ['aliti', 'al'],
  ['ation', 'ate'],
  ['entli', 'ent'],
  ['fulli', 'ful'],
  ['iviti', 'ive'],
  ['ogist', 'og'],
  ['ousli', 'ous'],
  ['abli', 'able'],
  ['alli', 'al'],
  ['anci', 'ance'],
  ['ator', 'ate'],
  ['enci', 'ence'],
  ['izer', 'ize'],
  ['bli', 'ble'],
  ['ogi', 'og'],
  ['li', ''],
];

/** Step 3: suffixes in the first region and their replacements, longest first ("ative" needs the second region). */
const STEP_3: ReadonlyArray<readonly [string, string]> = [
  ['ational', 'ate'],
  ['tional', 'tion'],
  ['alize', 'al'],
  ['ative', ''],
  ['icate', 'ic'],
  ['iciti', 'ic'],
  ['ical', 'ic'],
  ['ness', ''],
  ['ful', ''],
];

/** Step 4: suffixes deleted in the second region, longest first ("ion" only after s or t). */
const STEP_4 = ['ement', 'ance', 'ence', 'able', 'ible', 'ment', 'ant', 'ent', 'ism', 'ate', 'iti', 'ous', 'ive', 'ize', 'ion', 'al', 'er', 'ic'];

const isVowel = (char: string | undefined): boolean => char !== undefined && 'aeiouy'.includes(char);

/** The longest entry of `suffixes` that `word` ends with (entries are listed longest first). */
function longestSuffix<T extends string | readonly [string, string]>(word: string, suffixes: readonly T[]): T | undefined {
  return suffixes.find((entry) => word.endsWith(typeof entry === 'string' ? entry : entry[0]));
}

/** Where the next region starts: after the first non-vowel that follows a vowel, from `start`; -1 if none. */
function regionAfter(word: string, start: number): number {
  let at = start;
  while (at < word.length && !isVowel(word[at])) at += 1;
  while (at < word.length && isVowel(word[at])) at += 1;
  return at < word.length ? at + 1 : -1;
}

/** Whether `word` ends in a short syllable: consonant, vowel, consonant (not w, x or Y); or vowel, consonant as the whole word. */
function endsShort(word: string): boolean {
  const [last, middle, first] = [word.at(-1), word.at(-2), word.at(-3)];
  if (word.length >= 3 && !isVowel(last) && !'wxY'.includes(last!) && isVowel(middle) && !isVowel(first)) return true;
  if (word.length === 2 && !isVowel(last) && isVowel(middle)) return true;
  return word.endsWith('past');
}

/** The stem of one lower-case word. */
export function stemEnglish(input: string): string {
  const fixed = EXCEPTIONS.get(input);
  if (fixed !== undefined) return fixed;
  if ([...input].length < 3) return input;

  // Prelude: a leading apostrophe goes; a y that starts the word or follows a vowel is a consonant, marked Y.
  let word = input.startsWith("'") ? input.slice(1) : input;
  const chars = [...word];
  for (let at = 0; at < chars.length; at += 1) {
    if (chars[at] === 'y' && (at === 0 || isVowel(chars[at - 1]))) chars[at] = 'Y';
  }
  word = chars.join('');

  // The regions: R1 starts after the first vowel-then-consonant (or after one of the listed starts), R2 after the next.
  const prefix = REGION_PREFIXES.find((start) => word.startsWith(start));
  const first = prefix ? prefix.length : regionAfter(word, 0);
  const r1 = first === -1 ? word.length : first;
  const second = first === -1 ? -1 : regionAfter(word, first);
  const r2 = second === -1 ? word.length : second;
  const inR1 = (suffix: string): boolean => word.length - suffix.length >= r1;
  const inR2 = (suffix: string): boolean => word.length - suffix.length >= r2;

  word = step1a(word);
  word = step1b(word, r1, inR1);
  // Step 1c: a final y after a consonant that is not the first letter becomes i.
  if (/[yY]$/.test(word) && word.length > 2 && !isVowel(word.at(-2))) word = `${word.slice(0, -1)}i`;

  const step2 = longestSuffix(word, STEP_2);
  if (step2 && inR1(step2[0])) {
    const [suffix, replacement] = step2;
    const before = word.at(-suffix.length - 1) ?? '';
    if (suffix === 'ogi') {
      if (before === 'l') word = `${word.slice(0, -3)}og`;
    } else if (suffix === 'li') {
      if ('cdeghkmnrt'.includes(before) && before !== '') word = word.slice(0, -2);
    } else word = word.slice(0, -suffix.length) + replacement;
  }

  const step3 = longestSuffix(word, STEP_3);
  if (step3 && inR1(step3[0]) && (step3[0] !== 'ative' || inR2('ative'))) word = word.slice(0, -step3[0].length) + step3[1];

  const step4 = longestSuffix(word, STEP_4);
  if (step4 && inR2(step4) && (step4 !== 'ion' || /[st]ion$/.test(word))) word = word.slice(0, -step4.length);

  // Step 5: a final e goes in R2, or in R1 unless a short syllable is left; a double l loses one in R2.
  if (word.endsWith('e') && (inR2('e') || (inR1('e') && !endsShort(word.slice(0, -1))))) word = word.slice(0, -1);
  else if (word.endsWith('ll') && inR2('l')) word = word.slice(0, -1);

  return word.replaceAll('Y', 'y');
}

/** Step 1a: plural and possessive endings. */
function step1a(input: string): string {
  const apostrophe = ["'s'", "'s", "'"].find((suffix) => input.endsWith(suffix));
  const word = apostrophe ? input.slice(0, -apostrophe.length) : input;
  if (word.endsWith('sses')) return word.slice(0, -2);
  if (word.endsWith('ied') || word.endsWith('ies')) return word.slice(0, -3) + (word.length > 4 ? 'i' : 'ie');
  if (word.endsWith('us') || word.endsWith('ss')) return word;
  // A final s goes when a vowel comes earlier than the letter just before it ("gaps" → "gap", but "gas" stays).
  if (word.endsWith('s') && /[aeiouy]/.test(word.slice(0, -2))) return word.slice(0, -1);
  return word;
}

/** Step 1b: -ed, -ing and their -ly forms, with the spelling fixes they need ("hoped" → "hope", "hopping" → "hop"). */
function step1b(word: string, r1: number, inR1: (suffix: string) => boolean): string {
  const suffix = ['eedly', 'ingly', 'edly', 'eed', 'ing', 'ed'].find((ending) => word.endsWith(ending));
  if (!suffix) return word;
  const stem = word.slice(0, -suffix.length);
  if (suffix === 'eed' || suffix === 'eedly') {
    return inR1(suffix) && !['proc', 'exc', 'succ'].includes(stem) ? `${stem}ee` : word;
  }
  if (suffix === 'ing') {
    // dying → die, lying → lie; inning, outing, canning, herring, earring and evening stay whole.
    if (stem.length === 2 && stem[1] === 'y' && !isVowel(stem[0])) return `${stem[0]}ie`;
    if (['inn', 'out', 'cann', 'herr', 'earr', 'even'].includes(stem)) return word;
  }
  if (!/[aeiouy]/.test(stem)) return word;
  if (/(?:at|bl|iz)$/.test(stem)) return `${stem}e`;
  if (/(?:bb|dd|ff|gg|mm|nn|pp|rr|tt)$/.test(stem)) return stem.length === 3 && 'aeo'.includes(stem[0]!) ? stem : stem.slice(0, -1);
  return stem.length === r1 && endsShort(stem) ? `${stem}e` : stem;
}
