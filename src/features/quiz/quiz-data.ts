/**
 * The self-check quizzes, loaded once per build with the guide sections they draw on and the headings
 * their subscales link to. The content was checked before the build began (src/content-check.ts: the
 * schema, and quiz-rules.ts for references into the guide), so every name here resolves.
 */
import { getCollection, render, type CollectionEntry } from 'astro:content';
import type { MarkdownHeading } from 'astro';
import type { QuizLinks } from './quiz-links';
import type { QuizDefinition } from './quiz-schema';
import { href } from '../../routes';
import { getGuide, sectionHref, type GuideSection } from '../guide/guide-data';

/** A quiz with the guide sections it draws on. */
export interface Quiz {
  id: string;
  entry: CollectionEntry<'quizzes'>;
  data: QuizDefinition;
  /** The sections named in `sections`, in the quiz's order. */
  sections: GuideSection[];
}

/** Orders quizzes by where their first section sits in the guide, then by id. */
function compareByGuideOrder(first: Quiz, second: Quiz): number {
  const position = (quiz: Quiz) => quiz.sections[0]?.data.order ?? Number.MAX_SAFE_INTEGER;
  return position(first) - position(second) || first.id.localeCompare(second.id);
}

interface LoadedQuizzes {
  quizzes: Quiz[];
  /** Every section's h2 and h3 headings, by section id. */
  headings: ReadonlyMap<string, readonly MarkdownHeading[]>;
  sections: readonly GuideSection[];
}

let loading: Promise<LoadedQuizzes> | undefined;

async function loadQuizzes(): Promise<LoadedQuizzes> {
  const [entries, { sections }] = await Promise.all([getCollection('quizzes'), getGuide()]);
  const headings = new Map(
    await Promise.all(
      sections.map(async (section) => {
        const rendered = await render(section.entry);
        return [section.id, rendered.headings.filter(({ depth }) => depth === 2 || depth === 3)] as const;
      }),
    ),
  );

  const sectionsById = new Map(sections.map((section) => [section.id, section]));
  const quizzes = entries
    .map((entry): Quiz => ({
      id: entry.id,
      entry,
      data: entry.data,
      sections: entry.data.sections.map((slug) => sectionsById.get(slug)!),
    }))
    .sort(compareByGuideOrder);
  return { quizzes, headings, sections };
}

function load(): Promise<LoadedQuizzes> {
  loading ??= loadQuizzes();
  return loading;
}

/** Returns the quizzes in guide order (loaded and checked once per build). */
export async function getQuizzes(): Promise<Quiz[]> {
  return (await load()).quizzes;
}

/** The guide links a quiz's result offers (band sections and each subscale's passage), ready for an island. */
export async function getQuizLinks(quiz: QuizDefinition): Promise<QuizLinks> {
  const { headings, sections } = await load();
  const titleOf = (id: string) => sections.find((section) => section.id === id)?.data.title ?? id;
  const links: QuizLinks = { sections: {}, subscales: {}, help: href('help'), myResults: href('myResults'), checkIn: quizUrl(quiz.id) };
  for (const id of new Set([...quiz.sections, ...quiz.bands.flatMap((band) => band.sections)])) {
    links.sections[id] = { href: sectionHref(id), title: titleOf(id) };
  }
  for (const { id, link } of quiz.subscales) {
    const heading = headings.get(link.section)?.find(({ slug }) => slug === link.anchor);
    links.subscales[id] = {
      href: sectionHref(link.section, link.anchor),
      title: heading?.text ?? link.anchor,
      sectionTitle: titleOf(link.section),
    };
  }
  return links;
}

/** The quizzes that draw on a guide section. */
export function quizzesForSection(quizzes: readonly Quiz[], sectionId: string): Quiz[] {
  return quizzes.filter((quiz) => quiz.data.sections.includes(sectionId));
}

/** The quizzes that draw on at least one section carrying a topic. */
export function quizzesForTopic(quizzes: readonly Quiz[], topicId: string): Quiz[] {
  return quizzes.filter((quiz) => quiz.sections.some((section) => section.data.topics.includes(topicId)));
}

/** A quiz page's absolute address, at the site's own URL (Astro's `site`) and base path. */
export function quizUrl(id: string): string {
  return new URL(quizHref(id), import.meta.env.SITE).href;
}

/** The link to a quiz page. */
export function quizHref(id: string): string {
  return href('quiz', { id });
}
