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
import { clearProgress, loadProgress, saveProgress } from './engine/progress';
import { createStoredResult, deleteResult, loadResults, saveResult, type StoredResult } from './engine/results';
import { compareResults, findPreviousResult, type ResultComparison } from './engine/compare';
import { DEFAULT_PREFERENCES, loadPreferences, savePreferences } from './engine/preferences';
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
  /** How an own result compares with the reader's latest earlier saved result of this quiz; null when none. */
  comparison: ResultComparison | null;
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
  /** The reader's choice to keep finished results on this device. */
  isSavingResults: boolean;
}

/** What the state needs from the outside world; tests pass fakes. */
export interface QuizEnvironment {
  /** The browser's storage, or null where there is none. */
  storage: StorageLike | null;
  now?: () => Date;
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
    isSavingResults: DEFAULT_PREFERENCES.isSavingResults,
  });

  const freshAnswers = () => ({ answers: createEmptyAnswers(quiz), isResumed: false, missingAtSubmit: [] });

  function restoredAnswers(): Pick<QuizState, 'answers' | 'isResumed' | 'missingAtSubmit'> {
    const progress = loadProgress(storage, quiz);
    return progress === null ? freshAnswers() : { answers: progress.answers, isResumed: true, missingAtSubmit: [] };
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
      comparison: null,
    };
  }

  // Read before saving the new result, so "last time" is never the result just taken.
  function compareWithSaved(record: StoredResult, score: QuizScore): ResultComparison | null {
    const saved = loadResults(storage);
    const previous = findPreviousResult(saved.results, quiz.id, record.takenAt, record.id);
    if (previous === null) return null;
    return compareResults(previous, { quizVersion: quiz.version, ...score }, quiz.polarity);
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
      const answers = setAnswer(store.get().answers, index, value);
      saveProgress(storage, quiz, answers, now());
      store.update({ answers });
    },

    submit() {
      const { answers, isSavingResults, failedSubmits } = store.get();
      if (!isComplete(quiz, answers)) {
        store.update({ missingAtSubmit: findUnanswered(quiz, answers), failedSubmits: failedSubmits + 1 });
        return false;
      }
      const score = scoreQuiz(quiz, answers);
      const record = createStoredResult(quiz, score, { takenAt: now() });
      const comparison = compareWithSaved(record, score);
      const saved = isSavingResults ? saveResult(storage, record) : null;
      clearProgress(storage, quiz);
      store.update({
        missingAtSubmit: [],
        isResumed: false,
        shareProblem: null,
        result: {
          answers,
          score,
          shareCode: encodeShareCode(quiz, answers),
          source: 'own',
          record,
          isSaved: saved?.ok === true,
          saveProblem: saved !== null && !saved.ok ? saved.reason : null,
          comparison,
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
      store.update({ ...freshAnswers(), result: null, shareProblem: null });
    },

    takeItYourself() {
      store.update({ ...restoredAnswers(), result: null, shareProblem: null });
    },
  };
}
