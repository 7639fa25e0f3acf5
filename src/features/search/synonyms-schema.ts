/**
 * The extra words search should understand for a page (`content/search/synonyms.yaml`): a site path with
 * slashes at both ends, then the words a reader might type that the page may not use. Whether each path is
 * a page the site has is checked with the rest of the content (search-rules.ts).
 */
import { z } from 'astro/zod';
import { createLineSchema } from '../../kit/schema-parts';

const SITE_PATH = /^\/(?:[a-z0-9-]+\/)*$/;

export const synonymsSchema = z
  .record(
    z.string().regex(SITE_PATH, 'Use a site path with slashes at both ends, like "/guide/turning-rage-into-fuel/".'),
    z
      .array(createLineSchema(40, 2))
      .min(1, 'Give at least one word.')
      .max(20, 'Give at most 20 words.')
      .describe('Words or short phrases a reader might search with, 2 to 40 characters each.'),
  )
  .describe('Site paths, each with the extra words search should understand for that page.');

/** Page path → the words search should also understand for it. */
export type Synonyms = z.output<typeof synonymsSchema>;
