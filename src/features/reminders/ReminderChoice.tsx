/**
 * The reminder choice, loaded by ReminderButton on the first click: one week or one month, then a calendar file
 * (ics.ts) to download. While saving is on (kit/preferences.ts, the quizzes' choice) the device remembers the
 * event's UID and last SEQUENCE per quiz (reminder-records.ts), so a second download moves the same reminder.
 *
 * Storage comes from getLocalStorage() when the choice starts. Islands only start once a passphrase lock is
 * open, but this part may start later, so it goes through the lock's own gate when a lock is set.
 */
import { Component } from 'preact';
import lockUrl from 'virtual:lock-url';
import { KEY_PREFIX, getLocalStorage, isLockSet, useStore, type StorageLike } from '../../kit/storage';
import { loadCollection, putEntry } from '../../kit/collection';
import { loadPreferences } from '../../kit/preferences';
import { fill } from '../../kit/fill';
import { saveFile } from '../../kit/save-file';
import { buildCalendar } from './ics';
import { REMINDERS, nextRecord, reminderDay, reminderEvent, type ReminderSpan } from './reminder-records';
import type { ReminderCopy } from './reminders-copy';

/** The store to use: at once without a lock, else once the lock is open on this page. */
async function openStorage(): Promise<StorageLike | null> {
  if (!isLockSet()) return getLocalStorage();
  const lock = await (import(/* @vite-ignore */ lockUrl) as Promise<typeof import('../lock/lock-ui')>);
  lock.connect(useStore);
  return new Promise((resolve) => lock.whenOpen(() => resolve(getLocalStorage())));
}

/** A new event's UID: random, and named after the site so calendars keep it apart from others. */
function newUid(url: string): string {
  return `${crypto.randomUUID()}@${new URL(url).hostname}`;
}

export interface ReminderChoiceProps {
  quizId: string;
  url: string;
  copy: ReminderCopy;
  /** Only for tests: the storage to use instead of the browser's. */
  environment?: { storage: StorageLike | null };
}

interface ReminderChoiceState {
  span: ReminderSpan;
  /** What this device knows, once its storage is open. */
  isReady: boolean;
  isSaving: boolean;
  hasRecord: boolean;
  /** What the last download did. */
  status: string;
}

/** The days on offer, in the reader's own words. */
function describeDay(day: Date, copy: ReminderCopy): string {
  return fill(copy.at, { day: day.toLocaleDateString(undefined, { weekday: 'long', day: 'numeric', month: 'long' }) });
}

export class ReminderChoice extends Component<ReminderChoiceProps, ReminderChoiceState> {
  override state: ReminderChoiceState = { span: 'week', isReady: false, isSaving: true, hasRecord: false, status: '' };
  private storage: StorageLike | null = null;

  override componentDidMount(): void {
    document.getElementById(`reminder-${this.props.quizId}-week`)?.focus();
    const { environment } = this.props;
    void (environment ? Promise.resolve(environment.storage) : openStorage()).then((storage) => {
      this.storage = storage;
      this.refresh();
      addEventListener('storage', this.onStorage);
    });
  }

  override componentWillUnmount(): void {
    removeEventListener('storage', this.onStorage);
  }

  private refresh(): void {
    const hasRecord = loadCollection(this.storage, REMINDERS).entries.some(({ id }) => id === this.props.quizId);
    this.setState({ isReady: true, isSaving: loadPreferences(this.storage).isSavingResults, hasRecord });
  }

  /** Another tab downloaded a reminder or changed the saving choice. */
  private readonly onStorage = (event: StorageEvent): void => {
    if (event.key === null || event.key.startsWith(KEY_PREFIX)) this.refresh();
  };

  private readonly download = (): void => {
    const { quizId, url, copy } = this.props;
    const storage = this.storage;
    const now = new Date();
    const day = reminderDay(now, this.state.span);
    const date = describeDay(day, copy);
    let status: string;
    let record = { uid: newUid(url), sequence: 0 };
    if (loadPreferences(storage).isSavingResults) {
      const existing = loadCollection(storage, REMINDERS).entries.find(({ id }) => id === quizId);
      const next = nextRecord(existing, quizId, now, () => record.uid);
      const outcome = putEntry(storage, REMINDERS, next);
      // The file still downloads when the device cannot remember it: the reader asked for a reminder.
      if (outcome.ok || existing) record = next;
      status = outcome.ok ? fill(existing ? copy.moved : copy.downloaded, { date }) : copy.notKept[outcome.reason];
    } else status = fill(copy.downloadedNotSaving, { date });
    saveFile(copy.fileName, buildCalendar(reminderEvent(record, day, url, copy.calendar, now)), 'text/calendar');
    this.setState({ status });
    this.refresh();
  };

  override render({ quizId, copy }: ReminderChoiceProps, { span, isReady, isSaving, hasRecord, status }: ReminderChoiceState) {
    const now = new Date();
    const options: Array<[ReminderSpan, string]> = [
      ['week', copy.week],
      ['month', copy.month],
    ];
    return (
      <div class="reminder-choice">
        <fieldset>
          <legend>{copy.legend}</legend>
          {options.map(([value, words]) => (
            <label key={value} class="checkbox">
              <input
                id={`reminder-${quizId}-${value}`}
                type="radio"
                name={`reminder-${quizId}`}
                value={value}
                checked={span === value}
                onChange={() => this.setState({ span: value })}
              />
              <span>{fill(words, { date: describeDay(reminderDay(now, value), copy) })}</span>
            </label>
          ))}
        </fieldset>
        <p class="muted">{isSaving ? copy.explain : copy.explainNotSaving}</p>
        {isSaving && hasRecord && status === '' && <p class="muted">{copy.before}</p>}
        <button type="button" class="button" onClick={this.download} disabled={!isReady}>
          {copy.download}
        </button>
        <p class="reminder-status" role="status">
          {status}
        </p>
      </div>
    );
  }
}
