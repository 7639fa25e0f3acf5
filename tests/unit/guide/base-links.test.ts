import { createSatteriMarkdownProcessor } from '@astrojs/markdown-satteri';
import { describe, expect, it } from 'vitest';
import baseLinks from '../../../src/features/guide/base-links';

// Through the same Markdown processor the site builds with: authors write links from the site's root,
// and the plugin moves them below the base path.

/** Renders Markdown with the plugin for `base` and returns the HTML. */
async function render(markdown: string, base: string): Promise<string> {
  const processor = await createSatteriMarkdownProcessor({ syntaxHighlight: false, hastPlugins: [baseLinks(base)] });
  return (await processor.render(markdown)).code;
}

describe('baseLinks', () => {
  it.each([
    // a root-relative link gets the base
    ['[help](/help/)', '/letting-go/', 'href="/letting-go/help/"'],
    // anchors stay on the end
    [
      '[the pull](/guide/turning-rage-into-fuel/#the-pull-of-revenge)',
      '/letting-go/',
      'href="/letting-go/guide/turning-rage-into-fuel/#the-pull-of-revenge"',
    ],
    // a deeper base
    ['[home](/)', '/guides/letting-go/', 'href="/guides/letting-go/"'],
    // other links are left alone
    ['[elsewhere](https://example.org/help/)', '/letting-go/', 'href="https://example.org/help/"'],
    ['[other host](//example.org/help/)', '/letting-go/', 'href="//example.org/help/"'],
    ['[below](#privacy)', '/letting-go/', 'href="#privacy"'],
    ['[sibling](../help/)', '/letting-go/', 'href="../help/"'],
    // at the root nothing changes
    ['[help](/help/)', '/', 'href="/help/"'],
  ])('%s under %s has %s', async (markdown, base, expected) => {
    expect(await render(markdown, base)).toContain(expected);
  });

  it('prefixes every link of a paragraph, once', async () => {
    const html = await render('See [one](/guide/a/) and [two](/guide/b/), then [one](/guide/a/) again.', '/letting-go/');
    expect(html.match(/href="[^"]*"/g)).toEqual([
      'href="/letting-go/guide/a/"',
      'href="/letting-go/guide/b/"',
      'href="/letting-go/guide/a/"',
    ]);
  });

  it('is no plugin at all at the root', () => {
    expect(baseLinks('/')).toBeNull();
  });
});
