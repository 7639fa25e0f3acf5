/**
 * The state of the My notes page, apart from any rendering: the notes in guide order, which one is being
 * edited, deleting one or all (each with a question that names what will go, and removing exactly that), and
 * the Markdown file. Rules live in workbook.ts and workbook-markdown.ts; another tab's changes arrive through
 * `reload()`, which the island calls on the `storage` event.
 */
import type { StorageLike } from '../../kit/storage';
import { createStore, type Store } from '../../kit/store';
import { fill } from '../../kit/fill';
import { deleteNotes, hasWords, loadNotes, type Exercise } from './workbook';
import type { WorkbookEntry } from './workbook-spec';
import { createNotesMarkdown, notesFileName, type MarkdownNote } from './workbook-markdown';
import type { MyNotesCopy } from './workbook-copy';

/** A guide section as My notes needs it. */
export interface NoteSection {
  id: string;
  title: string;
  href: string;
  exercise: Exercise;
}

/** A note with the section it belongs to (null when the guide no longer has that section). */
export interface ShownNote {
  entry: WorkbookEntry;
  section: NoteSection | null;
  /** The heading the note goes under: the section's title, or the exercise's for a section that is gone. */
  title: string;
}

/** A message for the reader: 'status' is polite news, 'problem' something that did not work. */
export interface Message {
  kind: 'status' | 'problem';
  text: string;
}

/** Everything the page shows. */
export interface MyNotesState {
  /** False until init() ran, i.e. while the page is still the server-rendered placeholder. */
  isReady: boolean;
  notes: ShownNote[];
  loadProblem: string | null;
  message: Message | null;
  /** The id of the note open in the editor, or null. */
  editing: string | null;
  /** The id of the note "delete this note?" asks about, or null. */
  confirmingDelete: string | null;
  /** While "delete all?" waits for an answer: the ids it names, those shown when it was asked. */
  confirmingDeleteIds: string[] | null;
}

/** The page's state and what can be done to it. */
export interface MyNotesController {
  store: Store<MyNotesState>;
  init(): void;
  /** Reads storage again (another tab or the editor changed it), keeping any open question to what it named. */
  reload(): void;
  edit(id: string): void;
  stopEditing(): void;
  askToDelete(id: string): void;
  cancelDelete(): void;
  confirmDelete(): void;
  askToDeleteAll(): void;
  cancelDeleteAll(): void;
  confirmDeleteAll(): void;
  /** The Markdown file of every note; `formatDate` writes a time the reader's way. */
  createMarkdown(formatDate: (iso: string) => string): { fileName: string; text: string };
  /** The exercise a note is edited against: its section's today, or the note's own steps for a section that is gone. */
  exerciseOf(note: ShownNote): Exercise;
}

/** The notes in the guide's order; notes of sections the guide no longer has come last, oldest change first. */
export function orderNotes(sections: readonly NoteSection[], entries: readonly WorkbookEntry[], copy: Pick<MyNotesCopy, 'tryThis'>): ShownNote[] {
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  const known = sections.flatMap((section): ShownNote[] => {
    const entry = byId.get(section.id);
    return entry ? [{ entry, section, title: section.title }] : [];
  });
  const ids = new Set(sections.map((section) => section.id));
  const others = entries
    .filter((entry) => !ids.has(entry.id))
    .map((entry): ShownNote => ({ entry, section: null, title: fill(copy.tryThis, { title: entry.title }) }));
  return [...known, ...others].filter((note) => hasWords(note.entry.steps));
}

/** A note's file section: its heading, a line about it, and the steps with words, as they were asked. */
export function toMarkdownNote(note: ShownNote, copy: MyNotesCopy, formatDate: (iso: string) => string): MarkdownNote {
  const about = [
    note.section ? fill(copy.markdown.tryThis, { title: note.entry.title || note.section.exercise.title }) + '.' : '',
    fill(copy.markdown.lastChanged, { date: formatDate(note.entry.updatedAt) }),
  ];
  return {
    heading: note.title,
    about: about.filter(Boolean).join(' '),
    steps: note.entry.steps
      .filter((step) => step.text.trim() !== '')
      .map((step) => ({ prompt: step.prompt || note.section?.exercise.steps[step.step] || '', text: step.text })),
  };
}

function one(count: number, singular: string, plural: string): string {
  return fill(count === 1 ? singular : plural, { count });
}

/** Creates the My notes state. Nothing touches storage until init(). */
export function createMyNotesState(
  environment: { storage: StorageLike | null; now?: () => Date },
  copy: MyNotesCopy,
  sections: readonly NoteSection[],
): MyNotesController {
  const { storage } = environment;
  const now = environment.now ?? (() => new Date());
  const store = createStore<MyNotesState>({
    isReady: false,
    notes: [],
    loadProblem: null,
    message: null,
    editing: null,
    confirmingDelete: null,
    confirmingDeleteIds: null,
  });
  const problem = (text: string): Message => ({ kind: 'problem', text });
  const status = (text: string): Message => ({ kind: 'status', text });

  function read(): Pick<MyNotesState, 'notes' | 'loadProblem'> {
    const loaded = loadNotes(storage);
    const loadProblem = loaded.status !== 'ok' ? copy.load[loaded.status] : loaded.droppedCount > 0 ? copy.load.dropped : null;
    return { notes: orderNotes(sections, loaded.entries, copy), loadProblem };
  }

  function titleOf(id: string): string {
    return store.get().notes.find((note) => note.entry.id === id)?.title ?? '';
  }

  return {
    store,

    init() {
      store.update({ ...read(), isReady: true });
    },

    reload() {
      const { confirmingDelete, confirmingDeleteIds, editing } = store.get();
      const fresh = read();
      const has = (id: string) => fresh.notes.some((note) => note.entry.id === id);
      store.update({
        ...fresh,
        // A question keeps to what the reader was asked about: a note deleted elsewhere leaves it, and one
        // written meanwhile in another tab is not added (the page says it stays).
        confirmingDelete: confirmingDelete !== null && has(confirmingDelete) ? confirmingDelete : null,
        confirmingDeleteIds: confirmingDeleteIds && confirmingDeleteIds.filter(has),
        // The editor stays open while its note is emptied, so the reader can write on.
        editing,
      });
    },

    edit(id) {
      store.update({ editing: id, confirmingDelete: null, message: null });
    },

    stopEditing() {
      store.update({ ...read(), editing: null });
    },

    askToDelete(id) {
      store.update({ confirmingDelete: id, message: null });
    },

    cancelDelete() {
      store.update({ confirmingDelete: null, message: status(copy.notDeleted) });
    },

    confirmDelete() {
      const id = store.get().confirmingDelete;
      if (id === null) return;
      const title = titleOf(id);
      const outcome = deleteNotes(storage, [id]);
      store.update({
        ...read(),
        confirmingDelete: null,
        editing: store.get().editing === id ? null : store.get().editing,
        message: outcome.ok ? status(fill(copy.deleted, { title })) : problem(copy.problems[outcome.reason]),
      });
    },

    askToDeleteAll() {
      store.update({ confirmingDeleteIds: store.get().notes.map((note) => note.entry.id), confirmingDelete: null, message: null });
    },

    cancelDeleteAll() {
      store.update({ confirmingDeleteIds: null, message: status(copy.notDeleted) });
    },

    confirmDeleteAll() {
      const ids = store.get().confirmingDeleteIds ?? [];
      const outcome = deleteNotes(storage, ids);
      store.update({
        ...read(),
        confirmingDeleteIds: null,
        editing: null,
        message: outcome.ok ? status(one(outcome.removedCount, copy.deletedAllOne, copy.deletedAllMany)) : problem(copy.problems[outcome.reason]),
      });
    },

    createMarkdown(formatDate) {
      const date = now();
      const words = { heading: copy.markdown.heading, intro: fill(copy.markdown.intro, { date: formatDate(date.toISOString()) }) };
      const notes = read().notes.map((note) => toMarkdownNote(note, copy, formatDate));
      return { fileName: notesFileName(date), text: createNotesMarkdown(notes, words) };
    },

    exerciseOf(note) {
      return note.section?.exercise ?? { id: note.entry.id, title: note.entry.title, steps: [] };
    },
  };
}
