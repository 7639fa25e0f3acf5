/**
 * Every content rule, run on the content folder before the build begins: each file against its schema
 * (strict, so an unknown key is reported as a typo), then the rules that span files or read a body (guide,
 * quizzes, search, helplines). A problem stops `astro build`, `astro dev` and `astro check` at once with every problem
 * listed, each naming its file and field in one style (src/kit/content-problems.ts). The tests run the same
 * functions on copies of the content changed in memory.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import type { z } from 'astro/zod';
import { assertNoProblems, checkAgainstSchema, type ContentProblem } from './kit/content-problems';
import { readContentFile, readContentFolder, type ContentFile } from './kit/content-files';
import { checkGuide, mapSectionAnchors, type CheckedFile } from './features/guide/guide-rules';
import { pageSchema } from './features/guide/page-schema';
import { sectionSchema } from './features/guide/section-schema';
import { topicSchema } from './features/guide/topic-schema';
import { checkQuizReferences } from './features/quiz/quiz-rules';
import { quizSchema } from './features/quiz/quiz-schema';
import { rankingSchema } from './features/search/ranking-schema';
import { checkRanking, checkSynonyms } from './features/search/search-rules';
import { stopWordsSchema } from './features/search/stop-words-schema';
import { synonymsSchema } from './features/search/synonyms-schema';
import { checkHelplines } from './features/help/help-rules';
import { helplinesSchema } from './features/help/helpline-schema';

/** The content folder, as files. */
export interface ContentSet {
  guide: ContentFile[];
  topics: ContentFile[];
  pages: ContentFile[];
  quizzes: ContentFile[];
  synonyms: ContentFile;
  ranking: ContentFile;
  stopWords: ContentFile;
  helplines: ContentFile;
}

/** Reads the content folder of the project at `root`. */
export function readContent(root: string): ContentSet {
  return {
    guide: readContentFolder(root, 'guide'),
    topics: readContentFolder(root, 'topics'),
    pages: readContentFolder(root, 'pages'),
    quizzes: readContentFolder(root, 'quizzes'),
    synonyms: readContentFile(root, 'search/synonyms.yaml'),
    ranking: readContentFile(root, 'search/ranking.yaml'),
    stopWords: readContentFile(root, 'search/stop-words.yaml'),
    helplines: readContentFile(root, 'help/helplines.yaml'),
  };
}

/** Checks each file against its schema; the problems, and the files that passed with their parsed data. */
function parseAll<Schema extends z.ZodType>(
  files: readonly ContentFile[],
  schema: Schema,
): { problems: ContentProblem[]; valid: CheckedFile<z.output<Schema>>[] } {
  const problems: ContentProblem[] = [];
  const valid: CheckedFile<z.output<Schema>>[] = [];
  for (const file of files) {
    const found = checkAgainstSchema(file.filePath, file.data, schema);
    if (found.length > 0) problems.push(...found);
    else valid.push({ ...file, data: schema.parse(file.data) as z.output<Schema> });
  }
  return { problems, valid };
}

/** Every problem with the content, in the order an author would fix them: files first, then across files. */
export function checkContent(content: ContentSet): ContentProblem[] {
  const sections = parseAll(content.guide, sectionSchema);
  const topics = parseAll(content.topics, topicSchema);
  const pages = parseAll(content.pages, pageSchema);
  const quizzes = parseAll(content.quizzes, quizSchema);
  const synonymsFile = content.synonyms.filePath;
  const searchProblems = [
    ...checkAgainstSchema(synonymsFile, content.synonyms.data, synonymsSchema),
    ...checkAgainstSchema(content.ranking.filePath, content.ranking.data, rankingSchema),
    ...checkAgainstSchema(content.stopWords.filePath, content.stopWords.data, stopWordsSchema),
  ];
  const helplinesFile = content.helplines.filePath;
  const helplinesProblems = checkAgainstSchema(helplinesFile, content.helplines.data, helplinesSchema);
  const fileProblems = [
    ...sections.problems,
    ...topics.problems,
    ...pages.problems,
    ...quizzes.problems,
    ...searchProblems,
    ...helplinesProblems,
  ];
  // Rules across files need every file: with a broken one, they would only repeat its problem.
  if (fileProblems.length > 0) return fileProblems;

  const anchors = mapSectionAnchors(content.guide);
  return [
    ...checkGuide({ sections: sections.valid, topics: topics.valid, pages: pages.valid }),
    ...checkQuizReferences(quizzes.valid, anchors),
    ...checkSynonyms(synonymsFile, synonymsSchema.parse(content.synonyms.data), {
      sections: new Set(content.guide.map(({ id }) => id)),
      quizzes: new Set(content.quizzes.map(({ id }) => id)),
      topics: new Set(content.topics.map(({ id }) => id)),
    }),
    ...checkRanking(content.ranking.filePath, rankingSchema.parse(content.ranking.data)),
    ...checkHelplines(helplinesFile, helplinesSchema.parse(content.helplines.data)),
  ];
}

/** Runs every content rule as the build starts; any problem stops it with the full list. */
export default function contentCheck(): AstroIntegration {
  return {
    name: 'local:content-check',
    hooks: {
      'astro:config:setup': ({ config, logger }) => {
        const started = performance.now();
        const content = readContent(fileURLToPath(config.root));
        assertNoProblems(checkContent(content));
        const count = content.guide.length + content.topics.length + content.pages.length + content.quizzes.length + 4;
        logger.info(`Checked ${count} content files in ${(performance.now() - started).toFixed(0)} ms.`);
      },
    },
  };
}
