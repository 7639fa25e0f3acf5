import { z } from 'astro/zod';

/** Frontmatter of a standalone prose page such as About or Help (`content/pages/<id>.mdx`). */
export const pageSchema = z.object({
  /** The page's heading and title. */
  title: z.string().min(3).max(60),
  /** The meta description: one plain sentence. */
  description: z.string().min(70).max(160),
});
