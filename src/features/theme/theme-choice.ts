/**
 * The reader's theme choice as stored: `theme` is `light` or `dark`, and absent while the site follows the
 * system setting. Read before first paint by theme-init.js (which spells the key out: it is inlined as it
 * is), written by the toggle (theme.ts), and carried by backups. theme.ts keeps its own copy of the key on
 * purpose: it is part of the script every page carries inline, and a module shared with the backup code
 * would turn that script into a file of its own. tests/unit/theme/theme-key.test.ts keeps the copies equal.
 */
import type { StorageLike } from '../../kit/storage';

/** The localStorage key holding an explicit choice. */
export const THEME_KEY = 'theme';

/** The two themes the site has. */
export type Theme = 'light' | 'dark';

/** Reads an explicit choice from a storage, or null when none was made or storage is unavailable. */
export function readStoredTheme(storage: StorageLike | null): Theme | null {
  try {
    const value = storage?.getItem(THEME_KEY) ?? null;
    return value === 'light' || value === 'dark' ? value : null;
  } catch {
    return null;
  }
}
