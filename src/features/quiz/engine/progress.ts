/**
 * Unfinished answers, one entry per quiz, so a reader who leaves mid-quiz can pick up where they stopped, and
 * two tabs of the same quiz never lose each other's answers.
 *
 * Stored shape, format 2, under `letting-go:progress:<quizId>`:
 *   { "format": 2, "quizVersion": 2, "updatedAt": ISO, "answers": [3, null, 5, ...],
 *     "answeredAt": [ISO, null, ISO, ...] }
 * `answers` holds one slot per item, by position: 1-5, or null when not answered yet; `answeredAt` says when
 * each was last given.
 * Format 1 (the first builds) had no `format` or `answeredAt`; its answers count as given at its `updatedAt`.
 *
 * Lifecycle: every save re-reads the entry and merges, statement by statement, keeping the answer given last,
 * so answers from another tab are kept, never overwritten by an older set. Finishing or restarting removes the
 * entry, leaving no trace of the quiz behind; a tab still open on the old answers keeps them and may save them
 * again, which loses nothing. There are no
 * migrations across quiz versions on purpose: progress is cheap to lose and wrong answers are worse than none,
 * so an entry whose quizVersion or length no longer matches the quiz, or that doesn't parse, is removed on
 * load. Nothing here throws.
 */
import { isAnswerValue, type AnswerValue, type Answers } from './answers';
import {
  createWriteFailure,
  isPlainObject,
  isTime,
  parseJson,
  readStoredText,
  removeStoredText,
  writeStoredText,
  type StorageLike,
  type WriteOutcome,
} from '../../../kit/storage';

/** The format this code writes. */
export const PROGRESS_FORMAT = 2;

/** What progress needs to know of a quiz: its id, its version and how many statements it has. */
export interface ProgressQuiz {
  id: string;
  version: number;
  items: { readonly length: number };
}

/** Answers with when each was given (ISO 8601, or null for none). */
export interface TimedAnswers {
  answers: Answers;
  answeredAt: ReadonlyArray<string | null>;
}

/** A stored entry, read and checked. */
export interface ProgressEntry extends TimedAnswers {
  quizVersion: number;
  updatedAt: string;
}

/** Answers saved for later, with when they were last changed (ISO 8601). */
export interface SavedProgress extends TimedAnswers {
  updatedAt: string;
}

/** What a save did: the stored answers after the merge, and what the merge changed in this tab's. */
export interface ProgressSave {
  outcome: WriteOutcome;
  /** The answers as stored now: this tab's, with what another tab gave since. */
  merged: TimedAnswers;
  /** How many statements now hold an answer given in another tab. */
  fromElsewhereCount: number;
}

/** The localStorage key for one quiz's unfinished answers. */
export function getProgressKey(quizId: string): string {
  return `letting-go:progress:${quizId}`;
}

function time(value: string | null): number {
  return value === null ? Number.NEGATIVE_INFINITY : Date.parse(value);
}

/** Reads a stored entry (format 1 or 2); null when it does not fit the quiz. */
export function readProgressEntry(quiz: ProgressQuiz, value: unknown): ProgressEntry | null {
  if (!isPlainObject(value) || value.quizVersion !== quiz.version || !isTime(value.updatedAt)) return null;
  const { answers, updatedAt } = value;
  const length = quiz.items.length;
  if (!Array.isArray(answers) || answers.length !== length) return null;
  if (!answers.every((answer) => answer === null || isAnswerValue(answer))) return null;
  const isFormat2 = value.format === PROGRESS_FORMAT;
  const answeredAt = isFormat2 ? value.answeredAt : answers.map((answer) => (answer === null ? null : updatedAt));
  if (!Array.isArray(answeredAt) || answeredAt.length !== length) return null;
  if (!answeredAt.every((at, index) => (answers[index] === null ? at === null : isTime(at)))) return null;
  return { quizVersion: quiz.version, updatedAt, answers: answers as Answers, answeredAt: answeredAt as (string | null)[] };
}

function readEntry(storage: StorageLike | null, quiz: ProgressQuiz): { entry: ProgressEntry | null; isBroken: boolean } {
  const read = readStoredText(storage, getProgressKey(quiz.id));
  if (!read.ok || read.text === null) return { entry: null, isBroken: false };
  const entry = readProgressEntry(quiz, parseJson(read.text));
  return { entry, isBroken: entry === null };
}

/**
 * Merges two answer sets statement by statement: the answer given last wins; on a tie, mine. Pure, so tests
 * can throw any interleaving of writers at it.
 */
export function mergeAnswers(mine: TimedAnswers, theirs: TimedAnswers): TimedAnswers {
  const answers: (AnswerValue | null)[] = [];
  const answeredAt: (string | null)[] = [];
  mine.answers.forEach((answer, index) => {
    const candidates = [
      { answer, at: mine.answeredAt[index] ?? null },
      { answer: theirs.answers[index] ?? null, at: theirs.answeredAt[index] ?? null },
    ].filter((candidate) => candidate.answer !== null);
    const latest = candidates.reduce<{ answer: AnswerValue | null; at: string | null } | null>(
      (best, candidate) => (best === null || time(candidate.at) > time(best.at) ? candidate : best),
      null,
    );
    answers.push(latest?.answer ?? null);
    answeredAt.push(latest?.at ?? null);
  });
  return { answers, answeredAt };
}

function countAnswers(answers: Answers): number {
  return answers.filter((answer) => answer !== null).length;
}

/** Loads unfinished answers for a quiz; null when there are none or they no longer fit (then the entry is removed). */
export function loadProgress(storage: StorageLike | null, quiz: ProgressQuiz): SavedProgress | null {
  const { entry, isBroken } = readEntry(storage, quiz);
  const isEmpty = entry !== null && countAnswers(entry.answers) === 0;
  if (isBroken || isEmpty) removeStoredText(storage, getProgressKey(quiz.id));
  if (entry === null || isEmpty) return null;
  return { answers: entry.answers, answeredAt: entry.answeredAt, updatedAt: entry.updatedAt };
}

function writeEntry(storage: StorageLike | null, quiz: ProgressQuiz, entry: Omit<ProgressEntry, 'quizVersion'>): WriteOutcome {
  const { answers, answeredAt, updatedAt } = entry;
  const stored = { format: PROGRESS_FORMAT, quizVersion: quiz.version, updatedAt, answers, answeredAt };
  return writeStoredText(storage, getProgressKey(quiz.id), JSON.stringify(stored));
}

/**
 * Saves this tab's answers for later, merged with what is stored (see mergeAnswers), and returns what is
 * stored now, so the page can show answers given in another tab.
 */
export function saveProgress(
  storage: StorageLike | null,
  quiz: ProgressQuiz,
  mine: TimedAnswers,
  updatedAt: Date = new Date(),
): ProgressSave {
  const length = quiz.items.length;
  if (mine.answers.length !== length || mine.answeredAt.length !== length) {
    return { outcome: createWriteFailure('invalid'), merged: mine, fromElsewhereCount: 0 };
  }
  const { entry } = readEntry(storage, quiz);
  const merged = entry ? mergeAnswers(mine, entry) : mine;
  const fromElsewhereCount = merged.answers.filter(
    (answer, index) => answer !== null && merged.answeredAt[index] !== mine.answeredAt[index],
  ).length;
  // Nothing answered (a cleared form) is nothing to keep.
  const outcome = countAnswers(merged.answers) === 0 ? removeStoredText(storage, getProgressKey(quiz.id)) : writeEntry(storage, quiz, { ...merged, updatedAt: updatedAt.toISOString() });
  return { outcome, merged, fromElsewhereCount };
}

/** Removes a quiz's unfinished answers, once it is finished or started over. */
export function clearProgress(storage: StorageLike | null, quiz: ProgressQuiz): WriteOutcome {
  return removeStoredText(storage, getProgressKey(quiz.id));
}
