/**
 * Unfinished answers, one entry per quiz, so a reader who leaves mid-quiz can pick up where they stopped.
 *
 * Stored shape, under `letting-go:progress:<quizId>`:
 *   { "quizVersion": 2, "updatedAt": "2025-01-31T20:15:00.000Z", "answers": [3, null, 5, ...] }
 * `answers` holds one slot per item, by position: 1-5, or null when not answered yet.
 *
 * Lifecycle: saved as the reader answers, cleared when the quiz is finished or restarted; saving a set with
 * no answers removes the entry. There are no migrations on purpose: progress is cheap to lose and wrong
 * answers are worse than none, so an entry whose quizVersion or length no longer matches the quiz, or that
 * doesn't parse, is removed on load and the quiz starts fresh. Nothing here throws.
 */
import type { QuizDefinition } from '../quiz-schema';
import { countAnswered, parseAnswers, type Answers } from './answers';
import {
  createWriteFailure,
  isPlainObject,
  parseJson,
  readStoredText,
  removeStoredText,
  writeStoredText,
  type StorageLike,
  type WriteOutcome,
} from '../../../kit/storage';

/** Answers saved for later, with when they were last changed (ISO 8601). */
export interface SavedProgress {
  answers: Answers;
  updatedAt: string;
}

/** The localStorage key for one quiz's unfinished answers. */
export function getProgressKey(quizId: string): string {
  return `letting-go:progress:${quizId}`;
}

function readProgress(quiz: QuizDefinition, text: string): SavedProgress | null {
  const value = parseJson(text);
  if (!isPlainObject(value) || value.quizVersion !== quiz.version) return null;
  const { updatedAt } = value;
  if (typeof updatedAt !== 'string' || !Number.isFinite(Date.parse(updatedAt))) return null;
  const answers = parseAnswers(value.answers, quiz.items.length);
  if (answers === null || countAnswered(answers) === 0) return null;
  return { answers, updatedAt };
}

/** Loads unfinished answers for a quiz; null when there are none or they no longer fit (then they are removed). */
export function loadProgress(storage: StorageLike | null, quiz: QuizDefinition): SavedProgress | null {
  const read = readStoredText(storage, getProgressKey(quiz.id));
  if (!read.ok || read.text === null) return null;
  const progress = readProgress(quiz, read.text);
  if (progress === null) removeStoredText(storage, getProgressKey(quiz.id));
  return progress;
}

/** Saves unfinished answers for a quiz; an answer set with nothing answered clears the entry instead. */
export function saveProgress(
  storage: StorageLike | null,
  quiz: QuizDefinition,
  answers: Answers,
  updatedAt: Date = new Date(),
): WriteOutcome {
  const valid = parseAnswers(answers, quiz.items.length);
  if (valid === null) return createWriteFailure('invalid');
  if (countAnswered(valid) === 0) return clearProgress(storage, quiz);
  const entry = { quizVersion: quiz.version, updatedAt: updatedAt.toISOString(), answers: valid };
  return writeStoredText(storage, getProgressKey(quiz.id), JSON.stringify(entry));
}

/** Removes a quiz's unfinished answers. */
export function clearProgress(storage: StorageLike | null, quiz: QuizDefinition): WriteOutcome {
  return removeStoredText(storage, getProgressKey(quiz.id));
}
