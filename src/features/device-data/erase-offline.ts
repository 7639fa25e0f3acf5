/**
 * Erasing the copy of the site kept for offline use: the service worker's caches and its registration. A
 * module of its own that imports nothing, so that the passphrase lock's chunk can use it without pulling in
 * the rest of the site's storage code.
 */

/** What the browser keeps for offline use, the site's part of it. */
export interface OfflineCopy {
  caches: string[];
  hasWorker: boolean;
}

async function findWorkers(scope: string): Promise<ServiceWorkerRegistration[]> {
  if (typeof navigator === 'undefined' || !navigator.serviceWorker) return [];
  const registrations = await navigator.serviceWorker.getRegistrations().catch(() => []);
  // Only the site's own worker: another site served from the same domain keeps its own.
  return registrations.filter((registration) => registration.scope === scope);
}

/**
 * Deletes the site's caches (named with `cachePrefix`) and unregisters its worker (of `scope`, an absolute
 * URL); says what there was. The next visit fetches the site afresh.
 */
export async function eraseOfflineCopy(cachePrefix: string, scope: string): Promise<OfflineCopy> {
  const names = typeof caches === 'undefined' ? [] : await caches.keys().catch(() => []);
  const found = names.filter((name) => name.startsWith(cachePrefix));
  await Promise.all(found.map((name) => caches.delete(name).catch(() => false)));
  const workers = await findWorkers(scope);
  await Promise.all(workers.map((registration) => registration.unregister().catch(() => false)));
  return { caches: found, hasWorker: workers.length > 0 };
}
