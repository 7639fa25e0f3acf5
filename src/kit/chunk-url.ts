/**
 * A Vite plugin that builds a module as a chunk of its own and hands its URL to the code that loads it later,
 * as `virtual:<name>-url`. Why not a plain `import('./module')`: Vite wraps every such import in its preload
 * helper, a module of its own that the importing page would then fetch on its first visit, before anyone
 * needs the later chunk. Importing the chunk by its URL keeps a first visit to what the page needs now.
 */
import type { AstroConfig } from 'astro';

/** A Vite plugin, as Astro's config takes it (Vite itself comes with Astro). */
type Plugin = Exclude<NonNullable<NonNullable<AstroConfig['vite']>['plugins']>[number], false | null | undefined | readonly unknown[] | Promise<unknown>>;

/**
 * `name` gives the import `virtual:<name>-url`; `entry` is the absolute path of the module to build apart;
 * `loadedAfter` names the modules (absolute paths) that always load before it, so the bundler leaves what
 * they already brought (Preact, the storage kit…) where it is instead of splitting it into chunks of its
 * own, each one more request and a few hundred bytes more on every page.
 */
export function chunkUrl(name: string, entry: string, loadedAfter: readonly string[] = []): Plugin {
  const virtualId = `virtual:${name}-url`;
  const resolvedId = `\0${virtualId}`;
  let serving = false;
  return {
    name: `local:chunk-url:${name}`,
    configResolved(config: { command: string }) {
      serving = config.command === 'serve';
    },
    resolveId(id: string) {
      return id === virtualId ? resolvedId : null;
    },
    load(
      this: { emitFile(file: { type: 'chunk'; id: string; name: string; implicitlyLoadedAfterOneOf?: string[] }): string },
      id: string,
    ) {
      if (id !== resolvedId) return null;
      // In dev, Vite serves the module itself from its file path.
      if (serving) return `export default ${JSON.stringify(`/@fs${entry}`)};`;
      const after = loadedAfter.length > 0 ? { implicitlyLoadedAfterOneOf: [...loadedAfter] } : {};
      const reference = this.emitFile({ type: 'chunk', id: entry, name, ...after });
      return `export default import.meta.ROLLUP_FILE_URL_${reference};`;
    },
  };
}
