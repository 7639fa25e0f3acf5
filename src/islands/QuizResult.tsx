import type { QuizDefinition } from '../schemas/quiz';
import { createShareFragment } from '../quiz/share-code';
import type { ShownResult } from './quiz-state';
import { HELP_HREF, MY_RESULTS_HREF, type QuizLinks } from './quiz-links';
import type { QuizPassages } from './QuizIsland';
import { ScoreBar, ScoreGauge } from './charts';

interface QuizResultProps {
  quiz: QuizDefinition;
  links: QuizLinks;
  result: ShownResult;
  passages: QuizPassages;
  copyStatus: string;
  onCopy: (url: string) => void;
  onRestart: () => void;
  onTakeItYourself: () => void;
  onSavingChange: (isSaving: boolean) => void;
}

/** The address that reopens a result, on the page the reader is on. */
export function shareUrl(code: string): string {
  return `${location.origin}${location.pathname}${createShareFragment(code)}`;
}

/** The result of a finished (or shared) quiz: band, gauge, parts, suggestions and what to do next. */
export function QuizResult(props: QuizResultProps) {
  const { quiz, links, result, passages, onRestart, onTakeItYourself } = props;
  const { score, source } = result;
  const { band, weakestSubscale } = score;
  const weakestLink = links.subscales[weakestSubscale.id];
  const isOwn = source === 'own';

  return (
    <section class="quiz-result" aria-labelledby="result-heading" data-pagefind-ignore>
      <h2 id="result-heading" class="result-heading" tabIndex={-1}>
        <span class="result-eyebrow">{isOwn ? 'Your result:' : 'A shared result:'}</span> {band.title}
      </h2>

      {score.safety.hasSafetyConcern && (
        <section class="safety-box" aria-labelledby="safety-heading">
          <h3 id="safety-heading">Please look after yourself first</h3>
          {passages.safety}
          <p>
            <a class="button" href={HELP_HREF}>
              Find someone to talk to now
            </a>
          </p>
        </section>
      )}

      {!isOwn && (
        <div class="quiz-notice">
          {passages.shared}
          <button type="button" class="button" onClick={onTakeItYourself}>
            Take it yourself
          </button>
        </div>
      )}

      <div class="result-summary">
        <ScoreGauge
          score={score.normalized}
          bands={quiz.bands}
          label={`Score: ${score.normalized} out of 100, in the range ${band.min} to ${band.max}.`}
        />
        <div>
          <p>{band.summary}</p>
          {passages.polarity}
        </div>
      </div>

      {score.quality.isCareless && (
        <div class="quiz-notice">
          {passages.careless}
          <button type="button" class="button secondary" onClick={onRestart}>
            Take it again, slowly
          </button>
        </div>
      )}

      <h3>The parts of your score</h3>
      <ul class="subscales">
        {score.subscales.map((subscale, index) => (
          <li key={subscale.id} class="subscale">
            <p class="subscale-title">
              <span>{subscale.title}</span>
              <span aria-hidden="true">{subscale.normalized}</span>
            </p>
            <ScoreBar score={subscale.normalized} label={`${subscale.normalized} out of 100`} />
            <p class="subscale-description">{quiz.subscales[index]?.description}</p>
          </li>
        ))}
      </ul>

      <h3>A place to start</h3>
      <p>
        The part that may need the most care right now is <strong>{weakestSubscale.title}</strong>.{' '}
        {weakestSubscale.description}
      </p>
      {weakestLink && (
        <p>
          <a href={weakestLink.href}>
            Read “{weakestLink.title}” in {weakestLink.sectionTitle}
          </a>
        </p>
      )}

      <h3>Things you could try</h3>
      <ul>
        {band.suggestions.map((suggestion) => (
          <li key={suggestion}>{suggestion}</li>
        ))}
      </ul>

      <h3>Parts of the guide that may help</h3>
      <ul>
        {band.sections.map((id) => {
          const link = links.sections[id];
          return link && (
            <li key={id}>
              <a href={link.href}>{link.title}</a>
            </li>
          );
        })}
      </ul>

      <div class="not-diagnosis">{passages.notDiagnosis}</div>

      {isOwn && (
        <div class="save-control">
          <h3>Keep this result</h3>
          <label class="checkbox">
            <input
              type="checkbox"
              checked={result.isSaved}
              aria-describedby="save-hint"
              onChange={(event) => props.onSavingChange((event.currentTarget as HTMLInputElement).checked)}
            />
            <span>Save this result on this device</span>
          </label>
          <div id="save-hint" class="muted">
            {passages.saveHint}
          </div>
          <p class="save-status" role="status">
            {result.saveProblem ??
              (result.isSaved ? (
                <>
                  Saved on this device. See it with your others on <a href={MY_RESULTS_HREF}>My results</a>.
                </>
              ) : (
                'Not saved. Nothing from this result is kept.'
              ))}
          </p>
        </div>
      )}

      {isOwn && <ShareLink url={shareUrl(result.shareCode)} status={props.copyStatus} onCopy={props.onCopy} hint={passages.shareHint} />}

      <p class="result-actions">
        <button type="button" class="button secondary" onClick={isOwn ? onRestart : onTakeItYourself}>
          {isOwn ? 'Take it again' : 'Take it yourself'}
        </button>
      </p>
    </section>
  );
}

interface ShareLinkProps {
  url: string;
  status: string;
  hint: QuizPassages['shareHint'];
  onCopy: (url: string) => void;
}

/** A link that reopens this result anywhere, with a copy button. */
function ShareLink({ url, status, hint, onCopy }: ShareLinkProps) {
  return (
    <div class="share-link">
      <h3>Share this result</h3>
      <div class="muted" id="share-hint">
        {hint}
      </div>
      <label for="share-url">Link to this result</label>
      <div class="share-row">
        <input
          id="share-url"
          type="text"
          readOnly
          value={url}
          aria-describedby="share-hint"
          onFocus={(event) => (event.currentTarget as HTMLInputElement).select()}
        />
        <button type="button" class="button secondary" onClick={() => onCopy(url)}>
          Copy link
        </button>
      </div>
      <p class="share-status" role="status">
        {status}
      </p>
    </div>
  );
}
