/**
 * The theme switch. The page's theme is set before first paint by the tiny inline script in
 * theme-init.js (from localStorage key `theme`, else the system setting); this module wires the toggle
 * button, remembers an explicit choice, and keeps following the system while no choice was made.
 */

/** The two themes the site has. */
export type Theme = 'light' | 'dark';

/** The localStorage key holding an explicit choice. */
export const THEME_KEY = 'theme';

/** Reads an explicit choice, or null when none was made or storage is unavailable. */
export function readStoredTheme(): Theme | null {
  try {
    const value = localStorage.getItem(THEME_KEY);
    return value === 'light' || value === 'dark' ? value : null;
  } catch {
    return null;
  }
}

/** Remembers a choice; storage failures (private mode, quota) only mean it is not remembered. */
function storeTheme(theme: Theme): void {
  try {
    localStorage.setItem(THEME_KEY, theme);
  } catch {
    /* The choice still applies to this page. */
  }
}

/** Applies a theme to the document and the toggle's pressed state and label. */
function applyTheme(theme: Theme, button: HTMLButtonElement): void {
  document.documentElement.dataset.theme = theme;
  button.setAttribute('aria-pressed', String(theme === 'dark'));
}

/** Connects the toggle button (CSS hides it on pages without JavaScript, where it could not work). */
export function setUpThemeToggle(button: HTMLButtonElement): void {
  const system = matchMedia('(prefers-color-scheme: dark)');
  const current = (): Theme => (document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light');
  applyTheme(current(), button);
  button.addEventListener('click', () => {
    const next: Theme = current() === 'dark' ? 'light' : 'dark';
    applyTheme(next, button);
    storeTheme(next);
  });
  system.addEventListener('change', (event) => {
    if (readStoredTheme() === null) applyTheme(event.matches ? 'dark' : 'light', button);
  });
  // Another tab changed the choice: follow it so open pages agree.
  addEventListener('storage', (event) => {
    if (event.key === THEME_KEY && (event.newValue === 'light' || event.newValue === 'dark')) {
      applyTheme(event.newValue, button);
    }
  });
}
