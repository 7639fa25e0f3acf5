/**
 * Frontmatter of one guide section (`content/guide/<slug>.mdx`); the file name is the slug. Strict: an
 * unknown key is a typo, and the build says so. What one file cannot know (topics that exist, orders that
 * run 1 to N, the body's length and headings) is checked with the rest of the content in guide-rules.ts.
 */
import { z } from 'astro/zod';
import { createLineSchema, createProseSchema, kebabIdSchema, descriptionSchema } from '../../kit/schema-parts';

/** A reflection exercise shown in a "Try this" box at the end of a section. */
export const tryThisSchema = z.strictObject({
  title: createLineSchema(80, 3).describe('A short name for the exercise, e.g. "Split the page in two".'),
  intro: createProseSchema(400, 10).describe('One or two sentences that set the exercise up.'),
  steps: z
    .array(createLineSchema(300, 3))
    .min(2, 'Give at least 2 steps.')
    .max(5, 'Give at most 5 steps.')
    .describe('Two to five concrete steps, one sentence each.'),
});

export const sectionSchema = z.strictObject({
  title: createLineSchema(60, 3).describe('The section heading and page title, up to 60 characters.'),
  description: descriptionSchema.describe(
    'The meta description: one plain sentence of 70 to 160 characters that search engines and link previews show.',
  ),
  summary: createLineSchema(140, 10).describe("One line for the guide's overview and the topic pages."),
  order: z
    .int('Use a whole number.')
    .min(1, 'Orders start at 1.')
    .describe('Position in the guide, from 1; orders run 1 to N with no repeats.'),
  topics: z
    .array(kebabIdSchema)
    .min(1, 'Name at least one topic.')
    .max(4, 'Name at most 4 topics.')
    .describe('Ids of the topics this section belongs to: file names in content/topics/.'),
  keyIdeas: z
    .array(createLineSchema(240, 10))
    .min(3, 'Give at least 3 key ideas.')
    .max(5, 'Give at most 5 key ideas.')
    .describe('Three to five key ideas, one short sentence each, shown in a box at the top of the page.'),
  tryThis: tryThisSchema.describe('The section\'s reflection exercise: title, intro and steps.'),
});

/** A guide section's frontmatter after validation. */
export type SectionData = z.output<typeof sectionSchema>;
