/**
 * "What changed since last time": a new score set against the reader's latest saved result of the same quiz,
 * for the total and for each subscale both share, in numbers and in words. Saved subscale numbers run in the
 * direction their titles name (see storage.ts), as new ones do, so the two can be set side by side.
 */
import type { QuizPolarity } from '../quiz-schema';
import type { StoredResult } from './results';

/**
 * What a change means, for the words the page puts to it: no change; a change too small to make much of (no
 * more than one answer moving one step); a subscale with more or less of what it names; a total that weighs
 * more or less (higher-is-harder) or is further along or not as far (higher-is-healthier); or, against a
 * result from another version of the quiz, with other statements, numbers only and no verdict.
 */
export type ChangeMeaning =
  | 'same'
  | 'small'
  | 'otherVersion'
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
  /** How many statements the total counts. */
  itemCount: number;
  subscales: readonly { id: string; title: string; polarity: QuizPolarity; normalized: number; itemCount: number }[];
}

/** The most a number over `itemCount` statements moves when one answer moves one step, rounding included. */
export function oneStep(itemCount: number): number {
  return Math.ceil(100 / (4 * itemCount));
}


/**
 * What a change of `delta` points means for a subscale, or for the total of a quiz of `polarity`, over
 * `itemCount` statements.
 */
export function describeChange(delta: number, polarity: QuizPolarity, isTotal: boolean, itemCount: number): ChangeMeaning {
  if (delta === 0) return 'same';
  if (Math.abs(delta) <= oneStep(itemCount)) return 'small';
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
  const isSameVersion = previous.quizVersion === score.quizVersion;
  const meaning = (delta: number, polarity: QuizPolarity, isTotal: boolean, itemCount: number): ChangeMeaning =>
    isSameVersion || delta === 0 ? describeChange(delta, polarity, isTotal, itemCount) : 'otherVersion';
  return {
    previousTakenAt: previous.takenAt,
    isSameVersion,
    total: createChange(
      'total',
      '',
      previous.normalized,
      score.normalized,
      meaning(score.normalized - previous.normalized, quizPolarity, true, score.itemCount),
    ),
    subscales: score.subscales
      .filter((subscale) => earlier.has(subscale.id))
      .map(({ id, title, polarity, normalized, itemCount }) =>
        createChange(id, title, earlier.get(id)!, normalized, meaning(normalized - earlier.get(id)!, polarity, false, itemCount)),
      ),
  };
}
