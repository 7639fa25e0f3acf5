import { z } from 'astro/zod';

/** One topic of the guide's small taxonomy (`content/topics/<id>.yaml`). The file name is the id. */
export const topicSchema = z.object({
  /** The topic's name in sentence case, e.g. "Letting go". */
  title: z.string().min(3).max(40),
  /** Display order on the topics page, from 1. */
  order: z.number().int().min(1),
  /** One or two sentences; also the topic page's meta description. */
  description: z.string().min(70).max(160),
  /** Words a reader might search with that the guide itself may not use (e.g. "payback" for anger). */
  synonyms: z.array(z.string().min(2).max(40)).max(16).default([]),
});

/** A topic's data after validation. */
export type TopicData = z.output<typeof topicSchema>;
