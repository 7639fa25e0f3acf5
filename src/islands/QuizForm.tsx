import type { QuizDefinition } from '../schemas/quiz';
import { countAnswered, type AnswerValue } from '../quiz/answers';
import type { QuizState, QuizStateController } from './quiz-state';

interface QuizFormProps {
  quiz: QuizDefinition;
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
export function QuizForm({ quiz, state, controller, onRestart }: QuizFormProps) {
  const { answers, isReady, missingAtSubmit, isResumed } = state;
  const answered = countAnswered(answers);
  const total = quiz.items.length;
  // A statement keeps its own error message until it is answered; the summary waits for the next submit.
  const stillMissing = new Set(missingAtSubmit.filter(({ index }) => answers[index] === null).map(({ id }) => id));

  const onSubmit = (event: Event) => {
    event.preventDefault();
    if (isReady) controller.submit();
  };

  return (
    <form class="quiz-form" noValidate onSubmit={onSubmit} aria-labelledby="quiz-form-heading">
      {missingAtSubmit.length > 0 && (
        <div id="error-summary" class="error-summary" role="alert" tabIndex={-1} aria-labelledby="error-summary-title">
          <h2 id="error-summary-title" class="error-summary-title">
            {missingAtSubmit.length === 1
              ? 'One statement still needs an answer'
              : `${missingAtSubmit.length} statements still need an answer`}
          </h2>
          <ul>
            {missingAtSubmit.map(({ index, id }) => (
              <li key={id}>
                <a
                  href={`#${questionId(id)}`}
                  onClick={(event) => {
                    event.preventDefault();
                    focusQuestion(id);
                  }}
                >
                  Statement {index + 1}: {quiz.items[index]!.text}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <h2 id="quiz-form-heading" class="quiz-form-heading" tabIndex={-1}>
        Your answers
      </h2>
      {isResumed && (
        <div class="quiz-notice">
          <p>Welcome back. We kept the answers you gave last time, so you can carry on where you stopped.</p>
          <button type="button" class="button secondary" onClick={onRestart}>
            Start over
          </button>
        </div>
      )}
      <p class="quiz-progress" data-pagefind-ignore>
        {isReady ? `${answered} of ${total} answered` : `${total} statements`}
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
                This one still needs an answer.
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
                    <span>{label}</span>
                  </label>
                );
              })}
            </div>
          </fieldset>
        );
      })}
      <div class="quiz-submit">
        <button type="submit" class="button" disabled={!isReady} aria-describedby="quiz-submit-count">
          See my result
        </button>
        <p class="quiz-count" id="quiz-submit-count">
          {isReady ? (
            `${answered} of ${total} answered`
          ) : (
            // Until scripts run: a count for readers with JavaScript, laid out as it will be (no shift).
            <>
              <span class="needs-js">Your answers stay on this device.</span>
              <span class="js-only">{`${answered} of ${total} answered`}</span>
            </>
          )}
        </p>
      </div>
    </form>
  );
}
