/**
 * Fixed passages of an island page (the support box text, "not a diagnosis", hints) are written in the
 * page's Astro file and handed to the island as HTML strings: their words then travel in the page's HTML,
 * not in its JavaScript.
 */
import type { VNode } from 'preact';

/** Passages by name, as trusted HTML written in the site's own page files. */
export type PassageHtml = Record<string, string>;

/** Turns HTML passages into elements an island can place; `display: contents` keeps layout unchanged. */
export function renderPassages(passages: PassageHtml): Record<string, VNode> {
  return Object.fromEntries(
    Object.entries(passages).map(([name, html]) => [name, <div class="passage" dangerouslySetInnerHTML={{ __html: html }} />]),
  );
}
