import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { sectionSchema } from './features/guide/section-schema';
import { topicSchema } from './features/guide/topic-schema';
import { pageSchema } from './features/guide/page-schema';
import { quizSchema } from './features/quiz/quiz-schema';

// Prose lives in the top-level content/ folder, apart from code. File names are the ids (and slugs).
// Every file, and every rule across files, is checked before the build begins (src/content-check.ts), so
// an error names the file and the field; the schemas here give the pages their types.

/** The guide, one MDX file per section. */
const guide = defineCollection({
  loader: glob({ base: './content/guide', pattern: '*.mdx' }),
  schema: sectionSchema,
});

/** The topic taxonomy, one YAML file per topic. */
const topics = defineCollection({
  loader: glob({ base: './content/topics', pattern: '*.yaml' }),
  schema: topicSchema,
});

/** Standalone prose pages (About, Help). */
const pages = defineCollection({
  loader: glob({ base: './content/pages', pattern: '*.mdx' }),
  schema: pageSchema,
});

/** The self-check quizzes, one YAML file per quiz; the file name must equal the quiz's `id`. */
const quizzes = defineCollection({
  loader: glob({ base: './content/quizzes', pattern: '*.yaml' }),
  schema: quizSchema,
});

export const collections = { guide, topics, pages, quizzes };
