/**
 * How search orders its results (`content/search/ranking.yaml`): how much a word in each field counts,
 * a weight for each kind of page, and the crisis terms whose pages always come first. Pages are named by
 * their route in src/routes.ts, never by their wording, so a page can be rewritten without touching this.
 * Strict: a misspelt key is reported, not ignored. Rules across files are in search-rules.ts.
 */
import { z } from 'astro/zod';
import { kebabIdSchema } from '../../kit/schema-parts.ts';
import { ROUTES } from '../../routes.ts';
import { SEARCH_FIELDS } from './search-fields.ts';
import { RESULT_TYPES } from './search-state.ts';

/** Routes that are one page (not a template such as /guide/:slug/): the pages ranking can name. */
const PAGE_ROUTES = Object.keys(ROUTES).filter((name) => !ROUTES[name as keyof typeof ROUTES].template.includes(':')) as [
  string,
  ...string[],
];

const routeSchema = z.enum(PAGE_ROUTES, {
  error: `Name a page by its route in src/routes.ts: one of ${PAGE_ROUTES.join(', ')}.`,
});

/** A page's score is multiplied by its weight: below 1 it sinks, above 1 it rises. */
const weightSchema = z
  .number('Give a number.')
  .min(0.05, 'Use at least 0.05: a page weighted 0 could never be found.')
  .max(3, 'Use at most 3.')
  .describe('How many times its score a page keeps: 1 leaves it as it is, 0.5 halves it.');

/** A crisis term: words as search reads them (lower case, no punctuation), e.g. "hurt myself". */
const termSchema = z
  .string()
  .regex(/^[a-z0-9]+(?: [a-z0-9]+)*$/, 'Write a term in lower case, words separated by one space, without punctuation ("cant go on", not "can\'t go on"): search drops punctuation before it compares.')
  .max(40, 'Keep a term to 40 characters or fewer.');

export const crisisGroupSchema = z.strictObject({
  name: kebabIdSchema.describe('What the terms have in common, e.g. "self-harm"; only for people reading this file.'),
  pages: z
    .array(routeSchema)
    .min(1, 'Name at least one page.')
    .max(5, 'Name at most five pages.')
    .describe('The pages these terms put first, in this order, by route name (help, rightNow, abuse…).'),
  terms: z
    .array(termSchema)
    .min(1, 'Give at least one term.')
    .max(80, 'Give at most 80 terms.')
    .describe(
      'Words or phrases that mean a reader may be in danger. A phrase matches its words in order with up to two words between them; a word matches its other forms ("hurting" for "hurt") and, when the site does not use what was typed, a one-letter slip ("sucide").',
    ),
});

const fieldWeightSchema = z.number('Give a number.').min(0, 'Use 0 or more.').max(10, 'Use at most 10.');

export const rankingSchema = z.strictObject({
  fields: z
    .strictObject(Object.fromEntries(SEARCH_FIELDS.map((field) => [field, fieldWeightSchema])) as Record<(typeof SEARCH_FIELDS)[number], typeof fieldWeightSchema>)
    .describe('How much a word found in each field counts against a word in the text: title, keywords (synonyms.yaml), topic_keywords (topics).'),
  weights: z.strictObject({
    types: z
      .strictObject(Object.fromEntries(RESULT_TYPES.map((type) => [type, weightSchema])) as Record<(typeof RESULT_TYPES)[number], typeof weightSchema>)
      .describe('A weight for each kind of page: section, quiz, topic, page.'),
    routes: z
      .partialRecord(routeSchema, weightSchema)
      .default({})
      .describe('Weights for single pages by route name, used instead of their kind\'s weight (e.g. about: 0.3). Defaults to none.'),
  }).describe('How much of its score each page keeps: by its kind, and for single pages by route.'),
  crisis: z
    .array(crisisGroupSchema)
    .min(1, 'Give at least one group of crisis terms.')
    .describe('Groups of crisis terms; the first group a query matches decides which pages come first.'),
});

/** The ranking file after validation. */
export type Ranking = z.output<typeof rankingSchema>;
