/**
 * The quizzes' content rules that one file alone cannot show, run by the build on the content folder (see
 * src/content-check.ts) and by the tests: every section a quiz names exists, every subscale links to a real
 * `##` or `###` heading of its section, and each quiz's id is its file name. Everything one file can show is
 * in quiz-schema.ts.
 */
import { describeFile, type ContentProblem } from '../../kit/content-problems';
import type { QuizDefinition } from './quiz-schema';

/** The guide as the quiz checks see it: each section's id with the slugs of its h2 and h3 headings. */
export type SectionAnchors = ReadonlyMap<string, ReadonlySet<string>>;

/** The minimum a quiz entry needs for the checks. */
interface QuizEntry {
  id: string;
  filePath?: string | undefined;
  data: QuizDefinition;
}

/**
 * Finds every reference from the quizzes into the guide that does not resolve: section slugs in `sections`,
 * `bands[].sections` and `subscales[].link.section`, and each `link.anchor` as a heading of its section.
 * Also checks that each quiz's `id` equals its file name.
 */
export function checkQuizReferences(quizzes: readonly QuizEntry[], guide: SectionAnchors): ContentProblem[] {
  const known = [...guide.keys()].sort().join(', ');
  return quizzes.flatMap((quiz) => {
    const file = describeFile(quiz);
    const problems: ContentProblem[] = [];
    const checkSection = (slug: string, field: string): boolean => {
      if (guide.has(slug)) return true;
      problems.push({ file, field, message: `unknown guide section "${slug}".`, hint: `the sections are ${known}.` });
      return false;
    };
    if (quiz.data.id !== quiz.id) {
      problems.push({
        file,
        field: 'id',
        message: `the id "${quiz.data.id}" must equal the file name "${quiz.id}".`,
      });
    }
    quiz.data.sections.forEach((slug, index) => checkSection(slug, `sections[${index}]`));
    quiz.data.bands.forEach((band, bandIndex) =>
      band.sections.forEach((slug, index) => checkSection(slug, `bands[${bandIndex}].sections[${index}]`)),
    );
    quiz.data.subscales.forEach((subscale, index) => {
      const { section, anchor } = subscale.link;
      if (!checkSection(section, `subscales[${index}].link.section`)) return;
      const anchors = guide.get(section)!;
      if (!anchors.has(anchor)) {
        problems.push({
          file,
          field: `subscales[${index}].link.anchor`,
          message: `"${anchor}" is not an h2 or h3 heading of ${section}.`,
          hint: `its headings are ${[...anchors].join(', ')}.`,
        });
      }
    });
    return problems;
  });
}

