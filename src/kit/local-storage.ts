/**
 * Finding the browser's storage. Every page that keeps anything asks here through kit/storage.ts, which
 * re-exports this, including the small script of a reading page (the workbook's button on a guide section,
 * within the 2 KB budget there): so this module stays tiny and imports nothing, and the build keeps it in a
 * file of its own (astro.config.mjs).
 */

/** Returns the browser's localStorage (a StorageLike), or null when it is missing or throws on access; `scope` is for tests. */
export function getLocalStorage(scope: object = globalThis): Storage | null {
  // Blocked cookies and sandboxed frames throw on merely reading the property.
  try {
    const storage = (scope as { localStorage?: Storage }).localStorage;
    return storage ?? null;
  } catch {
    return null;
  }
}
