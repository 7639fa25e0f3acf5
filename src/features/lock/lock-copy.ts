/**
 * The lock's words. They travel inside the lock's own chunk, which a page fetches only when a lock is set
 * or the reader asks to set one, so they cost other readers nothing. `{name}` is filled in (kit/fill.ts).
 */
export const LOCK_COPY = {
  gate: {
    heading: 'Your saved things are locked',
    intro: 'Your results, notes and unfinished answers on this device are locked with a passphrase. Enter it to open them.',
    label: 'Passphrase',
    open: 'Unlock',
    opening: 'Unlocking. This takes a moment…',
    wrong: "That passphrase doesn't open it. Nothing was changed. Check for a typing slip, or capital letters, and try again.",
    damaged: "The locked data couldn't be read: it seems to have been changed or damaged. Nothing was changed. If you have a backup file, you can erase and bring it back.",
    newer: 'This lock was made by a newer version of this site. Reloading the page should help.',
    empty: 'Type your passphrase first.',
    forgotSummary: 'Forgot your passphrase?',
    forgot:
      'It cannot be recovered: not by you, and not by us, because we never see it. The only way on is to erase everything this site keeps on this device, and start fresh.',
    erase: 'Erase everything',
    eraseConfirm: 'Yes, erase everything for good',
    eraseCancel: 'No, keep it locked',
    eraseQuestion: 'This removes everything the site keeps on this device, locked or not, and it cannot be undone.',
  },
  bar: {
    open: 'Your saved things are unlocked. They lock again after 10 minutes without use.',
    lockNow: 'Lock now',
    saveFailed:
      "Your last change couldn't be stored: your browser may be out of space for this site. It is still on this page; the next change will try again. Downloading a backup on My results keeps it safe.",
  },
  settings: {
    heading: 'Lock with a passphrase',
    offIntro:
      'You can lock everything this site keeps on this device (results, notes, unfinished answers and messages) with a passphrase. Then it is kept only in encrypted form, and opening it needs the passphrase.',
    protects:
      'It protects against someone who opens this browser and looks at the site, or at what it stores. It does not protect against harmful software on the device, someone watching you type, or a screen left unlocked while it is open.',
    warning:
      'A forgotten passphrase cannot be recovered. If you lose it, the only way on is to erase everything. Choose one you will remember, such as a short sentence, and keep a backup file somewhere safe.',
    newLabel: 'New passphrase (at least {min} characters)',
    repeatLabel: 'The same passphrase again',
    understand: 'I understand that a forgotten passphrase cannot be recovered.',
    set: 'Lock it',
    setting: 'Locking. This takes a moment…',
    tooShort: 'Please use at least {min} characters.',
    mismatch: "The two passphrases don't match. Nothing was changed.",
    mustUnderstand: 'Please tick the box to say you understand that it cannot be recovered.',
    setDone: 'Locked. Everything this site keeps is now stored encrypted.',
    setFailed:
      "The lock couldn't be set, so nothing was changed. Your browser may be out of space for this site: downloading a backup, then deleting results you no longer need, makes room.",
    onIntro:
      'Everything this site keeps on this device is locked with your passphrase and stored encrypted. It locks again by itself after 10 minutes without use.',
    lockNow: 'Lock now',
    changeHeading: 'Change the passphrase',
    currentLabel: 'Current passphrase',
    change: 'Change it',
    changed: 'The passphrase is changed. Use the new one from now on.',
    removeHeading: 'Take the lock off',
    removeIntro: 'Everything is then stored as before, without encryption.',
    remove: 'Take the lock off',
    wrong: "That passphrase isn't the right one. Nothing was changed.",
    working: 'Working on it. This takes a moment…',
  },
  backup: {
    heading: 'This backup is locked',
    intro: 'It was made while the lock was on. Enter the passphrase it was locked with to bring it in.',
    label: 'The backup’s passphrase',
    open: 'Bring it in',
    wrong: "That passphrase doesn't open this backup. Nothing was changed.",
    damaged: "This backup couldn't be read: it seems to have been changed or damaged. Nothing was changed.",
  },
};

export type LockCopy = typeof LOCK_COPY;
