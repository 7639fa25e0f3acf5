/** Frontmatter of a standalone prose page such as About or Help (`content/pages/<id>.mdx`). Strict. */
import { z } from 'astro/zod';
import { createLineSchema, descriptionSchema } from '../../kit/schema-parts';

export const pageSchema = z.strictObject({
  title: createLineSchema(60, 3).describe("The page's heading and title, up to 60 characters."),
  description: descriptionSchema.describe('The meta description: one plain sentence of 70 to 160 characters.'),
});
