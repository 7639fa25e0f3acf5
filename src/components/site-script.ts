/**
 * The one script every page loads: it wires the theme toggle and waits for a sign that the reader
 * wants to search (pointer over or focus in the header search, a click in its field, `/` or Ctrl/Cmd+K).
 * Only then is the search UI's code imported, and with it the index (on /search/ that happens at once). A page opened from a search
 * result (its URL carries `?highlight=`) also loads Pagefind's highlight script to mark the words.
 */
import searchUiUrl from 'virtual:search-ui-url';
import { setUpThemeToggle } from '../features/theme/theme';
import { HIGHLIGHT_PARAM, isEditable, isSearchShortcut } from '../features/search/search-intent';
import '../features/offline/sw-register';

const toggle = document.getElementById('theme-toggle');
if (toggle instanceof HTMLButtonElement) setUpThemeToggle(toggle);

interface SiteSearch extends HTMLElement {
  open(query?: string): void;
}

const search = document.querySelector<SiteSearch>('site-search');
const resultsPage = document.querySelector('search-page');
let ready: Promise<SiteSearch | null> | undefined;

/** Imports the search UI (once) and resolves to the upgraded header element; null when that failed. */
function prepare(): Promise<SiteSearch | null> {
  // By URL, not `import('../features/search/search-ui')`: see src/features/search/search-ui-chunk.ts.
  ready ??= (import(/* @vite-ignore */ searchUiUrl) as Promise<typeof import('../features/search/search-ui')>)
    .then(({ defineSiteSearch, defineSearchPage }) => {
      defineSiteSearch();
      if (resultsPage) defineSearchPage();
      return search;
    })
    .catch(() => null);
  return ready;
}

// The results page is itself the sign of intent.
if (resultsPage) void prepare();

function open(query?: string): void {
  void prepare().then((element) => element?.open(query));
}

if (search) {
  for (const type of ['pointerenter', 'focusin']) search.addEventListener(type, () => void prepare(), { once: true });
  // A pointer click in the header field opens the dialog; keyboard users can type there and press Enter.
  search.addEventListener('click', (event) => {
    if (event.target instanceof HTMLInputElement && event.target.name === 'q' && event.detail > 0) open();
  });
  addEventListener('keydown', (event) => {
    if (!isSearchShortcut(event, isEditable(event.target))) return;
    // On the results page the shortcut goes to its own field instead.
    const pageField = document.querySelector<HTMLInputElement>('[data-search-page-input]');
    event.preventDefault();
    if (pageField) {
      pageField.focus();
      pageField.select();
    } else open();
  });
}

interface HighlightModule {
  default: new (options: Record<string, unknown>) => unknown;
}

if (new URLSearchParams(location.search).has(HIGHLIGHT_PARAM)) {
  const url = `${document.documentElement.dataset.searchBundle}pagefind-highlight.js`;
  import(/* @vite-ignore */ url)
    .then(({ default: PagefindHighlight }: HighlightModule) => {
      // Its own styles would be an inline <style>, which the CSP blocks; SiteSearch.astro styles the marks.
      new PagefindHighlight({ highlightParam: HIGHLIGHT_PARAM, addStyles: false, markOptions: { className: 'search-highlight' } });
    })
    .catch(() => undefined);
}
