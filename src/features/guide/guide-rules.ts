/**
 * The guide's content rules that one file alone cannot show, run by the build on the content folder (see
 * src/content-check.ts) and by the tests on copies changed in memory: orders run 1 to N, topics exist and
 * are all used, titles differ, each section has 400 to 900 words under `##` headings and opens with a
 * paragraph, and every link into the guide names a section and heading that exist.
 */
import GithubSlugger from 'github-slugger';
import { checkOrders, checkReferences, describeFile, type ContentProblem } from '../../kit/content-problems';
import { countWords } from './reading-time';
import type { SectionData } from './section-schema';
import type { TopicData } from './topic-schema';

/** A content file whose data passed its schema. */
export interface CheckedFile<Data> {
  id: string;
  filePath: string;
  data: Data;
  body: string;
}

/** The guide's files, each already valid on its own. */
export interface GuideFiles {
  sections: readonly CheckedFile<SectionData>[];
  topics: readonly CheckedFile<TopicData>[];
  pages: readonly CheckedFile<unknown>[];
}

/** How long a section's prose may be, in words. */
export const SECTION_WORDS = { min: 400, max: 900 } as const;

/** The anchors of a body's `##` and `###` headings, as Astro writes their ids (GitHub's slug rules). */
export function headingAnchors(body: string): string[] {
  const slugger = new GithubSlugger();
  return [...body.matchAll(/^#{2,3} (.+)$/gm)].map((match) => slugger.slug(match[1]!.trim()));
}

/** Each section's id with its heading anchors, for checks that follow links into the guide. */
export function mapSectionAnchors(sections: readonly { id: string; body: string }[]): Map<string, Set<string>> {
  return new Map(sections.map((section) => [section.id, new Set(headingAnchors(section.body))]));
}

function checkBody(section: CheckedFile<SectionData>): ContentProblem[] {
  const file = describeFile(section);
  const problems: ContentProblem[] = [];
  const words = countWords(section.body);
  if (words < SECTION_WORDS.min || words > SECTION_WORDS.max) {
    problems.push({
      file,
      field: 'body',
      message: `the prose has ${words} words; a section has ${SECTION_WORDS.min} to ${SECTION_WORDS.max}.`,
      hint: words < SECTION_WORDS.min ? 'say a little more, or join it to another section.' : 'split it into two sections.',
    });
  }
  if (/^# /m.test(section.body)) {
    problems.push({ file, field: 'body', message: 'a "# " heading repeats the page title.', hint: 'start headings at "##".' });
  }
  if (/^#{4,} /m.test(section.body)) {
    problems.push({ file, field: 'body', message: 'a heading goes deeper than "###".', hint: 'use "##" and "###" only.' });
  }
  // The key ideas follow the opening paragraph (AfterFirstParagraph.astro), so there must be one.
  const opening = section.body.trimStart();
  if (opening === '' || /^(?:#|[-*+>|<]|\d+[.)]\s|!\[)/.test(opening)) {
    problems.push({
      file,
      field: 'body',
      message: 'the prose does not open with a paragraph.',
      hint: 'start with a few plain sentences before the first heading or list; the key ideas come after them.',
    });
  }
  if ((section.body.match(/^## /gm) ?? []).length < 2) {
    problems.push({
      file,
      field: 'body',
      message: 'the prose needs at least two "##" headings.',
      hint: 'they make the table of contents and let search link to a passage.',
    });
  }
  return problems;
}

/** Links in prose to `/guide/<slug>/` or `/guide/<slug>/#<anchor>` that name no section or heading. */
export function checkGuideLinks(
  files: readonly CheckedFile<unknown>[],
  anchors: ReadonlyMap<string, ReadonlySet<string>>,
): ContentProblem[] {
  return files.flatMap((entry) =>
    [...entry.body.matchAll(/\]\(\/guide\/([a-z0-9-]+)\/(?:#([a-z0-9-]+))?\)/g)].flatMap(([link, slug, anchor]): ContentProblem[] => {
      const headings = anchors.get(slug!);
      if (slug === 'all') return [];
      if (!headings) return [{ file: describeFile(entry), field: 'body', message: `the link ${link} names no guide section.` }];
      if (anchor && !headings.has(anchor)) {
        return [
          {
            file: describeFile(entry),
            field: 'body',
            message: `the link ${link} names no heading of that section.`,
            hint: `its headings are ${[...headings].join(', ')}.`,
          },
        ];
      }
      return [];
    }),
  );
}

function checkTitles(sections: readonly CheckedFile<SectionData>[]): ContentProblem[] {
  const seen = new Map<string, string>();
  return sections.flatMap((section) => {
    const earlier = seen.get(section.data.title);
    seen.set(section.data.title, section.filePath);
    return earlier ? [{ file: section.filePath, field: 'title', message: `"${section.data.title}" is already the title of ${earlier}.` }] : [];
  });
}

function checkTopicsUsed(files: GuideFiles): ContentProblem[] {
  const used = new Set(files.sections.flatMap((section) => section.data.topics));
  return files.topics
    .filter((topic) => !used.has(topic.id))
    .map((topic) => ({
      file: topic.filePath,
      field: '',
      message: 'no section names this topic.',
      hint: 'add it to the topics of a section, or remove the file.',
    }));
}

/** Every rule of the guide that spans files or reads a body, in file order. */
export function checkGuide(files: GuideFiles): ContentProblem[] {
  const anchors = mapSectionAnchors(files.sections);
  return [
    ...checkOrders(files.sections),
    ...checkOrders(files.topics),
    ...checkReferences(files.sections, 'topics', new Set(files.topics.map((topic) => topic.id)), 'topic'),
    ...checkTopicsUsed(files),
    ...checkTitles(files.sections),
    ...files.sections.flatMap(checkBody),
    ...files.pages.flatMap((page) =>
      /^# /m.test(page.body) ? [{ file: page.filePath, field: 'body', message: 'a "# " heading repeats the page title.', hint: 'start headings at "##".' }] : [],
    ),
    ...checkGuideLinks([...files.sections, ...files.pages], anchors),
  ];
}
