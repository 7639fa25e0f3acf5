/**
 * The pages that carry the quick exit: those a reader may need to leave fast because of what they show
 * (where to get help, the moment it hurts too much, abuse, and answers about their own feelings). The
 * layout reads this list, and so do the tests.
 */
import { findRoute, type RouteName } from '../../routes';

/** Routes whose pages show the quick exit. */
export const QUICK_EXIT_ROUTES: readonly RouteName[] = ['help', 'rightNow', 'abuse', 'quiz'];

/** Whether the page at `path` (without the base path) shows the quick exit. */
export function hasQuickExit(path: string): boolean {
  const route = findRoute(path);
  return route !== null && QUICK_EXIT_ROUTES.includes(route);
}
