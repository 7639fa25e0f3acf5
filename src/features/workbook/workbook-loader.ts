/**
 * The only workbook code a reading page loads with it, kept to a few hundred bytes and part of the site's one
 * script (components/site-script.ts), so it adds no script of its own: the page's "Try this" boxes get their
 * "Write your answers here" button (WorkbookBar.astro) working, and pages without one do nothing. It touches no storage. The writer
 * itself is a chunk of its own (workbook-writer.tsx), loaded by URL when the reader presses the button (see
 * src/kit/chunk-url.ts); it asks for storage, through the passphrase lock when one is set, as it starts.
 */
import writerUrl from 'virtual:workbook-writer-url';

for (const bar of document.querySelectorAll<HTMLElement>('[data-workbook]')) {
  bar.querySelector('button')!.onclick = () =>
    (import(/* @vite-ignore */ writerUrl) as Promise<typeof import('./workbook-writer')>).then(
      (writer) => writer.openWriter(bar),
      // The bar's last element is its status line.
      () => void (bar.lastElementChild!.textContent = bar.dataset.fail!),
    );
}
