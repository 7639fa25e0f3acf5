/**
 * The words of the check-in reminder, handed to the quiz result and My results as data (see
 * features/quiz/quiz-copy.ts for why). Build-time only: the islands import the type. `{name}` marks a value
 * filled in on the page (kit/fill.ts).
 */
import type { StorageFailureReason } from '../../kit/storage';

export const REMINDER_COPY = {
  /** Above the button on a quiz result, beside "Keep this result" and "Share this result". */
  heading: 'Check in later',
  open: 'Remind me to check in',
  loading: 'Getting the reminder ready…',
  loadFailed: 'The reminder could not be loaded. Check your connection and try again.',
  legend: 'When would you like the reminder?',
  week: 'In one week: {date}',
  month: 'In one month: {date}',
  /** How the chosen day is said, after "{date}" above; the time is the same for both. */
  at: '{day}, at 7 pm',
  explain:
    'This downloads a small calendar file. Your calendar app will open the file; it adds one reminder. ' +
    'Downloading again moves the same reminder. Nothing is sent anywhere.',
  explainNotSaving:
    'This downloads a small calendar file. Your calendar app will open the file; it adds one reminder. ' +
    'Saving is off on this device, so nothing is kept here: downloading again adds a second reminder rather than moving this one.',
  before: 'You downloaded a reminder for this check before. Downloading again moves that one.',
  download: 'Download the reminder',
  downloaded: 'Downloaded. Open the file to add the reminder for {date} to your calendar.',
  moved: 'Downloaded. Open the file and your calendar moves the reminder to {date}.',
  downloadedNotSaving: 'Downloaded. Open the file to add the reminder for {date} to your calendar. Nothing was kept on this device.',
  /** The reminder was downloaded but this device could not remember it. */
  notKept: {
    unavailable:
      "Downloaded, but your browser isn't letting this page save anything right now, so downloading again may add a second reminder instead of moving this one. That often happens in private windows.",
    quota:
      'Downloaded, but the space your browser gives this site is full, so downloading again may add a second reminder instead of moving this one. Deleting results you no longer need on My results makes room.',
    'newer-data':
      'Downloaded, but your reminders here were kept by a newer version of this site, so we left them as they are. Reloading the page should help.',
    invalid: 'Downloaded, but something about the reminder was out of place, so this device did not keep it.',
  } satisfies Record<StorageFailureReason, string>,
  /** What a calendar shows: discreet, since someone else may see it. */
  calendar: {
    summary: 'Check in with yourself',
    description: 'A few quiet minutes for you. If you like, take the check again and see how things feel now:',
    alarm: 'A few quiet minutes for you',
  },
  fileName: 'check-in.ics',
};

/** The reminder's words. */
export type ReminderCopy = typeof REMINDER_COPY;
