/**
 * The state of the My results page, apart from any rendering: loading saved results, deleting one or all
 * (with a confirmation step that names exactly what will go), the backup file out and in, how safely the
 * browser keeps things, and erasing everything the site keeps. Rules live in the engines (quiz/engine,
 * device-data); this file only wires them together, so it can be tested with a fake storage and no DOM.
 * Another tab's changes arrive through `reload()`, which the island calls on the `storage` event.
 */
import { deleteResult, deleteResults, loadResults, type StoredResult } from '../quiz/engine/results';
import type { ProgressQuiz } from '../quiz/engine/progress';
import type { RestoreReport } from '../device-data/backup';
import { MAX_BACKUP_BYTES } from '../device-data/backup-limit';
import type { KeptData } from '../device-data/erase';
import { loadPreferences, savePreferences } from '../../kit/preferences';
import type { Persistence } from '../../kit/persistence';
import type { StorageLike } from '../../kit/storage';
import { createStore, type Store } from '../../kit/store';
import { fill } from '../../kit/fill';
import type { MyResultsCopy } from './my-results-copy';

/** A message for the reader: 'status' is polite news, 'problem' something that did not work. */
export interface Message {
  kind: 'status' | 'problem';
  text: string;
}

/** Everything the page shows. */
export interface MyResultsState {
  /** False until init() ran, i.e. while the page is still the server-rendered placeholder. */
  isReady: boolean;
  /** Saved results, oldest first. */
  results: StoredResult[];
  /** Set when stored data could not (all) be read. */
  loadProblem: string | null;
  /** The answer to the last thing the reader did. */
  message: Message | null;
  /** While "delete every saved result?" waits for an answer: the ids it names, those shown when it was asked. */
  confirmingDeleteIds: string[] | null;
  /** While "erase everything?" waits for an answer: what would go. */
  confirmingErase: KeptData | null;
  /** Whether the browser agreed to keep the site's data; null until known. */
  persistence: Persistence | null;
  /** Saved results no backup holds yet, oldest first. */
  unbackedUp: StoredResult[];
  /** A locked backup's text, while the page asks for its passphrase. */
  lockedFile: string | null;
}

/** The backup and erasing code (device-data/device-data-tools.ts), which the page fetches on first use. */
export type DeviceDataTools = typeof import('../device-data/device-data-tools');

/** The page's state and what can be done to it. */
export interface MyResultsController {
  store: Store<MyResultsState>;
  init(): void;
  /**
   * Hands over the backup and erasing code, once fetched. The backup, restore and erase actions below need it;
   * the page calls them only after this.
   */
  useTools(tools: DeviceDataTools): void;
  /** The tools' code could not be fetched: says so, and that nothing changed. */
  toolsFailed(): void;
  /** Reads storage again (another tab changed it), keeping the reader's message and any open confirmation. */
  reload(): void;
  remove(id: string, description: string): void;
  askToDeleteAll(): void;
  cancelDeleteAll(): void;
  confirmDeleteAll(): void;
  /** Brings in the text of a backup file. */
  restoreText(text: string): void;
  /** Refuses a file of `bytes` over the size limit (MAX_BACKUP_BYTES), before reading it. */
  refuseFile(bytes: number): void;
  /** The backup file's name and JSON text; remembers the time, so the reminder rests. */
  createBackup(): { fileName: string; text: string };
  setPersistence(persistence: Persistence): void;
  askToErase(): void;
  cancelErase(): void;
  /** Removes every stored key the site keeps; `offline` is what the page removed of the offline copy. */
  confirmErase(erasedOffline: boolean): void;
}

/** How long results may go without a backup before the page mentions it. */
export const BACKUP_REMINDER_DAYS = 3;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The results taken after the last backup, oldest first, when the oldest is older than the reminder's days. */
export function findUnbackedUp(results: readonly StoredResult[], lastBackupAt: string | null, now: Date): StoredResult[] {
  const since = lastBackupAt === null ? Number.NEGATIVE_INFINITY : Date.parse(lastBackupAt);
  const unbacked = results.filter((result) => Date.parse(result.takenAt) > since);
  const oldest = unbacked[0];
  return oldest && now.getTime() - Date.parse(oldest.takenAt) > BACKUP_REMINDER_DAYS * DAY_MS ? unbacked : [];
}

/** A size in megabytes for the reader, e.g. "27.4 MB". */
export function formatMegabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

function one(count: number, singular: string, plural: string): string {
  return fill(count === 1 ? singular : plural, { count });
}

/** The report of a restore, in the reader's words: every part that happened, and that nothing was removed. */
export function describeRestore(report: RestoreReport, copy: MyResultsCopy['report']): string {
  const parts = [
    report.addedCount > 0 ? one(report.addedCount, copy.addedOne, copy.addedMany) : copy.addedNone,
    report.identicalCount > 0 && one(report.identicalCount, copy.identicalOne, copy.identicalMany),
    report.conflictingCount > 0 && one(report.conflictingCount, copy.conflictingOne, copy.conflictingMany),
    report.unreadableCount > 0 && one(report.unreadableCount, copy.unreadableOne, copy.unreadableMany),
    report.repeatedCount > 0 && one(report.repeatedCount, copy.repeatedOne, copy.repeatedMany),
    report.progressCount > 0 && one(report.progressCount, copy.progressOne, copy.progressMany),
    ...report.collections.flatMap((part) => [
      part.addedCount > 0 && fill(copy.collectionAdded, { what: one(part.addedCount, part.words.one, part.words.many) }),
      part.updatedCount > 0 && fill(copy.collectionUpdated, { what: one(part.updatedCount, part.words.one, part.words.many) }),
      part.unreadableCount > 0 && one(part.unreadableCount, copy.unreadableOne, copy.unreadableMany),
      part.isNewer && copy.collectionNewer,
    ]),
    (report.isPreferencesRestored || report.isThemeRestored) && copy.settings,
    copy.nothingRemoved,
  ];
  return parts.filter((part): part is string => typeof part === 'string').join(' ');
}

/** What is kept, as a list of phrases for the erase confirmation and its report. */
export function describeKeptParts(kept: KeptData, copy: MyResultsCopy['erase']): string[] {
  return [
    kept.resultCount === null ? copy.resultsNewer : kept.resultCount > 0 && one(kept.resultCount, copy.resultsOne, copy.resultsMany),
    kept.progressCount > 0 && one(kept.progressCount, copy.progressOne, copy.progressMany),
    ...kept.collections.map(({ words, count }) => (count === null ? fill(copy.newerPart, { what: words.many.replace('{count} ', '') }) : one(count, words.one, words.many))),
    kept.hasPreferences && copy.preferences,
    kept.hasTheme && copy.theme,
    kept.hasLock && copy.lock,
  ].filter((part): part is string => typeof part === 'string');
}

/** Creates the My results state. Nothing touches storage until init(). */
export function createMyResultsState(
  environment: { storage: StorageLike | null; now?: () => Date },
  copy: MyResultsCopy,
  quizzes: readonly ProgressQuiz[],
  initialTools: DeviceDataTools | null = null,
): MyResultsController {
  const { storage } = environment;
  let loadedTools = initialTools;
  const tools = (): DeviceDataTools => {
    if (loadedTools === null) throw new Error('My results used its backup or erase tools before they were loaded.');
    return loadedTools;
  };
  const now = environment.now ?? (() => new Date());
  const store = createStore<MyResultsState>({
    isReady: false,
    results: [],
    loadProblem: null,
    message: null,
    confirmingDeleteIds: null,
    confirmingErase: null,
    persistence: null,
    unbackedUp: [],
    lockedFile: null,
  });
  const { problems } = copy;

  function read(): Pick<MyResultsState, 'results' | 'loadProblem' | 'unbackedUp'> {
    const loaded = loadResults(storage);
    const loadProblem =
      loaded.status !== 'ok' ? problems.load[loaded.status] : loaded.droppedCount > 0 ? problems.load.dropped : null;
    return { results: loaded.results, loadProblem, unbackedUp: findUnbackedUp(loaded.results, loadPreferences(storage).lastBackupAt, now()) };
  }

  function reload(message: Message | null): void {
    store.update({ ...read(), message, isReady: true });
  }

  const problem = (text: string): Message => ({ kind: 'problem', text });
  const status = (text: string): Message => ({ kind: 'status', text });

  return {
    store,

    init() {
      reload(null);
    },

    useTools(fetched) {
      loadedTools = fetched;
    },

    toolsFailed() {
      store.update({ message: problem(copy.toolsFailed) });
    },

    reload() {
      const { message, confirmingDeleteIds, confirmingErase } = store.get();
      const fresh = read();
      store.update({
        ...fresh,
        message,
        // The question keeps to what the reader was asked about: a result deleted elsewhere leaves it, and one
        // saved meanwhile in another tab is not added (the page says it stays).
        confirmingDeleteIds: confirmingDeleteIds && confirmingDeleteIds.filter((id) => fresh.results.some((result) => result.id === id)),
        confirmingErase: confirmingErase && tools().describeKept(storage),
      });
    },

    remove(id, description) {
      const outcome = deleteResult(storage, id);
      reload(outcome.ok ? status(fill(copy.deleted, { when: description })) : problem(problems.storage[outcome.reason]));
    },

    askToDeleteAll() {
      store.update({ confirmingDeleteIds: store.get().results.map(({ id }) => id), message: null });
    },

    cancelDeleteAll() {
      store.update({ confirmingDeleteIds: null, message: status(copy.notDeleted) });
    },

    confirmDeleteAll() {
      const ids = store.get().confirmingDeleteIds ?? [];
      const outcome = deleteResults(storage, ids);
      store.update({ confirmingDeleteIds: null });
      reload(
        outcome.ok
          ? status(one(outcome.removedCount, copy.deletedAllOne, copy.deletedAllMany))
          : problem(problems.storage[outcome.reason]),
      );
    },

    restoreText(text) {
      const outcome = tools().restoreBackupText(storage, text, quizzes);
      if (!outcome.ok) {
        const values = { size: formatMegabytes(text.length), limit: formatMegabytes(MAX_BACKUP_BYTES) };
        const lockedFile = outcome.reason === 'locked-file' ? text : null;
        store.update({ message: problem(fill(copy.restore[outcome.reason], values)), lockedFile });
        return;
      }
      store.update({ lockedFile: null });
      reload(status(describeRestore(outcome.report, copy.report)));
    },

    refuseFile(bytes) {
      const values = { size: formatMegabytes(bytes), limit: formatMegabytes(MAX_BACKUP_BYTES) };
      store.update({ message: problem(fill(copy.restore['too-large'], values)) });
    },

    createBackup() {
      const date = now();
      const text = tools().createBackup(storage, date);
      savePreferences(storage, { lastBackupAt: date.toISOString() });
      store.update({ unbackedUp: [] });
      return { fileName: `letting-go-backup-${date.toISOString().slice(0, 10)}.json`, text };
    },

    setPersistence(persistence) {
      store.update({ persistence });
    },

    askToErase() {
      store.update({ confirmingErase: tools().describeKept(storage), message: null });
    },

    cancelErase() {
      store.update({ confirmingErase: null, message: status(copy.notDeleted) });
    },

    confirmErase(erasedOffline) {
      const kept = store.get().confirmingErase ?? tools().describeKept(storage);
      const parts = [...describeKeptParts(kept, copy.erase), ...(erasedOffline ? [copy.erase.offline] : [])];
      const { failed } = tools().eraseStoredData(storage);
      store.update({ confirmingErase: null });
      const report =
        parts.length === 0 ? copy.erase.erasedNothing : `${copy.erase.erasedPrefix} ${parts.join(', ')}.`;
      reload(failed.length > 0 ? problem(`${report} ${fill(copy.erase.failed, { reason: problems.storage.unavailable })}`) : status(report));
    },
  };
}
