import { quizSchema, type QuizDefinition } from '../../../src/features/quiz/quiz-schema';
import type { AnswerValue } from '../../../src/features/quiz/engine/answers';
import type { QuizLinks } from '../../../src/features/quiz/quiz-links';
import { scoreQuiz } from '../../../src/features/quiz/engine/score';
import { createStoredResult, type StoredResult } from '../../../src/features/quiz/engine/results';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { keyedAnswers } from '../../harness/quiz-answers';

// Read from the project root: under happy-dom, import.meta.url is not a file URL.
const QUIZ_DIR = join(process.cwd(), 'content', 'quizzes');

/** The real quizzes, validated, by id. */
export const quizzes: ReadonlyMap<string, QuizDefinition> = new Map(
  readdirSync(QUIZ_DIR)
    .filter((name) => name.endsWith('.yaml'))
    .map((name) => [name.replace(/\.yaml$/, ''), quizSchema.parse(parse(readFileSync(join(QUIZ_DIR, name), 'utf8')))]),
);

/** A real quiz by id. */
export function getQuiz(id: string): QuizDefinition {
  const quiz = quizzes.get(id);
  if (!quiz) throw new Error(`No quiz "${id}" in content/quizzes/.`);
  return quiz;
}

/** Answers giving the lowest total (0) or the highest (100), safety statements disagreed with. */
export function extremeAnswers(quiz: QuizDefinition, direction: 'low' | 'high'): AnswerValue[] {
  return keyedAnswers(quiz, direction);
}

/** Answers that agree strongly with the safety statements and give the lowest total. */
export function safetyAnswers(quiz: QuizDefinition): AnswerValue[] {
  return keyedAnswers(quiz, 'low', 5);
}

/** Guide links for a quiz, shaped as the page builds them (titles are placeholders). */
export function linksFor(quiz: QuizDefinition): QuizLinks {
  const links: QuizLinks = { sections: {}, subscales: {}, help: '/help/', myResults: '/my-results/', checkIn: `https://letting-go.guide/quizzes/${quiz.id}/` };
  for (const id of new Set([...quiz.sections, ...quiz.bands.flatMap((band) => band.sections)])) {
    links.sections[id] = { href: `/guide/${id}/`, title: `Section ${id}` };
  }
  for (const { id, link } of quiz.subscales) {
    links.subscales[id] = { href: `/guide/${link.section}/#${link.anchor}`, title: `Heading ${link.anchor}`, sectionTitle: `Section ${link.section}` };
  }
  return links;
}

/** A saved result for the anger quiz with id `result-<day>`, taken on that day of March 2026. */
export function makeResult(day: number, direction: 'low' | 'high' = 'low'): StoredResult {
  const quiz = getQuiz('anger');
  return createStoredResult(quiz, scoreQuiz(quiz, extremeAnswers(quiz, direction)), {
    id: `result-${day}`,
    takenAt: new Date(Date.UTC(2026, 2, day, 9)),
  });
}
