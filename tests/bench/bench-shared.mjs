// Small pieces the benchmarks share (`npm run bench`, `npm run bench:search`): number formatting and
// seeded made-up prose for generated pages.

/** Bytes as KiB with one decimal. */
export const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;

/** Bytes in KB of 1,024 bytes, the unit of the page-weight budgets (the same number as kib). */
export const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/** Milliseconds, rounded. */
export const ms = (value) => `${value.toFixed(0)} ms`;

/** Milliseconds as seconds with one decimal. */
export const seconds = (value) => `${(value / 1000).toFixed(1)} s`;

/** The middle value (the upper one of the two middles for an even count). */
export const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** A small seeded random generator, so every run generates the same pages. */
export function mulberry32(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = 'ka lo mi ne ru sa ti vo pe da fi gu ha je mo ni pa qu re so ta ve wi xo yu ze bel cor dan fen gor hal'.split(' ');

/** A vocabulary of made-up words plus a few real ones, drawn with a Zipf-like skew like real prose. */
export function makeVocabulary(random, size) {
  const words = new Set(['breakup', 'anger', 'revenge', 'purpose', 'letting', 'closure', 'healing', 'friends', 'sleep']);
  while (words.size < size) {
    const length = 2 + Math.floor(random() * 3);
    words.add(Array.from({ length }, () => SYLLABLES[Math.floor(random() * SYLLABLES.length)]).join(''));
  }
  const list = [...words];
  const pick = () => list[Math.min(list.length - 1, Math.floor(list.length * random() ** 3))];
  return { list, pick };
}

/** One sentence of 6 to 17 made-up words, capitalized, with a period. */
export function sentence(random, vocabulary) {
  const length = 6 + Math.floor(random() * 12);
  const words = Array.from({ length }, () => vocabulary.pick());
  words[0] = words[0][0].toUpperCase() + words[0].slice(1);
  return `${words.join(' ')}.`;
}
