/**
 * The lock as the reader meets it, fetched by URL (kit/chunk-url.ts) only where it is needed:
 * - `gate(root, start)`: kit/hydrate.ts hands over each island of a page when a lock is set. If the lock is
 *   already open (another page opened it less than ten idle minutes ago) the islands start at once, with a
 *   "Lock now" bar above the first. Otherwise the islands stay hidden behind a passphrase form; the right
 *   passphrase starts them, a wrong one changes nothing. "Forgot your passphrase?" offers erasing everything.
 * - `mountSettings(container)`: My results' section for setting, changing and removing the lock.
 * - `sealBackup` / `openLockedBackup`: the backup file while the lock is on.
 */
import { Component, render, type ComponentChildren } from 'preact';
import { eraseOfflineCopy } from '../device-data/erase-offline';
import { CACHE_PREFIX, fillIn as fill } from './lock-names';
import { MIN_PASSPHRASE_LENGTH } from './lock-crypto';
import { LOCK_COPY } from './lock-copy';
import {
  activeStorage,
  changeLockPassphrase,
  connect,
  eraseLockedEverything,
  eraseOpenLock,
  isLockSet,
  listen,
  lockNow,
  openLockedBackup,
  removeLock,
  resume,
  setLock,
  unlock,
} from './lock-manager';
import { SAVE_FAILED_EVENT } from './locked-storage';

export { connect, eraseOpenLock, openLockedBackup };

const words = LOCK_COPY;

/** Seals a backup's text under the open lock; the text as it is when no lock is open. */
export function sealBackup(text: string, exportedAt: Date): Promise<string> {
  const storage = activeStorage();
  return storage ? storage.sealBackup(text, exportedAt) : Promise.resolve(text);
}

function serviceWorkerScope(): string {
  const scope = document.documentElement.dataset.serviceWorker?.replace(/sw\.js$/, '') ?? '/';
  return new URL(scope, location.href).href;
}

interface FieldProps {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  autocomplete: string;
  describedBy?: string;
}

function PassphraseField({ id, label, value, onInput, autocomplete, describedBy }: FieldProps) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="password"
        value={value}
        autocomplete={autocomplete}
        spellcheck={false}
        aria-describedby={describedBy}
        onInput={(event) => onInput((event.currentTarget as HTMLInputElement).value)}
      />
    </div>
  );
}

function Status({ id, text, isProblem }: { id: string; text: string; isProblem: boolean }) {
  return (
    <p id={id} class={isProblem ? 'lock-problem' : 'lock-status'} role={isProblem ? 'alert' : 'status'}>
      {text}
    </p>
  );
}

interface GateState {
  passphrase: string;
  busy: boolean;
  problem: string | null;
  isConfirmingErase: boolean;
}

/** The passphrase form shown instead of a page's tools while the lock is closed. */
class Gate extends Component<{ onOpen: () => void }, GateState> {
  override state: GateState = { passphrase: '', busy: false, problem: null, isConfirmingErase: false };

  private readonly submit = async (event: Event) => {
    event.preventDefault();
    const { passphrase, busy } = this.state;
    if (busy) return;
    if (passphrase === '') return this.setState({ problem: words.gate.empty });
    this.setState({ busy: true, problem: null });
    const outcome = await unlock(passphrase);
    if (outcome.ok) return this.props.onOpen();
    const problems = { 'wrong-passphrase': words.gate.wrong, damaged: words.gate.damaged, missing: words.gate.damaged, newer: words.gate.newer };
    this.setState({ busy: false, problem: problems[outcome.reason], passphrase: '' });
    document.getElementById('lock-passphrase')?.focus();
  };

  private readonly erase = async () => {
    await eraseOfflineCopy(CACHE_PREFIX, serviceWorkerScope());
    await eraseLockedEverything();
    location.reload();
  };

  override render(_: unknown, { passphrase, busy, problem, isConfirmingErase }: GateState) {
    const g = words.gate;
    return (
      <section class="box lock-gate" aria-labelledby="lock-heading">
        <h2 id="lock-heading">{g.heading}</h2>
        <p>{g.intro}</p>
        <form onSubmit={this.submit} noValidate>
          <PassphraseField
            id="lock-passphrase"
            label={g.label}
            value={passphrase}
            autocomplete="current-password"
            describedBy={problem ? 'lock-problem' : undefined}
            onInput={(value) => this.setState({ passphrase: value })}
          />
          <button type="submit" class="button" aria-disabled={busy}>
            {g.open}
          </button>
        </form>
        <div aria-live="polite">{busy && <p class="lock-status">{g.opening}</p>}</div>
        {problem && <Status id="lock-problem" text={problem} isProblem />}
        <details class="lock-forgot">
          <summary>{g.forgotSummary}</summary>
          <p>{g.forgot}</p>
          {isConfirmingErase ? (
            <div class="confirm-box" role="group" aria-label={g.erase}>
              <p>{g.eraseQuestion}</p>
              <div class="confirm-actions">
                <button type="button" class="button danger" onClick={() => void this.erase()}>
                  {g.eraseConfirm}
                </button>
                <button type="button" class="button secondary" onClick={() => this.setState({ isConfirmingErase: false })}>
                  {g.eraseCancel}
                </button>
              </div>
            </div>
          ) : (
            <button type="button" class="button danger-outline" onClick={() => this.setState({ isConfirmingErase: true })}>
              {g.erase}
            </button>
          )}
        </details>
      </section>
    );
  }
}

/** Above a page's tools while the lock is open: that it is, and "Lock now"; and any write that failed. */
class Bar extends Component<object, { saveFailed: boolean }> {
  override state = { saveFailed: false };
  override componentDidMount() {
    addEventListener(SAVE_FAILED_EVENT, () => this.setState({ saveFailed: true }));
  }
  override render(_: unknown, { saveFailed }: { saveFailed: boolean }) {
    return (
      <div class="lock-bar">
        <p>{words.bar.open}</p>
        <button type="button" class="button secondary" onClick={() => void lockNow()}>
          {words.bar.lockNow}
        </button>
        <div role="alert">{saveFailed && <p class="lock-problem">{words.bar.saveFailed}</p>}</div>
      </div>
    );
  }
}

const waiting: Array<{ root: HTMLElement; start: () => void }> = [];
let opened: Promise<boolean> | null = null;

function mountBefore(root: HTMLElement, children: ComponentChildren): HTMLElement {
  const host = document.createElement('div');
  host.className = 'lock-host';
  root.before(host);
  render(children, host);
  return host;
}

function startAll(): void {
  const first = waiting[0];
  if (first) mountBefore(first.root, <Bar />);
  for (const { root, start } of waiting.splice(0)) {
    root.hidden = false;
    start();
  }
}

/** Holds an island until the lock is open, then starts it (see the top of this file). */
export function gate(root: HTMLElement, start: () => void): void {
  waiting.push({ root, start });
  root.hidden = true;
  if (opened) {
    void opened.then((isOpen) => isOpen && startAll());
    return;
  }
  opened = resume().then((storage) => storage !== null);
  void opened.then((isOpen) => {
    if (isOpen) return startAll();
    // What only makes sense once the data can be read (My results' "nothing saved yet") waits too.
    for (const element of document.querySelectorAll<HTMLElement>('[data-hidden-while-locked]')) element.hidden = true;
    const host = mountBefore(waiting[0]!.root, null);
    const open = () => {
      render(null, host);
      host.remove();
      startAll();
    };
    render(<Gate onOpen={open} />, host);
    // Opened in another tab meanwhile: take that session.
    listen({ opened: () => void resume().then((storage) => storage && open()) });
  });
}

interface SettingsState {
  isSet: boolean;
  passphrase: string;
  repeat: string;
  current: string;
  removeCurrent: string;
  understood: boolean;
  busy: boolean;
  message: { text: string; isProblem: boolean } | null;
}

/** My results' lock section: set a lock, or with one set, lock now, change the passphrase, take it off. */
class Settings extends Component<object, SettingsState> {
  override state: SettingsState = {
    isSet: isLockSet(),
    passphrase: '',
    repeat: '',
    current: '',
    removeCurrent: '',
    understood: false,
    busy: false,
    message: null,
  };

  private say(text: string, isProblem: boolean, extra: Partial<SettingsState> = {}) {
    this.setState({ busy: false, message: { text, isProblem }, ...extra });
    document.getElementById('lock-settings-message')?.focus();
  }

  private checkNew(): string | null {
    const { passphrase, repeat } = this.state;
    const s = words.settings;
    if (passphrase.length < MIN_PASSPHRASE_LENGTH) return fill(s.tooShort, { min: MIN_PASSPHRASE_LENGTH });
    if (passphrase !== repeat) return s.mismatch;
    return null;
  }

  private readonly set = async (event: Event) => {
    event.preventDefault();
    const s = words.settings;
    const problem = this.checkNew() ?? (this.state.understood ? null : s.mustUnderstand);
    if (problem) return this.say(problem, true);
    this.setState({ busy: true, message: { text: s.setting, isProblem: false } });
    const outcome = await setLock(this.state.passphrase);
    if (!outcome.ok) return this.say(s.setFailed, true);
    this.say(s.setDone, false, { isSet: true, passphrase: '', repeat: '', understood: false });
  };

  private readonly change = async (event: Event) => {
    event.preventDefault();
    const s = words.settings;
    const problem = this.checkNew();
    if (problem) return this.say(problem, true);
    this.setState({ busy: true, message: { text: s.working, isProblem: false } });
    const outcome = await changeLockPassphrase(this.state.current, this.state.passphrase);
    if (!outcome.ok) return this.say(s.wrong, true, { current: '' });
    this.say(s.changed, false, { current: '', passphrase: '', repeat: '' });
  };

  private readonly remove = async (event: Event) => {
    event.preventDefault();
    const s = words.settings;
    this.setState({ busy: true, message: { text: s.working, isProblem: false } });
    const outcome = await removeLock(this.state.removeCurrent);
    if (!outcome.ok) this.say(s.wrong, true, { removeCurrent: '' });
  };

  override render(_: unknown, state: SettingsState) {
    const s = words.settings;
    const { isSet, passphrase, repeat, current, removeCurrent, understood, busy, message } = state;
    const newFields = (
      <>
        <PassphraseField id="lock-new" label={fill(s.newLabel, { min: MIN_PASSPHRASE_LENGTH })} value={passphrase} autocomplete="new-password" onInput={(value) => this.setState({ passphrase: value })} />
        <PassphraseField id="lock-repeat" label={s.repeatLabel} value={repeat} autocomplete="new-password" onInput={(value) => this.setState({ repeat: value })} />
      </>
    );
    return (
      <div class="lock-settings">
        <div id="lock-settings-message" tabIndex={-1}>
          {message && <Status id="lock-settings-status" text={message.text} isProblem={message.isProblem} />}
        </div>
        {isSet ? (
          <>
            <p>{s.onIntro}</p>
            <p>{s.protects}</p>
            <button type="button" class="button" onClick={() => void lockNow()}>
              {s.lockNow}
            </button>
            <form onSubmit={this.change} noValidate>
              <h3>{s.changeHeading}</h3>
              <PassphraseField id="lock-current" label={s.currentLabel} value={current} autocomplete="current-password" onInput={(value) => this.setState({ current: value })} />
              {newFields}
              <button type="submit" class="button secondary" aria-disabled={busy}>
                {s.change}
              </button>
            </form>
            <form onSubmit={this.remove} noValidate>
              <h3>{s.removeHeading}</h3>
              <p>{s.removeIntro}</p>
              <PassphraseField id="lock-remove" label={s.currentLabel} value={removeCurrent} autocomplete="current-password" onInput={(value) => this.setState({ removeCurrent: value })} />
              <button type="submit" class="button danger-outline" aria-disabled={busy}>
                {s.remove}
              </button>
            </form>
          </>
        ) : (
          <form onSubmit={this.set} noValidate>
            <p>{s.offIntro}</p>
            <p>{s.protects}</p>
            <p class="lock-warning">
              <strong>{s.warning}</strong>
            </p>
            {newFields}
            <label class="checkbox">
              <input type="checkbox" checked={understood} onChange={(event) => this.setState({ understood: (event.currentTarget as HTMLInputElement).checked })} />
              <span>{s.understand}</span>
            </label>
            <button type="submit" class="button" aria-disabled={busy}>
              {s.set}
            </button>
          </form>
        )}
      </div>
    );
  }
}

/** Renders the lock settings into My results' section. */
export function mountSettings(container: HTMLElement): void {
  container.replaceChildren();
  render(<Settings />, container);
}

/** Runs `then` once the lock is open on this page (at once when it already is). */
export function whenOpen(then: () => void): void {
  if (activeStorage()) return then();
  void opened?.then((isOpen) => isOpen && then());
  listen({ opened: () => void resume().then((storage) => storage && then()) });
}

interface BackupFormState {
  passphrase: string;
  busy: boolean;
  problem: string | null;
}

/** Asks for a locked backup's passphrase, then hands over the plain backup inside. */
class BackupPassphrase extends Component<{ text: string; onText: (text: string) => void }, BackupFormState> {
  override state: BackupFormState = { passphrase: '', busy: false, problem: null };

  private readonly submit = async (event: Event) => {
    event.preventDefault();
    if (this.state.busy) return;
    this.setState({ busy: true, problem: null });
    const outcome = await openLockedBackup(this.props.text, this.state.passphrase);
    if (outcome.ok) return this.props.onText(outcome.text);
    this.setState({ busy: false, passphrase: '', problem: outcome.reason === 'damaged' ? words.backup.damaged : words.backup.wrong });
    document.getElementById('backup-passphrase')?.focus();
  };

  override render(_: unknown, { passphrase, busy, problem }: BackupFormState) {
    const b = words.backup;
    return (
      <form class="box" onSubmit={this.submit} noValidate aria-labelledby="backup-lock-heading">
        <h3 id="backup-lock-heading">{b.heading}</h3>
        <p>{b.intro}</p>
        <PassphraseField
          id="backup-passphrase"
          label={b.label}
          value={passphrase}
          autocomplete="current-password"
          describedBy={problem ? 'backup-lock-problem' : undefined}
          onInput={(value) => this.setState({ passphrase: value })}
        />
        <button type="submit" class="button" aria-disabled={busy}>
          {b.open}
        </button>
        <div aria-live="polite">{busy && <p class="lock-status">{words.settings.working}</p>}</div>
        {problem && <Status id="backup-lock-problem" text={problem} isProblem />}
      </form>
    );
  }
}

/** Renders the locked backup's passphrase form into `container`; `onText` gets the plain backup. */
export function askBackupPassphrase(container: HTMLElement, text: string, onText: (text: string) => void): void {
  render(
    <BackupPassphrase
      text={text}
      onText={(plain) => {
        render(null, container);
        onText(plain);
      }}
    />,
    container,
  );
  document.getElementById('backup-passphrase')?.focus();
}
