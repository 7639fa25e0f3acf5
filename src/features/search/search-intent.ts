/**
 * The little that every page needs to know about search before any of it loads: which keys open it
 * and the URL parameter that asks a page to highlight the words a reader searched for. Kept apart
 * from the rest of the search code because it ships in the one script every page loads.
 */

/** The query parameter Pagefind adds to result links; its values are the words to highlight. */
export const HIGHLIGHT_PARAM = 'highlight';

/** Whether a key press is one of the shortcuts that open search: `/`, or Ctrl+K / Cmd+K. */
export function isSearchShortcut(
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>,
  inEditableField: boolean,
): boolean {
  if (event.altKey) return false;
  if ((event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === 'k') return true;
  return event.key === '/' && !event.ctrlKey && !event.metaKey && !inEditableField;
}

/** Whether typing in this element would produce text (so `/` there is a slash, not a shortcut). */
export function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['button', 'checkbox', 'radio', 'submit', 'reset'].includes(target.type);
}
