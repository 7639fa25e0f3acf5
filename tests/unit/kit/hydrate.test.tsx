// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { render as renderInto } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { hydrateIsland } from '../../../src/kit/hydrate';
import QuizIslandRoot, { type QuizIslandRootProps } from '../../../src/features/quiz/QuizIslandRoot';
import { renderPassages } from '../../../src/kit/passages';
import { QUIZ_COPY } from '../../../src/features/quiz/quiz-copy';
import { getQuiz, linksFor } from '../quiz/real-quizzes';

const quiz = getQuiz('anger');
const props: QuizIslandRootProps = {
  quiz,
  links: linksFor(quiz),
  copy: QUIZ_COPY,
  passages: {
    needsJs: '<p class="quiz-notice">Scoring needs JavaScript.</p>',
    notDiagnosis: '<p>Not a diagnosis. <a href="/help/">Support is here</a>.</p>',
  },
};

/** Lays out a page the way quizzes/[id].astro does: server HTML in the root, props in a JSON data block. */
function layOutPage(json: string): HTMLElement {
  document.body.innerHTML =
    `<div data-island="quiz">${renderToString(<QuizIslandRoot {...props} />)}</div>` +
    `<script type="application/json" id="quiz-props">${json}</script>`;
  return document.querySelector<HTMLElement>('[data-island="quiz"]')!;
}

afterEach(() => {
  const root = document.querySelector('[data-island="quiz"]');
  if (root) renderInto(null, root);
  document.body.innerHTML = '';
});

describe('hydrateIsland', () => {
  it('adopts the server-rendered quiz from its JSON props and makes it live', async () => {
    const root = layOutPage(JSON.stringify(props));
    const firstFieldset = root.querySelector('fieldset');
    expect(root.querySelector<HTMLButtonElement>('button[type="submit"]')?.disabled).toBe(true);
    expect(root.hasAttribute('data-live')).toBe(false);
    hydrateIsland(QuizIslandRoot, 'quiz');
    // Marked as running, for the browser tests' settle() to wait for.
    expect(root.hasAttribute('data-live')).toBe(true);
    await new Promise((resolve) => setTimeout(resolve)); // Preact re-renders after the mount's state change
    // The same element is kept: hydration adopts the markup rather than replacing it.
    expect(root.querySelector('fieldset')).toBe(firstFieldset);
    expect(root.querySelector<HTMLButtonElement>('button[type="submit"]')?.disabled).toBe(false);
    expect(root.textContent).not.toContain('Scoring needs JavaScript.');
  });

  it('does not mark an island live when hydrating it throws', () => {
    const root = layOutPage('{"not": "the quiz props"}');
    expect(() => hydrateIsland(QuizIslandRoot, 'quiz')).toThrow();
    expect(root.hasAttribute('data-live')).toBe(false);
  });

  it('does nothing when the page has no props block', () => {
    const root = layOutPage('');
    document.getElementById('quiz-props')?.remove();
    expect(() => hydrateIsland(QuizIslandRoot, 'quiz')).not.toThrow();
    expect(root.querySelector<HTMLButtonElement>('button[type="submit"]')?.disabled).toBe(true);
    expect(root.hasAttribute('data-live')).toBe(false);
  });
});

describe('renderPassages', () => {
  it('renders each passage as its HTML inside a layout-neutral wrapper', () => {
    const html = renderToString(<div>{Object.values(renderPassages(props.passages))}</div>);
    expect(html).toContain('<div class="passage"><p class="quiz-notice">Scoring needs JavaScript.</p></div>');
    expect(html).toContain('<a href="/help/">Support is here</a>');
  });
});
