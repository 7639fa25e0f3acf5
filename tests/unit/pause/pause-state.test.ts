import { describe, expect, it } from 'vitest';
import { collectionKey, loadCollection } from '../../../src/kit/collection';
import { PREFERENCES_STORAGE_KEY } from '../../../src/kit/preferences';
import { PAUSE_DRAFTS, PAUSE_LOG, type PauseLogEntry } from '../../../src/features/pause/pause-data';
import { PAUSE_MS } from '../../../src/features/pause/pause-clock';
import { createPauseState, describeWeek, findCurrent, phaseOf, statusOf, type PauseController } from '../../../src/features/pause/pause-state';
import { logFileName, logToCsv } from '../../../src/features/pause/pause-export';
import { PAUSE_COPY } from '../../../src/features/pause/pause-copy';
import { createMemoryStorage, type MemoryStorage } from '../kit/memory-storage';

const MINUTE = 60_000;
const START = Date.UTC(2026, 4, 6, 21, 40);

/** A fake clock the tests move by hand. */
function clock(time = START) {
  const state = { time };
  return { now: () => state.time, move: (ms: number) => void (state.time += ms), set: (ms: number) => void (state.time = ms) };
}

function open(storage: MemoryStorage | null, time: ReturnType<typeof clock>): PauseController {
  const controller = createPauseState({ storage, now: time.now }, PAUSE_COPY);
  controller.init();
  return controller;
}

function phase(controller: PauseController): string {
  const { drafts, currentId, now } = controller.store.get();
  return phaseOf(drafts.find(({ id }) => id === currentId) ?? null, now);
}

function write(controller: PauseController, text: string): void {
  controller.setText(text);
  controller.flush();
}

/** Opens the tool, writes `text` and starts the pause. */
function started(storage: MemoryStorage | null, time: ReturnType<typeof clock>, text = 'text'): PauseController {
  const tab = open(storage, time);
  write(tab, text);
  tab.start();
  return tab;
}

const drafts = (storage: MemoryStorage) => loadCollection(storage, PAUSE_DRAFTS).entries;
const log = (storage: MemoryStorage) => loadCollection(storage, PAUSE_LOG).entries;

describe('writing and the pause', () => {
  it('keeps what is written on the device, and finds it again after a reload', () => {
    const storage = createMemoryStorage();
    const time = clock();
    const tab = open(storage, time);
    write(tab, 'I miss you');
    expect(drafts(storage)).toMatchObject([{ text: 'I miss you', startedAt: null, keptAt: null }]);
    expect(open(storage, time).store.get().text).toBe('I miss you');
  });

  it('will not start with nothing written, and says so', () => {
    const tab = open(createMemoryStorage(), clock());
    expect(tab.start()).toBe(false);
    expect(tab.store.get().message).toMatchObject({ text: PAUSE_COPY.empty });
    expect(phase(tab)).toBe('writing');
  });

  it('lets go of a message emptied before the pause began', () => {
    const storage = createMemoryStorage();
    const tab = open(storage, clock());
    write(tab, 'words');
    write(tab, '   ');
    expect(storage.data.has(collectionKey(PAUSE_DRAFTS))).toBe(false);
    expect(tab.store.get().currentId).toBeNull();
  });

  it('runs by the clock across reloads: ten minutes on, ten are left; past twenty, the choices', () => {
    const storage = createMemoryStorage();
    const time = clock();
    const tab = open(storage, time);
    write(tab, 'Why did you go?');
    expect(tab.start()).toBe(true);
    expect(drafts(storage)[0]!.startedAt).toBe(new Date(START).toISOString());
    time.move(10 * MINUTE);
    const reloaded = open(storage, time);
    const { drafts: kept, currentId, now } = reloaded.store.get();
    expect(statusOf(kept.find(({ id }) => id === currentId)!, now)).toMatchObject({ phase: 'running', remainingMs: 10 * MINUTE });
    time.move(10 * MINUTE + 1);
    expect(phase(open(storage, time))).toBe('choosing');
  });

  it('starts again from now when the clock was moved back, and writes that down', () => {
    const storage = createMemoryStorage();
    const time = clock();
    const tab = started(storage, time);
    time.set(START - 2 * 24 * 60 * MINUTE);
    tab.tick();
    expect(drafts(storage)[0]!.startedAt).toBe(new Date(START - 2 * 24 * 60 * MINUTE).toISOString());
    expect(phase(tab)).toBe('running');
    expect(tab.store.get().isClockReset).toBe(true);
    time.move(PAUSE_MS);
    tab.tick();
    expect(phase(tab)).toBe('choosing');
  });

  it('speaks when the pause starts and when it ends, and not in between', () => {
    const time = clock();
    const tab = open(createMemoryStorage(), time);
    write(tab, 'text');
    const heard: string[] = [''];
    tab.store.subscribe(() => {
      const { announcement } = tab.store.get();
      if (announcement !== heard.at(-1)) heard.push(announcement);
    });
    tab.start();
    for (let minute = 1; minute <= 21; minute += 1) {
      time.move(MINUTE);
      tab.tick();
    }
    expect(heard).toEqual(['', PAUSE_COPY.announce.start, PAUSE_COPY.announce.end]);
  });

  it('says nothing about the time when a page opens on a pause under way, or when the reader ends it early', () => {
    const storage = createMemoryStorage();
    const time = clock();
    started(storage, time);
    time.move(12 * MINUTE);
    const second = open(storage, time);
    second.tick();
    expect(second.store.get().announcement).toBe('');
    second.askToChooseNow();
    second.chooseNow();
    expect(second.store.get().announcement).toBe('');
    expect(phase(second)).toBe('choosing');
  });
});

describe('choosing', () => {
  function overPause(storage: MemoryStorage | null, time = clock()) {
    const tab = started(storage, time, 'You never listened.');
    time.move(PAUSE_MS);
    tab.tick();
    return { tab, time };
  }

  it('deletes the message and logs the choice with the feeling', () => {
    const storage = createMemoryStorage();
    const { tab } = overPause(storage);
    tab.setFeeling('angry');
    tab.choose('delete');
    expect(storage.data.has(collectionKey(PAUSE_DRAFTS))).toBe(false);
    expect(log(storage)).toMatchObject([{ choice: 'delete', feeling: 'angry', endedEarly: false, startedAt: new Date(START).toISOString() }]);
    expect(tab.store.get()).toMatchObject({ text: '', currentId: null, message: { text: PAUSE_COPY.deleted } });
  });

  it('keeps the message unsent, aside from a new one', () => {
    const storage = createMemoryStorage();
    const { tab } = overPause(storage);
    tab.choose('keep');
    expect(drafts(storage)).toMatchObject([{ text: 'You never listened.', choice: 'keep' }]);
    expect(drafts(storage)[0]!.keptAt).not.toBeNull();
    expect(findCurrent(drafts(storage))).toBeNull();
    expect(log(storage)).toMatchObject([{ choice: 'keep', feeling: null }]);
    expect(phase(tab)).toBe('writing');
  });

  it('after "I still want to send it" keeps the message, copied, until the reader deletes or keeps it', () => {
    const storage = createMemoryStorage();
    const { tab } = overPause(storage);
    tab.choose('send');
    expect(phase(tab)).toBe('copied');
    expect(log(storage)).toMatchObject([{ choice: 'send' }]);
    expect(phase(open(storage, clock(START + PAUSE_MS)))).toBe('copied');
    tab.settleCopied('delete');
    expect(storage.data.has(collectionKey(PAUSE_DRAFTS))).toBe(false);
    expect(log(storage)).toHaveLength(1);
  });

  it('logs a choice made before the pause ended as just that', () => {
    const storage = createMemoryStorage();
    const time = clock();
    const tab = started(storage, time);
    time.move(3 * MINUTE);
    tab.chooseNow();
    tab.choose('keep');
    expect(log(storage)).toMatchObject([{ endedEarly: true }]);
  });
});

describe('where things are kept', () => {
  it('keeps nothing on the device while saving is off, and moves it there when the reader turns saving on', () => {
    const storage = createMemoryStorage({ [PREFERENCES_STORAGE_KEY]: JSON.stringify({ isSavingResults: false }) });
    const time = clock();
    const tab = open(storage, time);
    expect(tab.store.get().isSaving).toBe(false);
    write(tab, 'only here');
    tab.start();
    time.move(PAUSE_MS);
    tab.tick();
    tab.choose('keep');
    expect([...storage.data.keys()]).toEqual([PREFERENCES_STORAGE_KEY]);
    expect(tab.store.get().drafts).toMatchObject([{ text: 'only here' }]);
    expect(tab.store.get().log).toHaveLength(1);
    expect(tab.store.get().message?.text).toBe(PAUSE_COPY.keptOnPage);
    tab.turnSavingOn();
    expect(drafts(storage)).toMatchObject([{ text: 'only here' }]);
    expect(log(storage)).toHaveLength(1);
    expect(tab.store.get()).toMatchObject({ isSaving: true, message: { text: PAUSE_COPY.saving.turnedOn } });
  });

  it('says at once when the browser will not save, and keeps the words on the page', () => {
    const storage = createMemoryStorage({}, 'quota');
    const tab = open(storage, clock());
    write(tab, 'still here');
    expect(tab.store.get()).toMatchObject({ text: 'still here', isFailing: true, message: { kind: 'problem', text: PAUSE_COPY.problems.storage.quota } });
    expect(tab.start()).toBe(true);
    expect(phase(tab)).toBe('running');
    // Space frees up: the next write goes to the device, and nothing was lost on the way.
    storage.mode = 'normal';
    write(tab, 'still here, and more');
    expect(drafts(storage)).toMatchObject([{ text: 'still here, and more' }]);
    expect(drafts(storage)[0]!.startedAt).not.toBeNull();
    expect(tab.store.get().isFailing).toBe(false);
  });

  it('works with no storage at all, saying so', () => {
    const tab = open(null, clock());
    expect(tab.store.get().isFailing).toBe(true);
    write(tab, 'words');
    expect(tab.store.get().text).toBe('words');
    expect(tab.start()).toBe(true);
  });

  it('shows a pause started in another tab, and keeps what this tab is typing', () => {
    const storage = createMemoryStorage();
    const time = clock();
    const first = open(storage, time);
    const second = open(storage, time);
    write(first, 'from the first tab');
    first.start();
    second.reload();
    expect(phase(second)).toBe('running');
    expect(second.store.get().text).toBe('from the first tab');
    second.setText('typed here, not saved yet');
    first.chooseNow();
    second.reload();
    expect(second.store.get().text).toBe('typed here, not saved yet');
    expect(phase(second)).toBe('choosing');
  });
});

describe('the log', () => {
  function entry(id: string, chosenAt: number, choice: PauseLogEntry['choice'] = 'delete'): PauseLogEntry {
    const iso = new Date(chosenAt).toISOString();
    return { id, updatedAt: iso, startedAt: new Date(chosenAt - PAUSE_MS).toISOString(), chosenAt: iso, choice, endedEarly: false, feeling: null };
  }

  function withLog(entries: PauseLogEntry[]): MemoryStorage {
    return createMemoryStorage({ [collectionKey(PAUSE_LOG)]: JSON.stringify({ format: 1, entries }) });
  }

  it('deletes all only after asking, and only the entries it named', () => {
    const storage = withLog([entry('a', START), entry('b', START + 1)]);
    const tab = open(storage, clock());
    tab.askToDeleteLog();
    expect(tab.store.get().confirmingLogIds).toEqual(['a', 'b']);
    // Another tab logs a pause while the question is open.
    const other = open(storage, clock());
    write(other, 'x');
    other.start();
    other.chooseNow();
    other.choose('delete');
    tab.reload();
    tab.confirmDeleteLog();
    const added = other.store.get().log.find(({ id }) => id !== 'a' && id !== 'b')!;
    expect(log(storage).map(({ id }) => id)).toEqual([added.id]);
    expect(tab.store.get().message).toMatchObject({ area: 'log', text: 'Deleted 2 pauses from the log.' });
  });

  it('deletes one entry by id', () => {
    const storage = withLog([entry('a', START), entry('b', START + 1)]);
    const tab = open(storage, clock());
    tab.deleteLogEntry('a', 'yesterday');
    expect(log(storage).map(({ id }) => id)).toEqual(['b']);
    expect(tab.store.get().message?.text).toBe('Deleted the pause from yesterday.');
  });

  it('puts the week in gentle words, an urge to send counted plainly beside the others', () => {
    const words = PAUSE_COPY.log;
    expect(describeWeek({ passed: 0, sent: 0 }, words)).toBe('Nothing logged this week yet.');
    expect(describeWeek({ passed: 1, sent: 0 }, words)).toBe('This week: 1 urge passed without sending.');
    expect(describeWeek({ passed: 3, sent: 0 }, words)).toBe('This week: 3 urges passed without sending.');
    expect(describeWeek({ passed: 3, sent: 1 }, words)).toBe(
      'This week: 3 urges passed without sending, and 1 pause ended with the message copied to send.',
    );
    expect(describeWeek({ passed: 0, sent: 2 }, words)).toBe('This week: 2 pauses ended with the message copied to send.');
  });

  it('exports as CSV, oldest first, with the feeling and whether the pause was cut short, and never the message', () => {
    const entries = [
      { ...entry('b', START + MINUTE, 'send'), feeling: 'lonely', endedEarly: true },
      { ...entry('a', START), feeling: '=cmd' },
    ];
    const csv = logToCsv(entries, PAUSE_COPY);
    expect(csv.split('\r\n')).toEqual([
      '"Started","Chose at","Feeling","What you chose","Before the pause ended"',
      `"${entries[1]!.startedAt}","${entries[1]!.chosenAt}","'=cmd","Deleted the message","no"`,
      `"${entries[0]!.startedAt}","${entries[0]!.chosenAt}","Lonely","Still wanted to send it","yes"`,
      '',
    ]);
    expect(logFileName(new Date(2026, 0, 5, 23, 0))).toBe('letting-go-pauses-2026-01-05.csv');
  });
});

describe('asking the browser to keep things', () => {
  it('asks once, after the first write that reached storage, and not while saving fails', () => {
    const storage = createMemoryStorage({}, 'quota');
    let asked = 0;
    const tab = createPauseState({ storage, now: clock().now, onSaved: () => void (asked += 1) }, PAUSE_COPY);
    tab.init();
    write(tab, 'one');
    expect(asked).toBe(0);
    storage.mode = 'normal';
    write(tab, 'two');
    write(tab, 'three');
    expect(asked).toBe(1);
  });
});
