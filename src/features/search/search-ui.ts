/**
 * Everything of search that loads on demand, as one chunk: the header dialog and the /search/ page's
 * element. The site script imports it dynamically, so no page pays for it until a reader shows intent (or opens
 * the results page), and it arrives in a single request.
 */
export { defineSiteSearch } from './search-dialog';
export { defineSearchPage } from './search-page';
