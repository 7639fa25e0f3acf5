// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { renderToString } from 'preact-render-to-string';
import MyResultsIsland, { describeTrend, groupResults, type QuizSummary } from '../../../src/features/my-results/MyResultsIsland';
import { RESULTS_STORAGE_KEY, type StoredResult } from '../../../src/features/quiz/engine/results';
import { PROBLEM_COPY } from '../../../src/features/quiz/quiz-copy';
import { createMemoryStorage } from '../kit/memory-storage';
import { makeResult } from '../quiz/real-quizzes';

const QUIZZES: QuizSummary[] = [
  {
    id: 'readiness-to-let-go',
    title: 'How ready are you to let go?',
    href: '/quizzes/readiness-to-let-go/',
    higherMeans: 'you are further along in letting go right now',
  },
  { id: 'anger', title: 'Fuel or fire?', href: '/quizzes/anger/', higherMeans: 'more of your anger is going into replays' },
];

function renderPage(results: StoredResult[] | string = []) {
  const text = typeof results === 'string' ? results : JSON.stringify({ schema: 3, results });
  const storage = createMemoryStorage({ [RESULTS_STORAGE_KEY]: text });
  const view = render(
    <MyResultsIsland
      quizzes={QUIZZES}
      problems={PROBLEM_COPY}
      environment={{ storage }}
      needsJs={<p>Reading them needs JavaScript.</p>}
      empty={<p>Nothing saved yet.</p>}
    />,
  );
  return { ...view, storage };
}

afterEach(() => cleanup());

describe('MyResultsIsland', () => {
  it('renders the JavaScript note and, for readers with JavaScript, the empty state on the server', () => {
    const html = renderToString(
      <MyResultsIsland
        quizzes={QUIZZES}
        problems={PROBLEM_COPY}
        needsJs={<p>Reading them needs JavaScript.</p>}
        empty={<p>Nothing saved yet.</p>}
      />,
    );
    expect(html).toContain('Reading them needs JavaScript.');
    expect(html).toContain('<div class="results-body js-only">');
    expect(html).toContain('<div class="results-empty"><p>Nothing saved yet.</p></div>');
    expect(html).not.toContain('<table');
  });

  it('shows the empty state when nothing is saved', () => {
    renderPage();
    expect(screen.getByText('Nothing saved yet.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('shows each quiz’s results as a chart with a text summary and a data table', () => {
    renderPage([makeResult(3, 'high'), makeResult(1), makeResult(2)]);
    const section = screen.getByRole('region', { name: 'Fuel or fire?' });
    const chart = within(section).getByRole('img');
    expect(chart.getAttribute('aria-label')).toMatch(/^Fuel or fire\?: 3 saved results from .+ The score went from 0 to 100 out of 100\.$/);
    expect(chart.querySelectorAll('circle')).toHaveLength(3);
    expect(chart.querySelector('polyline')).not.toBeNull();
    const rows = within(within(section).getByRole('table')).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getAllByRole('cell')[1]!.textContent)).toEqual(['0', '0', '100']);
    expect(screen.queryByRole('region', { name: 'How ready are you to let go?' })).toBeNull();
  });

  it('shows a notice, not an error, when saved data is unreadable', () => {
    renderPage('][');
    expect(screen.getByText(/couldn't be read/)).toBeTruthy();
    expect(screen.getByText('Nothing saved yet.')).toBeTruthy();
  });

  it('deletes one result and moves focus to the news', () => {
    renderPage([makeResult(1), makeResult(2)]);
    const buttons = screen.getAllByRole('button', { name: /^Delete the result from/ });
    fireEvent.click(buttons[0]!);
    expect(screen.getAllByRole('button', { name: /^Delete the result from/ })).toHaveLength(1);
    expect(document.activeElement?.id).toBe('results-message');
    expect(screen.getByRole('status').textContent).toMatch(/^Deleted the result from/);
  });

  it('deletes everything only after a confirmation step', () => {
    const { storage } = renderPage([makeResult(1), makeResult(2)]);
    fireEvent.click(screen.getByRole('button', { name: 'Delete all my results' }));
    const confirm = screen.getByRole('group', { name: 'Delete every saved result?' });
    expect(document.activeElement).toBe(confirm);
    fireEvent.click(within(confirm).getByRole('button', { name: 'No, keep them' }));
    expect(document.activeElement?.id).toBe('delete-all');
    expect(screen.getAllByRole('row')).toHaveLength(3);

    fireEvent.click(screen.getByRole('button', { name: 'Delete all my results' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, delete them all' }));
    expect(screen.getByText('Nothing saved yet.')).toBeTruthy();
    expect(storage.data.has(RESULTS_STORAGE_KEY)).toBe(false);
  });

  it('downloads all results as a JSON file through an object URL', async () => {
    const createObjectURL = vi.fn((_blob: Blob) => 'blob:results');
    const revokeObjectURL = vi.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const clicked: HTMLAnchorElement[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    renderPage([makeResult(1)]);
    fireEvent.click(screen.getByRole('button', { name: 'Download my results' }));
    expect(clicked[0]?.download).toMatch(/^letting-go-results-\d{4}-\d{2}-\d{2}\.json$/);
    const blob = createObjectURL.mock.calls[0]![0];
    expect(JSON.parse(await blob.text())).toMatchObject({ app: 'letting-go', results: [{ id: 'result-1' }] });
    click.mockRestore();
  });

  it('imports a file and reports a bad one clearly, keeping what was there', async () => {
    renderPage([makeResult(1)]);
    const input = screen.getByLabelText('Import a results file') as HTMLInputElement;
    const bad = new File(['not json at all'], 'notes.json', { type: 'application/json' });
    Object.defineProperty(input, 'files', { value: [bad], configurable: true });
    fireEvent.change(input);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/nothing was imported/));
    expect(screen.getAllByRole('button', { name: /^Delete the result from/ })).toHaveLength(1);

    const good = new File([JSON.stringify({ app: 'letting-go', schema: 3, exportedAt: new Date().toISOString(), results: [makeResult(2)] })], 'r.json');
    Object.defineProperty(input, 'files', { value: [good], configurable: true });
    fireEvent.change(input);
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Added 1 result.'));
    expect(screen.getAllByRole('button', { name: /^Delete the result from/ })).toHaveLength(2);
  });
});

describe('groupResults and describeTrend', () => {
  it('groups by quiz in list order and gathers results of unknown quizzes last', () => {
    const stray = { ...makeResult(4), id: 'stray', quizId: 'old-quiz' };
    const groups = groupResults(QUIZZES, [makeResult(1), stray]);
    expect(groups.map((group) => [group.id, group.results.length])).toEqual([
      ['anger', 1],
      ['other', 1],
    ]);
  });

  it('describes a single result', () => {
    expect(describeTrend('Fuel or fire?', [makeResult(1)])).toMatch(/^Fuel or fire\?: one saved result, 0 out of 100 on /);
  });
});
