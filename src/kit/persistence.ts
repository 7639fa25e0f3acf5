/**
 * Asking the browser to keep the site's data. By default a browser may clear a site's storage when space runs
 * low, and Safari clears what scripts stored for sites not visited for seven days; `navigator.storage.persist()`
 * asks it not to. Browsers decide for themselves (some grant it silently, some never), so the pages say what
 * the answer was and suggest a backup either way. Nothing here throws.
 */

/** What the browser says about keeping the site's data. */
export type Persistence = 'persisted' | 'not-persisted' | 'unsupported';

interface StorageManagerLike {
  persist?(): Promise<boolean>;
  persisted?(): Promise<boolean>;
}

function manager(): StorageManagerLike | undefined {
  return typeof navigator === 'undefined' ? undefined : (navigator.storage as StorageManagerLike | undefined);
}

/** Asks, once the reader has saved something, that the browser keep the site's data; says what it decided. */
export async function requestPersistence(): Promise<Persistence> {
  const storage = manager();
  if (!storage?.persist || !storage.persisted) return 'unsupported';
  try {
    if (await storage.persisted()) return 'persisted';
    return (await storage.persist()) ? 'persisted' : 'not-persisted';
  } catch {
    return 'unsupported';
  }
}

/** Whether the browser has agreed to keep the site's data. */
export async function readPersistence(): Promise<Persistence> {
  const storage = manager();
  if (!storage?.persisted) return 'unsupported';
  try {
    return (await storage.persisted()) ? 'persisted' : 'not-persisted';
  } catch {
    return 'unsupported';
  }
}
