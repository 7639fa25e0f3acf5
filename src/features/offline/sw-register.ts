/**
 * Offline support, the part every page carries (it is bundled into site.ts, so it must stay tiny).
 * Once the page has loaded it registers the service worker, /sw.js (written at build time by
 * src/features/offline/service-worker.ts). The first install takes over the page at once, silently. A later
 * build's worker waits instead, and the "new version" notice (components/UpdateNotice.astro) offers a
 * Reload. Nothing is swapped until the reader presses it: only then is the waiting worker asked to take
 * over, and only that tab reloads, once it has. Other open tabs, say one with a half-answered quiz,
 * keep their page and simply show the notice.
 */

/** Fills the notice from its template and wires its buttons; does nothing if it is already shown. */
function offer(registration: ServiceWorkerRegistration, accept: () => void): void {
  const region = document.getElementById('update-notice');
  const template = document.getElementById('update-notice-template') as HTMLTemplateElement | null;
  if (!region || !template || region.firstElementChild) return;
  // The region is in the page from the start (empty), so screen readers announce what arrives in it.
  region.append(template.content.cloneNode(true));
  region.querySelector('[data-reload]')?.addEventListener('click', () => {
    accept();
    // The generated worker listens for this message; `controllerchange` follows when it has taken over.
    if (registration.waiting) registration.waiting.postMessage({ type: 'SKIP_WAITING' });
    else location.reload();
  });
  region.querySelector('[data-dismiss]')?.addEventListener('click', () => region.replaceChildren());
}

/** Registers the worker at `scriptUrl` and watches for a new build. Exported for the unit tests. */
export async function startOffline(container: ServiceWorkerContainer, scriptUrl: string): Promise<void> {
  // Only a page that already had a worker when it loaded can be looking at an old build.
  const hadController = container.controller !== null;
  let accepted = false;
  const accept = () => (accepted = true);
  const registration = await container.register(scriptUrl);
  const offerIfWaiting = () => {
    if (registration.waiting && container.controller) offer(registration, accept);
  };
  container.addEventListener('controllerchange', () => {
    if (accepted) location.reload();
    // Another tab accepted the new build: this page is now older than its worker, so say so.
    else if (hadController) offer(registration, accept);
  });
  offerIfWaiting();
  registration.addEventListener('updatefound', () => {
    const worker = registration.installing;
    worker?.addEventListener('statechange', () => worker.state === 'installed' && offerIfWaiting());
  });
}

// The layout names the worker's address on <html> (from src/routes.ts), so this script writes none itself.
const scriptUrl = document.documentElement.dataset.serviceWorker;
if ('serviceWorker' in navigator && scriptUrl) {
  const { serviceWorker } = navigator;
  if (import.meta.env.PROD) {
    // After `load`, so the worker's downloads never compete with the page's own.
    const start = () => void startOffline(serviceWorker, scriptUrl).catch(() => undefined);
    if (document.readyState === 'complete') start();
    else addEventListener('load', start, { once: true });
  } else {
    // `astro dev` and `astro preview` share an origin: a worker left by a preview would serve old pages.
    void serviceWorker.getRegistrations().then((all) => all.forEach((registration) => void registration.unregister()));
  }
}
