/**
 * The search dialog: `<site-search>` wraps the header's search link and a `<dialog>` (both rendered
 * by SiteSearch.astro). This module is imported only when a reader shows intent (see src/components/site-script.ts);
 * defining the element upgrades the one already on the page.
 *
 * Inside the dialog the input is a combobox: results appear as the reader types, Up/Down move through
 * them (focus stays in the input, the active result is its aria-activedescendant), Enter opens the
 * active result or, with none active, the full results page; Escape closes the dialog and focus goes
 * back where it was. A status line announces how many results there are and what search did with the
 * words (a correction, with a link to search the words as typed instead; a word left out; help first).
 */
import { loadSearch, preloadQuery, runSearch } from './search-engine';
import { fillStatus, onExactLink, renderHit } from './search-render';
import { describeReport, moveActive, normalizeQuery, serializeSearchState, EMPTY_STATE } from './search-state';

/** Results shown in the dialog; the rest are a click away on the results page. */
const DIALOG_LIMIT = 8;
/** Pause after the last keystroke before searching (the index chunks load during it). */
const DEBOUNCE_MS = 90;


/** The results page for a query; its address comes from the layout (`data-search-page` on <html>). */
function searchPageUrl(query: string, exact = false): string {
  return `${document.documentElement.dataset.searchPage ?? ''}${serializeSearchState({ ...EMPTY_STATE, q: query, exact })}`;
}

export class SiteSearchElement extends HTMLElement {
  #dialog!: HTMLDialogElement;
  #input!: HTMLInputElement;
  #list!: HTMLElement;
  #status!: HTMLElement;
  #more!: HTMLAnchorElement;
  #template!: HTMLTemplateElement;
  #returnFocus: HTMLElement | null = null;
  #active = -1;
  #generation = 0;
  #wired = false;
  /** Search the words as typed: set by the status line's "search for … instead", cleared by typing. */
  #exact = false;

  connectedCallback(): void {
    if (this.#wired) return;
    const dialog = this.querySelector('dialog');
    const input = dialog?.querySelector<HTMLInputElement>('input[role="combobox"]');
    const list = dialog?.querySelector<HTMLElement>('[role="listbox"]');
    const status = dialog?.querySelector<HTMLElement>('[data-search-status]');
    const more = dialog?.querySelector<HTMLAnchorElement>('[data-search-more]');
    const template = dialog?.querySelector('template');
    if (!dialog || !input || !list || !status || !more || !template) return;
    this.#wired = true;
    [this.#dialog, this.#input, this.#list, this.#status, this.#more, this.#template] = [dialog, input, list, status, more, template];
    input.addEventListener('input', () => {
      this.#exact = false;
      void this.#search();
    });
    // "Search for … instead": the same words, not corrected, here rather than on another page.
    onExactLink(status, () => {
      this.#exact = true;
      void this.#search();
      this.#input.focus();
    });
    input.addEventListener('keydown', (event) => this.#onKey(event));
    dialog.addEventListener('close', () => this.#onClose());
    // A click on the backdrop lands on the dialog element itself.
    dialog.addEventListener('click', (event) => {
      if (event.target === dialog) dialog.close();
    });
    dialog.querySelector('[data-search-close]')?.addEventListener('click', () => dialog.close());
    dialog.querySelector('form')?.addEventListener('submit', (event) => {
      event.preventDefault();
      this.#openActiveOrAll();
    });
    // Results follow the pointer too, so Enter and the highlight always agree.
    list.addEventListener('pointermove', (event) => {
      const option = (event.target as Element).closest<HTMLAnchorElement>('a[role="option"]');
      const index = option ? [...this.#options()].indexOf(option) : -1;
      if (index >= 0 && index !== this.#active) this.#setActive(index, false);
    });
    void loadSearch();
  }

  /** Opens the dialog, starting from `query` if one is given. */
  open(query?: string): void {
    if (!this.#wired || this.#dialog.open) return;
    this.#returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const start = normalizeQuery(query);
    if (start) this.#input.value = start;
    this.#dialog.showModal();
    this.#input.focus();
    this.#input.select();
    void this.#search();
    // Say so at once when there is no index, rather than after the first word.
    void loadSearch().then((pagefind) => {
      if (!pagefind && this.#dialog.open) this.#unavailable();
    });
  }

  #onClose(): void {
    this.#setExpanded(false);
    const target = this.#returnFocus;
    this.#returnFocus = null;
    if (target?.isConnected) target.focus();
  }

  #options(): NodeListOf<HTMLAnchorElement> {
    return this.#list.querySelectorAll<HTMLAnchorElement>('[role="option"]');
  }

  #onKey(event: KeyboardEvent): void {
    const count = this.#options().length;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      this.#setActive(moveActive(this.#active, count, event.key === 'ArrowDown' ? 1 : -1), true);
    } else if (event.key === 'Escape') {
      // Handled here so Escape never just clears the field: it always closes, as promised.
      event.preventDefault();
      this.#dialog.close();
    }
  }

  #openActiveOrAll(): void {
    const option = this.#options()[this.#active];
    const query = normalizeQuery(this.#input.value);
    if (option) location.assign(option.href);
    else if (query) location.assign(searchPageUrl(query, this.#exact));
  }

  #setActive(index: number, scroll: boolean): void {
    const options = this.#options();
    this.#active = index;
    options.forEach((option, i) => option.setAttribute('aria-selected', String(i === index)));
    const current = options[index];
    if (current) {
      this.#input.setAttribute('aria-activedescendant', current.id);
      if (scroll) current.scrollIntoView({ block: 'nearest' });
    } else this.#input.removeAttribute('aria-activedescendant');
  }

  #setExpanded(expanded: boolean): void {
    this.#input.setAttribute('aria-expanded', String(expanded));
    this.#list.hidden = !expanded;
    if (!expanded) this.#setActive(-1, false);
  }

  #say(message: string): void {
    // Only a change is announced; repeat the same words and screen readers stay quiet.
    if (this.#status.textContent !== message) this.#status.textContent = message;
  }

  async #search(): Promise<void> {
    const generation = ++this.#generation;
    const query = normalizeQuery(this.#input.value);
    this.#more.hidden = true;
    if (!query) {
      this.#list.replaceChildren();
      this.#setExpanded(false);
      this.#say('');
      if ((await loadSearch()) === null && generation === this.#generation) this.#unavailable();
      return;
    }
    void preloadQuery(this.#input.value);
    let outcome;
    try {
      outcome = await runSearch(query, { limit: DIALOG_LIMIT, debounceMs: DEBOUNCE_MS, exact: this.#exact });
    } catch {
      outcome = null;
    }
    if (generation !== this.#generation) return;
    if (!outcome) {
      if ((await loadSearch()) === null) this.#unavailable();
      return;
    }
    const options = outcome.hits.map((hit, index) => {
      const option = renderHit(this.#template, hit);
      option.id = `site-search-option-${index}`;
      return option;
    });
    this.#list.replaceChildren(...options);
    // New results, new choice: nothing is active until the reader presses an arrow key again.
    this.#setActive(-1, false);
    this.#setExpanded(options.length > 0);
    this.#more.href = searchPageUrl(query, this.#exact);
    this.#more.hidden = outcome.total === 0;
    this.#more.textContent = outcome.total > DIALOG_LIMIT ? `See all ${outcome.total} results` : 'Filter these results';
    fillStatus(this.#status, describeReport(outcome, query), searchPageUrl(query, true));
  }

  #unavailable(): void {
    this.#list.replaceChildren();
    this.#setExpanded(false);
    this.#say('Search is unavailable right now. You can still browse the guide and the topics.');
    this.#dialog.querySelector<HTMLElement>('[data-search-unavailable]')?.removeAttribute('hidden');
  }
}

/** Registers `<site-search>` (once); the element already in the page upgrades at this point. */
export function defineSiteSearch(): void {
  if (!customElements.get('site-search')) customElements.define('site-search', SiteSearchElement);
}
