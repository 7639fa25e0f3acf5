/**
 * The theme switch. The page's theme is set before first paint by the tiny inline script in
 * theme-init.js (from localStorage key `theme`, else the system setting); this module wires the toggle
 * button, remembers an explicit choice, and keeps following the system while no choice was made. The
 * button's look follows the page's theme through CSS (ThemeToggle.astro); here only its pressed state is
 * kept in step.
 */

/** The two themes the site has. */
export type Theme = 'light' | 'dark';

/** The localStorage key holding an explicit choice. */
export const THEME_KEY = 'theme';

/** Whether a stored or received value names a theme. */
function isTheme(value: unknown): value is Theme {
  return value === 'light' || value === 'dark';
}

/** Reads an explicit choice, or null when none was made or storage is unavailable. */
export function readStoredTheme(): Theme | null {
  try {
    const value = localStorage.getItem(THEME_KEY);
    return isTheme(value) ? value : null;
  } catch {
    return null;
  }
}

/** Connects the toggle button (CSS hides it on pages without JavaScript, where it could not work). */
export function setUpThemeToggle(button: HTMLButtonElement): void {
  const root = document.documentElement;
  const apply = (theme: Theme): void => {
    root.dataset.theme = theme;
    button.setAttribute('aria-pressed', String(theme === 'dark'));
  };
  apply(root.dataset.theme === 'dark' ? 'dark' : 'light');
  button.addEventListener('click', () => {
    const next: Theme = root.dataset.theme === 'dark' ? 'light' : 'dark';
    apply(next);
    try {
      localStorage.setItem(THEME_KEY, next);
    } catch {
      /* Private mode or a full quota: the choice still applies to this page. */
    }
  });
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', (event) => {
    if (readStoredTheme() === null) apply(event.matches ? 'dark' : 'light');
  });
  // Another tab changed the choice: follow it so open pages agree.
  addEventListener('storage', (event) => {
    if (event.key === THEME_KEY && isTheme(event.newValue)) apply(event.newValue);
  });
}
