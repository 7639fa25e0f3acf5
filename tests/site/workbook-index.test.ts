// The workbook stays out of site search: the search index (Pagefind's fragments, what a result shows) holds
// none of the writer's words, and each "Try this" box's way into the writer is marked to be left out. A note
// itself is written in the browser after the page is built, so it can never be part of the build; these
// checks hold the line on the parts that are in the page.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { WRITER_COPY } from '../../src/features/workbook/workbook-copy.ts';
import { distDir } from '../harness/dist.ts';

const fragmentDir = join(distDir, 'pagefind', 'fragment');
const indexed = readdirSync(fragmentDir)
  .filter((name) => name.endsWith('.pf_fragment'))
  .map((name) => gunzipSync(readFileSync(join(fragmentDir, name))).toString('utf8'));

describe('the workbook and site search', () => {
  it('indexes the sections and their exercises, but none of the writer’s words', () => {
    const all = indexed.join('\n');
    expect(all).toContain('Try this');
    for (const words of ['Write your answers here', 'It stays on this device, just for you', WRITER_COPY.done, WRITER_COPY.keepThis]) {
      expect(all).not.toContain(words);
    }
  });

  it('marks every "Try this" box’s way into the writer to be left out of the index', () => {
    const html = readFileSync(join(distDir, 'guide', 'all', 'index.html'), 'utf8');
    const bars = html.match(/<div[^>]*class="workbook-bar[^"]*"[^>]*>/g) ?? [];
    expect(bars.length).toBeGreaterThan(1);
    for (const bar of bars) expect(bar).toContain('data-pagefind-ignore');
  });
});
