import { href } from '../routes';

/** One link of the header navigation. */
export interface NavItem {
  href: string;
  label: string;
}

/** The header navigation, in display order. "Right now" sits beside help: both are for a hard moment. */
export const MAIN_NAV: readonly NavItem[] = [
  { href: href('guide'), label: 'Guide' },
  { href: href('topics'), label: 'Topics' },
  { href: href('quizzes'), label: 'Quizzes' },
  { href: href('rightNow'), label: 'Right now' },
  { href: href('help'), label: 'Get help' },
];

/** Tells whether a page path lies inside a navigation item's part of the site. */
export function isCurrentSection(path: string, href: string): boolean {
  return href !== '/' && (path === href || path.startsWith(href));
}
