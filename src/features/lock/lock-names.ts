/**
 * Names the lock shares with the rest of the site, spelled out here rather than imported: the lock is a
 * chunk of its own, and importing the modules that define them would split those modules out of every
 * page's bundle. tests/unit/lock/lock-names.test.ts checks that each one matches its source.
 */

/** The key of the lock itself (kit/storage.ts LOCK_KEY). */
export const LOCK_KEY = 'letting-go:locked';
/** The prefix of every key the site keeps (kit/storage.ts KEY_PREFIX). */
export const KEY_PREFIX = 'letting-go:';
/** The theme choice's key (features/theme/theme-choice.ts THEME_KEY). */
export const THEME_KEY = 'theme';
/** The start of every cache the service worker makes (features/offline/cache-name.ts CACHE_PREFIX). */
export const CACHE_PREFIX = 'letting-go';

/** Fills `{name}` in a sentence (as kit/fill.ts does). */
export function fillIn(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
