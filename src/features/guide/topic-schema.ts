/** One topic of the guide's small taxonomy (`content/topics/<id>.yaml`); the file name is the id. Strict. */
import { z } from 'astro/zod';
import { createLineSchema, descriptionSchema } from '../../kit/schema-parts';

export const topicSchema = z.strictObject({
  title: createLineSchema(40, 3).describe('The topic\'s name in sentence case, e.g. "Letting go".'),
  order: z
    .int('Use a whole number.')
    .min(1, 'Orders start at 1.')
    .describe('Display order on the topics page, from 1; orders run 1 to N with no repeats.'),
  description: descriptionSchema.describe("One or two sentences, 70 to 160 characters; also the topic page's meta description."),
  synonyms: z
    .array(createLineSchema(40, 2))
    .max(16, 'Give at most 16 synonyms.')
    .default([])
    .describe('Words a reader might search with that the guide may not use (e.g. "payback" for anger). Defaults to none.'),
});

/** A topic's data after validation. */
export type TopicData = z.output<typeof topicSchema>;
