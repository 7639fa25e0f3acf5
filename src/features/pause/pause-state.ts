/**
 * The state of the "Before you text them" tool, apart from any rendering: the message being written, its
 * twenty-minute pause, the choice after it, the messages kept unsent, and the log with its weekly count.
 * What is kept and how is described in pause-data.ts; the clock and the week in pause-clock.ts. This file
 * wires them together, so it can be tested with a fake storage, a fake clock and no DOM.
 *
 * Where things go: when the quizzes' saving choice is on, into the browser's storage; when it is off (or a
 * write fails), into a store that lives only as long as the page, so nothing the reader wrote is lost while
 * the page is open and nothing is kept that they did not expect. Reads show both. Another tab's changes
 * arrive through `reload()`, which the island calls on the `storage` event.
 */
import {
  deleteEntries,
  loadCollection,
  mergeEntries,
  mergeIntoCollection,
  putEntry,
  writeCollection,
  type CollectionEntry,
  type CollectionSpec,
  type LoadedCollection,
} from '../../kit/collection';
import { loadPreferences, savePreferences } from '../../kit/preferences';
import type { StorageFailureReason, StorageLike, WriteFailure, WriteOutcome } from '../../kit/storage';
import { createStore, type Store } from '../../kit/store';
import { fill } from '../../kit/fill';
import { MAX_TEXT_LENGTH, PAUSE_DRAFTS, PAUSE_LOG, createPauseId, type PauseChoice, type PauseDraft, type PauseLogEntry } from './pause-data';
import { pauseStatus, type PauseStatus, type WeekCount } from './pause-clock';
import type { PauseCopy } from './pause-copy';

/** Where the message being worked on stands. */
export type PausePhase = 'writing' | 'running' | 'choosing' | 'copied';

/** Where on the page a message belongs: by the message, the kept ones or the log. */
export type MessageArea = 'tool' | 'kept' | 'log';

/** A sentence for the reader after something they did. */
export interface PauseMessage {
  kind: 'status' | 'problem';
  text: string;
  area: MessageArea;
}

/** Everything the tool shows. */
export interface PauseState {
  /** False until init() ran: the page is still its server-rendered form. */
  isReady: boolean;
  /** The quizzes' saving choice: whether what the reader writes goes into the browser's storage. */
  isSaving: boolean;
  /** Every message, oldest change first: the one being worked on and those kept. */
  drafts: PauseDraft[];
  /** Every logged pause, oldest change first. */
  log: PauseLogEntry[];
  /** The message being worked on; null before the reader writes one. */
  currentId: string | null;
  /** What the text area holds. */
  text: string;
  /** Whether `text` has changed since it was last written. */
  isDirty: boolean;
  /** The time the tool last looked at the clock, ms since the epoch. */
  now: number;
  /** The feeling picked before choosing, by id. */
  feeling: string | null;
  /** While "choose before the 20 minutes are up?" waits for an answer. */
  isConfirmingEarly: boolean;
  /** After "I still want to send it": whether the copy worked, or the text was selected for the reader. */
  copyResult: 'copied' | 'fallback' | null;
  /** Whether the last write to the browser's storage failed, so what is written now stays in the page. */
  isFailing: boolean;
  /** Whether the pause was started again because the device's clock went back. */
  isClockReset: boolean;
  /** The live region's words: set only when the pause starts and when it ends. */
  announcement: string;
  message: PauseMessage | null;
  /** Set when what was kept could not (all) be read. */
  loadProblem: string | null;
  /** While "delete the whole log?" waits for an answer: the ids it names. */
  confirmingLogIds: string[] | null;
}

/** The tool's state and what can be done to it. */
export interface PauseController {
  store: Store<PauseState>;
  init(): void;
  /** Reads storage again (another tab changed it), keeping what is typed here and any open question. */
  reload(): void;
  /** The text area changed: kept in the page at once, written by flush(). */
  setText(text: string): void;
  /** Writes the text if it changed (the island calls it a moment after typing stops, and when the page hides). */
  flush(): void;
  /** Starts the pause; false (with a message) when there is nothing written yet. */
  start(): boolean;
  /** Looks at the clock: updates what is left, and speaks when the pause ends. */
  tick(): void;
  askToChooseNow(): void;
  cancelChooseNow(): void;
  chooseNow(): void;
  setFeeling(feeling: string | null): void;
  choose(choice: PauseChoice): void;
  setCopyResult(result: 'copied' | 'fallback'): void;
  /** After "I still want to send it": deletes the message, or keeps it with the others. */
  settleCopied(choice: 'delete' | 'keep'): void;
  deleteKept(id: string, description: string): void;
  deleteLogEntry(id: string, description: string): void;
  askToDeleteLog(): void;
  cancelDeleteLog(): void;
  confirmDeleteLog(): void;
  turnSavingOn(): void;
}

/** A store that lives as long as the page: what the reader writes while saving is off. */
export function createPageStore(): StorageLike {
  const data = new Map<string, string>();
  return {
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}

/** The message being worked on: the newest with no `keptAt`. */
export function findCurrent(drafts: readonly PauseDraft[]): PauseDraft | null {
  return drafts.filter((draft) => draft.keptAt === null).at(-1) ?? null;
}

/** The pause of a message at `now`, or null before it started. */
export function statusOf(draft: PauseDraft | null, now: number): PauseStatus | null {
  if (draft?.startedAt == null) return null;
  return pauseStatus(Date.parse(draft.startedAt), now, draft.stoppedAt === null ? null : Date.parse(draft.stoppedAt));
}

/** Where a message stands at `now`. */
export function phaseOf(draft: PauseDraft | null, now: number): PausePhase {
  if (draft?.choice === 'send') return 'copied';
  const status = statusOf(draft, now);
  if (status === null) return 'writing';
  return status.phase === 'running' ? 'running' : 'choosing';
}

/** Creates the tool's state. Nothing touches storage until init(). */
export function createPauseState(
  environment: {
    storage: StorageLike | null;
    now?: () => number;
    page?: StorageLike;
    /** Called once, after the first write that reached the browser's storage (the page then asks it to keep it). */
    onSaved?: () => void;
  },
  copy: PauseCopy,
): PauseController {
  const { storage } = environment;
  const now = environment.now ?? (() => Date.now());
  const page = environment.page ?? createPageStore();
  const store = createStore<PauseState>({
    isReady: false,
    isSaving: true,
    drafts: [],
    log: [],
    currentId: null,
    text: '',
    isDirty: false,
    now: 0,
    feeling: null,
    isConfirmingEarly: false,
    copyResult: null,
    isFailing: false,
    isClockReset: false,
    announcement: '',
    message: null,
    loadProblem: null,
    confirmingLogIds: null,
  });
  const problems = copy.problems;
  const problem = (reason: StorageFailureReason, area: MessageArea = 'tool'): PauseMessage => ({ kind: 'problem', text: problems.storage[reason], area });
  const status = (text: string, area: MessageArea = 'tool'): PauseMessage => ({ kind: 'status', text, area });
  let hasSaved = false;
  /** The pause as the tool last saw it, and whose: to notice the end while the page is open. */
  let seen: { id: string | null; status: PauseStatus | null } = { id: null, status: null };

  function readBoth<T extends CollectionEntry>(spec: CollectionSpec<T>): { entries: T[]; problem: string | null; status: LoadedCollection<T>['status'] } {
    const saved = loadCollection(storage, spec);
    const here = loadCollection(page, spec);
    const loadProblem = saved.status !== 'ok' ? problems.load[saved.status] : saved.droppedCount > 0 ? problems.load.dropped : null;
    return { entries: mergeEntries(saved.entries, here.entries).entries, problem: loadProblem, status: saved.status };
  }

  /** Writes an entry where it belongs now; a failed write keeps it in the page and says so. */
  function write<T extends CollectionEntry>(spec: CollectionSpec<T>, entry: T): WriteOutcome {
    if (!store.get().isSaving) return putEntry(page, spec, entry);
    const outcome = putEntry(storage, spec, entry);
    if (outcome.ok) {
      deleteEntries(page, spec, [entry.id]);
      if (!hasSaved) environment.onSaved?.();
      hasSaved = true;
    } else putEntry(page, spec, entry);
    store.update({ isFailing: !outcome.ok });
    return outcome;
  }

  /** Deletes entries wherever they are; the count is of the ids that were there. */
  function remove<T extends CollectionEntry>(spec: CollectionSpec<T>, ids: readonly string[]): { ok: true; removedCount: number } | WriteFailure {
    const inPage = new Set(loadCollection(page, spec).entries.map(({ id }) => id));
    const inStorage = new Set(loadCollection(storage, spec).entries.map(({ id }) => id));
    deleteEntries(page, spec, ids);
    if (ids.some((id) => inStorage.has(id))) {
      const saved = deleteEntries(storage, spec, ids);
      if (!saved.ok) return saved;
    }
    return { ok: true, removedCount: ids.filter((id) => inPage.has(id) || inStorage.has(id)).length };
  }

  function read(): Pick<PauseState, 'isSaving' | 'drafts' | 'log' | 'loadProblem' | 'isFailing'> {
    const drafts = readBoth(PAUSE_DRAFTS);
    const log = readBoth(PAUSE_LOG);
    return {
      isSaving: loadPreferences(storage).isSavingResults,
      drafts: drafts.entries,
      log: log.entries,
      loadProblem: drafts.problem ?? log.problem,
      // Storage that cannot even be read will not take a write either; otherwise the last write says.
      isFailing: store.get().isFailing || drafts.status === 'unavailable',
    };
  }

  function current(): PauseDraft | null {
    const { drafts, currentId } = store.get();
    return drafts.find((draft) => draft.id === currentId) ?? null;
  }

  /** Re-reads everything; the message being worked on follows storage unless there is unsaved typing here. */
  function refresh(patch: Partial<PauseState> = {}): void {
    const fresh = read();
    const { isDirty, text, currentId } = store.get();
    const stillThere = fresh.drafts.find((draft) => draft.id === currentId && draft.keptAt === null) ?? null;
    const next = isDirty ? stillThere : (stillThere ?? findCurrent(fresh.drafts));
    store.update({
      ...fresh,
      currentId: next?.id ?? null,
      text: isDirty ? text : (next?.text ?? ''),
      now: now(),
      ...patch,
    });
    observe();
  }

  /**
   * Looks at the pause of the message being worked on as of `state.now`, and speaks when it ran out since the
   * last look. Nothing is said when the reader ended it early (they know), when another
   * message became the one worked on, or on a first look (a reload says nothing).
   */
  function observe(): void {
    const { currentId, now: time } = store.get();
    const before = seen.id === currentId ? seen.status : null;
    const after = statusOf(current(), time);
    seen = { id: currentId, status: after };
    if (before?.phase !== 'running' || after === null) return;
    if (after.phase === 'over' && !after.endedEarly) store.update({ announcement: copy.announce.end, isConfirmingEarly: false });
  }

  function tick(): void {
    const time = now();
    const draft = current();
    const status = statusOf(draft, time);
    if (draft && status?.phase === 'running' && status.isClockBehind) {
      // The clock went back: the pause starts again from now rather than waiting for the clock to catch up.
      saveDraft({ startedAt: new Date(time).toISOString() });
      store.update({ isClockReset: true });
      return;
    }
    store.update({ now: time });
    observe();
  }

  /** Changes the message being worked on and writes it; says so when the write fails. */
  function saveDraft(change: Partial<PauseDraft>): WriteOutcome {
    const time = new Date(now()).toISOString();
    const { text } = store.get();
    const base: PauseDraft = current() ?? {
      id: createPauseId(),
      updatedAt: time,
      createdAt: time,
      text,
      startedAt: null,
      stoppedAt: null,
      chosenAt: null,
      choice: null,
      keptAt: null,
    };
    const draft: PauseDraft = { ...base, text: text.slice(0, MAX_TEXT_LENGTH), ...change, updatedAt: time };
    const outcome = write(PAUSE_DRAFTS, draft);
    store.update({ currentId: draft.id, isDirty: false });
    refresh(outcome.ok ? {} : { message: problem(outcome.reason) });
    return outcome;
  }

  function flush(): void {
    const { isDirty, text } = store.get();
    if (!isDirty) return;
    const draft = current();
    // Emptied before the pause began: there is nothing to keep, so the message goes rather than an empty one.
    if (text.trim() === '' && (draft === null || draft.startedAt === null)) {
      store.update({ isDirty: false, currentId: null });
      if (draft) remove(PAUSE_DRAFTS, [draft.id]);
      refresh();
      return;
    }
    saveDraft({});
  }

  function logChoice(draft: PauseDraft, choice: PauseChoice): WriteOutcome {
    const time = new Date(now()).toISOString();
    const status = statusOf(draft, now());
    const entry: PauseLogEntry = {
      id: draft.id,
      updatedAt: time,
      startedAt: draft.startedAt ?? time,
      chosenAt: time,
      choice,
      endedEarly: status === null || status.phase === 'running' || status.endedEarly,
      feeling: store.get().feeling,
    };
    return write(PAUSE_LOG, entry);
  }

  return {
    store,

    init() {
      refresh({ isReady: true });
    },

    reload() {
      const { confirmingLogIds } = store.get();
      refresh();
      const { log } = store.get();
      store.update({ confirmingLogIds: confirmingLogIds && confirmingLogIds.filter((id) => log.some((entry) => entry.id === id)) });
      tick();
    },

    setText(text) {
      const { message } = store.get();
      store.update({ text: text.slice(0, MAX_TEXT_LENGTH), isDirty: true, message: message?.text === copy.empty ? null : message });
    },

    flush,

    start() {
      if (store.get().text.trim() === '') {
        store.update({ message: status(copy.empty) });
        return false;
      }
      const time = new Date(now()).toISOString();
      saveDraft({ startedAt: time, stoppedAt: null });
      store.update({ isClockReset: false });
      store.update({ announcement: copy.announce.start, message: store.get().message?.kind === 'problem' ? store.get().message : null });
      return true;
    },

    tick,

    askToChooseNow() {
      store.update({ isConfirmingEarly: true });
    },

    cancelChooseNow() {
      store.update({ isConfirmingEarly: false });
    },

    chooseNow() {
      store.update({ isConfirmingEarly: false, announcement: '' });
      saveDraft({ stoppedAt: new Date(now()).toISOString() });
    },

    setFeeling(feeling) {
      store.update({ feeling });
    },

    choose(choice) {
      flush();
      const draft = current();
      if (draft === null) return;
      const logged = logChoice(draft, choice);
      const time = new Date(now()).toISOString();
      store.update({ feeling: null, copyResult: null, announcement: '' });
      if (choice === 'send') {
        const outcome = saveDraft({ chosenAt: time, choice: 'send' });
        if (!logged.ok && outcome.ok) store.update({ message: problem(logged.reason) });
        return;
      }
      if (choice === 'keep') {
        const outcome = saveDraft({ chosenAt: time, choice: 'keep', keptAt: time });
        store.update({ currentId: null, text: '' });
        refresh({ message: !outcome.ok ? problem(outcome.reason) : !logged.ok ? problem(logged.reason) : status(store.get().isSaving ? copy.kept : copy.keptOnPage) });
        return;
      }
      const removed = remove(PAUSE_DRAFTS, [draft.id]);
      store.update({ currentId: null, text: '', isDirty: false });
      refresh({ message: !removed.ok ? problem(removed.reason) : !logged.ok ? problem(logged.reason) : status(copy.deleted) });
    },

    setCopyResult(result) {
      store.update({ copyResult: result });
    },

    settleCopied(choice) {
      const draft = current();
      if (draft === null) return;
      store.update({ copyResult: null });
      if (choice === 'keep') {
        const outcome = saveDraft({ keptAt: new Date(now()).toISOString() });
        store.update({ currentId: null, text: '' });
        refresh({ message: outcome.ok ? status(store.get().isSaving ? copy.kept : copy.keptOnPage) : problem(outcome.reason) });
        return;
      }
      const removed = remove(PAUSE_DRAFTS, [draft.id]);
      store.update({ currentId: null, text: '', isDirty: false });
      refresh({ message: removed.ok ? status(copy.deleted) : problem(removed.reason) });
    },

    deleteKept(id, description) {
      const removed = remove(PAUSE_DRAFTS, [id]);
      refresh({ message: removed.ok ? status(fill(copy.keptList.deleted, { date: description }), 'kept') : problem(removed.reason, 'kept') });
    },

    deleteLogEntry(id, description) {
      const removed = remove(PAUSE_LOG, [id]);
      refresh({ message: removed.ok ? status(fill(copy.log.deleted, { date: description }), 'log') : problem(removed.reason, 'log') });
    },

    askToDeleteLog() {
      store.update({ confirmingLogIds: store.get().log.map(({ id }) => id), message: null });
    },

    cancelDeleteLog() {
      store.update({ confirmingLogIds: null, message: status(copy.log.notDeleted, 'log') });
    },

    confirmDeleteLog() {
      const ids = store.get().confirmingLogIds ?? [];
      const removed = remove(PAUSE_LOG, ids);
      const { deletedAllOne, deletedAllMany } = copy.log;
      refresh({
        confirmingLogIds: null,
        message: removed.ok
          ? status(fill(removed.removedCount === 1 ? deletedAllOne : deletedAllMany, { count: removed.removedCount }), 'log')
          : problem(removed.reason, 'log'),
      });
    },

    turnSavingOn() {
      const saved = savePreferences(storage, { isSavingResults: true });
      if (!saved.ok) {
        store.update({ message: problem(saved.reason) });
        return;
      }
      for (const spec of [PAUSE_DRAFTS, PAUSE_LOG] as CollectionSpec<CollectionEntry>[]) {
        const here = loadCollection(page, spec).entries;
        const moved = mergeIntoCollection(storage, spec, here);
        if (!moved.ok) {
          refresh({ message: problem(moved.reason) });
          return;
        }
        writeCollection(page, spec, []);
      }
      refresh({ message: status(copy.saving.turnedOn) });
    },
  };
}

/** The week's count in words: "This week: 3 urges passed without sending." A pause that ended in sending is named plainly. */
export function describeWeek(count: WeekCount, copy: PauseCopy['log']): string {
  const parts = [
    count.passed > 0 && fill(count.passed === 1 ? copy.passedOne : copy.passedMany, { count: count.passed }),
    count.sent > 0 && fill(count.sent === 1 ? copy.sentOne : copy.sentMany, { count: count.sent }),
  ].filter((part): part is string => typeof part === 'string');
  return parts.length === 0 ? copy.weekNone : fill(copy.week, { parts: parts.join(', and ') });
}
