import { describe, expect, it } from 'vitest';
import GithubSlugger from 'github-slugger';
import { sectionSchema, type SectionData } from '../../src/features/guide/section-schema';
import { topicSchema, type TopicData } from '../../src/features/guide/topic-schema';
import { pageSchema } from '../../src/features/guide/page-schema';
import { checkOrders, checkReferences } from '../../src/kit/content-problems';
import { countWords } from '../../src/features/guide/reading-time';
import { readCollection } from './load-content';

const sectionFiles = readCollection('guide');
const topicFiles = readCollection('topics');
const sections = sectionFiles.map((file) => ({ ...file, data: sectionSchema.parse(file.data) as SectionData }));
const topics = topicFiles.map((file) => ({ ...file, data: topicSchema.parse(file.data) as TopicData }));

/** The h2 anchors of a section body, as Astro will generate them. */
function h2Anchors(body: string): string[] {
  const slugger = new GithubSlugger();
  return [...body.matchAll(/^## (.+)$/gm)].map((match) => slugger.slug(match[1]!.trim()));
}

describe('guide sections', () => {
  it('has at least the six sections of the guide', () => {
    expect(sections.length).toBeGreaterThanOrEqual(6);
  });

  describe.each(sectionFiles.map((file) => [file.filePath, file] as const))('%s', (_path, file) => {
    it('passes the section schema', () => {
      const result = sectionSchema.safeParse(file.data);
      expect(result.success ? [] : result.error.issues).toEqual([]);
    });

    it('has 400-900 words of prose', () => {
      const words = countWords(file.body);
      expect(words).toBeGreaterThanOrEqual(400);
      expect(words).toBeLessThanOrEqual(900);
    });

    it('is structured with h2 headings and never repeats the page h1', () => {
      expect(file.body).not.toMatch(/^# /m);
      expect(h2Anchors(file.body).length).toBeGreaterThanOrEqual(2);
      expect(file.body).not.toMatch(/^#{4,} /m);
    });

    it('links only to guide sections and anchors that exist', () => {
      const anchorsById = new Map(sectionFiles.map((other) => [other.id, new Set(h2Anchors(other.body))]));
      for (const [, slug, anchor] of file.body.matchAll(/\]\(\/guide\/([a-z0-9-]+)\/(?:#([a-z0-9-]+))?\)/g)) {
        expect(anchorsById.has(slug!), `unknown section ${slug}`).toBe(true);
        if (anchor) expect(anchorsById.get(slug!)?.has(anchor), `unknown anchor ${slug}#${anchor}`).toBe(true);
      }
    });
  });

  it('orders run 1 to N with no repeats', () => {
    expect(checkOrders(sections)).toEqual([]);
    expect(sections.map((s) => s.data.order).sort((a, b) => a - b)).toEqual(sections.map((_, i) => i + 1));
  });

  it('names only topics that exist', () => {
    expect(checkReferences(sections, 'topics', new Set(topics.map((t) => t.id)), 'topic')).toEqual([]);
  });

  it('uses unique titles', () => {
    expect(new Set(sections.map((s) => s.data.title)).size).toBe(sections.length);
  });
});

describe('topics', () => {
  it.each(topicFiles.map((file) => [file.filePath, file] as const))('%s passes the topic schema', (_path, file) => {
    const result = topicSchema.safeParse(file.data);
    expect(result.success ? [] : result.error.issues).toEqual([]);
  });

  it('orders run 1 to N with no repeats', () => {
    expect(checkOrders(topics)).toEqual([]);
  });

  it('every topic is used by at least one section', () => {
    const used = new Set(sections.flatMap((section) => section.data.topics));
    expect(topics.map((topic) => topic.id).filter((id) => !used.has(id))).toEqual([]);
  });
});

describe('standalone pages', () => {
  it.each(readCollection('pages').map((file) => [file.filePath, file] as const))('%s passes its schema', (_path, file) => {
    const result = pageSchema.safeParse(file.data);
    expect(result.success ? [] : result.error.issues).toEqual([]);
    expect(file.body).not.toMatch(/^# /m);
  });
});
