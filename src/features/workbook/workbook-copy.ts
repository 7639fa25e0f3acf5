/**
 * The words of the workbook: the writer in a section's "Try this" box and the My notes page. Handed to the
 * islands as data (see features/quiz/quiz-copy.ts for why); build-time only, the islands import the types.
 * `{name}` marks a value filled in on the page (kit/fill.ts). The words of the button that opens the writer
 * are in WorkbookBar.astro, as page HTML.
 */
import type { StorageFailureReason } from '../../kit/storage';
import type { LoadedCollection } from '../../kit/collection';

/** What the writer says. */
export const WRITER_COPY = {
  /** Above the boxes, while notes are kept. */
  keeping: 'This is just for you. It stays on this device, kept as you write.',
  /** The reader turned saving off (on a quiz result), and this note is not kept yet. */
  askHeading: 'You chose not to keep things on this device',
  ask: 'When you finished a self-check, you chose not to keep results here, so we will not keep this note either unless you say so.',
  keepThis: 'Keep this note on this device',
  writeOnly: 'Write without keeping it',
  notKept: 'Not kept: what you write here is gone when you leave or reload this page, or when a passphrase lock you set closes.',
  keepAfterAll: 'Keep this note after all',
  /** Said once, after the reader chose to keep it. */
  nowKept: 'This note is kept on this device now. Your choice not to keep results still holds for everything else.',
  /** A note already kept while saving is off: changes to it are kept too. */
  keptAnyway: 'You chose to keep this note, so changes to it are kept on this device too. You can delete it on My notes.',
  stepLabel: 'Step {number}',
  askedAs: 'When you wrote this, the step read: “{prompt}”',
  formerStep: 'This step is no longer part of the exercise. Your words are still here.',
  /** Said once, after the first write that worked; it then stays as it is while the reader writes on. */
  saved: 'Saved on this device.',
  /** Said once, when a write works again after one that did not. */
  savedAgain: 'Saved on this device again. Everything on screen is kept now.',
  /** Said once when something changed in another tab. */
  joined: 'You also wrote in step {number} in another tab, so both versions are in the box now, this one first. Nothing was lost.',
  updated: 'Your note changed in another tab, so it is up to date here too.',
  gone: 'This note was deleted in another tab. Anything you write now starts a new one.',
  done: 'Done writing',
  allNotes: 'See all my notes',
  /** When a write did not happen. The words stay in the boxes. */
  problems: {
    quota:
      'Your browser is out of space for this site, so your latest words are not kept yet. They are still here on screen: ' +
      'copy them somewhere safe, or make room, and they will be kept as you carry on.',
    unavailable:
      "Your browser isn't letting this page keep anything right now, as often happens in private windows. " +
      'Your words are still here on screen, but they will be gone when you leave, so copy them somewhere safe.',
    'newer-data':
      'A newer version of this site kept your notes, so we left them as they are and your latest words are not kept. ' +
      'They are still here on screen. Reloading the page should help.',
    invalid: "Something in this note was out of place, so it wasn't kept. Your words are still here on screen.",
  } satisfies Record<StorageFailureReason, string>,
  makeRoom: 'Make room on My results',
  /** A note that could not be read. */
  load: {
    unavailable: "Your browser isn't letting this page read what it kept, which often happens in private windows.",
    corrupt: "Your kept notes couldn't be read. What you write now starts fresh.",
    newer: 'Your notes were kept by a newer version of this site, so they are left as they are. Reloading the page should help.',
  } satisfies Record<Exclude<LoadedCollection<unknown>['status'], 'ok'>, string>,
};

/** What the My notes page says. */
export const MY_NOTES_COPY = {
  writer: WRITER_COPY,
  lastChanged: 'Last changed {date}',
  tryThis: 'Try this: {title}',
  formerSection: 'A part of the guide that has changed since',
  noAnswer: 'Nothing written for this step yet.',
  edit: 'Edit',
  editNamed: 'Edit your note for “{title}”',
  delete: 'Delete',
  deleteNamed: 'Delete your note for “{title}”',
  openSection: 'Read the section',
  confirmOne: 'Delete your note for “{title}”?',
  confirmOneBody: 'This removes it from this device. It cannot be undone unless you have downloaded your notes.',
  yesDeleteOne: 'Yes, delete this note',
  noKeepOne: 'No, keep it',
  deleted: 'Deleted your note for “{title}”.',
  notDeleted: 'Nothing was deleted.',
  confirmAllOne: 'Delete your one note?',
  confirmAllMany: 'Delete all {count} of your notes?',
  confirmAllBody: 'This removes them from this device. It cannot be undone unless you have downloaded your notes.',
  writtenSinceOne: '1 note written in another tab since you asked is not part of this and stays.',
  writtenSinceMany: '{count} notes written in another tab since you asked are not part of this and stay.',
  yesDeleteAll: 'Yes, delete them all',
  noKeepAll: 'No, keep them',
  deletedAllOne: 'Deleted your 1 note from this device.',
  deletedAllMany: 'Deleted your {count} notes from this device.',
  deleteAll: 'Delete all my notes',
  print: 'Print my notes',
  download: 'Download my notes',
  downloadHint: 'A Markdown file: plain text with headings, which any notes app or text editor can open.',
  /** The downloaded file. */
  markdown: {
    heading: 'My notes from Letting Go',
    intro: 'Written in the “Try this” boxes of the guide. Downloaded {date}.',
    lastChanged: 'Last changed {date}.',
    tryThis: 'Try this: {title}',
  },
  problems: WRITER_COPY.problems,
  load: {
    ...WRITER_COPY.load,
    dropped: "Some notes couldn't be read, so they are left out.",
  },
};

/** The writer's words. */
export type WriterCopy = typeof WRITER_COPY;

/** The My notes page's words. */
export type MyNotesCopy = typeof MY_NOTES_COPY;
