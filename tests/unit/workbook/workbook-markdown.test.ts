import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import {
  answerToMarkdown,
  createNotesMarkdown,
  normalizeAnswer,
  notesFileName,
  type MarkdownNote,
} from '../../../src/features/workbook/workbook-markdown';

/** The syntax tree the parser gives, and its nodes. */
type Root = ReturnType<typeof fromMarkdown>;
type RootContent = Root['children'][number];

/** Parses the file as GitHub-flavoured Markdown, what most notes apps read. */
function parse(markdown: string) {
  return fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
}

/** The text a reader sees in a paragraph or heading; any other kind of inline node means the words became Markdown. */
function textOf(node: Root | RootContent, problems: string[]): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'break') return '\n';
  // A bare web address or e-mail becomes a link whose words are the address itself: the text is unchanged.
  if (node.type === 'link' || node.type === 'paragraph' || node.type === 'heading') return node.children.map((child) => textOf(child, problems)).join('');
  problems.push(`a ${node.type} node`);
  return '';
}

/** The file's structure: each heading's level and text, and the text of the paragraphs under it. */
function outline(markdown: string) {
  const problems: string[] = [];
  const blocks: Array<{ depth: number; text: string; body: string[] }> = [];
  for (const node of parse(markdown).children as RootContent[]) {
    if (node.type === 'heading') blocks.push({ depth: node.depth, text: textOf(node, problems), body: [] });
    else if (node.type === 'paragraph') blocks[blocks.length - 1]?.body.push(textOf(node, problems));
    else problems.push(`a ${node.type} block`);
  }
  return { blocks, problems };
}

const WORDS = { heading: 'My notes from Letting Go', intro: 'Downloaded today.' };

// Text that leans on everything Markdown reads: line starts, fences, tables, emphasis, HTML, entities, escapes.
const tricky = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom('#', '##', '---', '===', '***', '___', '- ', '+ ', '* ', '> ', '1. ', '2)', '```', '~~~', '    ', '\t') },
      { weight: 3, arbitrary: fc.constantFrom('|', ':-', '-|-', '*', '_', '`', '~', '[', ']', '(', ')', '!', '<', '>', '&', ';', '\\', '<b>', '<!--', '&amp;', '&#35;', '[^1]: x', 'http://x.org', 'www.a_b.com', 'a@b.co', '<3', '# ') },
      { weight: 2, arbitrary: fc.constantFrom('\n', '\n\n', '\r\n', '  \n', ' ', '\u00a0', '\0') },
      { weight: 4, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
    ),
    { maxLength: 25 },
  )
  .map((parts) => parts.join(''));

const note = fc.record({
  heading: tricky,
  about: tricky,
  steps: fc.array(fc.record({ prompt: tricky, text: tricky }), { maxLength: 4 }),
});

describe('the Markdown file', () => {
  it('has a heading per section, a sub-heading per answered step and the answer below it, whatever was typed', () => {
    fc.assert(
      fc.property(fc.array(note, { maxLength: 4 }), (notes: MarkdownNote[]) => {
        const { blocks, problems } = outline(createNotesMarkdown(notes, WORDS));
        expect(problems).toEqual([]);
        const expected = [{ depth: 1, text: WORDS.heading, body: [WORDS.intro] }];
        for (const { heading, about, steps } of notes) {
          const oneLine = (text: string) => normalizeAnswer(text).replace(/\s+/g, ' ');
          expected.push({ depth: 2, text: oneLine(heading) || 'A note', body: normalizeAnswer(about) ? [oneLine(about)] : [] });
          steps.forEach(({ prompt, text }, index) => {
            const answer = normalizeAnswer(text);
            if (answer !== '') expected.push({ depth: 3, text: oneLine(prompt) || `Step ${index + 1}`, body: answer.split('\n\n') });
          });
        }
        expect(blocks).toEqual(expected);
      }),
      { numRuns: 400 },
    );
  });

  it('keeps the reader’s words as a reader of the file sees them, marks and all', () => {
    fc.assert(
      fc.property(tricky, (text) => {
        const { blocks, problems } = outline(`### Step\n\n${answerToMarkdown(text)}\n`);
        expect(problems).toEqual([]);
        expect(blocks.flatMap((block) => block.body).join('\n\n')).toBe(normalizeAnswer(text));
      }),
      { numRuns: 1000 },
    );
  });

  it('reads naturally as plain text: only what Markdown would take is escaped', () => {
    const answer = "# I'm still angry\nWe said we'd try. 3 times.\n---\n\n1. call Sam\n- walk *every* day <3";
    expect(answerToMarkdown(answer)).toBe("\\# I'm still angry  \nWe said we'd try. 3 times.  \n\\---\n\n1\\. call Sam  \n\\- walk \\*every\\* day <3");
    expect(
      createNotesMarkdown(
        [{ heading: 'Turning rage into fuel', about: 'Try this: Give your anger a job. Last changed today.', steps: [{ prompt: 'Write it down.', text: answer }, { prompt: 'Skipped.', text: '  ' }] }],
        WORDS,
      ),
    ).toBe(
      '# My notes from Letting Go\n\nDownloaded today.\n\n## Turning rage into fuel\n\nTry this: Give your anger a job. Last changed today.\n\n' +
        `### Write it down.\n\n${answerToMarkdown(answer)}\n`,
    );
  });

  it('is named for the reader’s own day', () => {
    expect(notesFileName(new Date(2026, 11, 1, 23, 59))).toBe('letting-go-notes-2026-12-01.md');
  });
});
