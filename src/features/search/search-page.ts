/**
 * The /search/ page: `<search-page>` reads `q`, `type` and `topic` from the URL, fills its form and
 * searches; typing or changing a filter searches again and rewrites the URL (replaceState, so Back
 * still leaves the page), which makes every state of the page a link that can be shared or reloaded.
 */
import { loadSearch, runSearch } from './search-engine';
import { renderHit } from './search-render';
import {
  describeCount,
  parseSearchState,
  serializeSearchState,
  toPagefindFilters,
  type SearchState,
} from './search-state';

/** Results shown on the page; more than this means the words are too general to be useful anyway. */
const PAGE_LIMIT = 30;
const DEBOUNCE_MS = 150;

export class SearchPageElement extends HTMLElement {
  #form!: HTMLFormElement;
  #query!: HTMLInputElement;
  #type!: HTMLSelectElement;
  #topic!: HTMLSelectElement;
  #status!: HTMLElement;
  #results!: HTMLOListElement;
  #template!: HTMLTemplateElement;
  #generation = 0;

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

    this.#apply(parseSearchState(location.search));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.#search(0);
    });
    query.addEventListener('input', () => void this.#search(DEBOUNCE_MS));
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
    return parseSearchState(params);
  }

  #apply(state: SearchState): void {
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
      this.#status.textContent = '';
      if ((await loadSearch()) === null && generation === this.#generation) this.#unavailable();
      return;
    }
    let outcome;
    try {
      outcome = await runSearch(state.q, { filters: toPagefindFilters(state), limit: PAGE_LIMIT, debounceMs });
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
    const message = describeCount(outcome.total, state.q, this.#filterNames(state));
    if (this.#status.textContent !== message) this.#status.textContent = message;
  }

  #unavailable(): void {
    this.#results.replaceChildren();
    this.#results.hidden = true;
    this.#status.textContent = 'Search is unavailable right now.';
    this.querySelector('[data-search-unavailable]')?.removeAttribute('hidden');
  }
}

/** Registers `<search-page>` (once), upgrading the element on the page. */
export function defineSearchPage(): void {
  if (!customElements.get('search-page')) customElements.define('search-page', SearchPageElement);
}
