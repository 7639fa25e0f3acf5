/**
 * The state of one note being written, apart from any rendering: the boxes and their words, whether they are
 * kept (following the quizzes' saving choice), saving, and taking in what another tab stored. The writer in a
 * section's "Try this" box and the editor on My notes both use it. The rules live in workbook.ts; timing
 * (saving a moment after typing stops, on blur, when the page is hidden) is the view's, which calls `save()`.
 */
import { loadPreferences } from '../../kit/preferences';
import type { StorageFailureReason, StorageLike } from '../../kit/storage';
import { createStore, type Store } from '../../kit/store';
import { createRows, loadNote, reconcile, saveNote, type DraftRow, type Exercise, type LoadedNote } from './workbook';

/**
 * Whether this note is kept: 'keep' saves as the reader writes; 'ask' waits for the reader's word because
 * they chose not to keep results; 'no' is writing without keeping.
 */
export type Keeping = 'keep' | 'ask' | 'no';

/** Something that happened, said once. */
export type DraftNews =
  | { kind: 'saved' }
  | { kind: 'saved-again' }
  | { kind: 'joined'; step: number }
  | { kind: 'updated' }
  | { kind: 'gone' }
  | { kind: 'now-kept' };

/** Everything the writer shows. */
export interface DraftState {
  rows: DraftRow[];
  keeping: Keeping;
  /** The note is kept although the reader chose not to keep results (they said so for it, earlier or now). */
  isKeptByChoice: boolean;
  /** Why the last write did not happen; cleared by the next one that works. */
  problem: StorageFailureReason | null;
  /** Why the stored note could not be read, or null. */
  loadProblem: Exclude<LoadedNote['status'], 'ok'> | null;
  news: DraftNews | null;
  /** Whether the note is stored on this device now. */
  isStored: boolean;
}

/** The state of a note and what can be done to it. */
export interface NoteDraft {
  store: Store<DraftState>;
  /** The words of one box changed (not stored yet: call save()). */
  edit(step: number, text: string): void;
  /** Stores what waits, when the note is kept; does nothing when nothing waits. */
  save(): void;
  /** The reader chose to keep this note although saving is off. */
  keep(): void;
  /** The reader chose to write without keeping. */
  writeOnly(): void;
  /** Another tab changed the stored notes. */
  sync(): void;
  /** Whether words wait to be stored. */
  isWaiting(): boolean;
}

/** What the draft needs from outside; tests pass fakes. */
export interface DraftEnvironment {
  storage: StorageLike | null;
  now?: () => Date;
  /** Called after the first write that worked, to ask the browser to keep the site's data (kit/persistence.ts). */
  onSaved?: () => void;
}

/**
 * What a write that worked says. "Saved on this device" is said once, after the first write, and then stays as
 * it is, so a screen reader does not repeat it at every pause in typing; after a write that failed, the next
 * one that works says so. Other news stays until something new happens.
 */
function savedNews(state: DraftState): DraftNews {
  if (state.problem !== null) return { kind: 'saved-again' };
  return state.news ?? { kind: 'saved' };
}

/** After a write that failed, "saved" would no longer be true: it goes, and the problem is said instead. */
function unsavedNews(state: DraftState): DraftNews | null {
  return state.news?.kind === 'saved' || state.news?.kind === 'saved-again' ? null : state.news;
}

/** Opens the note of an exercise: reads it and the saving choice. */
export function createNoteDraft(environment: DraftEnvironment, exercise: Exercise): NoteDraft {
  const { storage } = environment;
  const now = environment.now ?? (() => new Date());
  const loaded = loadNote(storage, exercise.id);
  const isSaving = loadPreferences(storage).isSavingResults;
  const isStored = loaded.entry !== null;
  const store = createStore<DraftState>({
    rows: createRows(exercise, loaded.entry),
    // A note already kept stays kept: the reader kept it, whatever they chose for results since.
    keeping: isSaving || isStored ? 'keep' : 'ask',
    isKeptByChoice: !isSaving && isStored,
    problem: null,
    loadProblem: loaded.status === 'ok' ? null : loaded.status,
    news: null,
    isStored,
  });
  let hasSaved = false;

  function save(): void {
    const state = store.get();
    if (state.keeping !== 'keep' || !state.rows.some((row) => row.changedAt !== null)) return;
    const saved = saveNote(storage, exercise, state.rows, now());
    if (saved.outcome.ok && !hasSaved) {
      hasSaved = true;
      environment.onSaved?.();
    }
    const joined = saved.joinedSteps[0];
    store.update({
      rows: saved.rows,
      problem: saved.outcome.ok ? null : saved.outcome.reason,
      isStored: saved.isStored,
      news: joined !== undefined ? { kind: 'joined', step: joined } : saved.outcome.ok ? savedNews(state) : unsavedNews(state),
    });
  }

  return {
    store,

    edit(step, text) {
      const at = now().toISOString();
      store.update({ rows: store.get().rows.map((row) => (row.step === step ? { ...row, text, changedAt: at } : row)) });
    },

    save,

    keep() {
      store.update({ keeping: 'keep', isKeptByChoice: !isSaving, news: { kind: 'now-kept' } });
      // What was written before the choice is stored now.
      save();
    },

    writeOnly() {
      store.update({ keeping: 'no', news: null });
    },

    sync() {
      const state = store.get();
      // Words that are not kept do not mix with stored ones.
      if (state.keeping !== 'keep') return;
      const { entry } = loadNote(storage, exercise.id);
      const reconciled = reconcile(exercise, state.rows, entry);
      const joined = reconciled.joinedSteps[0];
      const news: DraftNews | null =
        joined !== undefined
          ? { kind: 'joined', step: joined }
          : reconciled.isGone
            ? { kind: 'gone' }
            : reconciled.updatedSteps.length > 0
              ? { kind: 'updated' }
              : state.news;
      store.update({ rows: reconciled.rows, news, isStored: entry !== null });
      // Words joined from another tab are stored at once, so both tabs show them.
      if (joined !== undefined) save();
    },

    isWaiting() {
      return store.get().rows.some((row) => row.changedAt !== null);
    },
  };
}
