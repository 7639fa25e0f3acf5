/**
 * The site's storage while the passphrase lock is on and open: a StorageLike that the quiz, My results and
 * every tool use exactly as they use localStorage, so none of them knows about the lock.
 *
 * - Every `letting-go:` key lives only inside the encrypted lock (`letting-go:locked`, see lock-crypto.ts):
 *   reads come from the values decrypted when the lock was opened, and each write re-encrypts them with a
 *   fresh IV and stores the result. Nothing the reader wrote is ever stored in plain form.
 * - Other keys (the theme choice, read before first paint) pass through to localStorage as they are.
 * - Writes are merged, never overwritten: under a Web Lock shared by every tab, the current lock is read and
 *   decrypted, this page's changes since its last write are applied key by key, and the result is sealed.
 * - Another tab's write arrives as a `storage` event on the lock's key; the page decrypts it and fires a
 *   `storage` event of its own for each key that changed, which is what the islands already listen for.
 * - A write that fails (storage full) cannot be reported to the caller, which has already returned, so it is
 *   announced with a `letting-go:save-failed` event on window; the values stay in the page, and the next
 *   write tries again with all of them.
 */
import type { StorageLike } from '../../kit/storage';
import { LOCK_KEY } from './lock-names';
import { openValues, readLockFile, sealValues, type KeptValues, type LockFile } from './lock-crypto';

export { LOCK_KEY };
/** Fired on window when a write under the lock could not be stored. */
export const SAVE_FAILED_EVENT = 'letting-go:save-failed';

/** Whether a key is kept inside the lock. */
export function isLockedKey(key: string): boolean {
  return key.startsWith('letting-go:') && key !== LOCK_KEY;
}

/** Reads the stored lock from plain storage; null when there is none or it is unreadable. */
export function readStoredLock(raw: Storage): LockFile | null {
  try {
    const text = raw.getItem(LOCK_KEY);
    return text === null ? null : readLockFile(JSON.parse(text));
  } catch {
    return null;
  }
}

type Change = { key: string; value: string | null };

/** Where Web Locks are missing (old browsers), writes from this page at least wait for one another. */
let fallbackQueue: Promise<unknown> = Promise.resolve();

function exclusively(run: () => Promise<void>): Promise<void> {
  const locks = (globalThis.navigator as Navigator & { locks?: LockManager } | undefined)?.locks;
  if (locks) return locks.request(LOCK_KEY, run);
  const next = fallbackQueue.then(run);
  fallbackQueue = next.catch(() => undefined);
  return next;
}

export class LockedStorage implements StorageLike {
  private values: Map<string, string>;
  /** Changes made here that the stored lock may not hold yet, in order. */
  private pending: Change[] = [];
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly raw: Storage,
    private readonly dataKey: CryptoKey,
    values: KeptValues,
    private readonly target: EventTarget = globalThis,
  ) {
    this.values = new Map(Object.entries(values));
  }

  get length(): number {
    return this.keys().length;
  }

  key(index: number): string | null {
    return this.keys()[index] ?? null;
  }

  private keys(): string[] {
    const passed: string[] = [];
    for (let index = 0; index < this.raw.length; index += 1) {
      const key = this.raw.key(index);
      if (key !== null && !key.startsWith('letting-go:')) passed.push(key);
    }
    return [...this.values.keys(), ...passed];
  }

  getItem(key: string): string | null {
    if (key === LOCK_KEY) return null;
    return isLockedKey(key) ? (this.values.get(key) ?? null) : this.raw.getItem(key);
  }

  setItem(key: string, value: string): void {
    if (!isLockedKey(key)) {
      if (key !== LOCK_KEY) this.raw.setItem(key, value);
      return;
    }
    this.values.set(key, String(value));
    this.change({ key, value: String(value) });
  }

  removeItem(key: string): void {
    if (!isLockedKey(key)) {
      if (key !== LOCK_KEY) this.raw.removeItem(key);
      return;
    }
    this.values.delete(key);
    this.change({ key, value: null });
  }

  /** Resolves once every change made so far has been stored (or has failed and been announced). */
  settled(): Promise<void> {
    return this.writing;
  }

  /**
   * A backup's text, sealed under this lock: the same wrapped data key (so the same passphrase opens it) and
   * the backup encrypted with a fresh IV. See device-data/backup.ts for the plain file inside.
   */
  async sealBackup(text: string, exportedAt: Date): Promise<string> {
    await this.settled();
    const current = readStoredLock(this.raw);
    if (current === null) throw new Error('The lock is gone.');
    const locked: LockFile = { ...current, data: await sealValues(this.dataKey, { backup: text }), sealedAt: exportedAt.toISOString() };
    return JSON.stringify({ app: 'letting-go', kind: 'backup', format: 3, exportedAt: exportedAt.toISOString(), locked }, null, 2);
  }

  private change(change: Change): void {
    this.pending.push(change);
    this.writing = this.writing.then(() => this.write());
  }

  private async write(): Promise<void> {
    if (this.pending.length === 0) return;
    const changes = this.pending;
    this.pending = [];
    const store = async (): Promise<void> => {
      const current = readStoredLock(this.raw);
      if (current === null) throw new Error('The lock is gone.');
      const stored = (await openValues(this.dataKey, current.data)) ?? {};
      for (const { key, value } of changes) {
        if (value === null) delete stored[key];
        else stored[key] = value;
      }
      const next: LockFile = { ...current, data: await sealValues(this.dataKey, stored), sealedAt: new Date().toISOString() };
      this.raw.setItem(LOCK_KEY, JSON.stringify(next));
      this.values = new Map(Object.entries(stored));
    };
    try {
      await exclusively(store);
    } catch (error) {
      // Keep the changes for the next write, and say that this one did not happen.
      this.pending = [...changes, ...this.pending];
      this.target.dispatchEvent(new CustomEvent(SAVE_FAILED_EVENT, { detail: { error } }));
    }
  }

  /**
   * Takes in another tab's write (the new text of the lock's key): decrypts it, keeps this page's own
   * unstored changes on top, and fires a `storage` event for every key whose value changed.
   */
  async refresh(text: string | null): Promise<'refreshed' | 'gone'> {
    if (text === null) return 'gone';
    let file: LockFile | null = null;
    try {
      file = readLockFile(JSON.parse(text));
    } catch {
      file = null;
    }
    const stored = file && (await openValues(this.dataKey, file.data));
    if (!stored) return 'gone';
    for (const { key, value } of this.pending) {
      if (value === null) delete stored[key];
      else stored[key] = value;
    }
    const before = this.values;
    this.values = new Map(Object.entries(stored));
    const keys = new Set([...before.keys(), ...this.values.keys()]);
    for (const key of keys) {
      const oldValue = before.get(key) ?? null;
      const newValue = this.values.get(key) ?? null;
      if (oldValue !== newValue) this.target.dispatchEvent(new StorageEvent('storage', { key, oldValue, newValue }));
    }
    return 'refreshed';
  }
}
