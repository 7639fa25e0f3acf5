/**
 * Finding the keys the site wrote. Only the backup and the eraser need it, so it lives apart from
 * kit/storage.ts, which every page with an island carries.
 */
import type { StorageLike } from '../../kit/storage';

/** Every stored key that starts with `prefix`, without ever throwing (none when storage is unavailable). */
export function listKeys(storage: StorageLike | null, prefix: string): string[] {
  if (storage === null || typeof storage.key !== 'function') return [];
  try {
    const keys: string[] = [];
    for (let index = 0; index < (storage.length ?? 0); index += 1) {
      const key = storage.key(index);
      if (key !== null && key.startsWith(prefix)) keys.push(key);
    }
    return keys.sort();
  } catch {
    return [];
  }
}
