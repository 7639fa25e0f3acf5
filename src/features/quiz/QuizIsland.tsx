import { Component } from 'preact';
import type { QuizDefinition } from './quiz-schema';
import type { QuizCopy } from './quiz-copy';
import type { QuizPassages } from './quiz-passages';
import { getLocalStorage } from '../../kit/storage';
import { requestPersistence } from '../../kit/persistence';
import { getProgressKey } from './engine/progress';
import {
  createQuizState,
  type QuizEnvironment,
  type QuizState,
  type QuizStateController,
  type ShownResult,
} from './quiz-state';
import type { QuizLinks } from './quiz-links';
import { QuizForm } from './QuizForm';
import type { QuizResult } from './QuizResult';
import quizResultUrl from 'virtual:quiz-result-url';
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
type ResultView = typeof QuizResult;
let resultView: ResultView | undefined;
let loadingView: Promise<ResultView> | undefined;

/**
 * Loads the result view, a chunk of its own: a first visit shows only the form, so the page ships only what
 * answering needs. It is fetched when the reader starts answering (or opens a shared result), and the
 * service worker keeps it for offline use like every other file.
 */
function loadResultView(): Promise<ResultView> {
  // By URL, not `import('./QuizResult')`: see src/kit/chunk-url.ts.
  loadingView ??= (import(/* @vite-ignore */ quizResultUrl) as Promise<typeof import('./QuizResult')>).then(
    (module) => (resultView = module.QuizResult),
  );
  return loadingView;
}

/** What makes a shown result a new one, for moving focus to its heading once (not on every re-render). */
function resultKey(result: ShownResult): string {
  return `${result.source}:${result.shareCode}:${result.record?.id ?? ''}`;
}

export default class QuizIsland extends Component<QuizIslandProps, LocalState> {
  private readonly controller: QuizStateController;
  private unsubscribe: (() => void) | undefined;
  private shown: QuizState;
  /** The result whose heading last received focus. */
  private focusedResult = '';

  constructor(props: QuizIslandProps) {
    super(props);
    // After the first save that worked, ask the browser to keep the site's data (kit/persistence.ts).
    const environment = props.environment ?? { storage: getLocalStorage(), onSaved: () => void requestPersistence() };
    this.controller = createQuizState(props.quiz, environment);
    this.shown = this.controller.store.get();
    this.state = { copyStatus: '' };
  }

  override componentDidMount(): void {
    this.unsubscribe = this.controller.store.subscribe(() => {
      const { answers, result } = this.controller.store.get();
      if (!resultView && (result !== null || answers.some((answer) => answer !== null))) {
        void loadResultView().then(() => this.forceUpdate());
      }
      this.forceUpdate();
    });
    addEventListener('hashchange', this.onHashChange);
    addEventListener('storage', this.onStorage);
    this.controller.init(location.hash);
    // A damaged link has said its piece; the address should not repeat it after a reload.
    if (this.controller.store.get().shareProblem !== null) clearHash();
  }

  override componentWillUnmount(): void {
    this.unsubscribe?.();
    removeEventListener('hashchange', this.onHashChange);
    removeEventListener('storage', this.onStorage);
  }

  // Focus follows what changed: the error summary after a submit with gaps, the result heading when a new
  // result is on screen, the form heading when the form comes back.
  override componentDidUpdate(): void {
    const previous = this.shown;
    const current = this.controller.store.get();
    this.shown = current;
    if (current.failedSubmits > previous.failedSubmits) focusById('error-summary');
    else if (current.result === null && previous.result !== null) {
      this.focusedResult = '';
      focusById('quiz-form-heading');
    }
    if (current.result !== null && resultView && this.focusedResult !== resultKey(current.result)) {
      this.focusedResult = resultKey(current.result);
      focusById('result-heading');
    }
  }

  private readonly onHashChange = (): void => {
    this.controller.openHash(location.hash);
    if (this.controller.store.get().shareProblem !== null) clearHash();
  };

  /** Another tab of this quiz saved or cleared answers: take them in (or say they were cleared). */
  private readonly onStorage = (event: StorageEvent): void => {
    if (event.key === null || event.key === getProgressKey(this.props.quiz.id)) this.controller.syncFromStorage();
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
    const View = resultView;
    return (
      <div class="quiz">
        {!state.isReady && props.needsJs}
        {state.shareProblem !== null && (
          <p class="quiz-notice" role="status">
            {copy.problems.share[state.shareProblem]}
          </p>
        )}
        {state.result === null ? (
          <QuizForm quiz={quiz} myResultsHref={links.myResults} copy={copy.form} state={state} controller={this.controller} onRestart={this.restart} />
        ) : View === undefined ? (
          <p class="quiz-progress" role="status">
            {copy.result.working}
          </p>
        ) : (
          <View
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
