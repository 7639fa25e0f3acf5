import { describe, expect, it } from 'vitest';
import { formatPageTitle } from '../../../src/layouts/page-title';
import { isCurrentSection } from '../../../src/components/site-nav';

describe('formatPageTitle', () => {
  it.each([
    // ordinary pages carry the site name after the page's own title
    ['Topics', false, 'Topics · Letting Go'],
    // the home page title stands alone
    ['Letting Go: a gentle guide', true, 'Letting Go: a gentle guide'],
    // never repeat the site name
    ['Letting Go', false, 'Letting Go'],
  ])('%s (home: %s) → %s', (title, isHome, expected) => {
    expect(formatPageTitle(title, 'Letting Go', isHome)).toBe(expected);
  });
});

describe('isCurrentSection', () => {
  it.each([
    ['/guide/', '/guide/', true],
    ['/guide/turning-rage-into-fuel/', '/guide/', true],
    ['/topics/anger/', '/guide/', false],
    // the home link is never marked as the current section of another page
    ['/guide/', '/', false],
  ])('%s under %s → %s', (path, href, expected) => {
    expect(isCurrentSection(path, href)).toBe(expected);
  });
});
