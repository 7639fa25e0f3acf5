/**
 * The writer of a reading page's "Try this" boxes, a chunk of its own that the page's small script
 * (workbook-loader.ts) loads when the reader presses "Write your answers here". While the writer is open it
 * stands where the box's list of steps was, one box per step; "Done writing" brings the list back.
 */
import { render } from 'preact';
import type { StorageLike } from '../../kit/storage';
import { NoteWriter } from './NoteWriter';
import type { WorkbookPageProps } from './workbook-props';

let pageProps: WorkbookPageProps | undefined;

/** Opens the writer of the box `bar` belongs to (WorkbookBar.astro), with the storage the page asked for. */
export function openWriter(bar: HTMLElement, storage: StorageLike | null): void {
  pageProps ??= JSON.parse(document.getElementById('workbook-props')?.textContent ?? 'null') as WorkbookPageProps;
  const exercise = pageProps?.exercises.find((candidate) => candidate.id === bar.dataset.workbook);
  const box = bar.closest('.try-this');
  const list = box?.querySelector(':scope > ol');
  const paper = bar.previousElementSibling;
  if (!pageProps || !exercise || !box || !(list instanceof HTMLElement)) return;
  let host = box.querySelector<HTMLElement>(':scope > .writer-host');
  if (!host) {
    host = document.createElement('div');
    host.className = 'writer-host';
    list.after(host);
  }
  const shown = [list, bar, ...(paper instanceof HTMLElement ? [paper] : [])];
  for (const element of shown) element.hidden = true;
  const close = (isStored: boolean): void => {
    render(null, host);
    for (const element of shown) element.hidden = false;
    if (isStored) bar.dataset.note = '';
    else delete bar.dataset.note;
    bar.querySelector('button')?.focus();
  };
  const { copy, links } = pageProps;
  render(<NoteWriter exercise={exercise} copy={copy} links={links} storage={storage} idPrefix={`${exercise.id}-`} onDone={close} autoFocus />, host);
}
