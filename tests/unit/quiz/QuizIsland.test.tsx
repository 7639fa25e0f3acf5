// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { hydrate, render as renderInto } from 'preact';
import { renderToString } from 'preact-render-to-string';
import QuizIsland from '../../../src/features/quiz/QuizIsland';
import { createShareFragment, encodeShareCode } from '../../../src/features/quiz/engine/share-code';
import { getProgressKey } from '../../../src/features/quiz/engine/progress';
import { loadResults } from '../../../src/features/quiz/engine/results';
import type { QuizDefinition } from '../../../src/features/quiz/quiz-schema';
import { QUIZ_COPY } from '../../../src/features/quiz/quiz-copy';
import { createMemoryStorage, type MemoryStorage } from '../kit/memory-storage';
import { extremeAnswers, getQuiz, linksFor, safetyAnswers } from './real-quizzes';

const quiz = getQuiz('victim-mindset');

const passages = {
  copy: QUIZ_COPY,
  needsJs: <p>Scoring needs JavaScript.</p>,
  safety: <p>Things feel very heavy.</p>,
  notDiagnosis: <p>This is not a diagnosis.</p>,
  straightLined: <p>You gave every statement the same answer.</p>,
  contradictory: <p>A few answers pull in opposite directions.</p>,
  carveOut: <p>If your ex hurt you, this check is not about you.</p>,
  shared: <p>Someone shared this result.</p>,
  saveHint: <p>It stays in this browser.</p>,
  shareHint: <p>The answers ride after the # sign.</p>,
};

function renderQuiz(storage: MemoryStorage = createMemoryStorage(), definition: QuizDefinition = quiz) {
  const view = render(<QuizIsland quiz={definition} links={linksFor(definition)} environment={{ storage }} {...passages} />);
  return { ...view, storage };
}

function choose(itemIndex: number, value: number): void {
  const fieldset = document.getElementById(`q-${quiz.items[itemIndex]!.id}`)!;
  fireEvent.click(within(fieldset).getByLabelText(quiz.scale[value - 1]!));
}

function answerAll(answers: readonly number[]): void {
  answers.forEach((value, index) => choose(index, value));
}

function submit(): void {
  fireEvent.click(screen.getByRole('button', { name: 'See my result' }));
}

/** Submits complete answers and waits for the result view, which loads as a chunk of its own. */
async function submitForResult(): Promise<HTMLElement> {
  submit();
  return screen.findByRole('heading', { level: 2, name: /Your result|A shared result/ });
}

beforeEach(() => {
  history.replaceState(null, '', '/quizzes/victim-mindset/');
});

afterEach(() => {
  cleanup();
});

describe('QuizIsland, rendered on the server', () => {
  const html = renderToString(<QuizIsland quiz={quiz} links={linksFor(quiz)} {...passages} />);
  const document = new DOMParser().parseFromString(html, 'text/html');

  it('is a real form: one fieldset with a legend and five native radios per statement', () => {
    const fieldsets = [...document.querySelectorAll('form fieldset')];
    expect(fieldsets).toHaveLength(quiz.items.length);
    fieldsets.forEach((fieldset, index) => {
      expect(fieldset.querySelector('legend')?.textContent).toContain(quiz.items[index]!.text);
      const radios = [...fieldset.querySelectorAll('input[type="radio"]')];
      expect(radios.map((radio) => radio.getAttribute('value'))).toEqual(['1', '2', '3', '4', '5']);
      expect(new Set(radios.map((radio) => radio.getAttribute('name'))).size).toBe(1);
      expect([...fieldset.querySelectorAll('label')].map((label) => label.textContent)).toEqual(quiz.scale);
    });
  });

  it('says scoring needs JavaScript and keeps the submit button asleep until then', () => {
    expect(html).toContain('Scoring needs JavaScript.');
    expect(document.querySelector('button[type="submit"]')?.hasAttribute('disabled')).toBe(true);
  });

  it('has no style attributes (the CSP blocks them)', () => {
    expect(document.querySelectorAll('[style]')).toHaveLength(0);
  });

  it('keeps answer options out of the search index', () => {
    expect(document.querySelectorAll('.options:not([data-pagefind-ignore])')).toHaveLength(0);
  });
});

describe('QuizIsland, hydrated over its server-rendered form', () => {
  it('keeps every statement and label exactly as the server wrote it', () => {
    const container = document.createElement('div');
    container.innerHTML = renderToString(<QuizIsland quiz={quiz} links={linksFor(quiz)} {...passages} />);
    document.body.append(container);
    const read = () => [...container.querySelectorAll('legend, label')].map((element) => element.textContent);
    const before = read();
    hydrate(<QuizIsland quiz={quiz} links={linksFor(quiz)} environment={{ storage: createMemoryStorage() }} {...passages} />, container);
    expect(read()).toEqual(before);
    expect(before[0]).toBe(`1. ${quiz.items[0]!.text}`);
    expect(container.querySelectorAll('fieldset')).toHaveLength(quiz.items.length);
    renderInto(null, container);
    container.remove();
  });
});

describe('QuizIsland, once live', () => {
  it('hides the JavaScript note and wakes the submit button', () => {
    renderQuiz();
    expect(screen.queryByText('Scoring needs JavaScript.')).toBeNull();
    expect(screen.getByRole('button', { name: 'See my result' }).hasAttribute('disabled')).toBe(false);
  });

  it('counts answers as they are given', () => {
    renderQuiz();
    expect(screen.getAllByText(`0 of ${quiz.items.length} answered`)).toHaveLength(2);
    choose(0, 4);
    choose(1, 2);
    expect(screen.getAllByText(`2 of ${quiz.items.length} answered`)).toHaveLength(2);
  });

  it('resumes unfinished answers after a reload, with a way to start over', () => {
    const { storage } = renderQuiz();
    choose(2, 5);
    cleanup();
    renderQuiz(storage);
    const fieldset = document.getElementById(`q-${quiz.items[2]!.id}`)!;
    expect((within(fieldset).getByLabelText(quiz.scale[4]!) as HTMLInputElement).checked).toBe(true);
    expect(screen.getByText(/We kept the answers you gave last time/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Start over' }));
    expect((within(fieldset).getByLabelText(quiz.scale[4]!) as HTMLInputElement).checked).toBe(false);
    expect(storage.data.has(getProgressKey(quiz.id))).toBe(false);
  });

  it('on a submit with gaps shows a focused error summary linking to each unanswered statement', () => {
    renderQuiz();
    choose(0, 3);
    submit();
    const summary = document.getElementById('error-summary')!;
    expect(document.activeElement).toBe(summary);
    // Focus announces it; a live role as well would make it speak twice.
    expect(summary.hasAttribute('role')).toBe(false);
    const links = within(summary).getAllByRole('link');
    expect(links).toHaveLength(quiz.items.length - 1);
    expect(links[0]!.getAttribute('href')).toBe(`#q-${quiz.items[1]!.id}`);
    expect(document.getElementById(`q-${quiz.items[1]!.id}`)!.getAttribute('aria-describedby')).toBe(`q-${quiz.items[1]!.id}-error`);

    fireEvent.click(links[0]!);
    expect(document.activeElement).toBe(within(document.getElementById(`q-${quiz.items[1]!.id}`)!).getAllByRole('radio')[0]);

    // Answering clears that statement's own message; the summary stays as it was until the next submit.
    choose(1, 2);
    expect(document.getElementById(`q-${quiz.items[1]!.id}`)!.hasAttribute('aria-describedby')).toBe(false);
    expect(within(summary).getAllByRole('link')).toHaveLength(quiz.items.length - 1);
    submit();
    expect(within(document.getElementById('error-summary')!).getAllByRole('link')).toHaveLength(quiz.items.length - 2);
    expect(document.activeElement).toBe(document.getElementById('error-summary'));
  });

  it('shows the result with focus on its heading: band, gauge, bars, suggestions and guide links', async () => {
    const { storage } = renderQuiz();
    answerAll(extremeAnswers(quiz, 'high'));
    await submitForResult();
    const heading = screen.getByRole('heading', { level: 2, name: /Your result/ });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    const band = quiz.bands.at(-1)!;
    expect(heading.textContent).toContain(band.title);
    expect(screen.getByText(band.summary)).toBeTruthy();
    expect(screen.getByRole('img', { name: /Score: 100 out of 100/ })).toBeTruthy();
    // Every part at its hard end: the harder-is-higher parts read 100, "Owning your next step" reads 0.
    expect(screen.getAllByRole('img', { name: '100 out of 100' })).toHaveLength(2);
    expect(screen.getAllByRole('img', { name: '0 out of 100' })).toHaveLength(1);
    for (const subscale of quiz.subscales) expect(screen.getByText(`Higher means ${subscale.higherMeans}.`)).toBeTruthy();
    expect(screen.getByText(`Here a higher score means ${quiz.higherMeans}.`)).toBeTruthy();
    for (const suggestion of band.suggestions) expect(screen.getByText(suggestion)).toBeTruthy();
    const weakest = quiz.subscales[0]!;
    expect(screen.getByRole('link', { name: new RegExp(`Heading ${weakest.link.anchor}`) }).getAttribute('href')).toBe(
      `/guide/${weakest.link.section}/#${weakest.link.anchor}`,
    );
    expect(screen.getByText('This is not a diagnosis.')).toBeTruthy();
    expect(loadResults(storage).results).toHaveLength(1);
  });

  it('puts the support box above the band whenever a safety item is agreed with', async () => {
    renderQuiz();
    answerAll(safetyAnswers(quiz));
    await submitForResult();
    const box = screen.getByRole('heading', { name: 'Please look after yourself first' }).closest('section')!;
    expect(within(box).getByRole('link', { name: 'Find someone to talk to now' }).getAttribute('href')).toBe('/help/');
    const summary = screen.getByText(quiz.bands[0]!.summary);
    expect(box.compareDocumentPosition(summary) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('has no support box when no safety item is agreed with', async () => {
    renderQuiz();
    answerAll(extremeAnswers(quiz, 'low'));
    await submitForResult();
    expect(screen.queryByRole('heading', { name: 'Please look after yourself first' })).toBeNull();
  });

  it('says so, and suggests a calm retake, when every answer is the same', async () => {
    renderQuiz();
    answerAll(quiz.items.map(() => 3));
    await submitForResult();
    expect(screen.getByRole('heading', { level: 2, name: /Somewhere in between/ })).toBeTruthy();
    expect(screen.getByText('You gave every statement the same answer.')).toBeTruthy();
    expect(screen.queryByText('A few answers pull in opposite directions.')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Take it again, slowly' }));
    expect(screen.getByRole('button', { name: 'See my result' })).toBeTruthy();
    expect(document.activeElement?.id).toBe('quiz-form-heading');
  });

  it('saves on this device by default, and one click on the box removes the record again', async () => {
    const { storage } = renderQuiz();
    answerAll(extremeAnswers(quiz, 'low'));
    await submitForResult();
    const box = screen.getByRole('checkbox', { name: 'Save this result on this device' }) as HTMLInputElement;
    expect(box.checked).toBe(true);
    expect(screen.getByText(/Saved on this device/)).toBeTruthy();
    fireEvent.click(box);
    expect(box.checked).toBe(false);
    expect(loadResults(storage).results).toEqual([]);
    expect(screen.getByText('Not saved. Nothing from this result is kept.')).toBeTruthy();
  });

  it('offers a share link carrying the result in the fragment, with a copy button', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    renderQuiz();
    const answers = extremeAnswers(quiz, 'low');
    answerAll(answers);
    await submitForResult();
    const field = screen.getByLabelText('Link to this result') as HTMLInputElement;
    expect(field.value).toBe(`${location.origin}/quizzes/victim-mindset/${createShareFragment(encodeShareCode(quiz, answers))}`);
    fireEvent.click(screen.getByRole('button', { name: 'Copy link' }));
    expect(writeText).toHaveBeenCalledWith(field.value);
    expect(await screen.findByText('Link copied.')).toBeTruthy();
  });

  it('opens a shared result without answering, then lets the reader take it themselves', async () => {
    const answers = extremeAnswers(quiz, 'high');
    history.replaceState(null, '', `/quizzes/victim-mindset/${createShareFragment(encodeShareCode(quiz, answers))}`);
    const { storage } = renderQuiz();
    const heading = await screen.findByRole('heading', { level: 2, name: /A shared result/ });
    expect(heading.textContent).toContain(quiz.bands.at(-1)!.title);
    expect(screen.getByText('Someone shared this result.')).toBeTruthy();
    expect(screen.queryByRole('checkbox')).toBeNull();
    expect(storage.data.size).toBe(0);

    fireEvent.click(screen.getAllByRole('button', { name: 'Take it yourself' })[0]!);
    expect(location.hash).toBe('');
    expect(screen.getAllByRole('radio')).toHaveLength(quiz.items.length * 5);
    expect(document.activeElement?.id).toBe('quiz-form-heading');
  });

  it('shows why and the empty quiz for a tampered link, and never throws', () => {
    const code = encodeShareCode(quiz, extremeAnswers(quiz, 'high'));
    history.replaceState(null, '', `/quizzes/victim-mindset/#r=${code.slice(0, 6)}X${code.slice(7)}`);
    renderQuiz();
    expect(screen.getAllByRole('status').map((region) => region.textContent).join(' ')).toMatch(/share link/);
    expect(screen.getAllByRole('radio').filter((radio) => (radio as HTMLInputElement).checked)).toEqual([]);
    expect(location.hash).toBe('');
  });

  it('tells readers whose ex hurt them that the check is not about them, with the result too', async () => {
    renderQuiz();
    answerAll(extremeAnswers(quiz, 'high'));
    await submitForResult();
    expect(screen.getByText('If your ex hurt you, this check is not about you.')).toBeTruthy();
  });

  it('says what changed since the last saved result, in words and numbers, with a link to My results', async () => {
    const { storage } = renderQuiz();
    answerAll(extremeAnswers(quiz, 'high'));
    await submitForResult();
    fireEvent.click(screen.getByRole('button', { name: 'Take it again' }));
    answerAll(extremeAnswers(quiz, 'low'));
    await submitForResult();
    const section = screen.getByRole('heading', { name: /Since your last result, on/ }).closest('section')!;
    const lines = within(section).getAllByRole('listitem').map((item) => item.textContent);
    expect(lines[0]).toBe('Your score: 0 now, 100 last time. Down 100: it weighs on you less than last time.');
    expect(lines).toContain('Owning your next step: 100 now, 0 last time. Up 100: more of this than last time.');
    expect(lines).toContain('Blame and unfairness: 0 now, 100 last time. Down 100: less of this than last time.');
    expect(within(section).getByRole('link', { name: 'See all your saved results' }).getAttribute('href')).toBe('/my-results/');
    expect(loadResults(storage).results).toHaveLength(2);
  });

  it('notes opposite answers with their own words, not the same-answer note', async () => {
    renderQuiz();
    // Agree strongly with both sides of every pair, and "Not sure" elsewhere.
    const paired = new Set(quiz.items.filter((item) => item.pair).map(({ id }) => id));
    answerAll(quiz.items.map((item) => (paired.has(item.id) ? 5 : 3)));
    await submitForResult();
    expect(screen.getByText('A few answers pull in opposite directions.')).toBeTruthy();
    expect(screen.queryByText('You gave every statement the same answer.')).toBeNull();
  });
});
