/**
 * While the lock is open: the data key, kept so that moving from page to page does not ask for the
 * passphrase each time, for at most ten minutes after the reader last did anything on a page that uses it.
 *
 * The key is a CryptoKey that cannot be exported (its bytes never leave the browser's crypto code), kept in
 * IndexedDB, which can hold such a key as it is: database `letting-go-lock`, store `session`, one record
 * `{ dataKey, lastActiveAt }` (milliseconds). Nothing the reader wrote is ever in it. "Lock now", ten idle
 * minutes, erasing everything, and a page that finds the record too old all delete it. What this cannot
 * do: while the record lasts (or until a page of the site next looks at it, if the browser was closed with
 * the lock open), someone at this browser who knows how could use the key through the browser's developer
 * tools. The pages say so: "Lock now" before leaving the device.
 */

/** The lock closes this long after the reader last did anything on a page that uses it. */
export const IDLE_MS = 10 * 60 * 1000;

const DB_NAME = 'letting-go-lock';
const STORE = 'session';
const RECORD = 'current';

/** The open lock's key and when the reader last did something. */
export interface LockSession {
  dataKey: CryptoKey;
  lastActiveAt: number;
}

function openDatabase(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function withStore<T>(mode: IDBTransactionMode, run: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await openDatabase();
  try {
    return await new Promise<T>((resolve, reject) => {
      const transaction = db.transaction(STORE, mode);
      const request = run(transaction.objectStore(STORE));
      transaction.oncomplete = () => resolve(request.result);
      transaction.onerror = () => reject(transaction.error);
      transaction.onabort = () => reject(transaction.error);
    });
  } finally {
    db.close();
  }
}

function isSession(value: unknown): value is LockSession {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as LockSession).dataKey instanceof CryptoKey &&
    typeof (value as LockSession).lastActiveAt === 'number'
  );
}

/** The open lock's session, when there is one that is not too old; an old one is deleted. */
export async function readSession(now = Date.now()): Promise<LockSession | null> {
  try {
    const value: unknown = await withStore('readonly', (store) => store.get(RECORD));
    if (!isSession(value)) return null;
    if (now - value.lastActiveAt > IDLE_MS || value.lastActiveAt > now + 60_000) {
      await clearSession();
      return null;
    }
    return value;
  } catch {
    return null;
  }
}

/** Keeps the open lock's key, active as of `now`. */
export async function writeSession(dataKey: CryptoKey, now = Date.now()): Promise<boolean> {
  try {
    await withStore('readwrite', (store) => store.put({ dataKey, lastActiveAt: now } satisfies LockSession, RECORD));
    return true;
  } catch {
    return false;
  }
}

/** Deletes the open lock's key: the lock is closed everywhere. */
export async function clearSession(): Promise<void> {
  try {
    await withStore('readwrite', (store) => store.delete(RECORD));
  } catch {
    // Nothing to delete, or no IndexedDB: either way no key is kept.
  }
}

/** Deletes the whole database (erasing everything). */
export function deleteSessionDatabase(): Promise<void> {
  return new Promise((resolve) => {
    try {
      const request = indexedDB.deleteDatabase(DB_NAME);
      request.onsuccess = request.onerror = request.onblocked = () => resolve();
    } catch {
      resolve();
    }
  });
}
