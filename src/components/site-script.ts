/**
 * The one script every page loads: it wires the theme toggle, the quick exit (on the pages that have
 * one) and the "Try this" boxes' writing button (on the guide's pages), and waits for a sign that the
 * reader wants to search (pointer over or focus on the header's search link, a click on it, `/` or
 * Ctrl/Cmd+K). Only then is the search UI's code imported, and with it the index
 * (on /search/ that happens at once); a click opens the dialog once it is ready, or follows the link to
 * /search/ when it cannot load. A page opened from a search result (its URL carries `?highlight=`) also
 * loads Pagefind's highlight script to mark the words.
 */
import searchUiUrl from 'virtual:search-ui-url';
import { setUpThemeToggle } from '../features/theme/theme';
import { HIGHLIGHT_PARAM, isEditable, isSearchShortcut } from '../features/search/search-intent';
import { setUpQuickExit } from '../features/quick-exit/quick-exit';
import '../features/offline/sw-register';
// The "Try this" boxes' way into the writer, on the pages that have them (a few hundred bytes; no storage).
import '../features/workbook/workbook-loader';

const toggle = document.getElementById('theme-toggle');
if (toggle instanceof HTMLButtonElement) setUpThemeToggle(toggle);

const exit = document.querySelector<HTMLAnchorElement>('a[data-quick-exit]');
if (exit) setUpQuickExit(exit);

interface SiteSearch extends HTMLElement {
  open(): void;
}

const search = document.querySelector<SiteSearch>('site-search');
const searchLink = search?.querySelector<HTMLAnchorElement>('a[data-search-open]');
const resultsPage = document.querySelector('search-page');
let ready: Promise<SiteSearch | null> | undefined;

/** Imports the search UI (once) and resolves to the upgraded header element; null when that failed. */
function prepare(): Promise<SiteSearch | null> {
  // By URL, not `import('../features/search/search-ui')`: see src/kit/chunk-url.ts.
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

/**
 * Starts a search from the header link or the shortcut: on the results page in its own field, elsewhere in
 * the dialog, or on the results page when the dialog's code cannot load.
 */
function startSearch(): void {
  const pageField = document.querySelector<HTMLInputElement>('[data-search-page-input]');
  if (pageField) {
    pageField.focus();
    pageField.select();
  } else void prepare().then((element) => (element ? element.open() : searchLink && location.assign(searchLink.href)));
}

if (search) {
  for (const type of ['pointerenter', 'focusin']) search.addEventListener(type, () => void prepare(), { once: true });
  searchLink?.addEventListener('click', (event) => {
    event.preventDefault();
    startSearch();
  });
  addEventListener('keydown', (event) => {
    if (!isSearchShortcut(event, isEditable(event.target))) return;
    event.preventDefault();
    startSearch();
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
