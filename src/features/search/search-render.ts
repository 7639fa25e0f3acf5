/**
 * Builds one result from a `<template>` in the page's markup, so the markup and its (scoped) styles
 * live in the .astro components and this code only fills slots. Text goes in as text nodes: nothing
 * from the index is ever parsed as HTML.
 */
import { statusText, type ExcerptPart, type SearchHit, type StatusMessage } from './search-state';

/** Appends an excerpt to an element, with matched words in `<mark>`. */
export function fillExcerpt(target: Element, parts: readonly ExcerptPart[]): void {
  target.replaceChildren(
    ...parts.map((part) => {
      if (!part.marked) return document.createTextNode(part.text);
      const mark = document.createElement('mark');
      mark.textContent = part.text;
      return mark;
    }),
  );
}

function slot(root: Element, name: string): HTMLElement | null {
  return root.matches(`[data-slot~="${name}"]`) ? (root as HTMLElement) : root.querySelector<HTMLElement>(`[data-slot~="${name}"]`);
}

/**
 * Clones the template's first element and fills its slots: `link` (gets the href), `title`,
 * `heading` (removed when there is none), `excerpt`, `type` and `related` (removed unless the
 * result matched only by a related word).
 */
export function renderHit(template: HTMLTemplateElement, hit: SearchHit): HTMLElement {
  const root = template.content.firstElementChild!.cloneNode(true) as HTMLElement;
  const link = slot(root, 'link');
  if (link instanceof HTMLAnchorElement) link.href = hit.url;
  const title = slot(root, 'title');
  if (title) title.textContent = hit.title;
  const heading = slot(root, 'heading');
  if (heading) {
    if (hit.heading) {
      const text = slot(heading, 'heading-text') ?? heading;
      text.textContent = hit.heading;
    } else heading.remove();
  }
  const excerpt = slot(root, 'excerpt');
  if (excerpt) fillExcerpt(excerpt, hit.excerpt);
  const type = slot(root, 'type');
  if (type) type.textContent = hit.typeLabel;
  const related = slot(root, 'related');
  if (related && !hit.relatedOnly) related.remove();
  return root;
}

/** Marks a word the status line names (the corrected and the typed words). */
function emphasis(text: string): HTMLElement {
  const element = document.createElement('em');
  element.textContent = text;
  return element;
}

/** The attribute that marks the status line's "search for … instead" link. */
const EXACT_LINK = 'data-search-exact';

/**
 * Fills a live region with what a search found: "Showing results for *revenge* — search for *revnge*
 * instead." (a link to `exactHref`), then the other sentences. Screen readers announce the whole region,
 * so the correction is heard with the count; an unchanged message is left alone, so it is not repeated.
 */
export function fillStatus(target: HTMLElement, message: StatusMessage, exactHref: string): void {
  if (target.textContent === statusText(message)) return;
  const nodes: Array<Node | string> = [];
  if (message.correction) {
    const link = document.createElement('a');
    link.href = exactHref;
    link.setAttribute(EXACT_LINK, '');
    link.append('search for ', emphasis(message.correction.typed), ' instead');
    nodes.push('Showing results for ', emphasis(message.correction.searched), ' — ', link, '. ');
  }
  nodes.push(message.sentences.join(' '));
  target.replaceChildren(...nodes);
}

/** Runs `searchExactly` when the reader follows the status line's "search for … instead", in place of the link. */
export function onExactLink(status: HTMLElement, searchExactly: () => void): void {
  status.addEventListener('click', (event) => {
    if (!(event.target as Element).closest(`[${EXACT_LINK}]`)) return;
    event.preventDefault();
    searchExactly();
  });
}
