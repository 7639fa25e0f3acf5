/**
 * Every address of the site, in one map. Pages, navigation, the offline precache plan, the byte budgets and
 * the benchmarks all read it; nothing else writes an address shape. Adding a page is one entry here.
 *
 * Paths are root-relative and without the base path: `ROUTES.quiz.path({ id: 'anger' })` is
 * `/quizzes/anger/`. Pages turn them into links with `withBase` (src/kit/paths.ts), build hooks with
 * `joinBase(config.base, …)`. Browser code never builds an address: the page hands it the ones it needs
 * (island props, or the `data-*` attributes the layout sets on `<html>`).
 */

// With its extension: the benchmark loads this file in plain Node, which needs it.
import { withBase } from './kit/paths.ts';

/** The priority of a page in the offline precache (see features/offline/precache-plan.ts), first to last. */
export type PrecacheTier = 'core' | 'first' | 'sections' | 'rest';

/** One address template such as `/quizzes/:id/`, with what the site does with the pages it names. */
export interface Route<Param extends string = never> {
  /** The template: literal segments and `:name` placeholders, always ending in `/`. */
  readonly template: string;
  /** Where the offline precache puts these pages. */
  readonly precache: PrecacheTier;
  /** The address for the given placeholders, with an optional `#anchor`. */
  path(params?: Record<Param, string>, anchor?: string): string;
  /** Whether a path (without base, query or fragment) is one of this route's pages. */
  matches(path: string): boolean;
}

function defineRoute<Param extends string = never>(template: string, precache: PrecacheTier): Route<Param> {
  const names = [...template.matchAll(/:(\w+)/g)].map((match) => match[1]!);
  const pattern = new RegExp(`^${template.replace(/:\w+/g, '([a-z0-9]+(?:-[a-z0-9]+)*)')}$`);
  return {
    template,
    precache,
    path(params, anchor) {
      const filled = names.reduce((path, name) => {
        const value = (params as Record<string, string> | undefined)?.[name];
        if (value === undefined) throw new Error(`The address ${template} needs a value for :${name}.`);
        return path.replace(`:${name}`, value);
      }, template);
      return anchor ? `${filled}#${anchor}` : filled;
    },
    matches: (path) => pattern.test(path),
  };
}

/** Every page of the site by name. Literal routes are listed before templates they would also match. */
export const ROUTES = {
  home: defineRoute('/', 'core'),
  help: defineRoute('/help/', 'core'),
  rightNow: defineRoute('/right-now/', 'core'),
  abuse: defineRoute('/if-your-ex-hurt-you/', 'core'),
  questions: defineRoute('/questions/', 'first'),
  offline: defineRoute('/offline/', 'core'),
  guide: defineRoute('/guide/', 'first'),
  guideAll: defineRoute('/guide/all/', 'rest'),
  section: defineRoute<'slug'>('/guide/:slug/', 'sections'),
  quizzes: defineRoute('/quizzes/', 'first'),
  quiz: defineRoute<'id'>('/quizzes/:id/', 'first'),
  myResults: defineRoute('/my-results/', 'first'),
  myNotes: defineRoute('/my-notes/', 'first'),
  search: defineRoute('/search/', 'first'),
  topics: defineRoute('/topics/', 'rest'),
  topic: defineRoute<'id'>('/topics/:id/', 'rest'),
  about: defineRoute('/about/', 'rest'),
} as const;

/** The name of a route in ROUTES. */
export type RouteName = keyof typeof ROUTES;

/** Files the site serves beside its pages, by the same rule: built from here only. */
export const ASSETS = {
  /** The service worker; its scope is the whole site. */
  serviceWorker: '/sw.js',
  /** The search bundle's folder: Pagefind's index, with the tuning and vocabulary beside it. */
  searchBundle: '/pagefind/',
  manifest: '/manifest.webmanifest',
  favicon: '/favicon.svg',
  sitemap: '/sitemap-index.xml',
  /** Served for any missing address (hosts look for it by this name). */
  notFound: '/404.html',
} as const;

/** Finds the route a path belongs to (literal routes first), or null for an address the site does not have. */
export function findRoute(path: string): RouteName | null {
  const names = Object.keys(ROUTES) as RouteName[];
  return names.find((name) => ROUTES[name].matches(path)) ?? null;
}

/** A kind of page the benchmark and the byte budgets report on, with the routes that make it up. */
export interface PageType {
  id: string;
  label: string;
  routes: readonly RouteName[];
}

/** The page types, in the order reports list them. Every page belongs to at most one. */
export const PAGE_TYPES: readonly PageType[] = [
  { id: 'home', label: 'Home', routes: ['home'] },
  { id: 'section', label: 'Guide section', routes: ['section'] },
  { id: 'guide-all', label: 'One-page guide', routes: ['guideAll'] },
  { id: 'quiz', label: 'Quiz', routes: ['quiz'] },
  { id: 'my-results', label: 'My results', routes: ['myResults'] },
  { id: 'my-notes', label: 'My notes', routes: ['myNotes'] },
  { id: 'right-now', label: 'Right now', routes: ['rightNow'] },
  { id: 'search', label: 'Search', routes: ['search'] },
  { id: 'topic', label: 'Topic', routes: ['topic'] },
];

/** The page type of a path, or null when none of PAGE_TYPES covers it. */
export function findPageType(path: string): PageType | null {
  const route = findRoute(path);
  return route === null ? null : (PAGE_TYPES.find((type) => type.routes.includes(route)) ?? null);
}

/** A link to a page, with the site's base path in front: `href('quiz', { id: 'anger' })` → `/quizzes/anger/`. */
export function href(name: RouteName, params?: Record<string, string>, anchor?: string): string {
  return withBase((ROUTES[name] as Route<string>).path(params, anchor));
}
