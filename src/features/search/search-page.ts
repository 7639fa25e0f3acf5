/**
 * The /search/ page: `<search-page>` reads `q`, `type`, `topic` and `exact` from the URL, fills its form
 * and searches; typing or changing a filter searches again and rewrites the URL (replaceState, so Back
 * still leaves the page), which makes every state of the page a link that can be shared or reloaded.
 * Results come ten at a time, with a button for the next ten.
 */
import { loadSearch, runSearch } from './search-engine';
import { fillStatus, onExactLink, renderHit } from './search-render';
import { describeReport, parseSearchState, serializeSearchState, toIndexFilters, type SearchState } from './search-state';

/** Results shown at first, and added by each press of "Show more results". */
const PAGE_STEP = 10;
const DEBOUNCE_MS = 150;

export class SearchPageElement extends HTMLElement {
  #form!: HTMLFormElement;
  #query!: HTMLInputElement;
  #type!: HTMLSelectElement;
  #topic!: HTMLSelectElement;
  #status!: HTMLElement;
  #results!: HTMLOListElement;
  #template!: HTMLTemplateElement;
  #more: HTMLButtonElement | null = null;
  #generation = 0;
  /** Search the words as typed (the URL's `exact=1`): set by "search for … instead", cleared by typing. */
  #exact = false;

  connectedCallback(): void {
    const form = this.querySelector('form');
    const query = form?.querySelector<HTMLInputElement>('input[name="q"]');
    const type = form?.querySelector<HTMLSelectElement>('select[name="type"]');
    const topic = form?.querySelector<HTMLSelectElement>('select[name="topic"]');
    const status = this.querySelector<HTMLElement>('[data-search-status]');
    const results = this.querySelector<HTMLOListElement>('[data-search-results]');
    const template = this.querySelector('template');
    if (!form || !query || !type || !topic || !status || !results || !template) return;
    [this.#form, this.#query, this.#type, this.#topic] = [form, query, type, topic];
    [this.#status, this.#results, this.#template] = [status, results, template];
    this.#more = this.querySelector<HTMLButtonElement>('[data-search-more]');

    this.#apply(parseSearchState(location.search));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.#search(0);
    });
    query.addEventListener('input', () => {
      this.#exact = false;
      void this.#search(DEBOUNCE_MS);
    });
    onExactLink(status, () => {
      this.#exact = true;
      void this.#search(0);
    });
    this.#more?.addEventListener('click', () => void this.#showMore());
    for (const select of [type, topic]) select.addEventListener('change', () => void this.#search(0));
    addEventListener('popstate', () => {
      this.#apply(parseSearchState(location.search));
      void this.#search(0, false);
    });
    void this.#search(0, false);
  }

  /** The state the form shows, tidied the same way as a URL would be. */
  #state(): SearchState {
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(this.#form)) if (typeof value === 'string') params.set(name, value);
    return { ...parseSearchState(params), exact: this.#exact };
  }

  #apply(state: SearchState): void {
    this.#exact = state.exact;
    this.#query.value = state.q;
    this.#type.value = state.type ?? '';
    this.#topic.value = state.topic ?? '';
    // An unknown topic in the URL has no option; show "All topics" rather than an empty select.
    if (this.#topic.selectedIndex < 0) this.#topic.value = '';
  }

  /** Names of the filters in use, as the selects show them, for the announcement. */
  #filterNames(state: SearchState): string[] {
    return [state.type && this.#type, state.topic && this.#topic]
      .filter((select): select is HTMLSelectElement => Boolean(select))
      .map((select) => select.selectedOptions[0]?.textContent?.trim() ?? '')
      .filter(Boolean);
  }

  async #search(debounceMs: number, updateUrl = true): Promise<void> {
    const generation = ++this.#generation;
    const state = this.#state();
    if (updateUrl) {
      const url = `${location.pathname}${serializeSearchState(state)}`;
      if (url !== `${location.pathname}${location.search}`) history.replaceState(null, '', url);
    }
    if (!state.q) {
      this.#results.replaceChildren();
      this.#results.hidden = true;
      this.#setMore(0, 0);
      this.#status.textContent = '';
      if ((await loadSearch()) === null && generation === this.#generation) this.#unavailable();
      return;
    }
    let outcome;
    try {
      outcome = await runSearch(state.q, { filters: toIndexFilters(state), limit: PAGE_STEP, debounceMs, exact: state.exact });
    } catch {
      outcome = null;
    }
    if (generation !== this.#generation) return;
    if (!outcome) {
      if ((await loadSearch()) === null) this.#unavailable();
      return;
    }
    this.#results.replaceChildren(...outcome.hits.map((hit) => renderHit(this.#template, hit)));
    this.#results.hidden = outcome.hits.length === 0;
    this.#setMore(outcome.hits.length, outcome.total);
    const exactHref = `${location.pathname}${serializeSearchState({ ...state, exact: true })}`;
    fillStatus(this.#status, describeReport(outcome, state.q, this.#filterNames(state)), exactHref);
  }

  /** Adds the next results and moves focus to the first of them, so the keyboard carries on from there. */
  async #showMore(): Promise<void> {
    const generation = this.#generation;
    const state = this.#state();
    const shown = this.#results.children.length;
    const outcome = await runSearch(state.q, { filters: toIndexFilters(state), limit: PAGE_STEP, offset: shown, exact: state.exact }).catch(() => null);
    if (!outcome || generation !== this.#generation) return;
    const added = outcome.hits.map((hit) => renderHit(this.#template, hit));
    this.#results.append(...added);
    this.#setMore(shown + added.length, outcome.total);
    added[0]?.querySelector<HTMLAnchorElement>('a')?.focus();
  }

  /** Shows "Show more results" while some are not shown yet. */
  #setMore(shown: number, total: number): void {
    if (!this.#more) return;
    this.#more.hidden = shown >= total;
    this.#more.textContent = `Show more results (${total - shown} more)`;
  }

  #unavailable(): void {
    this.#results.replaceChildren();
    this.#results.hidden = true;
    this.#setMore(0, 0);
    this.#status.textContent = 'Search is unavailable right now.';
    this.querySelector('[data-search-unavailable]')?.removeAttribute('hidden');
  }
}

/** Registers `<search-page>` (once), upgrading the element on the page. */
export function defineSearchPage(): void {
  if (!customElements.get('search-page')) customElements.define('search-page', SearchPageElement);
}
