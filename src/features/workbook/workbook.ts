/**
 * The workbook: what a reader writes in a section's "Try this" box, one note per section, kept on this device
 * as the collection `letting-go:workbook` (kit/collection.ts).
 *
 * Entry shape, format 1 (one per section; the id is the section's slug):
 *   { "id": "turning-rage-into-fuel", "updatedAt": ISO 8601,          the last change to any step
 *     "title": "Give your anger a job",                                the exercise's title when last written
 *     "steps": [ { "step": 0,                                          the step's place in the exercise, from 0
 *                  "prompt": "Write down the one thing…",              the step's words when this answer was written
 *                  "text": "…",                                        the reader's words, as typed ("" when cleared)
 *                  "updatedAt": ISO 8601 } ] }                         when this step last changed
 * Steps are kept by their place, with the words of the step as they read when the reader wrote. If a section's
 * steps change later, the note still shows what was asked (My notes shows the kept words; the section's writer
 * shows today's step with "when you wrote this, it read: …"), and an answer to a step that no longer exists
 * stays, under its old words. A later format adds a case to `readEntry`, which moves older entries forward.
 *
 * Lifecycle:
 * - Written as the reader types (the writer saves a moment after typing stops, when a box loses focus and
 *   when the page is hidden or left), only when the reader keeps notes: saving follows the quizzes' choice
 *   (kit/preferences.ts `isSavingResults`); when that is off, a note is kept only if the reader says so for it.
 * - Every write reads the stored note first and merges step by step (`reconcile`): a step this tab changed
 *   replaces the stored one, but if another tab wrote different words in that step since this tab last saw
 *   it, both are kept, this tab's first, and the page says so. Steps this tab did not change take the stored
 *   words. So two tabs typing in one note never lose a word, even in the same step.
 * - A note whose every step is empty is removed, leaving no entry behind. The reader deletes notes on
 *   My notes, one or all, or with "Erase everything"; a backup carries them (device-data/collections.ts).
 * Nothing here throws.
 */
import { deleteEntries, loadCollection, putEntry, type LoadedCollection } from '../../kit/collection';
import type { StorageLike, WriteOutcome } from '../../kit/storage';
import { WORKBOOK_SPEC, type StepAnswer, type WorkbookEntry } from './workbook-spec';

/** A "Try this" exercise as the pages hand it to the writer: the section's slug, its title and its steps. */
export interface Exercise {
  id: string;
  title: string;
  steps: readonly string[];
}

/** Whether any step of a note holds words. */
export function hasWords(steps: ReadonlyArray<{ text: string }>): boolean {
  return steps.some((step) => step.text.trim() !== '');
}

/** Loads every note, oldest change first. */
export function loadNotes(storage: StorageLike | null): LoadedCollection<WorkbookEntry> {
  return loadCollection(storage, WORKBOOK_SPEC);
}

/** One box of the writer: a step, the words in it, and what this tab knows about the stored copy. */
export interface DraftRow {
  step: number;
  /** The step's words today, or, for a step the exercise no longer has, as they read when answered. */
  prompt: string;
  /** The step's words when the stored answer was written, when they differ from today's; else null. */
  askedAs: string | null;
  /** Whether the exercise still has this step. */
  isCurrent: boolean;
  text: string;
  /** The `updatedAt` of the stored answer these words come from or were last checked against; null if none. */
  seenAt: string | null;
  /** When this tab last changed the words and has not stored them yet; null when nothing is waiting. */
  changedAt: string | null;
}

function rowFor(exercise: Exercise, step: number, stored: StepAnswer | undefined): DraftRow {
  const isCurrent = step < exercise.steps.length;
  const prompt = isCurrent ? exercise.steps[step]! : (stored?.prompt ?? '');
  const askedAs = isCurrent && stored && stored.prompt !== '' && stored.prompt !== prompt && stored.text.trim() !== '' ? stored.prompt : null;
  return { step, prompt, askedAs, isCurrent, text: stored?.text ?? '', seenAt: stored?.updatedAt ?? null, changedAt: null };
}

/** The writer's boxes for a note: one per step of the exercise, then any kept answer to a step it no longer has. */
export function createRows(exercise: Exercise, entry: WorkbookEntry | null): DraftRow[] {
  const stored = new Map((entry?.steps ?? []).map((answer) => [answer.step, answer]));
  const rows = exercise.steps.map((_, step) => rowFor(exercise, step, stored.get(step)));
  for (const answer of stored.values()) {
    if (answer.step >= exercise.steps.length && answer.text.trim() !== '') rows.push(rowFor(exercise, answer.step, answer));
  }
  return rows;
}

/** What reconciling a tab's boxes with the stored note found. */
export interface Reconciled {
  rows: DraftRow[];
  /** Steps where words another tab stored were added to this tab's unsaved words. */
  joinedSteps: number[];
  /** Steps whose words here were replaced by newer words stored from another tab. */
  updatedSteps: number[];
  /** The note was stored before, nothing waits here, and it is gone now (deleted in another tab). */
  isGone: boolean;
}

/** Puts two texts for one step together, this tab's first, with a blank line between. */
function join(mine: string, theirs: string): string {
  return mine.trim() === '' ? theirs : `${mine.replace(/\s+$/, '')}\n\n${theirs}`;
}

/**
 * Brings a tab's boxes in line with the stored note, step by step. A box with nothing waiting takes the stored
 * words. A box with unsaved words keeps them; if another tab stored other words in that step since this tab
 * last saw it, those are added after this tab's, so neither is lost.
 */
export function reconcile(exercise: Exercise, rows: readonly DraftRow[], entry: WorkbookEntry | null): Reconciled {
  const stored = new Map((entry?.steps ?? []).map((answer) => [answer.step, answer]));
  const joinedSteps: number[] = [];
  const updatedSteps: number[] = [];
  const mine = new Map(rows.map((row) => [row.step, row]));
  const steps = [...new Set([...rows.map((row) => row.step), ...stored.keys()])].sort((first, second) => first - second);
  const next: DraftRow[] = [];
  for (const step of steps) {
    const row = mine.get(step);
    const answer = stored.get(step);
    if (!row) {
      if (step < exercise.steps.length || answer!.text.trim() !== '') next.push(rowFor(exercise, step, answer));
      continue;
    }
    if (row.changedAt === null) {
      const fresh = rowFor(exercise, step, answer);
      if (fresh.text !== row.text) updatedSteps.push(step);
      next.push(fresh);
      continue;
    }
    const isUnseen = answer !== undefined && answer.updatedAt !== row.seenAt;
    const isDifferent = answer !== undefined && answer.text.trim() !== '' && !row.text.includes(answer.text);
    if (isUnseen && isDifferent) joinedSteps.push(step);
    next.push({
      ...row,
      text: isUnseen && isDifferent ? join(row.text, answer.text) : row.text,
      seenAt: answer?.updatedAt ?? row.seenAt,
    });
  }
  const wasStored = rows.some((row) => row.seenAt !== null);
  const isWaiting = rows.some((row) => row.changedAt !== null);
  return { rows: next, joinedSteps, updatedSteps, isGone: entry === null && wasStored && !isWaiting };
}

/** What loading one note found. */
export interface LoadedNote {
  status: LoadedCollection<WorkbookEntry>['status'];
  entry: WorkbookEntry | null;
}

/** Loads the note of one section. */
export function loadNote(storage: StorageLike | null, id: string): LoadedNote {
  const loaded = loadNotes(storage);
  return { status: loaded.status, entry: loaded.entries.find((entry) => entry.id === id) ?? null };
}

/** What a save did: the outcome, and the boxes as they are after it. */
export interface NoteSave extends Reconciled {
  outcome: WriteOutcome;
  /** Whether the note is stored now (false when it was emptied and removed, or could not be written). */
  isStored: boolean;
}

/**
 * Stores a tab's boxes: reads the stored note, reconciles (see above), then writes the note, or removes it when
 * every step is empty. Boxes keep their words whatever happens; when the write fails they stay waiting.
 */
export function saveNote(storage: StorageLike | null, exercise: Exercise, rows: readonly DraftRow[], now: Date = new Date()): NoteSave {
  const loaded = loadNote(storage, exercise.id);
  const reconciled = reconcile(exercise, rows, loaded.entry);
  const waiting = reconciled.rows.filter((row) => row.changedAt !== null);
  if (waiting.length === 0) return { ...reconciled, outcome: { ok: true }, isStored: loaded.entry !== null };
  const at = now.toISOString();
  const stored = new Map((loaded.entry?.steps ?? []).map((answer) => [answer.step, answer]));
  const steps = reconciled.rows.flatMap((row): StepAnswer[] => {
    if (row.changedAt !== null) return [{ step: row.step, prompt: row.prompt, text: row.text, updatedAt: at }];
    const answer = stored.get(row.step);
    return answer ? [answer] : [];
  });
  const isEmpty = !hasWords(steps);
  const outcome: WriteOutcome = isEmpty
    ? deleteEntries(storage, WORKBOOK_SPEC, [exercise.id])
    : putEntry(storage, WORKBOOK_SPEC, { id: exercise.id, updatedAt: at, title: exercise.title, steps });
  if (!outcome.ok) return { ...reconciled, outcome: { ok: false, reason: outcome.reason }, isStored: loaded.entry !== null };
  const written = reconciled.rows.map((row): DraftRow => {
    if (row.changedAt === null) return row;
    return isEmpty ? { ...row, askedAs: null, seenAt: null, changedAt: null } : { ...row, askedAs: null, seenAt: at, changedAt: null };
  });
  // Once the note is removed, nothing of it is stored: no box refers to a stored answer any more.
  const rowsAfter = isEmpty ? written.map((row) => ({ ...row, seenAt: null })) : written;
  return { ...reconciled, rows: rowsAfter, outcome: { ok: true }, isStored: !isEmpty };
}

/** Deletes the notes of these sections and no others. */
export function deleteNotes(storage: StorageLike | null, ids: readonly string[]) {
  return deleteEntries(storage, WORKBOOK_SPEC, ids);
}
