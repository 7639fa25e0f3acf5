/**
 * The only workbook code a reading page loads with it, kept to a few hundred bytes: the page's "Try this" boxes
 * get their "Write your answers here" button (WorkbookBar.astro) working, and a box whose section already has
 * a note says so. The writer itself is a chunk of its own (workbook-writer.tsx), loaded by URL when the reader
 * presses the button (see src/kit/chunk-url.ts).
 *
 * Whether a note exists is a look at the stored text for the section's id, without reading it as JSON: entries
 * are written by JSON.stringify, which never leaves `"id":"<slug>"` unescaped inside a reader's words, so the
 * look can only find a real entry. The writer reads the note properly when it opens.
 */
import writerUrl from 'virtual:workbook-writer-url';
import { getLocalStorage } from '../../kit/storage';

const bars = document.querySelectorAll<HTMLElement>('[data-workbook]');
const storage = getLocalStorage();
let stored: string | null | undefined;
try {
  // The script comes with the boxes (WorkbookBar.astro), so there is always a first one.
  stored = storage?.getItem(bars[0]!.dataset.key!);
} catch {
  // Blocked storage: the boxes offer to write, and the writer says what it can keep.
}

for (const bar of bars) {
  if (stored?.includes(`"id":"${bar.dataset.workbook}"`)) bar.dataset.note = '';
  bar.querySelector('button')!.onclick = () =>
    (import(/* @vite-ignore */ writerUrl) as Promise<typeof import('./workbook-writer')>).then(
      (writer) => writer.openWriter(bar, storage),
      // The bar's last element is its status line.
      () => void (bar.lastElementChild!.textContent = bar.dataset.fail!),
    );
}
