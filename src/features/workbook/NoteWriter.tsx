import { Component } from 'preact';
import type { StorageLike } from '../../kit/storage';
import { typingSaveDelay } from '../../kit/collection';
import { requestPersistence } from '../../kit/persistence';
import { fill } from '../../kit/fill';
import { createNoteDraft, type DraftNews, type NoteDraft } from './note-draft';
import type { Exercise } from './workbook';
import { WORKBOOK_KEY } from './workbook-spec';
import type { WriterCopy } from './workbook-copy';

/** The addresses the writer links to. */
export interface WriterLinks {
  /** My notes, linked from the writer on a reading page (not on My notes itself). */
  myNotes?: string;
  myResults: string;
}

export interface NoteWriterProps {
  exercise: Exercise;
  copy: WriterCopy;
  links: WriterLinks;
  /** The browser's storage, asked for once by the page (kit/storage.ts getLocalStorage). */
  storage: StorageLike | null;
  /** Makes ids unique when several writers can be on one page. */
  idPrefix: string;
  /** "Done writing": the writer is closed; `isStored` says whether a note is kept now. */
  onDone(isStored: boolean): void;
  /** Focus the first thing to do as soon as the writer shows. */
  autoFocus?: boolean;
  /** Only for tests: the clock. */
  now?: () => Date;
}

/** How long after the last key press the words are stored. */
export const SAVE_DELAY_MS = 600;

function describeNews(news: DraftNews | null, copy: WriterCopy): string {
  if (news === null) return '';
  if (news.kind === 'saved') return copy.saved;
  if (news.kind === 'saved-again') return copy.savedAgain;
  if (news.kind === 'joined') return fill(copy.joined, { number: news.step + 1 });
  if (news.kind === 'updated') return copy.updated;
  if (news.kind === 'gone') return copy.gone;
  return copy.nowKept;
}

/**
 * A note being written: one box per step, kept as the reader writes (a moment after typing stops, when a box
 * loses focus, when the page is hidden or left), following the saving choice (see note-draft.ts). What cannot
 * be kept stays on screen, and the writer says why at once.
 */
export class NoteWriter extends Component<NoteWriterProps> {
  private readonly draft: NoteDraft;
  private unsubscribe: (() => void) | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private focusNext: 'first' | 'choice' | null;
  /** The caret of the box being typed in, kept across an update from another tab. */
  private caret: { id: string; start: number; end: number } | null = null;

  constructor(props: NoteWriterProps) {
    super(props);
    this.draft = createNoteDraft({ storage: props.storage, now: props.now, onSaved: () => void requestPersistence() }, props.exercise);
    this.focusNext = props.autoFocus ? (this.draft.store.get().keeping === 'ask' ? 'choice' : 'first') : null;
  }

  override componentDidMount(): void {
    this.unsubscribe = this.draft.store.subscribe(() => this.forceUpdate());
    addEventListener('storage', this.onStorage);
    addEventListener('pagehide', this.flush);
    document.addEventListener('visibilitychange', this.onVisibility);
    this.applyFocus();
  }

  override componentWillUnmount(): void {
    this.flush();
    this.unsubscribe?.();
    removeEventListener('storage', this.onStorage);
    removeEventListener('pagehide', this.flush);
    document.removeEventListener('visibilitychange', this.onVisibility);
  }

  override componentDidUpdate(): void {
    this.applyFocus();
    const caret = this.caret;
    this.caret = null;
    const box = caret && document.getElementById(caret.id);
    if (caret && box instanceof HTMLTextAreaElement && document.activeElement === box) box.setSelectionRange(caret.start, caret.end);
  }

  private applyFocus(): void {
    if (this.focusNext === null) return;
    const id = this.focusNext === 'choice' ? `${this.props.idPrefix}writer-choice` : this.boxId(this.draft.store.get().rows[0]?.step ?? 0);
    this.focusNext = null;
    document.getElementById(id)?.focus();
  }

  private boxId(step: number): string {
    return `${this.props.idPrefix}step-${step}`;
  }

  /** Stores what waits now, rather than after the delay. */
  private readonly flush = (): void => {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.draft.save();
  };

  private readonly onVisibility = (): void => {
    if (document.visibilityState === 'hidden') this.flush();
  };

  /** Another tab changed the notes: take its words in, keeping the caret where the reader is typing. */
  private readonly onStorage = (event: StorageEvent): void => {
    if (event.key !== null && event.key !== WORKBOOK_KEY) return;
    const active = document.activeElement;
    if (active instanceof HTMLTextAreaElement && active.id.startsWith(this.props.idPrefix)) {
      this.caret = { id: active.id, start: active.selectionStart, end: active.selectionEnd };
    }
    this.draft.sync();
  };

  private readonly onInput = (step: number, text: string): void => {
    this.draft.edit(step, text);
    clearTimeout(this.timer);
    this.timer = setTimeout(this.flush, typingSaveDelay(SAVE_DELAY_MS));
  };

  private readonly done = (): void => {
    this.flush();
    this.props.onDone(this.draft.store.get().isStored);
  };

  private choose(keep: boolean): void {
    this.focusNext = 'first';
    if (keep) this.draft.keep();
    else this.draft.writeOnly();
  }

  override render({ copy, links, idPrefix }: NoteWriterProps) {
    const state = this.draft.store.get();
    const { keeping, problem } = state;
    return (
      <div class="note-writer" data-pagefind-ignore>
        {state.loadProblem && <p class="writer-notice">{copy.load[state.loadProblem]}</p>}
        {keeping === 'keep' && <p class="writer-keeping">{state.isKeptByChoice ? copy.keptAnyway : copy.keeping}</p>}
        {keeping === 'ask' && (
          <div id={`${idPrefix}writer-choice`} class="writer-choice" role="group" aria-labelledby={`${idPrefix}writer-choice-heading`} tabIndex={-1}>
            <p id={`${idPrefix}writer-choice-heading`} class="writer-choice-heading">
              {copy.askHeading}
            </p>
            <p>{copy.ask}</p>
            <div class="writer-actions">
              <button type="button" class="button" onClick={() => this.choose(true)}>
                {copy.keepThis}
              </button>
              <button type="button" class="button secondary" onClick={() => this.choose(false)}>
                {copy.writeOnly}
              </button>
            </div>
          </div>
        )}
        {keeping === 'no' && (
          <div class="writer-notice">
            <p>{copy.notKept}</p>
            <button type="button" class="button secondary" onClick={() => this.choose(true)}>
              {copy.keepAfterAll}
            </button>
          </div>
        )}
        <ol class="writer-steps">
          {state.rows.map((row) => {
            const id = this.boxId(row.step);
            const notes = [row.askedAs !== null && `${id}-asked`, !row.isCurrent && `${id}-former`].filter(Boolean).join(' ');
            return (
              <li key={row.step} value={row.step + 1}>
                <label class="writer-label" for={id}>
                  {row.prompt || fill(copy.stepLabel, { number: row.step + 1 })}
                </label>
                {row.askedAs !== null && (
                  <p id={`${id}-asked`} class="writer-aside">
                    {fill(copy.askedAs, { prompt: row.askedAs })}
                  </p>
                )}
                {!row.isCurrent && (
                  <p id={`${id}-former`} class="writer-aside">
                    {copy.formerStep}
                  </p>
                )}
                <textarea
                  id={id}
                  class="text-box writer-box"
                  rows={3}
                  value={row.text}
                  aria-describedby={notes || undefined}
                  onInput={(event) => this.onInput(row.step, event.currentTarget.value)}
                  onBlur={this.flush}
                />
              </li>
            );
          })}
        </ol>
        {/* A write that failed is said just above "Done writing", in view, even if that moves the button: it matters more. */}
        <div class="writer-alert" role="alert">
          {problem && (
            <p class="writer-notice">
              {copy.problems[problem]}{' '}
              {problem === 'quota' && <a href={links.myResults}>{copy.makeRoom}</a>}
            </p>
          )}
        </div>
        <div class="writer-actions">
          <button type="button" class="button" onClick={this.done}>
            {copy.done}
          </button>
          {links.myNotes && (
            <a class="writer-link" href={links.myNotes}>
              {copy.allNotes}
            </a>
          )}
        </div>
        {/* Under "Done writing", so the news of a save on leaving a box does not move the button under a tap. */}
        <p class="writer-news" role="status">
          {describeNews(state.news, copy)}
        </p>
      </div>
    );
  }
}
