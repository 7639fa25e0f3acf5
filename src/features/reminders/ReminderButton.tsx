/**
 * "Remind me to check in": the button a quiz result and My results show, which opens the reminder choice. The
 * choice, the calendar file and what the device remembers (ReminderChoice.tsx) are a chunk of their own, fetched
 * by URL (kit/chunk-url.ts) on the first click, so no page carries them on load.
 */
import { Component } from 'preact';
import reminderUrl from 'virtual:reminder-url';
import type { ReminderChoice } from './ReminderChoice';
import type { ReminderCopy } from './reminders-copy';

type ChoiceView = typeof ReminderChoice;
let choiceView: ChoiceView | undefined;
let loadingView: Promise<ChoiceView> | undefined;

function loadChoice(): Promise<ChoiceView> {
  loadingView ??= (import(/* @vite-ignore */ reminderUrl) as Promise<typeof import('./ReminderChoice')>).then(
    (module) => (choiceView = module.ReminderChoice),
    (error: unknown) => {
      // A failed fetch (offline before the chunk was kept) may work on the next click.
      loadingView = undefined;
      throw error;
    },
  );
  return loadingView;
}

export interface ReminderButtonProps {
  quizId: string;
  /** The quiz's absolute address, for the calendar entry. */
  url: string;
  copy: ReminderCopy;
  /** Gives the reminder a heading of its own (a quiz result's parts each have one). */
  hasHeading?: boolean;
}

interface ReminderButtonState {
  isOpen: boolean;
  hasFailed: boolean;
}

/** The button, and below it the choice once it is open. */
export class ReminderButton extends Component<ReminderButtonProps, ReminderButtonState> {
  override state: ReminderButtonState = { isOpen: false, hasFailed: false };

  private readonly toggle = (): void => {
    const isOpen = !this.state.isOpen;
    this.setState({ isOpen, hasFailed: false });
    if (isOpen && !choiceView) loadChoice().then(() => this.forceUpdate(), () => this.setState({ hasFailed: true }));
  };

  override render({ quizId, url, copy, hasHeading }: ReminderButtonProps, { isOpen, hasFailed }: ReminderButtonState) {
    const id = `reminder-${quizId}`;
    const Choice = choiceView;
    return (
      <div class="reminder" data-pagefind-ignore>
        {hasHeading && <h3>{copy.heading}</h3>}
        <button type="button" class="button secondary" aria-expanded={isOpen} aria-controls={id} onClick={this.toggle}>
          {copy.open}
        </button>
        <div id={id}>
          {isOpen &&
            (Choice ? (
              <Choice quizId={quizId} url={url} copy={copy} />
            ) : (
              <p class="reminder-status" role="status">
                {hasFailed ? copy.loadFailed : copy.loading}
              </p>
            ))}
        </div>
      </div>
    );
  }
}
