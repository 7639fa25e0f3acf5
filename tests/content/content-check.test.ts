import { describe, expect, it } from 'vitest';
import { checkContent, readContent, type ContentSet } from '../../src/content-check';
import { formatProblem } from '../../src/kit/content-problems';
import { rootDir } from '../harness/dist.ts';
import { pageSchema } from '../../src/features/guide/page-schema';
import { sectionSchema, tryThisSchema } from '../../src/features/guide/section-schema';
import { topicSchema } from '../../src/features/guide/topic-schema';
import { crisisGroupSchema, rankingSchema } from '../../src/features/search/ranking-schema';
import { stopWordsSchema } from '../../src/features/search/stop-words-schema';
import { helplineRegionSchema, helplineSchema, helplineSourceSchema, helplinesSchema, type Helplines } from '../../src/features/help/helpline-schema';
import {
  quizBandSchema,
  quizItemSchema,
  quizLinkSchema,
  quizSchema,
  quizSubscaleSchema,
} from '../../src/features/quiz/quiz-schema';

// Every content rule, run as the build runs them (src/content-check.ts), on the real content and on copies
// of it changed in memory: each case breaks one rule and must get the one problem that names it.

const real = readContent(rootDir);

/** The real content with one change; the files are copied, so the change stays in this test. */
function changed(change: (content: ContentSet) => void): ContentSet {
  const copy = structuredClone(real);
  change(copy);
  return copy;
}

function fileOf(files: ContentSet['guide'], id: string) {
  const file = files.find((candidate) => candidate.id === id);
  if (!file) throw new Error(`No content file ${id}`);
  return file as typeof file & { data: Record<string, unknown> };
}

const section = (content: ContentSet) => fileOf(content.guide, 'turning-rage-into-fuel');
const crisis = (content: ContentSet) => (content.ranking.data as { crisis: Array<{ pages: string[]; terms: string[] }> }).crisis;
const quiz = (content: ContentSet) => fileOf(content.quizzes, 'anger');
const helplines = (content: ContentSet) => content.helplines.data as Helplines;
/** The UK's lines in a copy of the helplines: emergency, Samaritans, Shout, Refuge, then two without numbers. */
const ukLines = (content: ContentSet) => helplines(content).regions.find((region) => region.id === 'uk')!.lines;

describe('the real content', () => {
  it('has no problems', () => {
    expect(checkContent(real).map(formatProblem)).toEqual([]);
  });

  it('has the six sections of the guide and the three self-checks', () => {
    expect(real.guide).toHaveLength(6);
    expect(real.quizzes.map(({ id }) => id)).toEqual(['anger', 'readiness-to-let-go', 'victim-mindset']);
  });
});

interface RuleCase {
  name: string;
  change: (content: ContentSet) => void;
  /** The one problem expected, as formatted for the author. */
  line: RegExp;
}

const cases: RuleCase[] = [
  // A field every section needs.
  {
    name: 'a section without a title',
    change: (content) => void delete section(content).data.title,
    line: /^content\/guide\/turning-rage-into-fuel\.mdx → title: is required\. Hint: The section heading and page title/,
  },
  // Strict schemas: a misspelt key is a typo, not ignored.
  {
    name: 'a misspelt key in a section',
    change: (content) => void Object.assign(section(content).data, { sumary: 'x' }),
    line: /→ sumary: "sumary" is not a field of this file\. Hint: check the spelling; the fields here are title, description, summary/,
  },
  {
    name: 'a misspelt key in a topic',
    change: (content) => void Object.assign(fileOf(content.topics, 'anger').data, { synonym: ['x'] }),
    line: /^content\/topics\/anger\.yaml → synonym: "synonym" is not a field/,
  },
  {
    name: 'a misspelt key in a page',
    change: (content) => void Object.assign(fileOf(content.pages, 'help').data, { tilte: 'x' }),
    line: /^content\/pages\/help\.mdx → tilte: "tilte" is not a field/,
  },
  // Length limits, in the schema's own words.
  {
    name: 'a description that is too short',
    change: (content) => void (section(content).data.description = 'Too short.'),
    line: /→ description: use at least 70 characters\.$/,
  },
  // A quiz with no safety statement, the example the rules were written for.
  {
    name: 'a quiz with no safety statement',
    change: (content) => {
      const data = quiz(content).data as { items: { safety?: boolean }[] };
      data.items = data.items.filter((item) => !item.safety);
    },
    line: /^content\/quizzes\/anger\.yaml → items: no statement is marked safety: true\. Every quiz needs one/,
  },
  // Across files: a topic that does not exist.
  {
    name: 'a section naming an unknown topic',
    change: (content) => void (section(content).data.topics = ['anger', 'heartbreak-recovery']),
    line: /^content\/guide\/turning-rage-into-fuel\.mdx → topics\[1\]: unknown topic "heartbreak-recovery"\. Hint: the known topics are anger/,
  },
  // Orders run 1 to N with no repeats.
  {
    name: 'two sections with the same order',
    change: (content) => void (section(content).data.order = 1),
    line: /→ order: order 1 is already used by content\/guide\//,
  },
  // Every topic is used.
  {
    name: 'a topic no section names',
    change: (content) => {
      for (const file of content.guide) {
        const data = file.data as { topics: string[] };
        data.topics = data.topics.filter((topic) => topic !== 'purpose');
        if (data.topics.length === 0) data.topics = ['letting-go'];
      }
    },
    line: /^content\/topics\/purpose\.yaml: no section names this topic\./,
  },
  // Titles differ.
  {
    name: 'two sections with one title',
    change: (content) => void (section(content).data.title = (fileOf(content.guide, 'why-letting-go-comes-first').data as { title: string }).title),
    line: /→ title: "Why letting go comes first" is already the title of content\/guide\//,
  },
  // A section has 400 to 900 words.
  {
    name: 'a section that is too short',
    // Only an opening line and the headings are left, so links to them still work.
    change: (content) =>
      void (section(content).body = ['It is late.', ...section(content).body.split('\n').filter((line) => line.startsWith('#'))].join('\n\n')),
    line: /^content\/guide\/turning-rage-into-fuel\.mdx → body: the prose has \d+ words; a section has 400 to 900\./,
  },
  {
    name: 'a section that is too long',
    change: (content) => void (section(content).body += `\n\n${'More words here. '.repeat(200)}`),
    line: /→ body: the prose has \d+ words; a section has 400 to 900\. Hint: split it/,
  },
  // Headings start at ##, at least two of them, no deeper than ###.
  {
    name: 'a section opening with a heading instead of a paragraph',
    change: (content) => void (section(content).body = `## Before anything else\n\n${section(content).body}`),
    line: /^content\/guide\/turning-rage-into-fuel\.mdx → body: the prose does not open with a paragraph\. Hint: start with/,
  },
  {
    name: 'a section repeating its title as "#"',
    // After the opening paragraph, which every section needs.
    change: (content) => void (section(content).body = section(content).body.replace('\n\n', '\n\n# Turning rage into fuel\n\n')),
    line: /→ body: a "# " heading repeats the page title\./,
  },
  {
    name: 'a section with a "####" heading',
    change: (content) => void (section(content).body += '\n\n#### Too deep\n\nText.\n'),
    line: /→ body: a heading goes deeper than "###"\./,
  },
  {
    name: 'a page repeating its title as "#"',
    change: (content) => void (fileOf(content.pages, 'about').body = `# About\n\n${fileOf(content.pages, 'about').body}`),
    line: /^content\/pages\/about\.mdx → body: a "# " heading repeats the page title\./,
  },
  // Links into the guide name sections and headings that exist.
  {
    name: 'a link to a section that does not exist',
    change: (content) => void (section(content).body += '\n\nSee [more](/guide/no-such-section/).\n'),
    line: /→ body: the link \]\(\/guide\/no-such-section\/\) names no guide section\./,
  },
  {
    name: 'a link to a heading that does not exist',
    change: (content) => void (fileOf(content.pages, 'about').body += '\n\nSee [this](/guide/turning-rage-into-fuel/#no-such-heading).\n'),
    line: /^content\/pages\/about\.mdx → body: the link .* names no heading of that section\. Hint: its headings are /,
  },
  // A quiz's references into the guide.
  {
    name: 'a quiz naming an unknown section',
    change: (content) => void (quiz(content).data.sections = ['turning-rage-into-fuel', 'heartbreak-basics']),
    line: /^content\/quizzes\/anger\.yaml → sections\[1\]: unknown guide section "heartbreak-basics"\. Hint: the sections are /,
  },
  {
    name: 'a quiz linking a subscale to a heading that does not exist',
    change: (content) => void ((quiz(content).data.subscales as { link: { anchor: string } }[])[1]!.link.anchor = 'the-push-of-revenge'),
    line: /^content\/quizzes\/anger\.yaml → subscales\[1\]\.link\.anchor: "the-push-of-revenge" is not an h2 or h3 heading of turning-rage-into-fuel\./,
  },
  {
    name: 'a quiz whose id is not its file name',
    change: (content) => void (quiz(content).data.id = 'fuel-or-fire'),
    line: /^content\/quizzes\/anger\.yaml → id: the id "fuel-or-fire" must equal the file name "anger"\./,
  },
  // Search synonyms name pages the site has.
  {
    name: 'synonyms for a page the site does not have',
    change: (content) => void Object.assign(content.synonyms.data as object, { '/guide/no-such-section/': ['words'] }),
    line: /^content\/search\/synonyms\.yaml → \/guide\/no-such-section\/: "\/guide\/no-such-section\/" is not a page of the site\./,
  },
  // Helplines: every number as dialled, every line reachable, every country with a number for danger now.
  {
    name: 'a helpline number written with letters',
    change: (content) => void (ukLines(content)[3]!.call = ['0808 2000 SOS']),
    line: /^content\/help\/helplines\.yaml → regions\[1\]\.lines\[3\]\.call\[0\]: write a number in digits, with single spaces/,
  },
  {
    name: 'a misspelt key in a helpline',
    change: (content) => void Object.assign(ukLines(content)[1]!, { phone: ['116 123'] }),
    line: /→ regions\[1\]\.lines\[1\]\.phone: "phone" is not a field of this file\. Hint: check the spelling; the fields here are name, needs/,
  },
  {
    name: 'a helpline without its source',
    change: (content) => void delete (ukLines(content)[1] as { source?: unknown }).source,
    line: /→ regions\[1\]\.lines\[1\]\.source: is required\. Hint: Where the number was confirmed/,
  },
  {
    name: 'a helpline with no way to reach it',
    change: (content) => void delete ukLines(content)[5]!.site,
    line: /→ regions\[1\]\.lines\[5\]: "Respect Phoneline" has no way to reach it\. Hint: give call, text or site\./,
  },
  {
    name: 'a word to text without a number to text',
    change: (content) => void Object.assign(ukLines(content)[3]!, { textWord: 'HELP' }),
    line: /→ regions\[1\]\.lines\[3\]\.textWord: a word to text needs a number to text it to\./,
  },
  {
    name: 'an emergency line without a number to call',
    change: (content) => void Object.assign(ukLines(content)[0]!, { call: undefined, site: 'https://www.police.uk' }),
    line: /→ regions\[1\]\.lines\[0\]\.call: "Emergency services" is an emergency line without a number to call\./,
  },
  {
    name: 'a country with no emergency line',
    change: (content) => void ukLines(content).shift(),
    line: /→ regions\[1\]\.lines: no number for danger now \(needs: emergency\) in United Kingdom\. Hint: every region needs/,
  },
  {
    name: 'two regions with one id',
    change: (content) => void (helplines(content).regions[2]!.id = 'uk'),
    line: /→ regions\[2\]\.id: the id "uk" is already used by another region\./,
  },
  {
    name: 'synonyms under a path without slashes',
    change: (content) => void Object.assign(content.synonyms.data as object, { help: ['words'] }),
    line: /^content\/search\/synonyms\.yaml → help: use a site path with slashes at both ends/,
  },
  // Ranking names pages by route, and each crisis term once, as search reads it.
  {
    name: 'a crisis group naming a page by a route that does not exist',
    change: (content) => void (crisis(content)[0]!.pages = ['helpline']),
    line: /^content\/search\/ranking\.yaml → crisis\[0\]\.pages\[0\]: name a page by its route in src\/routes\.ts: one of home, help, rightNow/,
  },
  {
    name: 'a crisis term written with an apostrophe',
    change: (content) => void crisis(content)[0]!.terms.push("can't go on any more"),
    line: /^content\/search\/ranking\.yaml → crisis\[0\]\.terms\[\d+\]: write a term in lower case, words separated by one space, without punctuation/,
  },
  {
    name: 'a crisis term in two groups',
    change: (content) => void crisis(content)[1]!.terms.push(crisis(content)[0]!.terms[0]!),
    line: /^content\/search\/ranking\.yaml → crisis\[1\]\.terms\[\d+\]: "suicide" is already a term of the group "self-harm"\./,
  },
  {
    name: 'a page named twice in a crisis group',
    change: (content) => void crisis(content)[0]!.pages.push('help'),
    line: /^content\/search\/ranking\.yaml → crisis\[0\]\.pages\[3\]: "help" is named twice in this group\./,
  },
  {
    name: 'a misspelt key in the ranking',
    change: (content) => void Object.assign(content.ranking.data as object, { wieghts: {} }),
    line: /^content\/search\/ranking\.yaml → wieghts: "wieghts" is not a field of this file/,
  },
  {
    name: 'a stop word with its apostrophe',
    change: (content) => void (content.stopWords.data as { words: string[] }).words.push("can't"),
    line: /^content\/search\/stop-words\.yaml → words\[\d+\]: write a stop word in lower case letters only/,
  },
];

describe('each content rule', () => {
  it.each(cases)('reports $name', ({ change, line }) => {
    const problems = checkContent(changed(change)).map(formatProblem);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(line);
  });
});

describe('the content schemas', () => {
  // Every field says what it is for, so the build's hints and the editors' tooltips have words to show.
  const schemas = {
    section: sectionSchema,
    'section tryThis': tryThisSchema,
    topic: topicSchema,
    page: pageSchema,
    quiz: quizSchema,
    'quiz subscale': quizSubscaleSchema,
    'quiz link': quizLinkSchema,
    'quiz item': quizItemSchema,
    'quiz band': quizBandSchema,
    ranking: rankingSchema,
    'ranking crisis group': crisisGroupSchema,
    'stop words': stopWordsSchema,
    helplines: helplinesSchema,
    'helpline region': helplineRegionSchema,
    helpline: helplineSchema,
    'helpline source': helplineSourceSchema,
  };

  it.each(Object.entries(schemas))('documents every field of the %s schema', (_, schema) => {
    const shape = (schema as unknown as { shape: Record<string, { description?: string }> }).shape;
    expect(Object.entries(shape).filter(([, field]) => !field.description).map(([key]) => key)).toEqual([]);
  });

  it.each(Object.entries(schemas))('refuses unknown keys in the %s schema', (_, schema) => {
    expect((schema as unknown as { _zod: { def: { catchall?: { _zod: { def: { type: string } } } } } })._zod.def.catchall?._zod.def.type).toBe('never');
  });
});
