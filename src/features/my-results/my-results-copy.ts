/**
 * The words of the My results page's island, handed to it as data (see features/quiz/quiz-copy.ts for why).
 * Build-time only: the island imports the type. `{name}` marks a value filled in on the page (kit/fill.ts).
 */
import { PROBLEM_COPY } from '../quiz/quiz-copy';
import { REMINDER_COPY } from '../reminders/reminders-copy';
import type { RestoreFailureReason } from '../device-data/backup';
import type { StorageFailureReason } from '../../kit/storage';

export const MY_RESULTS_COPY = {
  problems: PROBLEM_COPY,
  reminder: REMINDER_COPY,
  /** A file that could not be restored. */
  restore: {
    'invalid-file':
      "This file doesn't look like a backup from this guide, so nothing was brought in. Everything on this device is unchanged.",
    'newer-file':
      "This file was made by a newer version of this site, so we can't read it yet. Everything on this device is unchanged.",
    'too-large':
      'This file is {size}, and a backup from this guide is far smaller: files over {limit} are not read. Nothing was changed.',
    'locked-file': 'This backup is locked with a passphrase. Enter it below to bring the backup in.',
    ...PROBLEM_COPY.storage,
  } satisfies Record<RestoreFailureReason, string>,
  /** The report after a file was brought in: each part said only when it applies. */
  report: {
    addedOne: 'Added 1 result.',
    addedMany: 'Added {count} results.',
    addedNone: 'No new results in this file.',
    identicalOne: 'Skipped 1 you already had.',
    identicalMany: 'Skipped {count} you already had.',
    conflictingOne: '1 result in the file matches one already here but its details differ; we kept the one on this device.',
    conflictingMany:
      '{count} results in the file match ones already here but their details differ; we kept the ones on this device.',
    unreadableOne: '1 entry of the file could not be read and was left out.',
    unreadableMany: '{count} entries of the file could not be read and were left out.',
    repeatedOne: '1 result was in the file twice; it was added once.',
    repeatedMany: '{count} results were in the file twice; each was added once.',
    progressOne: 'Brought back unfinished answers for 1 check.',
    progressMany: 'Brought back unfinished answers for {count} checks.',
    collectionAdded: 'Added {what}.',
    collectionUpdated: 'Took the newer copy in the file for {what}.',
    collectionNewer: 'Part of the file comes from a newer version of this site, so it was left out.',
    settings: 'Brought back your settings.',
    nothingRemoved: 'Nothing on this device was removed.',
  },
  toolsFailed: 'This part of the page could not be loaded, so nothing was changed. Check your connection and try again.',
  deleted: 'Deleted the result from {when}.',
  deletedAllOne: 'Deleted your 1 saved result from this device.',
  deletedAllMany: 'Deleted your {count} saved results from this device.',
  notDeleted: 'Nothing was deleted.',
  /** In the "delete all?" question, when results were saved in another tab after it was asked. */
  savedSinceOne: '1 result saved in another tab since you asked is not part of this and stays.',
  savedSinceMany: '{count} results saved in another tab since you asked are not part of this and stay.',
  /** How long the browser will keep things, and a gentle reminder to back up. */
  keeping: {
    lockedBackup: 'While the passphrase lock is on, a backup is locked with the same passphrase.',
    persisted: 'Your browser has agreed to keep what this site saves until you delete it.',
    notPersisted:
      'Your browser may clear what this site saves, for example when space runs low, or in Safari after seven days without a visit. A backup file keeps your results safe.',
    reminderOne: 'Your result from {date} is not in a backup yet. Browsers can clear saved data, so a backup file keeps it safe.',
    reminderMany:
      '{count} of your results, the oldest from {date}, are not in a backup yet. Browsers can clear saved data, so a backup file keeps them safe.',
  },
  erase: {
    nothing: 'This site keeps nothing on this device right now.',
    resultsOne: '1 saved result',
    resultsMany: '{count} saved results',
    resultsNewer: 'saved results from a newer version of this site',
    newerPart: '{what} from a newer version of this site',
    progressOne: 'unfinished answers for 1 check',
    progressMany: 'unfinished answers for {count} checks',
    preferences: 'your settings',
    theme: 'your theme choice',
    lock: 'your passphrase lock',
    offline: 'the copy of the site kept for offline use',
    erasedPrefix: 'Erased from this device:',
    erasedNothing: 'There was nothing to erase.',
    failed: 'Some of it could not be removed: {reason}',
  },
};

/** The My results page's words. */
export type MyResultsCopy = typeof MY_RESULTS_COPY;

/** A storage failure's sentence. */
export type StorageProblems = Record<StorageFailureReason, string>;
