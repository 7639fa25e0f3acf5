import type { StorageLike } from '../../../src/kit/storage';

/**
 * How the fake storage misbehaves:
 * 'normal' works; 'quota' throws QuotaExceededError on setItem (reads and removes still work);
 * 'read-only' throws a generic error on setItem and removeItem; 'blocked' throws SecurityError on every call.
 */
export type StorageMode = 'normal' | 'quota' | 'read-only' | 'blocked';

/** An in-memory StorageLike whose failure mode tests can switch. */
export interface MemoryStorage extends StorageLike {
  readonly data: Map<string, string>;
  mode: StorageMode;
}

/** Creates a fake storage holding `initial`. */
export function createMemoryStorage(initial: Record<string, string> = {}, mode: StorageMode = 'normal'): MemoryStorage {
  const data = new Map(Object.entries(initial));
  const storage: MemoryStorage = {
    data,
    mode,
    getItem(key) {
      if (storage.mode === 'blocked') throw new DOMException('The operation is insecure.', 'SecurityError');
      return data.get(key) ?? null;
    },
    setItem(key, value) {
      if (storage.mode === 'blocked') throw new DOMException('The operation is insecure.', 'SecurityError');
      if (storage.mode === 'quota') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      if (storage.mode === 'read-only') throw new Error('Storage is read-only.');
      data.set(key, String(value));
    },
    removeItem(key) {
      if (storage.mode === 'blocked') throw new DOMException('The operation is insecure.', 'SecurityError');
      if (storage.mode === 'read-only') throw new Error('Storage is read-only.');
      data.delete(key);
    },
    get length() {
      if (storage.mode === 'blocked') throw new DOMException('The operation is insecure.', 'SecurityError');
      return data.size;
    },
    key(index) {
      if (storage.mode === 'blocked') throw new DOMException('The operation is insecure.', 'SecurityError');
      return [...data.keys()][index] ?? null;
    },
  };
  return storage;
}
