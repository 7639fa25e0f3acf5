import { Component, type ComponentChildren } from 'preact';
import type { StoredResult } from '../quiz/engine/results';
import { getLocalStorage, type StorageLike } from '../../kit/storage';
import { createMyResultsState, type MyResultsController } from './my-results-state';
import { TrendChart } from './TrendChart';
import type { ProblemCopy } from '../quiz/quiz-copy';
import './my-results.css';

/** What the page needs to know about each quiz. */
export interface QuizSummary {
  id: string;
  title: string;
  href: string;
  /** What a high total means on this quiz, finishing "Here a higher score means …". */
  higherMeans: string;
}

export interface MyResultsIslandProps {
  quizzes: QuizSummary[];
  /** The page's words for what can go wrong. */
  problems: ProblemCopy;
  /** Shown until the island is live (server-rendered slot). */
  needsJs?: ComponentChildren;
  /** Shown when nothing is saved: links to the quizzes (server-rendered slot). */
  empty?: ComponentChildren;
  /** Only for tests: the storage to use instead of the browser's. */
  environment?: { storage: StorageLike | null; now?: () => Date };
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
  higherMeans: string | null;
  results: StoredResult[];
}

/** Groups results by quiz, in the order of the quiz list; results for quizzes no longer here come last. */
export function groupResults(quizzes: readonly QuizSummary[], results: readonly StoredResult[]): ResultGroup[] {
  const groups: ResultGroup[] = quizzes.map((quiz) => ({
    id: quiz.id,
    title: quiz.title,
    href: quiz.href,
    higherMeans: quiz.higherMeans,
    results: results.filter((result) => result.quizId === quiz.id),
  }));
  const known = new Set(quizzes.map((quiz) => quiz.id));
  const others = results.filter((result) => !known.has(result.quizId));
  if (others.length > 0) groups.push({ id: 'other', title: 'Other saved results', href: null, higherMeans: null, results: others });
  return groups.filter((group) => group.results.length > 0);
}

/** The My results page: saved results per quiz as a chart and a table, with export, import and delete. */
export default class MyResultsIsland extends Component<MyResultsIslandProps> {
  private readonly controller: MyResultsController;
  private unsubscribe: (() => void) | undefined;
  /** The id of the element to focus after the next render. */
  private focusNext: string | null = null;

  constructor(props: MyResultsIslandProps) {
    super(props);
    this.controller = createMyResultsState(props.environment ?? { storage: getLocalStorage() }, props.problems);
  }

  override componentDidMount(): void {
    this.unsubscribe = this.controller.store.subscribe(() => this.forceUpdate());
    this.controller.init();
  }

  override componentWillUnmount(): void {
    this.unsubscribe?.();
  }

  override componentDidUpdate(): void {
    if (this.focusNext === null) return;
    document.getElementById(this.focusNext)?.focus();
    this.focusNext = null;
  }

  private then(focusId: string, action: () => void): void {
    this.focusNext = focusId;
    action();
  }

  private readonly download = (): void => {
    const { fileName, text } = this.controller.createExport();
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.hidden = true;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  private readonly importFile = (event: Event): void => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    const done = (text: string) => {
      input.value = '';
      this.then('results-message', () => this.controller.importText(text));
    };
    // An unreadable file reads as empty text, which the engine rejects with its own clear message.
    file.text().then(done, () => done(''));
  };

  override render({ quizzes, needsJs, empty }: MyResultsIslandProps) {
    const state = this.controller.store.get();
    const groups = groupResults(quizzes, state.results);
    const { message } = state;
    // Before storage is read the state holds no results, so the body below is the "nothing saved yet" page:
    // the likeliest one on a first visit. Readers with JavaScript see it from the first paint (CSS shows
    // the note to the rest instead), and most visits then do not shift when the island hydrates.
    return (
      <div class="my-results">
        {!state.isReady && needsJs}
        <div class={state.isReady ? 'results-body' : 'results-body js-only'}>
          {state.loadProblem !== null && <p class="results-notice">{state.loadProblem}</p>}
          <div id="results-message" class="results-message" tabIndex={-1}>
            {message && (
              <p
                class={message.kind === 'problem' ? 'results-notice' : 'results-status'}
                role={message.kind === 'problem' ? 'alert' : 'status'}
              >
                {message.text}
              </p>
            )}
          </div>
          {groups.length === 0 && <div class="results-empty">{empty}</div>}
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
              <div class="table-wrap">
                <table>
                  <caption>
                    {group.results.length === 1 ? 'Your saved result' : `Your ${group.results.length} saved results, oldest first`}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">Date</th>
                      <th scope="col">Score</th>
                      <th scope="col">Result</th>
                      <th scope="col">
                        <span class="visually-hidden">Delete</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {group.results.map((result) => {
                      const when = formatTakenAt(result.takenAt);
                      return (
                        <tr key={result.id}>
                          <td>{when}</td>
                          <td>{result.normalized}</td>
                          <td>
                            {result.band.title}
                            {result.subscales.length > 0 && (
                              <span class="result-parts">
                                {result.subscales.map((part) => `${part.title}: ${part.normalized}`).join(' · ')}
                              </span>
                            )}
                          </td>
                          <td>
                            <button
                              type="button"
                              class="text-button"
                              onClick={() => this.then('results-message', () => this.controller.remove(result.id, when))}
                            >
                              Delete<span class="visually-hidden"> the result from {when}</span>
                            </button>
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
              {group.href && (
                <p>
                  <a href={group.href}>Take this check again</a>
                </p>
              )}
            </section>
          ))}

          <section class="results-tools" aria-labelledby="tools-heading">
            <h2 id="tools-heading">Keep a copy, or bring one back</h2>
            <p>
              A download is a small file with your results in it. You can keep it somewhere safe or bring it into another browser. Importing
              adds its results to the ones here.
            </p>
            <div class="tool-row">
              <button type="button" class="button secondary" onClick={this.download} disabled={state.results.length === 0}>
                Download my results
              </button>
            </div>
            <div class="tool-row">
              <label for="import-file">Import a results file</label>
              <input id="import-file" type="file" accept=".json,application/json" onChange={this.importFile} disabled={!state.isReady} />
            </div>
            {state.results.length > 0 && (
              <div class="tool-row">
                {state.isConfirmingDeleteAll ? (
                  <div id="confirm-delete-all" class="confirm-box" role="group" aria-labelledby="confirm-heading" tabIndex={-1}>
                    <h3 id="confirm-heading">Delete every saved result?</h3>
                    <p>
                      This removes{' '}
                      {state.results.length === 1 ? 'your one saved result' : `all ${state.results.length} of your saved results`} from this
                      device. It cannot be undone, unless you have downloaded a copy.
                    </p>
                    <div class="confirm-actions">
                      <button
                        type="button"
                        class="button"
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
                    class="button secondary"
                    onClick={() => this.then('confirm-delete-all', () => this.controller.askToDeleteAll())}
                  >
                    Delete all my results
                  </button>
                )}
              </div>
            )}
          </section>
        </div>
      </div>
    );
  }
}
