/**
 * The state of one quiz page, apart from any rendering: answering, resuming, submitting, the result,
 * saving it on this device and opening shared results. Every rule lives in the engine (engine/); this
 * file only wires it together, so it can be tested with a fake storage and no DOM.
 */
import type { QuizDefinition } from './quiz-schema';
import {
  createEmptyAnswers,
  findUnanswered,
  isComplete,
  setAnswer,
  type AnswerValue,
  type Answers,
  type CompleteAnswers,
  type UnansweredItem,
} from './engine/answers';
import { scoreQuiz, type QuizScore } from './engine/score';
import {
  encodeShareCode,
  parseShareCode,
  readShareFragment,
  type ShareCodeFailureReason,
} from './engine/share-code';
import { clearProgress, loadProgress, mergeAnswers, saveProgress } from './engine/progress';
import { createStoredResult, deleteResult, findPreviousResult, loadResults, saveResult, type StoredResult } from './engine/results';
import { DEFAULT_PREFERENCES, loadPreferences, savePreferences } from '../../kit/preferences';
import type { StorageFailureReason, StorageLike } from '../../kit/storage';
import { createStore, type Store } from '../../kit/store';

/** A scored result on screen. */
export interface ShownResult {
  answers: CompleteAnswers;
  score: QuizScore;
  /** The code for a share link to this result. */
  shareCode: string;
  /** 'own' when answered on this page, 'shared' when opened from a link. */
  source: 'own' | 'shared';
  /** The record saved (or to save) for an own result; null for a shared one. */
  record: StoredResult | null;
  /** Whether `record` is currently saved on this device. */
  isSaved: boolean;
  /** Why saving or removing did not work, or null. */
  saveProblem: StorageFailureReason | null;
  /**
   * For an own result, the reader's latest earlier saved result of this quiz ("last time"), or null; the result
   * view compares the two (engine/compare.ts), so that code arrives with the view.
   */
  previous: StoredResult | null;
}

/** Everything a quiz page shows. */
export interface QuizState {
  /** False until init() ran, i.e. while the page is still the server-rendered form. */
  isReady: boolean;
  answers: Answers;
  /**
   * What was unanswered at the last submit with gaps, in quiz order; empty when there is nothing to report.
   * The error summary lists these and stays as it is until the next submit, so it is announced once.
   */
  missingAtSubmit: UnansweredItem[];
  /** Counts submits with gaps, so the view can move focus to the summary each time. */
  failedSubmits: number;
  result: ShownResult | null;
  /** Why a share link in the address could not be shown, or null. */
  shareProblem: ShareCodeFailureReason | null;
  /** Whether unfinished answers from an earlier visit were restored. */
  isResumed: boolean;
  /** When each answer was given (ISO 8601), so two tabs can merge their answers statement by statement. */
  answeredAt: ReadonlyArray<string | null>;
  /** Said once, when answers given to this quiz in another tab were just added here. */
  elsewhere: 'merged' | null;
  /** Why unfinished answers could not be kept for later (storage full, blocked), or null. */
  progressProblem: StorageFailureReason | null;
  /** The reader's choice to keep finished results on this device. */
  isSavingResults: boolean;
}

/** What the state needs from the outside world; tests pass fakes. */
export interface QuizEnvironment {
  /** The browser's storage, or null where there is none. */
  storage: StorageLike | null;
  now?: () => Date;
  /** Called after the first save that worked, to ask the browser to keep the site's data (see kit/persistence.ts). */
  onSaved?: () => void;
}

/** The quiz page's state and what can be done to it. */
export interface QuizStateController {
  store: Store<QuizState>;
  /** Reads the address fragment (a share link) or restores unfinished answers; marks the page as ready. */
  init(hash: string): void;
  /** Reacts to a new address fragment while the page is open (a pasted share link). */
  openHash(hash: string): void;
  answer(index: number, value: AnswerValue): void;
  /** Scores complete answers, or shows the error summary; returns whether a result is now shown. */
  submit(): boolean;
  /** Ticks or unticks "save this result": saves the shown result, or deletes the record just saved. */
  setSaving(isSaving: boolean): void;
  /** Clears every answer and any result, ready for a fresh go. */
  restart(): void;
  /** Leaves a shared result for the quiz itself, keeping any unfinished answers of the reader's own. */
  takeItYourself(): void;
  /** Takes in answers another tab saved (on the `storage` event), saying so when it changes anything here. */
  syncFromStorage(): void;
}

/** One empty answer time per statement. */
function createNoTimes(quiz: QuizDefinition): (string | null)[] {
  return quiz.items.map(() => null);
}

/** Creates the state of a quiz page. Nothing touches storage until init(). */
export function createQuizState(quiz: QuizDefinition, environment: QuizEnvironment): QuizStateController {
  const { storage } = environment;
  const now = environment.now ?? (() => new Date());
  const store = createStore<QuizState>({
    isReady: false,
    answers: createEmptyAnswers(quiz),
    missingAtSubmit: [],
    failedSubmits: 0,
    result: null,
    shareProblem: null,
    isResumed: false,
    answeredAt: createNoTimes(quiz),
    elsewhere: null,
    progressProblem: null,
    isSavingResults: DEFAULT_PREFERENCES.isSavingResults,
  });

  let hasSaved = false;
  /** Tells the page once that something was kept, so it can ask the browser to keep it (persist). */
  function noteSaved(outcome: { ok: boolean }): void {
    if (!outcome.ok || hasSaved) return;
    hasSaved = true;
    environment.onSaved?.();
  }

  const freshAnswers = () => ({
    answers: createEmptyAnswers(quiz),
    answeredAt: createNoTimes(quiz),
    isResumed: false,
    missingAtSubmit: [],
  });

  function restoredAnswers(): Pick<QuizState, 'answers' | 'answeredAt' | 'isResumed' | 'missingAtSubmit'> {
    const progress = loadProgress(storage, quiz);
    return progress === null
      ? freshAnswers()
      : { answers: progress.answers, answeredAt: progress.answeredAt, isResumed: true, missingAtSubmit: [] };
  }

  function showShared(answers: CompleteAnswers): ShownResult {
    return {
      answers,
      score: scoreQuiz(quiz, answers),
      shareCode: encodeShareCode(quiz, answers),
      source: 'shared',
      record: null,
      isSaved: false,
      saveProblem: null,
      previous: null,
    };
  }

  // Read before saving the new result, so "last time" is never the result just taken.
  function findLastTime(record: StoredResult): StoredResult | null {
    return findPreviousResult(loadResults(storage).results, quiz.id, record.takenAt, record.id);
  }

  // A share code in the fragment wins over unfinished answers, which stay stored for "take it yourself".
  function readHash(hash: string): Partial<QuizState> {
    const code = readShareFragment(hash);
    if (code === null) return { ...restoredAnswers(), result: null, shareProblem: null };
    const parsed = parseShareCode(quiz, code);
    if (!parsed.ok) return { ...restoredAnswers(), result: null, shareProblem: parsed.reason };
    return { ...freshAnswers(), result: showShared(parsed.answers), shareProblem: null };
  }

  return {
    store,

    init(hash) {
      const { isSavingResults } = loadPreferences(storage);
      store.update({ ...readHash(hash), isSavingResults, isReady: true });
    },

    openHash(hash) {
      if (readShareFragment(hash) === null) return;
      store.update(readHash(hash));
    },

    answer(index, value) {
      const at = now();
      const { answers, answeredAt } = store.get();
      const mine = { answers: setAnswer(answers, index, value), answeredAt: answeredAt.map((time, position) => (position === index ? at.toISOString() : time)) };
      const saved = saveProgress(storage, quiz, mine, at);
      noteSaved(saved.outcome);
      store.update({
        ...(saved.outcome.ok ? saved.merged : mine),
        progressProblem: saved.outcome.ok ? null : saved.outcome.reason,
        elsewhere: saved.fromElsewhereCount > 0 ? 'merged' : null,
      });
    },

    syncFromStorage() {
      const { answers, answeredAt, result } = store.get();
      if (result !== null) return;
      // Finished or started over there: the answers here stay, as the reader left them in this tab.
      const stored = loadProgress(storage, quiz);
      if (stored === null) return;
      const merged = mergeAnswers({ answers, answeredAt }, stored);
      const isMerged = merged.answers.some((answer, index) => answer !== answers[index]);
      if (isMerged) store.update({ ...merged, elsewhere: 'merged' });
    },

    submit() {
      const { answers, isSavingResults, failedSubmits } = store.get();
      if (!isComplete(quiz, answers)) {
        store.update({ missingAtSubmit: findUnanswered(quiz, answers), failedSubmits: failedSubmits + 1 });
        return false;
      }
      const score = scoreQuiz(quiz, answers);
      const record = createStoredResult(quiz, score, { takenAt: now() });
      const previous = findLastTime(record);
      const saved = isSavingResults ? saveResult(storage, record) : null;
      if (saved) noteSaved(saved);
      clearProgress(storage, quiz);
      store.update({
        missingAtSubmit: [],
        isResumed: false,
        elsewhere: null,
        progressProblem: null,
        shareProblem: null,
        result: {
          answers,
          score,
          shareCode: encodeShareCode(quiz, answers),
          source: 'own',
          record,
          isSaved: saved?.ok === true,
          saveProblem: saved !== null && !saved.ok ? saved.reason : null,
          previous,
        },
      });
      return true;
    },

    setSaving(isSaving) {
      savePreferences(storage, { isSavingResults: isSaving });
      const { result } = store.get();
      if (result === null || result.record === null || result.isSaved === isSaving) {
        store.update({ isSavingResults: isSaving });
        return;
      }
      const outcome = isSaving ? saveResult(storage, result.record) : deleteResult(storage, result.record.id);
      store.update({
        isSavingResults: isSaving,
        result: {
          ...result,
          isSaved: outcome.ok ? isSaving : result.isSaved,
          saveProblem: outcome.ok ? null : outcome.reason,
        },
      });
    },

    restart() {
      clearProgress(storage, quiz);
      store.update({ ...freshAnswers(), result: null, shareProblem: null, elsewhere: null });
    },

    takeItYourself() {
      store.update({ ...restoredAnswers(), result: null, shareProblem: null });
    },
  };
}
