// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { renderToString } from 'preact-render-to-string';
import MyResultsIsland, { describeTrend, groupResults, type QuizSummary } from '../../../src/features/my-results/MyResultsIsland';
import { RESULTS_STORAGE_KEY, saveResult, type StoredResult } from '../../../src/features/quiz/engine/results';
import { MY_RESULTS_COPY } from '../../../src/features/my-results/my-results-copy';
import { createMemoryStorage } from '../kit/memory-storage';
import { makeResult } from '../quiz/real-quizzes';

const QUIZZES: QuizSummary[] = [
  {
    id: 'readiness-to-let-go',
    title: 'How ready are you to let go?',
    href: '/quizzes/readiness-to-let-go/',
    checkIn: 'https://letting-go.guide/quizzes/readiness-to-let-go/',
    higherMeans: 'you are further along in letting go right now',
    version: 1,
    items: { length: 12 },
  },
  { id: 'anger', title: 'Fuel or fire?', href: '/quizzes/anger/', checkIn: 'https://letting-go.guide/quizzes/anger/', higherMeans: 'more of your anger is going into replays', version: 2, items: { length: 12 } },
];

function renderPage(results: StoredResult[] | string = []) {
  const text = typeof results === 'string' ? results : JSON.stringify({ schema: 3, results });
  const storage = createMemoryStorage({ [RESULTS_STORAGE_KEY]: text });
  // The empty state is the page's own markup, outside the island, which hides it while there is something to show.
  const empty = document.createElement('div');
  empty.id = 'results-empty';
  empty.textContent = 'Nothing saved yet.';
  document.body.append(empty);
  const view = render(
    <MyResultsIsland
      quizzes={QUIZZES}
      copy={MY_RESULTS_COPY}
      cachePrefix="letting-go"
      environment={{ storage, now: () => new Date('2026-03-10T12:00:00.000Z') }}
      needsJs={<p>Reading them needs JavaScript.</p>}
    />,
  );
  return { ...view, storage, empty };
}

afterEach(() => {
  cleanup();
  document.body.replaceChildren();
});

describe('MyResultsIsland', () => {
  it('renders the JavaScript note on the server and keeps the tools for readers with JavaScript', () => {
    const html = renderToString(
      <MyResultsIsland quizzes={QUIZZES} copy={MY_RESULTS_COPY} cachePrefix="letting-go" needsJs={<p>Reading them needs JavaScript.</p>} />,
    );
    expect(html).toContain('Reading them needs JavaScript.');
    expect(html).toContain('<div class="results-body js-only">');
  });

  it('leaves the empty state shown when nothing is saved', () => {
    const { empty } = renderPage();
    expect(empty.hidden).toBe(false);
    expect(screen.queryByRole('list', { name: /saved result/ })).toBeNull();
  });

  it('shows each quiz’s results as a chart with a text summary and a list of cards', () => {
    const { empty } = renderPage([makeResult(3, 'high'), makeResult(1), makeResult(2)]);
    expect(empty.hidden).toBe(true);
    const section = screen.getByRole('region', { name: 'Fuel or fire?' });
    const chart = within(section).getByRole('img');
    expect(chart.getAttribute('aria-label')).toMatch(/^Fuel or fire\?: 3 saved results from .+ The score went from 0 to 100 out of 100\.$/);
    expect(chart.querySelectorAll('circle')).toHaveLength(3);
    const cards = within(section).getAllByRole('listitem');
    expect(cards.map((card) => card.querySelector('.result-score strong')?.textContent)).toEqual(['0', '0', '100']);
    expect(screen.queryByRole('region', { name: 'How ready are you to let go?' })).toBeNull();
  });

  it('shows a notice, not an error, when saved data is unreadable', () => {
    const { empty } = renderPage('][');
    expect(screen.getByText(/couldn't be read/)).toBeTruthy();
    expect(empty.hidden).toBe(false);
  });

  it('deletes one result and moves focus to the news', () => {
    renderPage([makeResult(1), makeResult(2)]);
    const buttons = screen.getAllByRole('button', { name: /^Delete the result from/ });
    fireEvent.click(buttons[0]!);
    expect(screen.getAllByRole('button', { name: /^Delete the result from/ })).toHaveLength(1);
    expect(document.activeElement?.id).toBe('results-message');
    expect(screen.getByRole('status').textContent).toMatch(/^Deleted the result from/);
  });

  it('deletes everything only after a confirmation step that names how many', () => {
    const { storage, empty } = renderPage([makeResult(1), makeResult(2)]);
    fireEvent.click(screen.getByRole('button', { name: 'Delete all my results' }));
    const confirm = screen.getByRole('group', { name: 'Delete every saved result?' });
    expect(confirm.textContent).toContain('all 2 of your saved results');
    expect(document.activeElement).toBe(confirm);
    fireEvent.click(within(confirm).getByRole('button', { name: 'No, keep them' }));
    expect(document.activeElement?.id).toBe('delete-all');
    expect(screen.getAllByRole('button', { name: /^Delete the result from/ })).toHaveLength(2);

    fireEvent.click(screen.getByRole('button', { name: 'Delete all my results' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, delete them all' }));
    expect(empty.hidden).toBe(false);
    expect(storage.data.has(RESULTS_STORAGE_KEY)).toBe(false);
  });

  it('refreshes when another tab changes what is kept', () => {
    const { storage } = renderPage([makeResult(1)]);
    saveResult(storage, makeResult(2));
    fireEvent(window, new StorageEvent('storage', { key: RESULTS_STORAGE_KEY }));
    expect(screen.getAllByRole('button', { name: /^Delete the result from/ })).toHaveLength(2);
  });

  it('reminds the reader to back up results that are a few days old, and rests once they have', async () => {
    Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:backup'), revokeObjectURL: vi.fn() });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    renderPage([makeResult(1)]);
    const reminder = screen.getByText(/is not in a backup yet/);
    fireEvent.click(within(reminder.parentElement!).getByRole('button', { name: 'Download a backup' }));
    await waitFor(() => expect(screen.queryByText(/is not in a backup yet/)).toBeNull());
    click.mockRestore();
  });

  it('downloads everything as one backup file through an object URL', async () => {
    const createObjectURL = vi.fn((_blob: Blob) => 'blob:backup');
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const clicked: HTMLAnchorElement[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    renderPage([makeResult(1)]);
    fireEvent.click(within(screen.getByRole('region', { name: 'Keep a copy, or bring one back' })).getByRole('button', { name: 'Download a backup' }));
    await waitFor(() => expect(clicked).toHaveLength(1));
    expect(clicked[0]?.download).toMatch(/^letting-go-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const blob = createObjectURL.mock.calls[0]![0];
    expect(JSON.parse(await blob.text())).toMatchObject({ app: 'letting-go', kind: 'backup', results: { results: [{ id: 'result-1' }] } });
    click.mockRestore();
  });

  it('brings back a file, reports a bad one clearly, and refuses a huge one unread', async () => {
    renderPage([makeResult(1)]);
    const input = screen.getByLabelText('Bring back a backup file') as HTMLInputElement;
    const choose = (file: File) => {
      Object.defineProperty(input, 'files', { value: [file], configurable: true });
      fireEvent.change(input);
    };
    choose(new File(['not json at all'], 'notes.json', { type: 'application/json' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/doesn't look like a backup/));
    expect(screen.getAllByRole('button', { name: /^Delete the result from/ })).toHaveLength(1);

    const huge = new File(['x'], 'huge.json');
    Object.defineProperty(huge, 'size', { value: 27_400_000 });
    const text = vi.spyOn(huge, 'text');
    choose(huge);
    expect(screen.getByRole('alert').textContent).toBe(
      'This file is 27.4 MB, and a backup from this guide is far smaller: files over 5.0 MB are not read. Nothing was changed.',
    );
    expect(text).not.toHaveBeenCalled();

    choose(new File([JSON.stringify({ app: 'letting-go', schema: 3, exportedAt: new Date().toISOString(), results: [makeResult(2)] })], 'r.json'));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Added 1 result. Nothing on this device was removed.'));
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
