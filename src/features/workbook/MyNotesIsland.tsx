import { Component, type ComponentChildren } from 'preact';
import { getLocalStorage, type StorageLike } from '../../kit/storage';
import { saveFile } from '../../kit/save-file';
import { fill } from '../../kit/fill';
import { renderPassages, type PassageHtml } from '../../kit/passages';
import { NoteWriter } from './NoteWriter';
import { WORKBOOK_KEY } from './workbook-spec';
import { createMyNotesState, type MyNotesController, type NoteSection, type ShownNote } from './my-notes-state';
import type { MyNotesCopy } from './workbook-copy';

export interface MyNotesIslandProps {
  sections: NoteSection[];
  copy: MyNotesCopy;
  myResultsHref: string;
  /** Shown until the island is live (server-rendered slot). */
  needsJs?: ComponentChildren;
  /** Only for tests: the storage to use instead of the browser's, and the clock. */
  environment?: { storage: StorageLike | null; now?: () => Date };
}

/** A time in the reader's own format. */
export function formatChangedAt(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'long', timeStyle: 'short' });
}

/**
 * The My notes page: every note written in a "Try this" box, by section in the guide's order, with when it
 * last changed; each can be edited (the same writer as on the section) or deleted, and all of them printed,
 * downloaded as Markdown or deleted. The empty state is the page's own markup; the island hides it while
 * there is something to show.
 */
export default class MyNotesIsland extends Component<MyNotesIslandProps> {
  private readonly controller: MyNotesController;
  private readonly storage: StorageLike | null;
  private unsubscribe: (() => void) | undefined;
  /** The id of the element to focus after the next render. */
  private focusNext: string | null = null;

  constructor(props: MyNotesIslandProps) {
    super(props);
    const environment = props.environment ?? { storage: getLocalStorage() };
    this.storage = environment.storage;
    this.controller = createMyNotesState(environment, props.copy, props.sections);
  }

  override componentDidMount(): void {
    this.unsubscribe = this.controller.store.subscribe(() => this.forceUpdate());
    this.controller.init();
    addEventListener('storage', this.onStorage);
  }

  override componentWillUnmount(): void {
    this.unsubscribe?.();
    removeEventListener('storage', this.onStorage);
  }

  override componentDidUpdate(): void {
    const empty = document.getElementById('notes-empty');
    if (empty) empty.hidden = this.controller.store.get().notes.length > 0;
    if (this.focusNext === null) return;
    document.getElementById(this.focusNext)?.focus();
    this.focusNext = null;
  }

  /** Another tab changed the notes: show them as they are now. */
  private readonly onStorage = (event: StorageEvent): void => {
    if (event.key === null || event.key === WORKBOOK_KEY) this.controller.reload();
  };

  private then(focusId: string, action: () => void): void {
    this.focusNext = focusId;
    action();
  }

  private readonly download = (): void => {
    const { fileName, text } = this.controller.createMarkdown(formatChangedAt);
    saveFile(fileName, text, 'text/markdown;charset=utf-8');
  };

  private renderNote(note: ShownNote) {
    const { copy } = this.props;
    const state = this.controller.store.get();
    const id = note.entry.id;
    const headingId = `note-${id}`;
    const named = { title: note.title };
    return (
      <li key={id} class="note-card">
        <article aria-labelledby={headingId}>
          <h2 id={headingId} class="note-heading">
            {note.title}
          </h2>
          <p class="note-about">
            {note.section ? `${fill(copy.tryThis, { title: note.section.exercise.title })} · ` : `${copy.formerSection} · `}
            <time dateTime={note.entry.updatedAt}>{fill(copy.lastChanged, { date: formatChangedAt(note.entry.updatedAt) })}</time>
          </p>
          {state.editing === id ? (
            <NoteWriter
              exercise={this.controller.exerciseOf(note)}
              copy={copy.writer}
              links={{ myResults: this.props.myResultsHref }}
              storage={this.storage}
              idPrefix={`${id}-`}
              autoFocus
              onDone={() => this.then(`edit-${id}`, () => this.controller.stopEditing())}
            />
          ) : (
            <div class="note-body">
              {note.entry.steps
                .filter((step) => step.text.trim() !== '')
                .map((step) => (
                  <div key={step.step} class="note-step">
                    <h3 class="note-prompt">{step.prompt || note.section?.exercise.steps[step.step] || fill(copy.writer.stepLabel, { number: step.step + 1 })}</h3>
                    <p class="note-text">{step.text}</p>
                  </div>
                ))}
            </div>
          )}
          {state.confirmingDelete === id ? (
            <div id={`confirm-${id}`} class="confirm-box no-print" role="group" aria-labelledby={`confirm-${id}-heading`} tabIndex={-1}>
              <h3 id={`confirm-${id}-heading`}>{fill(copy.confirmOne, named)}</h3>
              <p>{copy.confirmOneBody}</p>
              <div class="confirm-actions">
                <button type="button" class="button danger" onClick={() => this.then('notes-message', () => this.controller.confirmDelete())}>
                  {copy.yesDeleteOne}
                </button>
                <button type="button" class="button secondary" onClick={() => this.then(`delete-${id}`, () => this.controller.cancelDelete())}>
                  {copy.noKeepOne}
                </button>
              </div>
            </div>
          ) : (
            state.editing !== id && (
              <div class="note-actions no-print">
                {note.section && (
                  <a class="note-link" href={note.section.href}>
                    {copy.openSection}
                    <span class="visually-hidden">: {note.title}</span>
                  </a>
                )}
                <button id={`edit-${id}`} type="button" class="text-button" onClick={() => this.controller.edit(id)} aria-label={fill(copy.editNamed, named)}>
                  {copy.edit}
                </button>
                <button
                  id={`delete-${id}`}
                  type="button"
                  class="text-button danger"
                  onClick={() => this.then(`confirm-${id}`, () => this.controller.askToDelete(id))}
                  aria-label={fill(copy.deleteNamed, named)}
                >
                  {copy.delete}
                </button>
              </div>
            )
          )}
        </article>
      </li>
    );
  }

  override render({ copy, needsJs }: MyNotesIslandProps) {
    const state = this.controller.store.get();
    const { message, confirmingDeleteIds, notes } = state;
    const writtenSince = confirmingDeleteIds ? notes.length - confirmingDeleteIds.length : 0;
    return (
      <div class="my-notes">
        {!state.isReady && needsJs}
        <div class={state.isReady ? 'notes-body' : 'notes-body js-only'}>
          {state.loadProblem !== null && <p class="notice no-print">{state.loadProblem}</p>}
          <div id="notes-message" class="message-slot no-print" tabIndex={-1}>
            {message && (
              <p class={message.kind === 'problem' ? 'notice' : 'status-note'} role={message.kind === 'problem' ? 'alert' : 'status'}>
                {message.text}
              </p>
            )}
          </div>
          {notes.length > 0 && (
            <>
              <div class="notes-tools no-print">
                <button type="button" class="button secondary" onClick={() => print()}>
                  {copy.print}
                </button>
                <button type="button" class="button secondary" onClick={this.download} aria-describedby="download-hint">
                  {copy.download}
                </button>
                <p id="download-hint" class="notes-hint">
                  {copy.downloadHint}
                </p>
              </div>
              <ul class="note-list">{notes.map((note) => this.renderNote(note))}</ul>
              <div class="notes-tools no-print">
                {confirmingDeleteIds ? (
                  <div id="confirm-delete-all" class="confirm-box" role="group" aria-labelledby="confirm-all-heading" tabIndex={-1}>
                    <h2 id="confirm-all-heading">{confirmingDeleteIds.length === 1 ? copy.confirmAllOne : fill(copy.confirmAllMany, { count: confirmingDeleteIds.length })}</h2>
                    <p>{copy.confirmAllBody}</p>
                    {writtenSince > 0 && <p>{fill(writtenSince === 1 ? copy.writtenSinceOne : copy.writtenSinceMany, { count: writtenSince })}</p>}
                    <div class="confirm-actions">
                      <button type="button" class="button danger" onClick={() => this.then('notes-message', () => this.controller.confirmDeleteAll())}>
                        {copy.yesDeleteAll}
                      </button>
                      <button type="button" class="button secondary" onClick={() => this.then('delete-all', () => this.controller.cancelDeleteAll())}>
                        {copy.noKeepAll}
                      </button>
                    </div>
                  </div>
                ) : (
                  <button id="delete-all" type="button" class="button danger-outline" onClick={() => this.then('confirm-delete-all', () => this.controller.askToDeleteAll())}>
                    {copy.deleteAll}
                  </button>
                )}
              </div>
            </>
          )}
        </div>
      </div>
    );
  }
}

/** What the My notes page serializes for its island. */
export interface MyNotesIslandRootProps extends Omit<MyNotesIslandProps, 'needsJs' | 'environment'> {
  passages: PassageHtml;
}

/** The My notes island as the page renders and hydrates it. */
export function MyNotesIslandRoot({ passages, ...props }: MyNotesIslandRootProps) {
  return <MyNotesIsland {...props} {...renderPassages(passages)} />;
}
