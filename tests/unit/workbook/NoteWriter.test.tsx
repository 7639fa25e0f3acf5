// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { renderToString } from 'preact-render-to-string';
import { NoteWriter, SAVE_DELAY_MS } from '../../../src/features/workbook/NoteWriter';
import MyNotesIsland from '../../../src/features/workbook/MyNotesIsland';
import { MY_NOTES_COPY, WRITER_COPY } from '../../../src/features/workbook/workbook-copy';
import { loadNote, type Exercise } from '../../../src/features/workbook/workbook';
import { WORKBOOK_KEY } from '../../../src/features/workbook/workbook-spec';
import { createMemoryStorage } from '../kit/memory-storage';

const EXERCISE: Exercise = { id: 'split-the-page', title: 'Split the page in two', steps: ['On the left, what happened.', 'On the right, what is yours.'] };
const LINKS = { myNotes: '/my-notes/', myResults: '/my-results/' };

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

function renderWriter(storage = createMemoryStorage(), onDone = vi.fn()) {
  render(<NoteWriter exercise={EXERCISE} copy={WRITER_COPY} links={LINKS} storage={storage} idPrefix="t-" onDone={onDone} />);
  return { storage, onDone, boxes: screen.getAllByRole('textbox') as HTMLTextAreaElement[] };
}

describe('the writer', () => {
  it('labels each box with its step and keeps the words a moment after typing stops', () => {
    vi.useFakeTimers();
    const { storage, boxes } = renderWriter();
    expect(screen.getByLabelText(EXERCISE.steps[1]!)).toBe(boxes[1]);
    fireEvent.input(boxes[0]!, { target: { value: 'They left.' } });
    vi.advanceTimersByTime(SAVE_DELAY_MS - 1);
    expect(storage.data.has(WORKBOOK_KEY)).toBe(false);
    vi.advanceTimersByTime(1);
    expect(loadNote(storage, EXERCISE.id).entry?.steps[0]?.text).toBe('They left.');
  });

  it('keeps the words at once when a box loses focus, when the page is hidden or left, and on "Done writing"', () => {
    const { storage, boxes, onDone } = renderWriter();
    fireEvent.input(boxes[0]!, { target: { value: 'on blur' } });
    fireEvent.blur(boxes[0]!);
    expect(loadNote(storage, EXERCISE.id).entry?.steps[0]?.text).toBe('on blur');
    fireEvent.input(boxes[1]!, { target: { value: 'on pagehide' } });
    act(() => void window.dispatchEvent(new Event('pagehide')));
    expect(loadNote(storage, EXERCISE.id).entry?.steps[1]?.text).toBe('on pagehide');
    fireEvent.input(boxes[1]!, { target: { value: 'on done' } });
    fireEvent.click(screen.getByRole('button', { name: WRITER_COPY.done }));
    expect(loadNote(storage, EXERCISE.id).entry?.steps[1]?.text).toBe('on done');
    expect(onDone).toHaveBeenCalledWith(true);
  });

  it('says at once, in an alert, that full storage kept nothing, and keeps the words in the box', () => {
    const { boxes } = renderWriter(createMemoryStorage({}, 'quota'));
    fireEvent.input(boxes[0]!, { target: { value: 'still here' } });
    fireEvent.blur(boxes[0]!);
    expect(screen.getByRole('alert').textContent).toContain('Your browser is out of space for this site');
    expect(screen.getByRole('link', { name: WRITER_COPY.makeRoom }).getAttribute('href')).toBe('/my-results/');
    expect(boxes[0]!.value).toBe('still here');
  });

  it('takes in what another tab stored when the storage event comes', () => {
    const { storage, boxes } = renderWriter();
    storage.data.set(
      WORKBOOK_KEY,
      JSON.stringify({ format: 1, entries: [{ id: EXERCISE.id, updatedAt: '2026-12-01T10:00:00.000Z', title: EXERCISE.title, steps: [{ step: 1, prompt: EXERCISE.steps[1], text: 'from the other tab', updatedAt: '2026-12-01T10:00:00.000Z' }] }] }),
    );
    act(() => void window.dispatchEvent(new StorageEvent('storage', { key: WORKBOOK_KEY })));
    expect(boxes[1]!.value).toBe('from the other tab');
    expect(screen.getByRole('status').textContent).toBe(WRITER_COPY.updated);
  });
});

describe('My notes on the server', () => {
  it('says the notes need JavaScript and keeps the tools for readers with it', () => {
    const html = renderToString(<MyNotesIsland sections={[]} copy={MY_NOTES_COPY} myResultsHref="/my-results/" needsJs={<p>Showing them needs JavaScript.</p>} />);
    expect(html).toContain('Showing them needs JavaScript.');
    expect(html).toContain('<div class="notes-body js-only">');
  });
});
