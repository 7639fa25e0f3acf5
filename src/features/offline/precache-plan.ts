/**
 * What the service worker precaches when the whole site no longer fits its byte budget. Today everything
 * fits; as sections are added the build keeps working, precaching what matters most first:
 *
 * 1. the core, which must fit or the build fails: styles, scripts, icons, the manifest, and the pages whose
 *    route is in the `core` tier (home, offline, help: someone struggling must reach help without a network);
 * 2. the pages of the `first` tier: the guide's contents page, the quizzes, My results, search;
 * 3. the `sections` tier: the guide's sections, in reading order;
 * 4. search (Pagefind's runtime and index), as one unit: half an index would only fail;
 * 5. everything else (the `rest` tier, and any page no route names), by address.
 * The tiers are part of each route in src/routes.ts, so a new page is placed by adding its route.
 *
 * Units are taken in that order while they fit; one that does not is left out and smaller ones after it
 * may still be taken. What is left out is fetched from the network as before, with the offline page
 * standing in when there is none.
 */
import { stripBase } from '../../kit/paths';
import { ASSETS, ROUTES, findRoute } from '../../routes';

/** A file Workbox would precache: its URL (pages by address) and size in bytes. */
export interface SizedEntry {
  url: string;
  size: number;
}

/** What was kept, and the URLs left to the network. */
export interface PrecachePlan<T extends SizedEntry> {
  kept: T[];
  leftOut: string[];
  leftOutBytes: number;
}

const SEARCH_UNIT = 'search';

/** Whether a path is a guide section's page (not the one-page guide), as the routes place it. */
function isSectionPage(path: string): boolean {
  const route = findRoute(path);
  return route !== null && ROUTES[route].precache === 'sections';
}

/** The rank of a path (lower is precached first) and the unit it is part of. */
function rankOf(path: string, sectionOrder: readonly string[]): { rank: number; order: number; unit: string } {
  if (path.startsWith(ASSETS.searchBundle)) return { rank: 4, order: 0, unit: SEARCH_UNIT };
  // Styles, scripts, icons and the manifest: every page needs them.
  if (!path.endsWith('/')) return { rank: 1, order: 0, unit: 'core' };
  const route = findRoute(path);
  const tier = route === null ? 'rest' : ROUTES[route].precache;
  if (tier === 'core') return { rank: 1, order: 0, unit: 'core' };
  if (tier === 'first') return { rank: 2, order: 0, unit: path };
  if (tier === 'sections') {
    const index = sectionOrder.indexOf(path);
    return { rank: 3, order: index === -1 ? sectionOrder.length : index, unit: path };
  }
  return { rank: 5, order: 0, unit: path };
}

/**
 * Chooses what to precache within `budget` bytes. `sectionOrder` lists the section pages' paths in
 * reading order; `base` is the site's base path. Throws when the core alone is over budget.
 */
export function planPrecache<T extends SizedEntry>(
  entries: readonly T[],
  budget: number,
  sectionOrder: readonly string[],
  base = '/',
): PrecachePlan<T> {
  const units = new Map<string, { rank: number; order: number; key: string; entries: T[]; bytes: number }>();
  for (const entry of entries) {
    const { rank, order, unit } = rankOf(stripBase(base, entry.url), sectionOrder);
    const found = units.get(unit) ?? { rank, order, key: unit, entries: [], bytes: 0 };
    found.entries.push(entry);
    found.bytes += entry.size;
    units.set(unit, found);
  }
  const ordered = [...units.values()].sort((a, b) => a.rank - b.rank || a.order - b.order || a.key.localeCompare(b.key));
  const core = units.get('core');
  if (core && core.bytes > budget) {
    throw new Error(
      `Precache: the core files (styles, scripts, icons, home, offline and help pages) take ${core.bytes} bytes, over the ${budget}-byte budget.`,
    );
  }
  const plan: PrecachePlan<T> = { kept: [], leftOut: [], leftOutBytes: 0 };
  let used = 0;
  for (const unit of ordered) {
    if (used + unit.bytes <= budget) {
      plan.kept.push(...unit.entries);
      used += unit.bytes;
    } else {
      plan.leftOut.push(...unit.entries.map((entry) => entry.url));
      plan.leftOutBytes += unit.bytes;
    }
  }
  return plan;
}

/** The section pages' URLs in reading order, as the guide's contents page links to them. */
export function sectionOrderFrom(guideIndexHtml: string, base = '/'): string[] {
  const paths = [...guideIndexHtml.matchAll(/href="([^"#?]+)"/g)]
    .map((match) => match[1]!)
    .filter((href) => href.startsWith(base))
    .map((href) => stripBase(base, href))
    .filter(isSectionPage);
  return [...new Set(paths)];
}
