/**
 * Words search leaves out of a query (`content/search/stop-words.yaml`), so "cant stop thinking about him"
 * is searched as "stop thinking" and a word no page needs never empties the results. Strict.
 */
import { z } from 'astro/zod';

export const stopWordsSchema = z.strictObject({
  words: z
    .array(
      z
        .string()
        .regex(/^[a-z]+$/, 'Write a stop word in lower case letters only, as search reads it: "cant" for "can\'t", "im" for "I\'m".')
        .max(20, 'Keep a stop word to 20 letters or fewer.'),
    )
    .min(1, 'Give at least one stop word.')
    .max(400, 'Give at most 400 stop words.')
    .refine((words) => new Set(words).size === words.length, 'List each stop word once.')
    .describe('Words too common to help a search: pronouns, short verbs, contractions without their apostrophe.'),
});

/** The stop words after validation. */
export type StopWords = z.output<typeof stopWordsSchema>;
