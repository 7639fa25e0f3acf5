import type { QuizBand, QuizDefinition, QuizItem, QuizPolarity, QuizSubscale, ScoredQuizItem } from '../quiz-schema';
import { assertCompleteAnswers, type AnswerValue, type Answers } from './answers';
import { countsTowardTotal, isScored, measureHardness, scoreForSubscale } from './keying';
import { normalizeScore } from './normalize';

/**
 * A subscale's result: its normalized score (0-100) over its statements, in its own direction, so that a
 * high number always means more of what its title names.
 */
export interface SubscaleScore {
  id: string;
  title: string;
  /** Which end a high number is, for this subscale. */
  polarity: QuizPolarity;
  normalized: number;
  itemCount: number;
}

/** The subscale most worth working on, with what the page needs to point to the guide. */
export interface PlaceToStart extends SubscaleScore {
  higherMeans: string;
  link: QuizSubscale['link'];
}

/** Two statements that say opposite things, both strongly agreed with (or both strongly disagreed with). */
export interface ContradictoryPair {
  /** The statement whose agreement means more of its subscale. */
  moreItemId: string;
  /** The statement whose agreement means less of it. */
  lessItemId: string;
}

/** Signs that the answers may not reflect the reader well. */
export interface AnswerQuality {
  /** Every scored statement got the same answer. */
  isStraightLined: boolean;
  contradictoryPairs: ContradictoryPair[];
  /** At least two pairs of opposite statements were answered as if both were true (or both false). */
  isContradictory: boolean;
  /** Straight-lined or contradictory: the result may not say much. */
  isCareless: boolean;
}

/** Whether any safety statement was agreed with (4 or 5), so the page shows the support box. */
export interface SafetyCheck {
  hasSafetyConcern: boolean;
  safetyItemIds: string[];
}

/** Everything the result view shows for one complete set of answers. */
export interface QuizScore {
  /** Normalized total over the statements of the subscales that run the quiz's way, 0-100. */
  normalized: number;
  /** How many statements the total counts. */
  itemCount: number;
  band: QuizBand;
  /** In definition order. */
  subscales: SubscaleScore[];
  /** The hardest part, when one is clearly on the hard side; null when none is. */
  placeToStart: PlaceToStart | null;
  quality: AnswerQuality;
  safety: SafetyCheck;
}

const AGREE_MIN = 4;
// Opposite statements answered on the same side count as a contradiction only with one of them at the far
// end: "Agree" and "Agree" can be an honest "a bit of both", "Strongly agree" and "Agree" rarely is.
const STRONG_AGREEMENT_SUM = 9;
const STRONG_DISAGREEMENT_SUM = 3;
const CONTRADICTIONS_FOR_NOTE = 2;

/** Finds the band whose [min, max] holds a normalized total; throws if the quiz's bands leave it uncovered. */
export function findBand(quiz: QuizDefinition, normalized: number): QuizBand {
  const band = quiz.bands.find(({ min, max }) => normalized >= min && normalized <= max);
  if (band === undefined) {
    throw new RangeError(`findBand: quiz "${quiz.id}" has no band for a score of ${normalized}.`);
  }
  return band;
}

function findSubscale(quiz: QuizDefinition, id: string): QuizSubscale {
  const subscale = quiz.subscales.find((candidate) => candidate.id === id);
  if (subscale === undefined) throw new Error(`scoreQuiz: quiz "${quiz.id}" has no subscale "${id}".`);
  return subscale;
}

/** Pairs each scored statement with its answer, leaving safety statements out. */
function listScoredAnswers(quiz: QuizDefinition, answers: readonly AnswerValue[]): [ScoredQuizItem, AnswerValue][] {
  return quiz.items.flatMap((item: QuizItem, index) => (isScored(item) ? [[item, answers[index]] as [ScoredQuizItem, AnswerValue]] : []));
}

function scoreSubscales(quiz: QuizDefinition, scored: readonly [ScoredQuizItem, AnswerValue][]): SubscaleScore[] {
  return quiz.subscales.map(({ id, title, polarity }) => {
    const points = scored.filter(([item]) => item.subscale === id).map(([item, value]) => scoreForSubscale(item.agreeing, value));
    const sum = points.reduce((total, point) => total + point, 0);
    return { id, title, polarity, normalized: normalizeScore(sum, points.length), itemCount: points.length };
  });
}

/** How hard a part must be before it is named as the place to start: past the middle band's top. */
export const PLACE_TO_START_MIN_HARDNESS = 61;

function findPlaceToStart(quiz: QuizDefinition, subscales: readonly SubscaleScore[]): PlaceToStart | null {
  const hardness = (subscale: SubscaleScore) => measureHardness(subscale.normalized, subscale.polarity);
  // Strictly harder only, so ties keep the first subscale in definition order.
  const hardest = subscales.reduce((current, candidate) => (hardness(candidate) > hardness(current) ? candidate : current));
  // A part in the middle is not a finding: naming one would invent a problem the answers do not show.
  if (hardness(hardest) < PLACE_TO_START_MIN_HARDNESS) return null;
  const { higherMeans, link } = findSubscale(quiz, hardest.id);
  return { ...hardest, higherMeans, link };
}

function findContradictoryPairs(quiz: QuizDefinition, answers: readonly AnswerValue[]): ContradictoryPair[] {
  const indexById = new Map(quiz.items.map((item, index) => [item.id, index]));
  return quiz.items.flatMap((item, moreIndex) => {
    // Walk from the "more" side only, so each pair is counted once.
    if (!isScored(item) || item.agreeing !== 'more' || item.pair === undefined) return [];
    const lessIndex = indexById.get(item.pair);
    if (lessIndex === undefined) return [];
    const [more, less] = [answers[moreIndex], answers[lessIndex]];
    const isBothAgreed = more >= AGREE_MIN && less >= AGREE_MIN && more + less >= STRONG_AGREEMENT_SUM;
    const isBothDisagreed = more < 3 && less < 3 && more + less <= STRONG_DISAGREEMENT_SUM;
    return isBothAgreed || isBothDisagreed ? [{ moreItemId: item.id, lessItemId: quiz.items[lessIndex].id }] : [];
  });
}

function checkQuality(quiz: QuizDefinition, answers: readonly AnswerValue[]): AnswerQuality {
  const scoredValues = listScoredAnswers(quiz, answers).map(([, value]) => value);
  const isStraightLined = scoredValues.every((value) => value === scoredValues[0]);
  const contradictoryPairs = findContradictoryPairs(quiz, answers);
  const isContradictory = contradictoryPairs.length >= CONTRADICTIONS_FOR_NOTE;
  return { isStraightLined, contradictoryPairs, isContradictory, isCareless: isStraightLined || isContradictory };
}

function checkSafety(quiz: QuizDefinition, answers: readonly AnswerValue[]): SafetyCheck {
  const safetyItemIds = quiz.items
    .filter((item, index) => item.safety && answers[index] >= AGREE_MIN)
    .map((item) => item.id);
  return { hasSafetyConcern: safetyItemIds.length > 0, safetyItemIds };
}

/** Scores complete answers for a validated quiz; throws a RangeError otherwise (check isComplete first). */
export function scoreQuiz(quiz: QuizDefinition, answers: Answers): QuizScore {
  assertCompleteAnswers(quiz, answers, 'scoreQuiz');
  const scored = listScoredAnswers(quiz, answers);
  const inTotal = scored.filter(([item]) => countsTowardTotal(findSubscale(quiz, item.subscale).polarity, quiz.polarity));
  const totalPoints = inTotal.reduce((total, [item, value]) => total + scoreForSubscale(item.agreeing, value), 0);
  const normalized = normalizeScore(totalPoints, inTotal.length);
  const subscales = scoreSubscales(quiz, scored);
  return {
    normalized,
    itemCount: inTotal.length,
    band: findBand(quiz, normalized),
    subscales,
    placeToStart: findPlaceToStart(quiz, subscales),
    quality: checkQuality(quiz, answers),
    safety: checkSafety(quiz, answers),
  };
}
