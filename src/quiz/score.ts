import type { QuizBand, QuizDefinition, QuizItem, QuizSubscale } from '../schemas/quiz';
import { assertCompleteAnswers, type AnswerValue, type Answers } from './answers';
import { normalizeScore } from './normalize';

/** A subscale's result: its normalized score (0-100) over its items. */
export interface SubscaleScore {
  id: string;
  title: string;
  normalized: number;
  itemCount: number;
}

/** The subscale most worth working on, with what the page needs to point to the guide. */
export interface WeakestSubscale extends SubscaleScore {
  description: string;
  link: QuizSubscale['link'];
}

/** A forward/reverse pair answered as if both statements were true (or both false). */
export interface ContradictoryPair {
  forwardItemId: string;
  reverseItemId: string;
}

/** Signs that the answers may not reflect the reader well. */
export interface AnswerQuality {
  /** Every answer was the same value. */
  isStraightLined: boolean;
  contradictoryPairs: ContradictoryPair[];
  /** Straight-lined, or at least 2 contradictory pairs, or contradictory in more than a third of the pairs. */
  isCareless: boolean;
}

/** Whether any safety item was agreed with (4 or 5), so the page shows the support box. */
export interface SafetyCheck {
  hasSafetyConcern: boolean;
  safetyItemIds: string[];
}

/** Everything the result view shows for one complete set of answers. */
export interface QuizScore {
  /** Normalized total, 0-100; higher means more of what the quiz title names. */
  normalized: number;
  band: QuizBand;
  /** In definition order. */
  subscales: SubscaleScore[];
  weakestSubscale: WeakestSubscale;
  quality: AnswerQuality;
  safety: SafetyCheck;
}

const AGREE_MIN = 4;
const DISAGREE_MAX = 2;

/** Scores one answer: the value itself, or 6 minus it for a reverse-keyed item. */
export function scoreItem(item: QuizItem, value: AnswerValue): number {
  return item.reverse ? 6 - value : value;
}

/** Finds the band whose [min, max] holds a normalized total; throws if the quiz's bands leave it uncovered. */
export function findBand(quiz: QuizDefinition, normalized: number): QuizBand {
  const band = quiz.bands.find(({ min, max }) => normalized >= min && normalized <= max);
  if (band === undefined) {
    throw new RangeError(`findBand: quiz "${quiz.id}" has no band for a score of ${normalized}.`);
  }
  return band;
}

function scoreSubscales(quiz: QuizDefinition, itemScores: readonly number[]): SubscaleScore[] {
  return quiz.subscales.map(({ id, title }) => {
    const scores = itemScores.filter((_, index) => quiz.items[index].subscale === id);
    const sum = scores.reduce((total, score) => total + score, 0);
    return { id, title, normalized: normalizeScore(sum, scores.length), itemCount: scores.length };
  });
}

function findWeakestSubscale(quiz: QuizDefinition, subscales: readonly SubscaleScore[]): WeakestSubscale {
  const isWorse =
    quiz.polarity === 'higher-is-harder'
      ? (candidate: SubscaleScore, current: SubscaleScore) => candidate.normalized > current.normalized
      : (candidate: SubscaleScore, current: SubscaleScore) => candidate.normalized < current.normalized;
  // Strictly worse only, so ties keep the first subscale in definition order.
  const weakest = subscales.reduce((current, candidate) => (isWorse(candidate, current) ? candidate : current));
  const definition = quiz.subscales.find(({ id }) => id === weakest.id);
  if (definition === undefined) throw new Error(`scoreQuiz: subscale "${weakest.id}" vanished.`);
  return { ...weakest, description: definition.description, link: definition.link };
}

function findContradictoryPairs(
  quiz: QuizDefinition,
  answers: readonly AnswerValue[],
): { pairCount: number; contradictoryPairs: ContradictoryPair[] } {
  const indexById = new Map(quiz.items.map((item, index) => [item.id, index]));
  let pairCount = 0;
  const contradictoryPairs: ContradictoryPair[] = [];
  // Walk from the forward side only so each pair is counted once.
  quiz.items.forEach((item, forwardIndex) => {
    if (item.reverse || item.pair === undefined) return;
    const reverseIndex = indexById.get(item.pair);
    if (reverseIndex === undefined || !quiz.items[reverseIndex].reverse) return;
    pairCount += 1;
    const forwardValue = answers[forwardIndex];
    const reverseValue = answers[reverseIndex];
    const isBothAgreed = forwardValue >= AGREE_MIN && reverseValue >= AGREE_MIN;
    const isBothDisagreed = forwardValue <= DISAGREE_MAX && reverseValue <= DISAGREE_MAX;
    if (isBothAgreed || isBothDisagreed) {
      contradictoryPairs.push({ forwardItemId: item.id, reverseItemId: quiz.items[reverseIndex].id });
    }
  });
  return { pairCount, contradictoryPairs };
}

function checkQuality(quiz: QuizDefinition, answers: readonly AnswerValue[]): AnswerQuality {
  const isStraightLined = answers.every((value) => value === answers[0]);
  const { pairCount, contradictoryPairs } = findContradictoryPairs(quiz, answers);
  const isCareless =
    isStraightLined || contradictoryPairs.length >= 2 || contradictoryPairs.length * 3 > pairCount;
  return { isStraightLined, contradictoryPairs, isCareless };
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
  const itemScores = quiz.items.map((item, index) => scoreItem(item, answers[index]));
  const totalScore = itemScores.reduce((total, score) => total + score, 0);
  const normalized = normalizeScore(totalScore, quiz.items.length);
  const subscales = scoreSubscales(quiz, itemScores);
  return {
    normalized,
    band: findBand(quiz, normalized),
    subscales,
    weakestSubscale: findWeakestSubscale(quiz, subscales),
    quality: checkQuality(quiz, answers),
    safety: checkSafety(quiz, answers),
  };
}
