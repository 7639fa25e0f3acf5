import { readFileSync } from 'node:fs';
import { Window, type Document } from 'happy-dom';
import { listPages, type BuiltPage } from './dist.ts';

/** A built page together with its parsed document. */
export interface ParsedPage extends BuiltPage {
  readonly document: Document;
}

let parserWindow: Window | undefined;

/** Parses an HTML string into a static document: no scripts run and nothing is fetched. */
export function parseHtml(html: string): Document {
  parserWindow ??= new Window({
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      disableComputedStyleRendering: true,
      handleDisabledFileLoadingAsSuccess: true,
    },
  });
  return new parserWindow.DOMParser().parseFromString(html, 'text/html');
}

/** Every built page, parsed. */
export function parsePages(): ParsedPage[] {
  return listPages().map((page) => ({ ...page, document: parseHtml(readFileSync(page.file, 'utf8')) }));
}

/** The ids defined in a document (targets for `#fragment` links). */
export function idsOf(document: Document): Set<string> {
  return new Set([...document.querySelectorAll('[id]')].map((element) => element.id));
}
