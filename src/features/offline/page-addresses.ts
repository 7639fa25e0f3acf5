/**
 * Every address of a saved page opens it offline. Pages are precached under their own address
 * (`/guide/`), and Workbox's precache route answers that address with any query too. But a page has
 * other addresses that readers type and links use: `/guide` (hosts redirect it to `/guide/`) and
 * `/guide/index.html` (the file itself). Online the host answers those. Offline, Workbox's own
 * variations of an address only go the other way (directoryIndex adds `index.html` to `/guide/`,
 * cleanURLs adds `.html` to `/guide`), so they found nothing and the offline page stood in.
 *
 * The plugin below joins the route for navigations that are not precached, and speaks only once the
 * network has failed: when the page's own address is saved, it answers with a redirect there, keeping
 * the query (the search page's `?q=`, Pagefind's `?highlight=`), and the precache then serves the page
 * under the address the host would have shown. When it is not, the plugin says nothing and the offline
 * page answers, as before. Online nothing changes: whatever the host sends, its 404 page included, goes
 * to the reader untouched.
 */
import type { RuntimeCaching } from 'workbox-build';

type WorkboxPlugin = NonNullable<NonNullable<RuntimeCaching['options']>['plugins']>[number];

/**
 * After a failed navigation to another address of a saved page, a redirect to the page's own address:
 * `/guide` and `/guide/index.html` go to `/guide/`, keeping the query. Nothing for an address that
 * already ends in a slash (the precache has answered it if it could, so a redirect never leads to
 * itself), nor for a page that is not saved: the offline page answers those.
 *
 * Workbox copies plugins into sw.js as source text, and accepts no other members on them, so this
 * uses nothing but its argument and the worker's globals.
 */
export async function answerWithSavedPage({ request }: { request: Request }): Promise<Response | undefined> {
  const url = new URL(request.url);
  const path = url.pathname;
  // The last segment of the path: empty for a page's own address.
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (name === '') return undefined;
  url.pathname = name === 'index.html' ? path.slice(0, path.length - name.length) : `${path}/`;
  // Any of the site's caches will do: the redirect only chooses the address, and the precache route of
  // the worker in charge serves it (or, should that build not have the page, the offline page does).
  const saved = await caches.match(url.href, { ignoreSearch: true });
  return saved ? Response.redirect(url.href, 302) : undefined;
}

/** The plugin for the route of navigations that are not precached; it goes before the offline fallback. */
export function samePagePlugin(): WorkboxPlugin {
  return { handlerDidError: answerWithSavedPage };
}
