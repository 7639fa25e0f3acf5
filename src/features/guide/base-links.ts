/**
 * A Markdown (HTML tree) plugin for the guide's MDX: authors link from the site's root
 * (`[help](/help/)`), and at build time this puts the site's base path in front of those links, so
 * content never needs to know where the site is deployed. Absolute, relative and fragment links are
 * left alone. It runs in Astro's Markdown processor, Sätteri (see astro.config.mjs).
 */
import type { SatteriProcessorOptions } from '@astrojs/markdown-satteri';
import { joinBase } from '../../kit/paths';

type HastPlugin = NonNullable<SatteriProcessorOptions['hastPlugins']>[number];

/** The plugin for a site served from `base` (Astro's `base`); at `/` there is nothing to do, so none. */
export default function baseLinks(base: string): HastPlugin {
  if (base === '/') return null;
  return {
    name: 'base-links',
    element: {
      filter: ['a'],
      visit(node, ctx) {
        const href = node.properties.href;
        if (typeof href === 'string') ctx.setProperty(node, 'href', joinBase(base, href));
      },
    },
  };
}
