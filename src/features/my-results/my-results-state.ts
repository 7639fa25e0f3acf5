/**
 * The state of the My results page, apart from any rendering: loading saved results, deleting one or all
 * (with a confirmation step), exporting and importing. The rules live in the engine (src/features/quiz/engine/results.ts).
 */
import {
  deleteAllResults,
  deleteResult,
  loadResults,
  type StoredResult,
} from '../quiz/engine/results';
import { exportResults, importResults } from './results-file';
import type { StorageLike } from '../../kit/storage';
import type { ProblemCopy } from '../quiz/quiz-copy';
import { createStore, type Store } from '../../kit/store';

/** A message for the reader: 'status' is polite news, 'problem' something that did not work. */
export interface Message {
  kind: 'status' | 'problem';
  text: string;
}

/** Everything the page shows. */
export interface MyResultsState {
  /** False until init() ran, i.e. while the page is still the server-rendered placeholder. */
  isReady: boolean;
  /** Saved results, oldest first. */
  results: StoredResult[];
  /** Set when stored data could not (all) be read. */
  loadProblem: string | null;
  /** The answer to the last thing the reader did. */
  message: Message | null;
  /** True while "delete everything?" waits for an answer. */
  isConfirmingDeleteAll: boolean;
}

/** The page's state and what can be done to it. */
export interface MyResultsController {
  store: Store<MyResultsState>;
  init(): void;
  remove(id: string, description: string): void;
  askToDeleteAll(): void;
  cancelDeleteAll(): void;
  confirmDeleteAll(): void;
  /** Imports the text of an export file. */
  importText(text: string): void;
  /** The export file's name and JSON text. */
  createExport(): { fileName: string; text: string };
}

function countText(count: number): string {
  return count === 1 ? '1 result' : `${count} results`;
}

/** Creates the My results state, with the page's words for problems. Nothing touches storage until init(). */
export function createMyResultsState(
  environment: { storage: StorageLike | null; now?: () => Date },
  problems: ProblemCopy,
): MyResultsController {
  const { storage } = environment;
  const now = environment.now ?? (() => new Date());
  const store = createStore<MyResultsState>({
    isReady: false,
    results: [],
    loadProblem: null,
    message: null,
    isConfirmingDeleteAll: false,
  });

  function reload(message: Message | null): void {
    const loaded = loadResults(storage);
    const loadProblem =
      loaded.status !== 'ok' ? problems.load[loaded.status] : loaded.droppedCount > 0 ? problems.load.dropped : null;
    store.update({ results: loaded.results, loadProblem, message, isReady: true });
  }

  return {
    store,

    init() {
      reload(null);
    },

    remove(id, description) {
      const outcome = deleteResult(storage, id);
      reload(outcome.ok ? { kind: 'status', text: `Deleted the result from ${description}.` } : { kind: 'problem', text: problems.storage[outcome.reason] });
    },

    askToDeleteAll() {
      store.update({ isConfirmingDeleteAll: true, message: null });
    },

    cancelDeleteAll() {
      store.update({ isConfirmingDeleteAll: false, message: { kind: 'status', text: 'Nothing was deleted.' } });
    },

    confirmDeleteAll() {
      const outcome = deleteAllResults(storage);
      store.update({ isConfirmingDeleteAll: false });
      reload(
        outcome.ok
          ? { kind: 'status', text: 'All your saved results are deleted from this device.' }
          : { kind: 'problem', text: problems.storage[outcome.reason] },
      );
    },

    importText(text) {
      const outcome = importResults(storage, text);
      if (!outcome.ok) {
        const { reason } = outcome;
        const text = reason === 'invalid-file' || reason === 'newer-file' ? problems.import[reason] : problems.storage[reason];
        store.update({ message: { kind: 'problem', text } });
        return;
      }
      const parts = [`Added ${countText(outcome.addedCount)}.`];
      if (outcome.duplicateCount > 0) parts.push(`Skipped ${countText(outcome.duplicateCount)} you already had.`);
      if (outcome.droppedCount > 0) parts.push(`Left out ${countText(outcome.droppedCount)} that could not be read.`);
      reload({ kind: 'status', text: parts.join(' ') });
    },

    createExport() {
      const date = now();
      const day = date.toISOString().slice(0, 10);
      return { fileName: `letting-go-results-${day}.json`, text: exportResults(store.get().results, date) };
    },
  };
}
