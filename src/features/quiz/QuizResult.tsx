import type { QuizDefinition } from './quiz-schema';
import type { QuizCopy } from './quiz-copy';
import { compareResults, type ResultComparison, type ScoreChange } from './engine/compare';
import { createShareFragment } from './engine/share-code';
import type { ShownResult } from './quiz-state';
import type { QuizLinks } from './quiz-links';
import type { QuizPassages } from './quiz-passages';
import { ScoreBar, ScoreGauge } from './charts';
import { fill } from '../../kit/fill';
import { ReminderButton } from '../reminders/ReminderButton';

interface QuizResultProps {
  quiz: QuizDefinition;
  links: QuizLinks;
  result: ShownResult;
  passages: QuizPassages;
  copy: QuizCopy;
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
  const words = props.copy.result;
  const { score, source } = result;
  const { band, placeToStart, quality } = score;
  const startLink = placeToStart && links.subscales[placeToStart.id];
  const isOwn = source === 'own';

  return (
    <section class="quiz-result" aria-labelledby="result-heading" data-pagefind-ignore>
      <h2 id="result-heading" class="result-heading" tabIndex={-1}>
        <span class="result-eyebrow">{isOwn ? words.own : words.shared}</span> {band.title}
      </h2>

      {score.safety.hasSafetyConcern && (
        <section class="safety-box" aria-labelledby="safety-heading">
          <h3 id="safety-heading">{words.safetyHeading}</h3>
          {passages.safety}
          <p>
            <a class="button" href={links.help}>
              {words.safetyLink}
            </a>
          </p>
        </section>
      )}

      {passages.carveOut}

      {!isOwn && (
        <div class="quiz-notice">
          {passages.shared}
          <button type="button" class="button" onClick={onTakeItYourself}>
            {words.takeItYourself}
          </button>
        </div>
      )}

      <div class="result-summary">
        <ScoreGauge
          score={score.normalized}
          bands={quiz.bands}
          label={fill(words.gaugeLabel, { score: score.normalized, min: band.min, max: band.max })}
        />
        <div>
          <p>{band.summary}</p>
          <p class="muted">{fill(words.totalMeans, { meaning: quiz.higherMeans })}</p>
        </div>
      </div>

      {quality.isCareless && (
        <div class="quiz-notice">
          {quality.isStraightLined ? passages.straightLined : passages.contradictory}
          <button type="button" class="button secondary" onClick={onRestart}>
            {words.takeAgainSlowly}
          </button>
        </div>
      )}

      {result.previous && (
        <Comparison
          comparison={compareResults(result.previous, { quizVersion: quiz.version, ...score }, quiz.polarity)}
          copy={props.copy.change}
          myResults={links.myResults}
        />
      )}

      <h3>{words.partsHeading}</h3>
      <ul class="subscales">
        {score.subscales.map((subscale, index) => (
          <li key={subscale.id} class="subscale">
            <p class="subscale-title">
              <span>{subscale.title}</span>
              <span aria-hidden="true">{subscale.normalized}</span>
            </p>
            <ScoreBar score={subscale.normalized} label={fill(words.barLabel, { score: subscale.normalized })} />
            <p class="subscale-description">{fill(words.partMeans, { meaning: quiz.subscales[index]!.higherMeans })}</p>
          </li>
        ))}
      </ul>

      <h3>{words.startHeading}</h3>
      <p>
        {placeToStart
          ? fill(words.start, { title: placeToStart.title, score: placeToStart.normalized, meaning: placeToStart.higherMeans })
          : words.noStart}
      </p>
      {startLink && (
        <p>
          <a href={startLink.href}>{fill(words.read, { title: startLink.title, section: startLink.sectionTitle })}</a>
        </p>
      )}

      <h3>{words.tryHeading}</h3>
      <ul>
        {band.suggestions.map((suggestion) => (
          <li key={suggestion}>{suggestion}</li>
        ))}
      </ul>

      <h3>{words.sectionsHeading}</h3>
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
          <h3>{words.keepHeading}</h3>
          <label class="checkbox">
            <input
              type="checkbox"
              checked={result.isSaved}
              aria-describedby="save-hint"
              onChange={(event) => props.onSavingChange((event.currentTarget as HTMLInputElement).checked)}
            />
            <span>{words.keepLabel}</span>
          </label>
          <div id="save-hint" class="muted">
            {passages.saveHint}
          </div>
          <p class="save-status" role="status">
            {result.saveProblem !== null ? (
              props.copy.problems.storage[result.saveProblem]
            ) : result.isSaved ? (
              <>
                {words.saved} <a href={links.myResults}>{words.myResults}</a>.
              </>
            ) : (
              words.notSaved
            )}
          </p>
        </div>
      )}

      {isOwn && <ReminderButton quizId={quiz.id} url={links.checkIn} copy={props.copy.reminder} hasHeading />}

      {isOwn && <ShareLink url={shareUrl(result.shareCode)} status={props.copyStatus} copy={words} onCopy={props.onCopy} hint={passages.shareHint} />}

      <p class="result-actions">
        <button type="button" class="button secondary" onClick={isOwn ? onRestart : onTakeItYourself}>
          {isOwn ? words.takeAgain : words.takeItYourself}
        </button>
      </p>
    </section>
  );
}

/** One line of "since your last result": the numbers, then what the change means. */
function describeChangeLine(change: ScoreChange, copy: QuizCopy['change']): string {
  const numbers = fill(copy.numbers, { title: change.title || copy.total, after: change.after, before: change.before });
  if (change.meaning === 'same') return `${numbers} ${copy.same}`;
  if (change.meaning === 'otherVersion') return numbers;
  const points = Math.abs(change.delta);
  return `${numbers} ${fill(change.delta > 0 ? copy.up : copy.down, { points })} ${copy[change.meaning]}`;
}

/** What changed since the reader's last saved result of this quiz, in words and numbers. */
function Comparison({ comparison, copy, myResults }: { comparison: ResultComparison; copy: QuizCopy['change']; myResults: string }) {
  const date = new Date(comparison.previousTakenAt).toLocaleDateString(undefined, { dateStyle: 'medium' });
  return (
    <section class="comparison" aria-labelledby="comparison-heading">
      <h3 id="comparison-heading">{fill(copy.heading, { date })}</h3>
      {!comparison.isSameVersion && <p class="muted">{copy.otherVersion}</p>}
      <ul>
        {[comparison.total, ...comparison.subscales].map((change) => (
          <li key={change.id}>{describeChangeLine(change, copy)}</li>
        ))}
      </ul>
      <p>
        <a href={myResults}>{copy.seeAll}</a>
      </p>
    </section>
  );
}

interface ShareLinkProps {
  url: string;
  status: string;
  copy: QuizCopy['result'];
  hint: QuizPassages['shareHint'];
  onCopy: (url: string) => void;
}

/** A link that reopens this result anywhere, with a copy button. */
function ShareLink({ url, status, copy, hint, onCopy }: ShareLinkProps) {
  return (
    <div class="share-link">
      <h3>{copy.shareHeading}</h3>
      <div class="muted" id="share-hint">
        {hint}
      </div>
      <label for="share-url">{copy.shareLabel}</label>
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
          {copy.copyLink}
        </button>
      </div>
      <p class="share-status" role="status">
        {status}
      </p>
    </div>
  );
}
