/**
 * Hydrates a server-rendered Preact island with the props the page wrote next to it.
 *
 * Why not Astro's `client:load`: its island runtime (an inline custom element of ~1.9 KB gzip) and the
 * Preact renderer (~1.5 KB) would push a quiz page past its 15 KB JavaScript budget. The page renders the
 * component as plain HTML inside `<div data-island="NAME">`, writes its props as JSON in
 * `<script type="application/json" id="NAME-props">` (see components/IslandProps.astro), and a small
 * module calls this function. The component and its props are the same on both sides, so Preact's
 * `hydrate` adopts the existing markup instead of re-creating it. Once it has, the root is marked
 * `data-live`: the island now runs, which tests (and anything else) can tell from its server HTML.
 */
import { h, hydrate, type ComponentType } from 'preact';
import lockUrl from 'virtual:lock-url';
import { isLockSet, useStore } from './storage';

/**
 * Hydrates the island called `name` and marks its root `data-live`; does nothing when the page lacks its root
 * or props. When the reader has set a passphrase lock, the lock's own code is fetched first and starts the
 * island once the lock is open, so the island only ever sees the open lock's storage.
 */
export function hydrateIsland<P extends object>(Component: ComponentType<P>, name: string): void {
  const root = document.querySelector<HTMLElement>(`[data-island="${name}"]`);
  const data = document.getElementById(`${name}-props`);
  if (!root || !data?.textContent) return;
  const props = JSON.parse(data.textContent) as P;
  const start = () => {
    hydrate(h(Component, props), root);
    root.setAttribute('data-live', '');
  };
  if (!isLockSet()) return start();
  void (import(/* @vite-ignore */ lockUrl) as Promise<typeof import('../features/lock/lock-ui')>).then((lock) => {
    lock.connect(useStore);
    lock.gate(root, start);
  });
}
