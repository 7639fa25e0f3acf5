import { withBase } from '../kit/paths';

/** One link of the header navigation. */
export interface NavItem {
  href: string;
  label: string;
}

/** The header navigation, in display order. */
export const MAIN_NAV: readonly NavItem[] = [
  { href: withBase('/guide/'), label: 'Guide' },
  { href: withBase('/topics/'), label: 'Topics' },
  { href: withBase('/quizzes/'), label: 'Quizzes' },
  { href: withBase('/help/'), label: 'Get help' },
];

/** Tells whether a page path lies inside a navigation item's part of the site. */
export function isCurrentSection(path: string, href: string): boolean {
  return href !== '/' && (path === href || path.startsWith(href));
}
