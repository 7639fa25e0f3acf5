import type { QuizDefinition } from './quiz-schema';
import type { ComponentChildren } from 'preact';
import { countAnswered, type AnswerValue, type UnansweredItem } from './engine/answers';
import type { QuizState, QuizStateController } from './quiz-state';
import type { QuizCopy } from './quiz-copy';
import { fill } from '../../kit/fill';

interface QuizFormProps {
  quiz: QuizDefinition;
  /** The My results page, where a backup can be downloaded. */
  myResultsHref: string;
  copy: QuizCopy['form'];
  state: QuizState;
  controller: QuizStateController;
  onRestart: () => void;
}

/** The id of an item's fieldset, and the prefix of its inputs' ids. */
export function questionId(itemId: string): string {
  return `q-${itemId}`;
}

/** Moves focus to the first option of a statement and brings the whole statement into view. */
function focusQuestion(itemId: string): void {
  const fieldset = document.getElementById(questionId(itemId));
  const input = fieldset?.querySelector<HTMLInputElement>('input:checked, input');
  if (!fieldset || !input) return;
  input.focus({ preventScroll: true });
  fieldset.scrollIntoView({ block: 'start' });
}

/** The statements as a real form: one fieldset of five native radios each. */
export function QuizForm({ quiz, myResultsHref, copy, state, controller, onRestart }: QuizFormProps) {
  const { answers, isReady, missingAtSubmit, isResumed, progressProblem, elsewhere } = state;
  const answered = countAnswered(answers);
  const total = quiz.items.length;
  // A statement keeps its own error message until it is answered; the summary waits for the next submit.
  const stillMissing = new Set(missingAtSubmit.filter(({ index }) => answers[index] === null).map(({ id }) => id));

  const onSubmit = (event: Event) => {
    event.preventDefault();
    if (isReady) controller.submit();
  };

  const [first, ...rest] = missingAtSubmit;
  const progress = fill(copy.progress, { answered, total });

  return (
    <form class="quiz-form" noValidate onSubmit={onSubmit} aria-labelledby="quiz-form-heading">
      {first && (
        // Focus brings the reader here and announces it; a live role as well would make it speak twice.
        <div id="error-summary" class="error-summary" tabIndex={-1} aria-labelledby="error-summary-title">
          <h2 id="error-summary-title" class="error-summary-title">
            {missingAtSubmit.length === 1 ? copy.missingOne : fill(copy.missingMany, { count: missingAtSubmit.length })}
          </h2>
          <p class="error-summary-first">
            <QuestionLink item={first}>{fill(copy.goToFirst, { number: first.index + 1 })}</QuestionLink>
          </p>
          {rest.length > 0 && (
            <div class="error-summary-rest">
              <p id="error-summary-rest">{copy.alsoMissing}</p>
              <ul aria-labelledby="error-summary-rest">
                {rest.map((item) => (
                  <li key={item.id}>
                    <QuestionLink item={item}>
                      <span class="visually-hidden">{`${copy.statement} `}</span>
                      {`${item.index + 1}`}
                    </QuestionLink>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </div>
      )}
      <h2 id="quiz-form-heading" class="quiz-form-heading" tabIndex={-1}>
        {copy.heading}
      </h2>
      {isResumed && (
        <div class="quiz-notice">
          <p>{copy.resumed}</p>
          <button type="button" class="button secondary" onClick={onRestart}>
            {copy.startOver}
          </button>
        </div>
      )}
      <p class="quiz-progress" data-pagefind-ignore>
        {isReady ? progress : fill(copy.statementCount, { total })}
      </p>
      {quiz.items.map((item, index) => {
        const id = questionId(item.id);
        const hasError = stillMissing.has(item.id);
        return (
          <fieldset
            key={item.id}
            id={id}
            class={hasError ? 'question has-error' : 'question'}
            aria-describedby={hasError ? `${id}-error` : undefined}
          >
            <legend class="question-text">
              {/* One text node per element: hydration reuses server text nodes one to one. */}
              <span class="question-number">{`${index + 1}.`}</span>
              {` ${item.text}`}
            </legend>
            {hasError && (
              <p class="question-error" id={`${id}-error`}>
                {copy.questionError}
              </p>
            )}
            <div class="options" data-pagefind-ignore>
              {quiz.scale.map((label, position) => {
                const value = (position + 1) as AnswerValue;
                return (
                  <label class="option" key={value}>
                    <input
                      type="radio"
                      name={id}
                      id={`${id}-${value}`}
                      value={value}
                      checked={answers[index] === value}
                      onChange={() => controller.answer(index, value)}
                    />
                    <span class="option-label">{label}</span>
                  </label>
                );
              })}
            </div>
            {/* On narrow screens the option labels are read, not shown; these anchor the row for the eye. */}
            <p class="scale-ends" aria-hidden="true" data-pagefind-ignore>
              <span>{quiz.scale[0]}</span>
              <span>{quiz.scale[2]}</span>
              <span>{quiz.scale[4]}</span>
            </p>
          </fieldset>
        );
      })}
      {/* Always in the page, so what arrives in it is announced; it stays in view at the bottom while the
          reader goes on answering. */}
      <div class="quiz-save-notice" role="status">
        {progressProblem !== null && (
          <p class="quiz-notice">
            {copy.progressProblem[progressProblem]}
            {progressProblem === 'quota' && (
              <>
                {' '}
                <a href={myResultsHref}>{copy.myResultsLink}</a>
              </>
            )}
          </p>
        )}
        {progressProblem === null && elsewhere !== null && <p class="quiz-notice">{copy.elsewhere[elsewhere]}</p>}
      </div>
      <div class="quiz-submit">
        <button type="submit" class="button" disabled={!isReady} aria-describedby="quiz-submit-count">
          {copy.submit}
        </button>
        <p class="quiz-count" id="quiz-submit-count">
          {isReady ? (
            progress
          ) : (
            // Until scripts run: a count for readers with JavaScript, laid out as it will be (no shift).
            <>
              <span class="needs-js">{copy.staysHere}</span>
              <span class="js-only">{progress}</span>
            </>
          )}
        </p>
      </div>
    </form>
  );
}

interface QuestionLinkProps {
  item: UnansweredItem;
  children: ComponentChildren;
}

/** A link in the error summary that takes focus to an unanswered statement. */
function QuestionLink({ item, children }: QuestionLinkProps) {
  return (
    <a
      href={`#${questionId(item.id)}`}
      onClick={(event) => {
        event.preventDefault();
        focusQuestion(item.id);
      }}
    >
      {children}
    </a>
  );
}
