/** The site's name, shown in the header, titles and the manifest. */
export const SITE_NAME = 'Letting Go';

/** One sentence on what the site is, used where a page has nothing more specific to say. */
export const SITE_DESCRIPTION =
  'A calm, private guide to letting go after a breakup, with honest self-check quizzes that never leave your device.';

/** The article this guide explains in its own words; credited on every page that draws on it. */
export const SOURCE_ARTICLE = {
  /** What the article is about, in our words (its exact title would repeat the article's own sentence). */
  subject: 'letting go of an ex who does not want you back',
  author: 'Chris Seiter',
  updated: '2021-02-23',
  updatedLabel: '23 February 2021',
} as const;

/** Average silent reading speed used for reading-time estimates, in words per minute. */
export const WORDS_PER_MINUTE = 200;
