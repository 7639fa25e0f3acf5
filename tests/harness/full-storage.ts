// Filling the site's storage to the brim with something else, and making room again: how browser tests
// check that a full storage is said at once and loses nothing.
import type { Page } from 'playwright-core';

/** Fills the page's localStorage until nothing more fits, with keys `filler-<n>`. */
export function fillStorage(page: Page): Promise<void> {
  return page.evaluate(() => {
    let chunk = 'x'.repeat(1 << 20);
    for (let index = 0; chunk.length > 0; ) {
      try {
        localStorage.setItem(`filler-${index}`, chunk);
        index += 1;
      } catch {
        chunk = chunk.slice(Math.ceil(chunk.length / 2));
      }
    }
  });
}

/** Removes what fillStorage() put there. */
export function emptyFiller(page: Page): Promise<void> {
  return page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('filler-')).forEach((key) => localStorage.removeItem(key)));
}
