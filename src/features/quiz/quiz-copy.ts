/**
 * The words the islands show, kept here and handed to them as data (JSON in the page), so that the words do
 * not travel as JavaScript and every sentence for the reader sits in one place. Build-time only: islands
 * import the types, never this module. `{name}` marks a value filled in on the page (see islands/fill.ts).
 */
import type { ShareCodeFailureReason } from './engine/share-code';
import type { StorageFailureReason } from '../../kit/storage';
import type { ResultsStatus } from './engine/results';
import { REMINDER_COPY } from '../reminders/reminders-copy';

/** Sentences for every way storage and share links can fail. */
export const PROBLEM_COPY = {
  /** A write that did not happen. */
  storage: {
    unavailable:
      "Your browser isn't letting this page save anything right now, which often happens in private windows. " +
      'Nothing was changed.',
    quota:
      'The space your browser gives this site is full, so this was not saved. To be safe, download a backup on My results, then delete results you no longer need.',
    'newer-data':
      'Your saved results were stored by a newer version of this site, so we left them as they are. ' +
      'Reloading the page should help.',
    invalid: "Some details were missing or out of place, so this wasn't saved.",
  } satisfies Record<StorageFailureReason, string>,
  /** Saved results that could not (all) be read. */
  load: {
    unavailable:
      "Your browser isn't letting this page read saved results right now, which often happens in private windows.",
    corrupt:
      "Your saved results couldn't be read, so there is nothing to show. New results will start a fresh list.",
    newer:
      "Your saved results were stored by a newer version of this site. We've left them as they are; " +
      'reloading the page should show them.',
    dropped: "Some saved results couldn't be read, so they are left out.",
  } satisfies Record<Exclude<ResultsStatus, 'ok'> | 'dropped', string>,
  /** A share link that could not be shown. */
  share: {
    malformed:
      "This share link looks damaged or incomplete, so we can't show its result. You can take the quiz below.",
    checksum:
      "Part of this share link seems to have changed along the way, so we can't trust its result. " +
      'You can take the quiz below.',
    foreign:
      "This share link is for a different quiz, so we can't show its result here. You can take this quiz below.",
    outdated:
      'This share link was made for a different version of this quiz, so its answers no longer fit. ' +
      'You can take the quiz as it is now below.',
    unsupported:
      "This share link was made in a newer format than this page can read, so we can't show its result. " +
      'You can take the quiz below.',
  } satisfies Record<ShareCodeFailureReason, string>,
};

/** Sentences for every way storage, share links and imports can fail. */
export type ProblemCopy = typeof PROBLEM_COPY;

/** The quiz page's words: the form, the result and what changed since last time. */
export const QUIZ_COPY = {
  problems: PROBLEM_COPY,
  form: {
    heading: 'Your answers',
    resumed: 'Welcome back. We kept the answers you gave last time, so you can carry on where you stopped.',
    startOver: 'Start over',
    progress: '{answered} of {total} answered',
    statementCount: '{total} statements',
    missingOne: 'One statement still needs an answer',
    missingMany: '{count} statements still need an answer',
    goToFirst: 'Go to statement {number}',
    alsoMissing: 'Also:',
    statement: 'Statement',
    questionError: 'This one still needs an answer.',
    submit: 'See my result',
    staysHere: 'Your answers stay on this device.',
    /** Why unfinished answers are not being kept for later, said as soon as a save fails. */
    progressProblem: {
      quota: "Your browser is out of space for this site, so these answers won't be kept if you leave. You can still finish.",
      unavailable:
        "Your browser isn't letting this page keep answers, as often happens in private windows. You can still finish, but if you leave they're gone.",
      'newer-data': "A newer version of this site kept something here, so these answers won't be kept. Reloading may help.",
      invalid: "These answers couldn't be kept for later. You can still finish.",
    } satisfies Record<StorageFailureReason, string>,
    myResultsLink: 'Make room on My results',
    /** What another open tab of this check did to the answers here. */
    elsewhere: {
      merged: 'You gave some answers to this check in another tab, so they are filled in here too.',
    },
  },
  result: {
    working: 'Working out your result…',
    own: 'Your result:',
    shared: 'A shared result:',
    safetyHeading: 'Please look after yourself first',
    safetyLink: 'Find someone to talk to now',
    takeItYourself: 'Take it yourself',
    gaugeLabel: 'Score: {score} out of 100, in the range {min} to {max}.',
    totalMeans: 'Here a higher score means {meaning}.',
    takeAgainSlowly: 'Take it again, slowly',
    partsHeading: 'The parts of your score',
    barLabel: '{score} out of 100',
    partMeans: 'Higher means {meaning}.',
    startHeading: 'A place to start',
    start: 'The part that may need the most care right now is {title}, at {score} out of 100. Higher there means {meaning}.',
    noStart:
      'No one part stands out as hard right now, so there is no single place you need to start. The parts above show where things stand.',
    read: 'Read “{title}” in {section}',
    tryHeading: 'Things you could try',
    sectionsHeading: 'Parts of the guide that may help',
    keepHeading: 'Keep this result',
    keepLabel: 'Save this result on this device',
    saved: 'Saved on this device. See it with your others on',
    myResults: 'My results',
    notSaved: 'Not saved. Nothing from this result is kept.',
    shareHeading: 'Share this result',
    shareLabel: 'Link to this result',
    copyLink: 'Copy link',
    copied: 'Link copied.',
    copyFailed: 'Copying did not work here. The link is selected, so you can copy it yourself.',
    takeAgain: 'Take it again',
  },
  reminder: REMINDER_COPY,
  change: {
    heading: 'Since your last result, on {date}',
    otherVersion:
      'That result came from an earlier version of this check, with other statements, so here are the numbers without a verdict.',
    total: 'Your score',
    numbers: '{title}: {after} now, {before} last time.',
    same: 'No change.',
    up: 'Up {points}:',
    down: 'Down {points}:',
    small: 'about the same as last time.',
    partUp: 'more of this than last time.',
    partDown: 'less of this than last time.',
    harderUp: 'it weighs on you more than last time.',
    harderDown: 'it weighs on you less than last time.',
    healthierUp: 'you are further along than last time.',
    healthierDown: 'you are not as far along as last time.',
    seeAll: 'See all your saved results',
  },
};

/** The quiz page's words. */
export type QuizCopy = typeof QUIZ_COPY;
