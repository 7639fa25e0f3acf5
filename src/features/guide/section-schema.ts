import { z } from 'astro/zod';

/** A kebab-case identifier such as `letting-go`, used for topic ids and slugs. */
export const kebabIdSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Use lowercase words joined by hyphens, like "letting-go".');

/** A reflection exercise shown in a "Try this" box at the end of a section. */
export const tryThisSchema = z.object({
  /** A short name for the exercise, e.g. "Write the letter you will not send". */
  title: z.string().min(3).max(80),
  /** One or two sentences that set the exercise up. */
  intro: z.string().min(10).max(400),
  /** Two to five concrete steps, one sentence each. */
  steps: z.array(z.string().min(3).max(300)).min(2).max(5),
});

/**
 * Frontmatter of one guide section (`content/guide/<slug>.mdx`). The file name is the slug.
 * Topics are checked against the topics collection after loading (see utils/content-integrity.ts),
 * so a typo names the file and the field instead of failing silently.
 */
export const sectionSchema = z.object({
  /** The section's heading and page title. */
  title: z.string().min(3).max(60),
  /** The meta description: one plain sentence that search engines and link previews show. */
  description: z.string().min(70).max(160),
  /** One line for the guide's overview and the topic pages. */
  summary: z.string().min(10).max(140),
  /** Position in the guide, from 1; orders must be unique and contiguous. */
  order: z.number().int().min(1),
  /** Ids of the topics this section belongs to (files in content/topics/). */
  topics: z.array(kebabIdSchema).min(1).max(4),
  /** Three to five key ideas, shown in a box at the top of the page. */
  keyIdeas: z.array(z.string().min(10).max(240)).min(3).max(5),
  /** The section's reflection exercise. */
  tryThis: tryThisSchema,
});

/** A guide section's frontmatter after validation. */
export type SectionData = z.output<typeof sectionSchema>;
