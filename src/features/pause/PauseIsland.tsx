import { Component, type ComponentChildren } from 'preact';
import { getLocalStorage, type StorageLike } from '../../kit/storage';
import { saveFile } from '../../kit/save-file';
import { requestPersistence } from '../../kit/persistence';
import { collectionKey, typingSaveDelay } from '../../kit/collection';
import { PREFERENCES_STORAGE_KEY } from '../../kit/preferences';
import { fill } from '../../kit/fill';
import { MAX_TEXT_LENGTH, PAUSE_DRAFTS, PAUSE_LOG, type PauseDraft, type PauseLogEntry } from './pause-data';
import { PAUSE_MS, countWeek, minutesLeft, msUntilNextMinute } from './pause-clock';
import { createPauseState, describeWeek, phaseOf, statusOf, type MessageArea, type PauseController, type PausePhase } from './pause-state';
import { logFileName, logToCsv } from './pause-export';
import type { PauseCopy } from './pause-copy';
import './pause.css';

export interface PauseIslandProps {
  copy: PauseCopy;
  /** What to do while waiting: links to the page's own sections (server-rendered passage). */
  meanwhile?: ComponentChildren;
  /** Only for tests: the storage and clock to use instead of the browser's. */
  environment?: { storage: StorageLike | null; now?: () => number };
}

/** How long typing must stop before the message is written, in ms. */
const SAVE_DELAY_MS = 400;
const WATCHED_KEYS = new Set([collectionKey(PAUSE_DRAFTS), collectionKey(PAUSE_LOG), PREFERENCES_STORAGE_KEY]);

function formatWhen(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

function formatTime(time: number): string {
  return new Date(time).toLocaleTimeString(undefined, { timeStyle: 'short' });
}

/**
 * "Before you text them": the reader writes the message they want to send, waits twenty minutes by the clock,
 * then deletes it, keeps it unsent, or copies it to send themselves (nothing is ever sent from here). Below
 * are the messages kept and a log of each pause with a gentle weekly count. Rules live in pause-state.ts.
 */
export default class PauseIsland extends Component<PauseIslandProps> {
  private readonly controller: PauseController;
  private unsubscribe: (() => void) | undefined;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private tickTimer: ReturnType<typeof setTimeout> | undefined;
  /** The id of the element to focus after the next render, and whether to select its text. */
  private focusNext: { id: string; select?: boolean } | null = null;
  private lastPhase: PausePhase = 'writing';

  constructor(props: PauseIslandProps) {
    super(props);
    const environment = props.environment ?? { storage: getLocalStorage(), onSaved: () => void requestPersistence() };
    this.controller = createPauseState(environment, props.copy);
  }

  override componentDidMount(): void {
    this.unsubscribe = this.controller.store.subscribe(() => this.forceUpdate());
    this.controller.init();
    addEventListener('storage', this.onStorage);
    addEventListener('pagehide', this.flush);
    document.addEventListener('visibilitychange', this.onVisibility);
  }

  override componentWillUnmount(): void {
    this.unsubscribe?.();
    clearTimeout(this.saveTimer);
    clearTimeout(this.tickTimer);
    removeEventListener('storage', this.onStorage);
    removeEventListener('pagehide', this.flush);
    document.removeEventListener('visibilitychange', this.onVisibility);
  }

  override componentDidUpdate(): void {
    const state = this.controller.store.get();
    const phase = this.phase();
    // The pause ran out under the reader's focus (its buttons are gone): the choices take it.
    if (this.lastPhase === 'running' && phase === 'choosing' && this.focusNext === null && document.activeElement === document.body) {
      this.focusNext = { id: 'pause-choosing' };
    }
    this.lastPhase = phase;
    this.schedule(state.isReady ? statusOf(this.current(), state.now) : null);
    if (this.focusNext === null) return;
    const element = document.getElementById(this.focusNext.id);
    element?.focus();
    if (this.focusNext.select && element instanceof HTMLTextAreaElement) element.select();
    this.focusNext = null;
  }

  private current(): PauseDraft | null {
    const { drafts, currentId } = this.controller.store.get();
    return drafts.find((draft) => draft.id === currentId) ?? null;
  }

  private phase(): PausePhase {
    return phaseOf(this.current(), this.controller.store.get().now);
  }

  /** While the pause runs, looks at the clock again when the minutes shown would change, and not before. */
  private schedule(status: ReturnType<typeof statusOf>): void {
    clearTimeout(this.tickTimer);
    if (status?.phase !== 'running') return;
    this.tickTimer = setTimeout(() => this.controller.tick(), msUntilNextMinute(status.remainingMs) + 50);
  }

  private readonly onStorage = (event: StorageEvent): void => {
    if (event.key === null || WATCHED_KEYS.has(event.key)) this.controller.reload();
  };

  private readonly onVisibility = (): void => {
    if (document.visibilityState === 'hidden') this.flush();
    else this.controller.tick();
  };

  private readonly flush = (): void => {
    clearTimeout(this.saveTimer);
    this.controller.flush();
  };

  private readonly onInput = (event: Event): void => {
    this.controller.setText((event.currentTarget as HTMLTextAreaElement).value);
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(this.flush, typingSaveDelay(SAVE_DELAY_MS));
  };

  private then(focus: string, action: () => void): void {
    this.focusNext = { id: focus };
    action();
  }

  private readonly start = (): void => {
    clearTimeout(this.saveTimer);
    const started = this.controller.start();
    this.focusNext = { id: started ? 'pause-running' : 'pause-text' };
    this.forceUpdate();
  };

  /** Copies the message for the reader to paste; where the browser will not, selects it and says how. */
  private readonly copy = (): void => {
    const { text } = this.controller.store.get();
    const failed = (): void => {
      this.focusNext = { id: 'pause-text', select: true };
      this.controller.setCopyResult('fallback');
    };
    if (!navigator.clipboard?.writeText) {
      failed();
      return;
    }
    navigator.clipboard.writeText(text).then(() => this.then('pause-copied', () => this.controller.setCopyResult('copied')), failed);
  };

  private readonly send = (): void => {
    this.controller.choose('send');
    this.copy();
  };

  private readonly download = (): void => {
    const date = new Date(this.controller.store.get().now || Date.now());
    const text = logToCsv(this.controller.store.get().log, this.props.copy);
    saveFile(logFileName(date), text, 'text/csv');
  };

  private message(area: MessageArea) {
    const { message } = this.controller.store.get();
    return (
      <div id={`pause-message-${area}`} class="message-slot" tabIndex={-1}>
        {message?.area === area && (
          <p class={message.kind === 'problem' ? 'notice' : 'status-note'} role={message.kind === 'problem' ? 'alert' : 'status'}>
            {message.text}
          </p>
        )}
      </div>
    );
  }

  private renderSaving() {
    const { copy } = this.props;
    const { isSaving, isFailing, isReady } = this.controller.store.get();
    if (!isSaving) {
      return (
        <div class="pause-saving notice" id="pause-saving">
          <p>{copy.saving.off}</p>
          <p>
            <button type="button" class="button secondary" onClick={() => this.then('pause-message-tool', () => this.controller.turnSavingOn())}>
              {copy.saving.turnOn}
            </button>{' '}
            <span class="pause-hint">{copy.saving.turnOnHint}</span>
          </p>
        </div>
      );
    }
    return (
      <p class="pause-saving pause-hint" id="pause-saving">
        {isReady && isFailing ? copy.saving.failing : copy.saving.on}
      </p>
    );
  }

  /** A question that waits for an answer; each answer moves focus to the element named with it. */
  private renderQuestion(
    id: string,
    words: { confirmHeading: string; confirmYes: string; confirmNo: string },
    body: ComponentChildren,
    answers: { yes: [string, () => void]; no: [string, () => void] },
  ) {
    return (
      <div id={id} class="pause-confirm" role="group" aria-labelledby={`${id}-heading`} tabIndex={-1}>
        <h4 id={`${id}-heading`}>{words.confirmHeading}</h4>
        {body}
        <div class="pause-actions">
          <button type="button" class="button" onClick={() => this.then(...answers.yes)}>
            {words.confirmYes}
          </button>
          <button type="button" class="button secondary" onClick={() => this.then(...answers.no)}>
            {words.confirmNo}
          </button>
        </div>
      </div>
    );
  }

  private renderRunning() {
    const { copy, meanwhile } = this.props;
    const state = this.controller.store.get();
    const status = statusOf(this.current(), state.now);
    if (status?.phase !== 'running') return null;
    const minutes = minutesLeft(status.remainingMs);
    const words = copy.running;
    const left = minutes === 0 ? words.leftNone : minutes === 1 ? words.leftOne : fill(words.left, { count: minutes });
    return (
      <div id="pause-running" class="pause-box" role="group" aria-labelledby="pause-running-heading" tabIndex={-1}>
        <h3 id="pause-running-heading">{words.heading}</h3>
        <p class="pause-left" id="pause-left">
          {left}
        </p>
        {/* The bar holds the minutes shown above, out of twenty: it empties as they go, and says the same words. */}
        <progress class="pause-bar" max={PAUSE_MS / 60_000} value={minutes} aria-labelledby="pause-left" aria-valuetext={left} />
        <p>{fill(words.ends, { time: formatTime(status.endsAt) })}</p>
        {state.isClockReset && <p class="pause-hint">{words.clockBehind}</p>}
        <p>{words.keepWriting}</p>
        {meanwhile}
        {state.isConfirmingEarly ? (
          this.renderQuestion('pause-confirm-early', words, <p>{words.confirmText}</p>, {
            yes: ['pause-choosing', () => this.controller.chooseNow()],
            no: ['pause-choose-now', () => this.controller.cancelChooseNow()],
          })
        ) : (
          <button
            id="pause-choose-now"
            type="button"
            class="button secondary"
            onClick={() => this.then('pause-confirm-early', () => this.controller.askToChooseNow())}
          >
            {words.chooseNow}
          </button>
        )}
      </div>
    );
  }

  private renderChoosing() {
    const { copy } = this.props;
    const state = this.controller.store.get();
    const status = statusOf(this.current(), state.now);
    const words = copy.choosing;
    const feelings = [['', words.feelingNone], ...Object.entries(copy.feelings)];
    return (
      <div id="pause-choosing" class="pause-box" role="group" aria-labelledby="pause-choosing-heading" tabIndex={-1}>
        <h3 id="pause-choosing-heading">{status?.phase === 'over' && status.endedEarly ? words.headingEarly : words.headingOver}</h3>
        <p>{words.intro}</p>
        <fieldset class="pause-feelings">
          <legend>{words.feelingLegend}</legend>
          {feelings.map(([id, label]) => (
            <label key={id} class="pause-feeling">
              <input
                type="radio"
                name="pause-feeling"
                value={id}
                checked={(state.feeling ?? '') === id}
                onChange={() => this.controller.setFeeling(id === '' ? null : id!)}
              />
              <span>{label}</span>
            </label>
          ))}
        </fieldset>
        <div class="pause-actions pause-choices">
          <button type="button" class="button secondary" onClick={() => this.then('pause-message-tool', () => this.controller.choose('delete'))}>
            {words.delete}
          </button>
          <button type="button" class="button secondary" onClick={() => this.then('pause-message-tool', () => this.controller.choose('keep'))}>
            {words.keep}
          </button>
          <button type="button" class="button secondary" aria-describedby="pause-send-hint" onClick={this.send}>
            {words.send}
          </button>
        </div>
        <p id="pause-send-hint" class="pause-hint">
          {words.sendHint}
        </p>
      </div>
    );
  }

  private renderCopied() {
    const { copy } = this.props;
    const { copyResult } = this.controller.store.get();
    const words = copy.copied;
    const line = copyResult === 'copied' ? words.done : copyResult === 'fallback' ? words.fallback : words.chosen;
    return (
      <div id="pause-copied" class="pause-box" tabIndex={-1}>
        <p class={copyResult === 'fallback' ? 'notice' : 'status-note'} role="status">
          {line}
        </p>
        <div class="pause-actions">
          <button type="button" class="button" onClick={this.copy}>
            {words.copy}
          </button>
          <button type="button" class="button secondary" onClick={() => this.then('pause-message-tool', () => this.controller.settleCopied('delete'))}>
            {words.delete}
          </button>
          <button type="button" class="button secondary" onClick={() => this.then('pause-message-tool', () => this.controller.settleCopied('keep'))}>
            {words.keep}
          </button>
        </div>
      </div>
    );
  }

  private renderKept() {
    const { copy } = this.props;
    const { drafts, currentId } = this.controller.store.get();
    const others = drafts.filter((draft) => draft.id !== currentId).reverse();
    const words = copy.keptList;
    return (
      <>
        {this.message('kept')}
        {others.length > 0 && (
          <section class="pause-section" aria-labelledby="pause-kept-heading">
            <h3 id="pause-kept-heading">{words.heading}</h3>
            <ul class="entry-list">
              {others.map((draft) => {
                const date = formatWhen(draft.keptAt ?? draft.createdAt);
                return (
                  <li key={draft.id} class="entry-card">
                    <p class="entry-when">{fill(draft.keptAt === null ? words.unfinished : words.keptOn, { date })}</p>
                    <details class="pause-kept">
                      <summary>{words.show}</summary>
                      <p class="pause-kept-text">{draft.text}</p>
                    </details>
                    <button
                      type="button"
                      class="text-button"
                      onClick={() => this.then('pause-message-kept', () => this.controller.deleteKept(draft.id, date))}
                    >
                      {words.delete}
                      <span class="visually-hidden"> {fill(words.deleteLabel, { date })}</span>
                    </button>
                  </li>
                );
              })}
            </ul>
          </section>
        )}
      </>
    );
  }

  private renderLogEntry(entry: PauseLogEntry) {
    const { copy } = this.props;
    const words = copy.log;
    const date = formatWhen(entry.chosenAt);
    const details = [
      words.choices[entry.choice],
      entry.feeling && (copy.feelings[entry.feeling] ?? entry.feeling),
      entry.endedEarly && words.early,
    ].filter((part): part is string => typeof part === 'string' && part !== '');
    return (
      <li key={entry.id} class="entry-card">
        <p class="entry-when">{date}</p>
        <p>{details.join(' · ')}</p>
        <button type="button" class="text-button" onClick={() => this.then('pause-message-log', () => this.controller.deleteLogEntry(entry.id, date))}>
          {words.delete}
          <span class="visually-hidden"> {fill(words.deleteLabel, { date })}</span>
        </button>
      </li>
    );
  }

  private renderLog() {
    const { copy } = this.props;
    const { log, confirmingLogIds, now, isReady } = this.controller.store.get();
    const words = copy.log;
    const extra = confirmingLogIds ? log.length - confirmingLogIds.length : 0;
    return (
      <section class="pause-section" aria-labelledby="pause-log-heading">
        <h3 id="pause-log-heading">{words.heading}</h3>
        <p>{words.intro}</p>
        {isReady && log.length > 0 && (
          <p class="pause-week">
            {describeWeek(countWeek(log, new Date(now)), words)} <span class="pause-hint">{words.weekStarts}</span>
          </p>
        )}
        {this.message('log')}
        {log.length === 0 ? (
          <p class="pause-hint">{words.empty}</p>
        ) : (
          <>
            <ul class="entry-list">{[...log].reverse().map((entry) => this.renderLogEntry(entry))}</ul>
            <div class="pause-actions">
              <button type="button" class="button secondary" onClick={this.download}>
                {words.download}
              </button>
              {!confirmingLogIds && (
                <button id="pause-delete-log" type="button" class="button secondary" onClick={() => this.then('pause-confirm-log', () => this.controller.askToDeleteLog())}>
                  {words.deleteAll}
                </button>
              )}
            </div>
            {confirmingLogIds &&
              this.renderQuestion(
                'pause-confirm-log',
                confirmingLogIds.length === 1 ? { ...words, confirmYes: words.confirmYesOne, confirmNo: words.confirmNoOne } : words,
                <>
                  <p>{fill(confirmingLogIds.length === 1 ? words.confirmOne : words.confirmMany, { count: confirmingLogIds.length })}</p>
                  {extra > 0 && <p>{fill(extra === 1 ? words.addedSinceOne : words.addedSinceMany, { count: extra })}</p>}
                </>,
                { yes: ['pause-message-log', () => this.controller.confirmDeleteLog()], no: ['pause-delete-log', () => this.controller.cancelDeleteLog()] },
              )}
          </>
        )}
      </section>
    );
  }

  override render({ copy }: PauseIslandProps) {
    const state = this.controller.store.get();
    const phase = state.isReady ? this.phase() : 'writing';
    return (
      <div class="pause">
        {state.loadProblem !== null && <p class="notice">{state.loadProblem}</p>}
        {this.renderSaving()}
        {this.message('tool')}
        <label for="pause-text" class="pause-label">
          {copy.label}
        </label>
        <textarea
          id="pause-text"
          class="text-box pause-text"
          rows={6}
          maxLength={MAX_TEXT_LENGTH}
          value={state.text}
          onInput={this.onInput}
          readOnly={phase === 'copied'}
          disabled={!state.isReady}
          aria-describedby="pause-saving"
          spellcheck={false}
          autoComplete="off"
        />
        {phase === 'writing' && (
          <p>
            <button type="button" class="button" onClick={this.start} disabled={!state.isReady}>
              {copy.start}
            </button>
          </p>
        )}
        {phase === 'running' && this.renderRunning()}
        {phase === 'choosing' && this.renderChoosing()}
        {phase === 'copied' && this.renderCopied()}
        <p id="pause-announce" class="visually-hidden" role="status">
          {state.announcement}
        </p>
        {this.renderKept()}
        {this.renderLog()}
      </div>
    );
  }
}
