/**
 * "What changed since last time": a new score set against the reader's latest saved result of the same quiz,
 * for the total and for each subscale both share, in numbers and in words. Saved subscale numbers run in the
 * direction their titles name (see storage.ts), as new ones do, so the two can be set side by side.
 */
import type { QuizPolarity } from '../quiz-schema';
import type { StoredResult } from './results';

/**
 * What a change means, for the words the page puts to it: no change; a change too small to make much of; a
 * subscale with more or less of what it names; a total that weighs more or less (higher-is-harder) or is
 * further along or not as far (higher-is-healthier).
 */
export type ChangeMeaning =
  | 'same'
  | 'small'
  | 'partUp'
  | 'partDown'
  | 'harderUp'
  | 'harderDown'
  | 'healthierUp'
  | 'healthierDown';

/** One number then and now, with what the change means. */
export interface ScoreChange {
  /** The subscale id, or "total". */
  id: string;
  /** The subscale title; empty for the total, which the page names itself. */
  title: string;
  before: number;
  after: number;
  /** after - before. */
  delta: number;
  meaning: ChangeMeaning;
}

/** A score set against the latest earlier result of the same quiz. */
export interface ResultComparison {
  /** When the earlier result was taken (ISO 8601). */
  previousTakenAt: string;
  /** False when the earlier result came from another version of the quiz, with other statements. */
  isSameVersion: boolean;
  total: ScoreChange;
  /** Subscales both results have, in the new result's order. */
  subscales: ScoreChange[];
}

/** What the comparison needs of the new result. */
export interface ComparedScore {
  quizVersion: number;
  normalized: number;
  subscales: readonly { id: string; title: string; polarity: QuizPolarity; normalized: number }[];
}

// A change this small is one or two answers moving a step: say so rather than make much of it.
const SMALL_CHANGE = 5;

/** The latest saved result of a quiz taken before `before` (ISO 8601), leaving out the id given; null if none. */
export function findPreviousResult(
  results: readonly StoredResult[],
  quizId: string,
  before: string,
  excludeId?: string,
): StoredResult | null {
  const cutoff = Date.parse(before);
  const earlier = results.filter(
    (result) => result.quizId === quizId && result.id !== excludeId && Date.parse(result.takenAt) < cutoff,
  );
  return earlier.reduce<StoredResult | null>(
    (latest, result) => (latest === null || Date.parse(result.takenAt) > Date.parse(latest.takenAt) ? result : latest),
    null,
  );
}

/** What a change of `delta` points means for a subscale, or for the total of a quiz of `polarity`. */
export function describeChange(delta: number, polarity: QuizPolarity, isTotal: boolean): ChangeMeaning {
  if (delta === 0) return 'same';
  if (Math.abs(delta) < SMALL_CHANGE) return 'small';
  const direction = delta > 0 ? 'Up' : 'Down';
  if (!isTotal) return `part${direction}`;
  return `${polarity === 'higher-is-harder' ? 'harder' : 'healthier'}${direction}`;
}

function createChange(id: string, title: string, before: number, after: number, meaning: ChangeMeaning): ScoreChange {
  return { id, title, before, after, delta: after - before, meaning };
}

/** Sets a new score against an earlier saved result of the same quiz. */
export function compareResults(previous: StoredResult, score: ComparedScore, quizPolarity: QuizPolarity): ResultComparison {
  const earlier = new Map(previous.subscales.map((subscale) => [subscale.id, subscale.normalized]));
  return {
    previousTakenAt: previous.takenAt,
    isSameVersion: previous.quizVersion === score.quizVersion,
    total: createChange(
      'total',
      '',
      previous.normalized,
      score.normalized,
      describeChange(score.normalized - previous.normalized, quizPolarity, true),
    ),
    subscales: score.subscales
      .filter((subscale) => earlier.has(subscale.id))
      .map(({ id, title, polarity, normalized }) =>
        createChange(id, title, earlier.get(id)!, normalized, describeChange(normalized - earlier.get(id)!, polarity, false)),
      ),
  };
}
