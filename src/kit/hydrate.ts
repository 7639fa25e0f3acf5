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

/** Hydrates the island called `name` and marks its root `data-live`; does nothing when the page lacks its root or props. */
export function hydrateIsland<P extends object>(Component: ComponentType<P>, name: string): void {
  const root = document.querySelector(`[data-island="${name}"]`);
  const data = document.getElementById(`${name}-props`);
  if (!root || !data?.textContent) return;
  hydrate(h(Component, JSON.parse(data.textContent) as P), root);
  root.setAttribute('data-live', '');
}
