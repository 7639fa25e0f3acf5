import { describe, expect, it } from 'vitest';
import { createMyResultsState } from '../../../src/features/my-results/my-results-state';
import { PROBLEM_COPY } from '../../../src/features/quiz/quiz-copy';
import { RESULTS_STORAGE_KEY, loadResults, type StoredResult } from '../../../src/features/quiz/engine/results';
import { createMemoryStorage } from '../kit/memory-storage';
import { makeResult } from '../quiz/real-quizzes';

function stored(results: StoredResult[]): Record<string, string> {
  return { [RESULTS_STORAGE_KEY]: JSON.stringify({ schema: 3, results }) };
}

function setUp(initial: Record<string, string> = {}) {
  const storage = createMemoryStorage(initial);
  const controller = createMyResultsState({ storage, now: () => new Date('2026-04-02T12:00:00.000Z') }, PROBLEM_COPY);
  controller.init();
  return { storage, controller, state: () => controller.store.get() };
}

describe('createMyResultsState', () => {
  it('loads saved results oldest first', () => {
    const { state } = setUp(stored([makeResult(5), makeResult(2)]));
    expect(state()).toMatchObject({ isReady: true, loadProblem: null });
    expect(state().results.map((result) => result.id)).toEqual(['result-2', 'result-5']);
  });

  it('shows a notice instead of breaking when storage holds garbage', () => {
    const { state } = setUp({ [RESULTS_STORAGE_KEY]: '{not json' });
    expect(state().results).toEqual([]);
    expect(state().loadProblem).toMatch(/couldn't be read/);
  });

  it('keeps the readable records and says some were left out', () => {
    const { state } = setUp(stored([makeResult(1), { id: 'broken' } as unknown as StoredResult]));
    expect(state().results).toHaveLength(1);
    expect(state().loadProblem).toMatch(/left out/);
  });

  it('deletes one result and says so', () => {
    const { controller, state, storage } = setUp(stored([makeResult(1), makeResult(2)]));
    controller.remove('result-1', 'March 1');
    expect(state().results.map((result) => result.id)).toEqual(['result-2']);
    expect(loadResults(storage).results).toHaveLength(1);
    expect(state().message).toEqual({ kind: 'status', text: 'Deleted the result from March 1.' });
  });

  it('asks before deleting everything, and can be talked out of it', () => {
    const { controller, state } = setUp(stored([makeResult(1)]));
    controller.askToDeleteAll();
    expect(state().isConfirmingDeleteAll).toBe(true);
    controller.cancelDeleteAll();
    expect(state()).toMatchObject({ isConfirmingDeleteAll: false, message: { kind: 'status', text: 'Nothing was deleted.' } });
    expect(state().results).toHaveLength(1);
  });

  it('deletes everything once confirmed', () => {
    const { controller, state, storage } = setUp(stored([makeResult(1), makeResult(2)]));
    controller.askToDeleteAll();
    controller.confirmDeleteAll();
    expect(state().results).toEqual([]);
    expect(storage.data.has(RESULTS_STORAGE_KEY)).toBe(false);
  });

  it('exports every result as a dated JSON file that imports back elsewhere', () => {
    const { controller } = setUp(stored([makeResult(1), makeResult(2, 'high')]));
    const file = controller.createExport();
    expect(file.fileName).toBe('letting-go-results-2026-04-02.json');
    expect(JSON.parse(file.text).results).toHaveLength(2);

    const other = setUp();
    other.controller.importText(file.text);
    expect(other.state().results.map((result) => result.id)).toEqual(['result-1', 'result-2']);
    expect(other.state().message).toEqual({ kind: 'status', text: 'Added 2 results.' });
  });

  it('skips results it already has when importing', () => {
    const source = setUp(stored([makeResult(1), makeResult(2)]));
    const { controller, state } = setUp(stored([makeResult(1)]));
    controller.importText(source.controller.createExport().text);
    expect(state().results).toHaveLength(2);
    expect(state().message?.text).toBe('Added 1 result. Skipped 1 result you already had.');
  });

  it.each([
    ['not JSON', 'hello'],
    ['JSON from somewhere else', '{"results": []}'],
    ['an empty file', ''],
  ])('rejects %s with a clear message and keeps what was saved', (_name, text) => {
    const { controller, state, storage } = setUp(stored([makeResult(1)]));
    const before = storage.data.get(RESULTS_STORAGE_KEY);
    controller.importText(text);
    expect(state().message).toMatchObject({ kind: 'problem', text: expect.stringMatching(/nothing was imported/) });
    expect(state().results).toHaveLength(1);
    expect(storage.data.get(RESULTS_STORAGE_KEY)).toBe(before);
  });
});
