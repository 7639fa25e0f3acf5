/**
 * A Vite plugin that builds the on-demand search UI (src/features/search/search-ui.ts) as a chunk of its own
 * and hands its URL to the always-loaded script as `virtual:search-ui-url`.
 *
 * Why not a plain `import('./search-ui')`? Vite wraps every such import in its preload helper, and
 * since Astro's island runtime uses that helper too, it lands in a shared chunk that every page would
 * then fetch on load: a second script before anyone has searched. Importing the chunk by its URL keeps
 * the first visit to exactly one small module.
 */
import type { AstroConfig } from 'astro';

/** A Vite plugin, as Astro's config takes it (Vite itself comes with Astro). */
type Plugin = Exclude<NonNullable<NonNullable<AstroConfig['vite']>['plugins']>[number], false | null | undefined | readonly unknown[] | Promise<unknown>>;

const VIRTUAL_ID = 'virtual:search-ui-url';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;

/** `entry` is the absolute path of the module to build as its own chunk. */
export function searchUiChunk(entry: string): Plugin {
  let serving = false;
  return {
    name: 'local:search-ui-chunk',
    configResolved(config) {
      serving = config.command === 'serve';
    },
    resolveId(id) {
      return id === VIRTUAL_ID ? RESOLVED_ID : null;
    },
    load(id) {
      if (id !== RESOLVED_ID) return null;
      // In dev, Vite serves the module itself from its file path.
      if (serving) return `export default ${JSON.stringify(`/@fs${entry}`)};`;
      const reference = this.emitFile({ type: 'chunk', id: entry, name: 'search-ui' });
      return `export default import.meta.ROLLUP_FILE_URL_${reference};`;
    },
  };
}
