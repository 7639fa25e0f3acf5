import { describe, expect, it } from 'vitest';
import GithubSlugger from 'github-slugger';
import { quizSchema, type QuizDefinition } from '../../src/schemas/quiz';
import type { AnswerValue } from '../../src/quiz/answers';
import { scoreQuiz } from '../../src/quiz/score';
import { checkQuizReferences, type SectionAnchors } from '../../src/data/quizzes';
import { readCollection } from './load-content';

const quizFiles = readCollection('quizzes');
const sectionFiles = readCollection('guide');

/** The h2 and h3 anchors of each guide section, as Astro generates them. */
const guideAnchors: SectionAnchors = new Map(
  sectionFiles.map((file) => {
    const slugger = new GithubSlugger();
    const slugs = [...file.body.matchAll(/^#{2,3} (.+)$/gm)].map((match) => slugger.slug(match[1]!.trim()));
    return [file.id, new Set(slugs)];
  }),
);

/** The answers that give every item its lowest (or highest) score: a total of 0 (or 100). */
function extremeAnswers(quiz: QuizDefinition, direction: 'low' | 'high'): AnswerValue[] {
  // An item scores 1 when a forward item gets 1 or a reverse item gets 5.
  return quiz.items.map((item) => ((direction === 'low') !== item.reverse ? 1 : 5));
}

/** Finds an answer set whose normalized total lands in [min, max], walking from all-low to all-high. */
function findAnswersInRange(quiz: QuizDefinition, min: number, max: number): AnswerValue[] | null {
  const answers = extremeAnswers(quiz, 'low');
  // Raising one item's score by one point at a time visits every possible total from lowest to highest.
  for (let step = 0; step <= quiz.items.length * 4; step += 1) {
    const { normalized } = scoreQuiz(quiz, answers);
    if (normalized >= min && normalized <= max) return [...answers];
    const index = quiz.items.findIndex((item, position) => (item.reverse ? answers[position]! > 1 : answers[position]! < 5));
    if (index === -1) break;
    answers[index] = (answers[index]! + (quiz.items[index]!.reverse ? -1 : 1)) as AnswerValue;
  }
  return null;
}

describe('quiz files', () => {
  it('there are the three quizzes of the guide', () => {
    expect(quizFiles.map((file) => file.id)).toEqual(['anger', 'readiness-to-let-go', 'victim-mindset']);
  });

  describe.each(quizFiles.map((file) => [file.filePath, file] as const))('%s', (_path, file) => {
    const parsed = quizSchema.safeParse(file.data);
    const quiz = parsed.success ? parsed.data : undefined;

    it('passes the quiz schema', () => {
      expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
    });

    it('has an id equal to its file name', () => {
      expect(quiz?.id).toBe(file.id);
    });

    it('has 10-16 items, at least a third of them reverse-keyed', () => {
      const count = quiz!.items.length;
      const reversed = quiz!.items.filter((item) => item.reverse).length;
      expect(count).toBeGreaterThanOrEqual(10);
      expect(count).toBeLessThanOrEqual(16);
      expect(reversed * 3).toBeGreaterThanOrEqual(count);
    });

    it('has 2-4 subscales, each used by at least two items', () => {
      expect(quiz!.subscales.length).toBeGreaterThanOrEqual(2);
      expect(quiz!.subscales.length).toBeLessThanOrEqual(4);
      for (const subscale of quiz!.subscales) {
        expect(quiz!.items.filter((item) => item.subscale === subscale.id).length, subscale.id).toBeGreaterThanOrEqual(2);
      }
    });

    it('has 3-4 bands covering 0-100 without gaps or overlaps', () => {
      const { bands } = quiz!;
      expect(bands.length).toBeGreaterThanOrEqual(3);
      expect(bands.length).toBeLessThanOrEqual(4);
      expect(bands[0]!.min).toBe(0);
      expect(bands.at(-1)!.max).toBe(100);
      bands.slice(1).forEach((band, index) => expect(band.min).toBe(bands[index]!.max + 1));
    });

    it('can reach every band with some set of answers, scored by the engine', () => {
      for (const band of quiz!.bands) {
        const answers = findAnswersInRange(quiz!, band.min, band.max);
        expect(answers, `no answers reach ${band.id}`).not.toBeNull();
        expect(scoreQuiz(quiz!, answers!).band.id).toBe(band.id);
      }
    });

    it('puts the two extreme answer patterns in different bands', () => {
      const low = scoreQuiz(quiz!, extremeAnswers(quiz!, 'low'));
      const high = scoreQuiz(quiz!, extremeAnswers(quiz!, 'high'));
      expect(low.normalized).toBe(0);
      expect(high.normalized).toBe(100);
      expect(low.band.id).not.toBe(high.band.id);
    });

    it('keys safety items towards the harder end, and agreeing with one raises the flag', () => {
      for (const item of quiz!.items.filter((candidate) => candidate.safety)) {
        expect(item.reverse, item.id).toBe(quiz!.polarity === 'higher-is-healthier');
        const answers = quiz!.items.map((other) => (other.id === item.id ? 5 : 3) as AnswerValue);
        expect(scoreQuiz(quiz!, answers).safety.safetyItemIds).toContain(item.id);
      }
      const calm = quiz!.items.map((item) => (item.safety ? 1 : 3) as AnswerValue);
      expect(scoreQuiz(quiz!, calm).safety.hasSafetyConcern).toBe(false);
    });

    it('carries at least one safety statement', () => {
      expect(quiz!.items.some((item) => item.safety)).toBe(true);
    });

    it('names only guide sections and headings that exist', () => {
      expect(checkQuizReferences([{ id: file.id, filePath: file.filePath, data: quiz! }], guideAnchors)).toEqual([]);
    });
  });
});

describe('checkQuizReferences', () => {
  const quiz = quizSchema.parse(quizFiles.find((file) => file.id === 'victim-mindset')!.data);

  it('names the file and field of an unknown section, band section and anchor', () => {
    const broken: QuizDefinition = {
      ...quiz,
      sections: [...quiz.sections, 'no-such-section'],
      bands: quiz.bands.map((band, index) => (index === 1 ? { ...band, sections: ['also-missing'] } : band)),
      subscales: quiz.subscales.map((subscale, index) =>
        index === 0 ? { ...subscale, link: { ...subscale.link, anchor: 'not-a-heading' } } : subscale,
      ),
    };
    const problems = checkQuizReferences([{ id: 'victim-mindset', filePath: 'content/quizzes/victim-mindset.yaml', data: broken }], guideAnchors);
    expect(problems.map(({ file, field }) => `${file} ${field}`)).toEqual([
      `content/quizzes/victim-mindset.yaml sections[${quiz.sections.length}]`,
      'content/quizzes/victim-mindset.yaml bands[1].sections[0]',
      'content/quizzes/victim-mindset.yaml subscales[0].link.anchor',
    ]);
    expect(problems[0]!.message).toMatch(/unknown guide section "no-such-section"/);
    expect(problems[2]!.message).toMatch(/"not-a-heading" is not an h2 or h3 heading of leaving-the-victim-mentality/);
  });

  it('reports an id that differs from the file name', () => {
    const problems = checkQuizReferences([{ id: 'renamed', data: quiz }], guideAnchors);
    expect(problems).toEqual([expect.objectContaining({ file: 'renamed', field: 'id' })]);
  });
});
