/**
 * The writer of a reading page's "Try this" boxes, a chunk of its own that the page's small script
 * (workbook-loader.ts) loads when the reader presses "Write your answers here". While the writer is open it
 * stands where the box's list of steps was, one box per step; "Done writing" brings the list back.
 *
 * Storage is asked for as each writer starts, never before: when the reader has set a passphrase lock, the
 * lock's code is fetched first and holds the writer behind its passphrase form, as kit/hydrate.ts does for an
 * island, so the writer only ever reads and writes the open lock's store.
 */
import { render } from 'preact';
import lockUrl from 'virtual:lock-url';
import { getLocalStorage, isLockSet, useStore } from '../../kit/storage';
import { NoteWriter } from './NoteWriter';
import type { WorkbookPageProps } from './workbook-props';

let pageProps: WorkbookPageProps | undefined;
/** Set once the lock has let a writer start on this page: the store the kit hands out is the open lock's. */
let isPastLock = false;

/** Runs `start` now, or once the passphrase lock is open when one is set. `host` is where its form goes. */
function whenOpen(host: HTMLElement, start: () => void): void {
  if (isPastLock || !isLockSet()) return start();
  void (import(/* @vite-ignore */ lockUrl) as Promise<typeof import('../lock/lock-ui')>).then((lock) => {
    lock.connect(useStore);
    lock.gate(host, () => {
      isPastLock = true;
      start();
    });
  });
}

/** Opens the writer of the box `bar` belongs to (WorkbookBar.astro). */
export function openWriter(bar: HTMLElement): void {
  pageProps ??= JSON.parse(document.getElementById('workbook-props')?.textContent ?? 'null') as WorkbookPageProps;
  const exercise = pageProps?.exercises.find((candidate) => candidate.id === bar.dataset.workbook);
  const box = bar.closest('.try-this');
  const list = box?.querySelector(':scope > ol');
  const paper = bar.previousElementSibling;
  if (!pageProps || !exercise || !box || !(list instanceof HTMLElement)) return;
  let host = box.querySelector<HTMLElement>(':scope > .writer-host');
  // Already open, or waiting for the passphrase: nothing more to do.
  if (host) return;
  host = document.createElement('div');
  host.className = 'writer-host';
  list.after(host);
  const shown = [list, bar, ...(paper instanceof HTMLElement ? [paper] : [])];
  const { copy, links } = pageProps;
  const writerHost = host;
  const close = (): void => {
    render(null, writerHost);
    writerHost.remove();
    for (const element of shown) element.hidden = false;
    bar.querySelector('button')?.focus();
  };
  whenOpen(writerHost, () => {
    for (const element of shown) element.hidden = true;
    render(
      <NoteWriter
        exercise={exercise}
        copy={copy}
        links={links}
        storage={getLocalStorage()}
        idPrefix={`${exercise.id}-`}
        onDone={close}
        autoFocus
      />,
      writerHost,
    );
  });
}
