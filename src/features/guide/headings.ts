/** A heading as Astro reports it from rendered Markdown. */
export interface Heading {
  depth: number;
  slug: string;
  text: string;
}

/** One entry of a table of contents: an h2 and the h3s under it. */
export interface TocEntry {
  slug: string;
  text: string;
  children: { slug: string; text: string }[];
}

/** Builds a two-level table of contents from h2 and h3 headings; h3s before any h2 are lifted to the top. */
export function buildToc(headings: readonly Heading[]): TocEntry[] {
  const toc: TocEntry[] = [];
  for (const { depth, slug, text } of headings) {
    if (depth === 2 || (depth === 3 && toc.length === 0)) toc.push({ slug, text, children: [] });
    else if (depth === 3) toc[toc.length - 1]!.children.push({ slug, text });
  }
  return toc;
}
