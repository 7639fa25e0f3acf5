/**
 * The words of the "Before you text them" tool, handed to its island as data (see features/quiz/quiz-copy.ts
 * for why). Build-time only: the island imports the type. `{name}` marks a value filled in on the page
 * (kit/fill.ts). Passages with links are written in PauseTool.astro.
 */
import type { StorageFailureReason } from '../../kit/storage';
import type { PauseChoice } from './pause-data';

export const PAUSE_COPY = {
  label: 'The message you want to send',
  saving: {
    on: 'It stays in this browser and is saved as you type, so it is still here if you close the tab.',
    off:
      'Saving is off on this device (the same choice as for self-check results), so your message, your pause and ' +
      'your log stay on this page only. They will be gone when you reload or close it, or when a passphrase lock you set closes. Nothing is ever sent.',
    failing:
      "Your browser isn't letting this page save right now, so what you write stays on this page only, until you " +
      'reload or close it. Nothing is ever sent.',
    turnOn: 'Save them on this device',
    turnOnHint: 'This also saves self-check results from now on.',
    turnedOn: 'Saving is on. Your message, your pause and your log are kept in this browser now.',
  },
  start: 'Start my 20 minutes',
  empty: 'Write something first, even one line. No one else will read it.',
  running: {
    heading: 'Your 20 minutes have started',
    left: 'About {count} minutes to go',
    leftOne: 'About 1 minute to go',
    leftNone: 'Less than a minute to go',
    ends: 'It ends at {time}. You can close this page and come back: the time keeps running.',
    clockBehind: 'Your device’s clock seems to have moved back, so the 20 minutes start again from now.',
    keepWriting: 'You can keep writing while you wait. Or, for now:',
    chooseNow: 'I want to choose now',
    confirmHeading: 'Choose before the 20 minutes are up?',
    confirmText: 'That is your call, and it is okay. Your log will say you chose before the pause ended.',
    confirmYes: 'Yes, choose now',
    confirmNo: 'No, keep waiting',
  },
  /** The live region: it speaks when the pause starts and when it ends, and at no other time. */
  announce: {
    start: 'Your 20 minutes have started.',
    end: 'Your 20 minutes are up. You can choose what to do with the message now.',
  },
  choosing: {
    headingOver: 'Your 20 minutes are up',
    headingEarly: 'You chose before the pause ended',
    intro: 'Take a breath and read the message again. Whatever you choose is okay, and nothing is sent from this page.',
    feelingLegend: 'One word for how you feel now, if you like',
    feelingNone: 'Rather not say',
    delete: 'Delete the message',
    keep: 'Keep it, unsent',
    send: 'I still want to send it',
    sendHint: 'This copies the message so you can paste it yourself. Nothing is sent from here.',
  },
  /** The words offered for the feeling; the log keeps the id. */
  feelings: { sad: 'Sad', angry: 'Angry', lonely: 'Lonely', anxious: 'Anxious', numb: 'Numb', calmer: 'Calmer' } as Record<string, string>,
  copied: {
    done: 'Copied. Nothing was sent: the message is on your clipboard, and it goes nowhere unless you paste it yourself.',
    fallback:
      'This browser did not let the page copy, so the message is selected below. Press Ctrl+C (Cmd+C on a Mac), ' +
      'or on a phone press and hold it and choose Copy. Nothing was sent.',
    chosen:
      'You chose “I still want to send it”. Nothing was sent from here: copy the message when you are ready, and it ' +
      'goes only where you paste it.',
    copy: 'Copy the message',
    delete: 'Delete the message',
    keep: 'Keep it here, unsent',
  },
  deleted: 'The message is deleted. Nothing was sent.',
  kept: 'The message is kept on this device, unsent. You will find it below.',
  keptOnPage: 'The message is kept on this page, unsent. You will find it below.',
  keptList: {
    heading: 'Messages you kept, unsent',
    keptOn: 'Kept {date}',
    unfinished: 'Not finished, started {date}',
    show: 'Show the message',
    delete: 'Delete',
    deleteLabel: 'the kept message from {date}',
    deleted: 'Deleted the kept message from {date}.',
  },
  log: {
    heading: 'Your pauses',
    intro: 'Each time you use the pause, it is noted here: when, the word you picked, and what you chose. The log never holds your message.',
    empty: 'Nothing logged yet.',
    weekNone: 'Nothing logged this week yet.',
    week: 'This week: {parts}.',
    passedOne: '1 urge passed without sending',
    passedMany: '{count} urges passed without sending',
    sentOne: '1 pause ended with the message copied to send',
    sentMany: '{count} pauses ended with the message copied to send',
    weekStarts: 'Weeks start on Monday.',
    early: 'chose before the pause ended',
    choices: { delete: 'Deleted the message', keep: 'Kept it, unsent', send: 'Still wanted to send it' } satisfies Record<PauseChoice, string>,
    delete: 'Delete',
    deleteLabel: 'the pause from {date}',
    deleted: 'Deleted the pause from {date}.',
    download: 'Download the log (CSV)',
    deleteAll: 'Delete the whole log',
    confirmHeading: 'Delete the whole log?',
    confirmOne: 'This removes the 1 pause in your log from this device. It cannot be undone.',
    confirmMany: 'This removes all {count} pauses in your log from this device. It cannot be undone.',
    addedSinceOne: '1 pause logged in another tab since you asked is not part of this and stays.',
    addedSinceMany: '{count} pauses logged in another tab since you asked are not part of this and stay.',
    confirmYes: 'Yes, delete them',
    confirmYesOne: 'Yes, delete it',
    confirmNo: 'No, keep them',
    confirmNoOne: 'No, keep it',
    deletedAllOne: 'Deleted 1 pause from the log.',
    deletedAllMany: 'Deleted {count} pauses from the log.',
    notDeleted: 'Nothing was deleted.',
    csvHeader: ['Started', 'Chose at', 'Feeling', 'What you chose', 'Before the pause ended'],
    yes: 'yes',
    no: 'no',
  },
  problems: {
    storage: {
      unavailable:
        "Your browser isn't letting this page save right now, which often happens in private windows. Your words are " +
        'still here on the page; copy them somewhere safe if you want to keep them.',
      quota:
        'The space your browser gives this site is full, so this was not saved. Your words are still here on the page. ' +
        'Download a backup on My results, then delete things you no longer need.',
      'newer-data':
        'What this tool keeps was saved by a newer version of this site, so we left it as it is. Your words are still ' +
        'here on the page, and reloading should help.',
      invalid: "Something about this didn't look right, so it wasn't saved. Your words are still here on the page.",
    } satisfies Record<StorageFailureReason, string>,
    load: {
      unavailable: "Your browser isn't letting this page read what it kept, which often happens in private windows.",
      corrupt: "What this tool kept couldn't be read, so there is nothing to show from before.",
      newer: 'What this tool kept was saved by a newer version of this site, so we left it as it is. Reloading should show it.',
      dropped: "Some of what this tool kept couldn't be read, so it is left out.",
    },
  },
};

/** The tool's words. */
export type PauseCopy = typeof PAUSE_COPY;
