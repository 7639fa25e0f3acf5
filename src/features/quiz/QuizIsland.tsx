import { Component } from 'preact';
import type { QuizDefinition } from './quiz-schema';
import type { QuizCopy } from './quiz-copy';
import type { QuizPassages } from './quiz-passages';
import { getLocalStorage } from '../../kit/storage';
import { createQuizState, type QuizEnvironment, type QuizState, type QuizStateController } from './quiz-state';
import type { QuizLinks } from './quiz-links';
import { QuizForm } from './QuizForm';
import { QuizResult } from './QuizResult';
import './quiz.css';

export interface QuizIslandProps extends QuizPassages {
  quiz: QuizDefinition;
  links: QuizLinks;
  copy: QuizCopy;
  /** Only for tests: the storage to use instead of the browser's. */
  environment?: QuizEnvironment;
}

interface LocalState {
  /** What the copy button last said. */
  copyStatus: string;
}

/** Drops the fragment from the address without adding a history entry. */
function clearHash(): void {
  history.replaceState(history.state, '', location.pathname + location.search);
}

/** Focuses an element and brings its top into view (focus alone may leave its heading off screen). */
function focusById(id: string): void {
  const element = document.getElementById(id);
  element?.focus({ preventScroll: true });
  element?.scrollIntoView({ block: 'start' });
}

/**
 * A quiz page's form and result. The server renders the plain form; once live, this adds progress,
 * resuming, the error summary, scoring, saving and share links. Nothing leaves the browser.
 */
export default class QuizIsland extends Component<QuizIslandProps, LocalState> {
  private readonly controller: QuizStateController;
  private unsubscribe: (() => void) | undefined;
  private shown: QuizState;

  constructor(props: QuizIslandProps) {
    super(props);
    this.controller = createQuizState(props.quiz, props.environment ?? { storage: getLocalStorage() });
    this.shown = this.controller.store.get();
    this.state = { copyStatus: '' };
  }

  override componentDidMount(): void {
    this.unsubscribe = this.controller.store.subscribe(() => this.forceUpdate());
    addEventListener('hashchange', this.onHashChange);
    this.controller.init(location.hash);
    // A damaged link has said its piece; the address should not repeat it after a reload.
    if (this.controller.store.get().shareProblem !== null) clearHash();
  }

  override componentWillUnmount(): void {
    this.unsubscribe?.();
    removeEventListener('hashchange', this.onHashChange);
  }

  // Focus follows what changed: the error summary after a submit with gaps, the result heading when a result
  // appears, the form heading when the form comes back.
  override componentDidUpdate(): void {
    const previous = this.shown;
    const current = this.controller.store.get();
    this.shown = current;
    if (current.failedSubmits > previous.failedSubmits) focusById('error-summary');
    else if (current.result !== null && (previous.result === null || previous.result.source !== current.result.source)) {
      focusById('result-heading');
    } else if (current.result === null && previous.result !== null) focusById('quiz-form-heading');
  }

  private readonly onHashChange = (): void => {
    this.controller.openHash(location.hash);
    if (this.controller.store.get().shareProblem !== null) clearHash();
  };

  private readonly restart = (): void => {
    if (location.hash) clearHash();
    this.setState({ copyStatus: '' });
    this.controller.restart();
  };

  private readonly takeItYourself = (): void => {
    clearHash();
    this.controller.takeItYourself();
  };

  private readonly copy = (url: string): void => {
    const done = (copyStatus: string) => this.setState({ copyStatus });
    navigator.clipboard.writeText(url).then(
      () => done(this.props.copy.result.copied),
      () => {
        (document.getElementById('share-url') as HTMLInputElement | null)?.select();
        done(this.props.copy.result.copyFailed);
      },
    );
  };

  override render(props: QuizIslandProps, { copyStatus }: LocalState) {
    const { quiz, links, copy } = props;
    const state = this.controller.store.get();
    return (
      <div class="quiz">
        {!state.isReady && props.needsJs}
        {state.shareProblem !== null && (
          <p class="quiz-notice" role="status">
            {copy.problems.share[state.shareProblem]}
          </p>
        )}
        {state.result === null ? (
          <QuizForm quiz={quiz} copy={copy.form} state={state} controller={this.controller} onRestart={this.restart} />
        ) : (
          <QuizResult
            quiz={quiz}
            links={links}
            result={state.result}
            passages={props}
            copy={copy}
            copyStatus={copyStatus}
            onCopy={this.copy}
            onRestart={this.restart}
            onTakeItYourself={this.takeItYourself}
            onSavingChange={(isSaving) => this.controller.setSaving(isSaving)}
          />
        )}
      </div>
    );
  }
}
