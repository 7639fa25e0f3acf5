import { Component, type ComponentChildren } from 'preact';
import type { StoredResult } from '../quiz/engine/results';
import { KEY_PREFIX, getLocalStorage, isLockSet, type StorageLike } from '../../kit/storage';
import lockUrl from 'virtual:lock-url';
import { readPersistence } from '../../kit/persistence';
import { fill } from '../../kit/fill';
import { saveFile } from '../../kit/save-file';
import { MAX_BACKUP_BYTES } from '../device-data/backup-limit';
import { eraseOfflineCopy } from '../device-data/erase-offline';
import deviceDataUrl from 'virtual:device-data-url';
import { createMyResultsState, describeKeptParts, type DeviceDataTools, type MyResultsController } from './my-results-state';
import type { MyResultsCopy } from './my-results-copy';
import { TrendChart } from './TrendChart';
import { ReminderButton } from '../reminders/ReminderButton';
import './my-results.css';

/** What the page needs to know about each quiz. */
export interface QuizSummary {
  id: string;
  title: string;
  href: string;
  /** The quiz's absolute address, for a check-in reminder. */
  checkIn: string;
  /** What a high total means on this quiz, finishing "Here a higher score means …". */
  higherMeans: string;
  /** For checking unfinished answers in a backup: the quiz's version and its number of statements. */
  version: number;
  items: { length: number };
}

export interface MyResultsIslandProps {
  quizzes: QuizSummary[];
  copy: MyResultsCopy;
  /** The start of the name of every cache the site's service worker makes. */
  cachePrefix: string;
  /** Shown until the island is live (server-rendered slot). */
  needsJs?: ComponentChildren;
  /** Only for tests: the storage to use instead of the browser's. */
  environment?: { storage: StorageLike | null; now?: () => Date };
}

/** The passphrase lock's chunk (features/lock/lock-ui.tsx), fetched only when it is needed. */
function loadLock(): Promise<typeof import('../lock/lock-ui')> {
  return import(/* @vite-ignore */ lockUrl) as Promise<typeof import('../lock/lock-ui')>;
}

let loadingTools: Promise<DeviceDataTools> | undefined;

/** The backup and erasing code (device-data/device-data-tools.ts), fetched when the reader first uses it. */
function loadTools(): Promise<DeviceDataTools> {
  loadingTools ??= (import(/* @vite-ignore */ deviceDataUrl) as Promise<DeviceDataTools>).catch((error: unknown) => {
    // Offline before the chunk was kept: the next try fetches it again.
    loadingTools = undefined;
    throw error;
  });
  return loadingTools;
}

/** A result's date and time in the reader's own format. */
export function formatTakenAt(takenAt: string): string {
  return new Date(takenAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

function formatShortDate(takenAt: string): string {
  return new Date(takenAt).toLocaleDateString(undefined, { month: 'short', day: 'numeric' });
}

/** The chart's text equivalent: how many results, over which dates, and where the scores went. */
export function describeTrend(title: string, results: readonly StoredResult[]): string {
  const first = results[0]!;
  const last = results[results.length - 1]!;
  if (results.length === 1) {
    return `${title}: one saved result, ${first.normalized} out of 100 on ${formatTakenAt(first.takenAt)}.`;
  }
  return (
    `${title}: ${results.length} saved results from ${formatTakenAt(first.takenAt)} to ${formatTakenAt(last.takenAt)}. ` +
    `The score went from ${first.normalized} to ${last.normalized} out of 100.`
  );
}

/** How to read the scores of a quiz. */
function describeDirection(higherMeans: string): string {
  return `Scores run from 0 to 100. Here a higher score means ${higherMeans}; each part's number means more of what it names.`;
}

interface ResultGroup {
  id: string;
  title: string;
  href: string | null;
  checkIn: string | null;
  higherMeans: string | null;
  results: StoredResult[];
}

/** Groups results by quiz, in the order of the quiz list; results for quizzes no longer here come last. */
export function groupResults(quizzes: readonly QuizSummary[], results: readonly StoredResult[]): ResultGroup[] {
  const groups: ResultGroup[] = quizzes.map((quiz) => ({
    id: quiz.id,
    title: quiz.title,
    href: quiz.href,
    checkIn: quiz.checkIn,
    higherMeans: quiz.higherMeans,
    results: results.filter((result) => result.quizId === quiz.id),
  }));
  const known = new Set(quizzes.map((quiz) => quiz.id));
  const others = results.filter((result) => !known.has(result.quizId));
  if (others.length > 0) groups.push({ id: 'other', title: 'Other saved results', href: null, checkIn: null, higherMeans: null, results: others });
  return groups.filter((group) => group.results.length > 0);
}

/**
 * The My results page: saved results per quiz as a chart and a list, with how safely the browser keeps them,
 * the backup file out and in, deleting, and erasing everything the site keeps. The empty state ("nothing saved
 * yet", with the quizzes) is the page's own markup; the island hides it while there is something to show.
 */
export default class MyResultsIsland extends Component<MyResultsIslandProps> {
  private readonly controller: MyResultsController;
  private unsubscribe: (() => void) | undefined;
  /** The id of the element to focus after the next render. */
  private focusNext: string | null = null;
  /** The locked backup whose passphrase form is shown. */
  private askedFor: string | null = null;

  constructor(props: MyResultsIslandProps) {
    super(props);
    const quizzes = props.quizzes.map(({ id, version, items }) => ({ id, version, items }));
    this.controller = createMyResultsState(props.environment ?? { storage: getLocalStorage() }, props.copy, quizzes);
  }

  override componentDidMount(): void {
    this.unsubscribe = this.controller.store.subscribe(() => this.forceUpdate());
    this.controller.init();
    addEventListener('storage', this.onStorage);
    void readPersistence().then((persistence) => this.controller.setPersistence(persistence));
  }

  override componentWillUnmount(): void {
    this.unsubscribe?.();
    removeEventListener('storage', this.onStorage);
  }

  override componentDidUpdate(): void {
    const { lockedFile } = this.controller.store.get();
    const lockedHost = document.getElementById('locked-backup');
    if (lockedFile !== null && lockedHost && this.askedFor !== lockedFile) {
      this.askedFor = lockedFile;
      void loadLock().then((lock) => lock.askBackupPassphrase(lockedHost, lockedFile, this.restoreLocked));
    }
    const empty = document.getElementById('results-empty');
    if (empty) empty.hidden = this.controller.store.get().results.length > 0;
    if (this.focusNext === null) return;
    document.getElementById(this.focusNext)?.focus();
    this.focusNext = null;
  }

  /** Another tab changed what the site keeps: show it as it is now. */
  private readonly onStorage = (event: StorageEvent): void => {
    if (event.key === null || event.key.startsWith(KEY_PREFIX)) this.controller.reload();
  };

  private then(focusId: string, action: () => void): void {
    this.focusNext = focusId;
    action();
  }

  /** Runs an action that needs the backup and erasing code, once it is here. */
  private withTools(action: () => void): void {
    loadTools().then(
      (tools) => {
        this.controller.useTools(tools);
        action();
      },
      () => this.then('results-message', () => this.controller.toolsFailed()),
    );
  }

  private readonly download = (): void => {
    this.withTools(() => {
      const { fileName, text } = this.controller.createBackup();
      // Under the passphrase lock the file is locked too, with the same passphrase.
      if (isLockSet()) void loadLock().then((lock) => lock.sealBackup(text, new Date())).then((sealed) => saveFile(fileName, sealed, 'application/json'));
      else saveFile(fileName, text, 'application/json');
    });
  };

  private readonly restoreLocked = (text: string): void => {
    this.withTools(() => this.then('results-message', () => this.controller.restoreText(text)));
  };

  private readonly importFile = (event: Event): void => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    input.value = '';
    // Too large a file is refused at once, unread: a real backup is a small fraction of the limit.
    if (file.size > MAX_BACKUP_BYTES) {
      this.then('results-message', () => this.controller.refuseFile(file.size));
      return;
    }
    const done = (text: string) => this.withTools(() => this.then('results-message', () => this.controller.restoreText(text)));
    // An unreadable file reads as empty text, which the engine rejects with its own clear message.
    file.text().then(done, () => done(''));
  };

  private readonly erase = (): void => {
    const scope = document.documentElement.dataset.serviceWorker?.replace(/sw\.js$/, '') ?? '/';
    const wasLocked = isLockSet();
    void eraseOfflineCopy(this.props.cachePrefix, new URL(scope, location.href).href).then((found) => {
      this.then('results-message', () => this.controller.confirmErase(found.caches.length > 0 || found.hasWorker));
      // The lock itself and its session go too; the page goes on without a lock.
      if (wasLocked) void loadLock().then((lock) => lock.eraseOpenLock());
    });
  };

  override render({ quizzes, needsJs, copy }: MyResultsIslandProps) {
    const state = this.controller.store.get();
    const groups = groupResults(quizzes, state.results);
    const { message, confirmingDeleteIds, confirmingErase, unbackedUp } = state;
    const words = copy.erase;
    const eraseParts = confirmingErase ? describeKeptParts(confirmingErase, words) : [];
    const oldest = unbackedUp[0];
    return (
      <div class="my-results">
        {!state.isReady && needsJs}
        <div class={state.isReady ? 'results-body' : 'results-body js-only'}>
          {state.loadProblem !== null && <p class="notice">{state.loadProblem}</p>}
          <div id="results-message" class="message-slot" tabIndex={-1}>
            {message && (
              <p
                class={message.kind === 'problem' ? 'notice' : 'status-note'}
                role={message.kind === 'problem' ? 'alert' : 'status'}
              >
                {message.text}
              </p>
            )}
          </div>
          {state.lockedFile !== null && <div id="locked-backup" />}
          {oldest && (
            <div class="notice backup-reminder">
              <p>
                {fill(unbackedUp.length === 1 ? copy.keeping.reminderOne : copy.keeping.reminderMany, {
                  count: unbackedUp.length,
                  date: formatTakenAt(oldest.takenAt),
                })}
              </p>
              <button type="button" class="button secondary" onClick={this.download}>
                Download a backup
              </button>
            </div>
          )}
          {groups.map((group) => (
            <section key={group.id} class="result-group" aria-labelledby={`group-${group.id}`}>
              <h2 id={`group-${group.id}`}>{group.title}</h2>
              {group.higherMeans && <p class="muted">{describeDirection(group.higherMeans)}</p>}
              {new Set(group.results.map((result) => result.quizVersion)).size > 1 && (
                <p class="muted">
                  Some of these results come from an earlier version of this check, with other statements, so compare them
                  with care.
                </p>
              )}
              <TrendChart
                points={group.results.map((result) => ({ score: result.normalized, label: formatShortDate(result.takenAt) }))}
                label={describeTrend(group.title, group.results)}
              />
              <h3 class="result-list-heading">
                {group.results.length === 1 ? 'Your saved result' : `Your ${group.results.length} saved results, oldest first`}
              </h3>
              <ol class="entry-list">
                {group.results.map((result) => {
                  const when = formatTakenAt(result.takenAt);
                  return (
                    <li key={result.id} class="entry-card result-card">
                      <p class="entry-when">{when}</p>
                      <p class="result-score">
                        <strong>{result.normalized}</strong> out of 100: {result.band.title}
                      </p>
                      {result.subscales.length > 0 && (
                        <p class="result-parts">
                          {result.subscales.map((part) => `${part.title}: ${part.normalized}`).join(' · ')}
                        </p>
                      )}
                      <button
                        type="button"
                        class="text-button danger"
                        onClick={() => this.then('results-message', () => this.controller.remove(result.id, when))}
                      >
                        Delete<span class="visually-hidden"> the result from {when}</span>
                      </button>
                    </li>
                  );
                })}
              </ol>
              {group.href && (
                <p>
                  <a href={group.href}>Take this check again</a>
                </p>
              )}
              {group.checkIn && <ReminderButton quizId={group.id} url={group.checkIn} copy={copy.reminder} />}
            </section>
          ))}

          <section class="results-tools" aria-labelledby="tools-heading">
            <h2 id="tools-heading">Keep a copy, or bring one back</h2>
            {/* Always there, so nothing moves when the browser's answer arrives; until then, and where browsers
                cannot say, "may clear" is the true sentence. */}
            <p class="keeping">{state.persistence === 'persisted' ? copy.keeping.persisted : copy.keeping.notPersisted}</p>
            <p>
              A backup is a small file with everything this site keeps on this device: your results, unfinished answers,
              notes, unsent messages and their log, check-in reminders and settings. Keep it somewhere safe, or bring it into another browser. Bringing one back adds what it holds
              and never removes anything.
            </p>
            {state.isReady && isLockSet() && <p>{copy.keeping.lockedBackup}</p>}
            <div class="tool-row">
              <button type="button" class="button secondary" onClick={this.download} disabled={!state.isReady}>
                Download a backup
              </button>
            </div>
            <div class="tool-row file-pick">
              <input
                id="import-file"
                class="visually-hidden"
                type="file"
                accept=".json,application/json"
                onChange={this.importFile}
                disabled={!state.isReady}
              />
              <label for="import-file" class="button secondary">
                Bring back a backup file
              </label>
            </div>
            {state.results.length > 0 && (
              <div class="tool-row">
                {confirmingDeleteIds ? (
                  <div id="confirm-delete-all" class="confirm-box" role="group" aria-labelledby="confirm-heading" tabIndex={-1}>
                    <h3 id="confirm-heading">Delete every saved result?</h3>
                    <p>
                      This removes{' '}
                      {confirmingDeleteIds.length === 1 ? 'your one saved result' : `all ${confirmingDeleteIds.length} of your saved results`}{' '}
                      from this device. It cannot be undone, unless you have downloaded a backup.
                    </p>
                    {state.results.length > confirmingDeleteIds.length && (
                      <p>
                        {fill(state.results.length - confirmingDeleteIds.length === 1 ? copy.savedSinceOne : copy.savedSinceMany, {
                          count: state.results.length - confirmingDeleteIds.length,
                        })}
                      </p>
                    )}
                    <div class="confirm-actions">
                      <button
                        type="button"
                        class="button danger"
                        onClick={() => this.then('results-message', () => this.controller.confirmDeleteAll())}
                      >
                        Yes, delete them all
                      </button>
                      <button
                        type="button"
                        class="button secondary"
                        onClick={() => this.then('delete-all', () => this.controller.cancelDeleteAll())}
                      >
                        No, keep them
                      </button>
                    </div>
                  </div>
                ) : (
                  <button
                    id="delete-all"
                    type="button"
                    class="button danger-outline"
                    onClick={() => this.then('confirm-delete-all', () => this.controller.askToDeleteAll())}
                  >
                    Delete all my results
                  </button>
                )}
              </div>
            )}
          </section>

          <section class="results-tools" id="erase-everything" aria-labelledby="erase-heading">
            <h2 id="erase-heading">Erase everything this site keeps</h2>
            <p>
              This removes, from this browser on this device, everything the site has kept: results, unfinished answers,
              notes, unsent messages and their log, check-in reminders, settings, your theme choice, the passphrase lock if
              you set one, and the copy of the site kept for offline use. Nothing is kept anywhere else.
            </p>
            {confirmingErase ? (
              <div id="confirm-erase" class="confirm-box" role="group" aria-labelledby="confirm-erase-heading" tabIndex={-1}>
                <h3 id="confirm-erase-heading">Erase everything?</h3>
                {eraseParts.length > 0 ? (
                  <>
                    <p>This will remove:</p>
                    <ul>
                      {[...eraseParts, words.offline].map((part) => (
                        <li key={part}>{part}</li>
                      ))}
                    </ul>
                  </>
                ) : (
                  <p>{words.nothing} The copy kept for offline use will be removed too.</p>
                )}
                <p>It cannot be undone, unless you have downloaded a backup.</p>
                <div class="confirm-actions">
                  <button type="button" class="button danger" onClick={this.erase}>
                    Yes, erase everything
                  </button>
                  <button
                    type="button"
                    class="button secondary"
                    onClick={() => this.then('erase-all', () => this.controller.cancelErase())}
                  >
                    No, keep it
                  </button>
                </div>
              </div>
            ) : (
              <button
                id="erase-all"
                type="button"
                class="button danger-outline"
                disabled={!state.isReady}
                onClick={() => this.withTools(() => this.then('confirm-erase', () => this.controller.askToErase()))}
              >
                Erase everything
              </button>
            )}
          </section>
        </div>
      </div>
    );
  }
}
