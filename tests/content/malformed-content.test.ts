import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildProject as build, copyProject } from '../support/project-copy.ts';

// Real builds of a copy of the project with one file broken: the build must fail, and its output must
// name the file and the field so an author knows what to fix.

const copies: string[] = [];

/** Copies the project into a temporary folder and applies one edit to one content file. */
function copyWithEdit(file: string, edit: (text: string) => string): string {
  const dir = copyProject('broken');
  copies.push(dir);
  const target = join(dir, file);
  const before = readFileSync(target, 'utf8');
  const after = edit(before);
  if (after === before) throw new Error(`The edit did not change ${file}; the test would prove nothing.`);
  writeFileSync(target, after);
  return dir;
}

afterAll(() => {
  for (const dir of copies) rmSync(dir, { recursive: true, force: true });
});

const SECTION = 'content/guide/turning-rage-into-fuel.mdx';
const QUIZ = 'content/quizzes/anger.yaml';

describe('malformed content fails the build with the file and the field', () => {
  it.concurrent.each([
    {
      name: 'a section without a title',
      file: SECTION,
      edit: (text: string) => text.replace(/^title:.*\n/m, ''),
      expected: [/turning-rage-into-fuel/, /title/, /Required|expected string/i],
    },
    {
      name: 'a section naming an unknown topic',
      file: SECTION,
      edit: (text: string) => text.replace(/^topics:.*$/m, 'topics: [anger, heartbreak-recovery]'),
      expected: [/content\/guide\/turning-rage-into-fuel\.mdx → topics\[1\]/, /unknown topic "heartbreak-recovery"/],
    },
    {
      name: 'two sections with the same order',
      file: SECTION,
      edit: (text: string) => text.replace(/^order: \d+$/m, 'order: 1'),
      // Either file may be reported first; the message names both.
      expected: [/\.mdx → order: order 1 is already used by content\/guide\//, /turning-rage-into-fuel\.mdx/, /why-letting-go-comes-first\.mdx/],
    },
    {
      name: 'a topic with a description that is too short',
      file: 'content/topics/anger.yaml',
      edit: (text: string) => text.replace(/^description:[\s\S]*?^synonyms:/m, 'description: Short.\nsynonyms:'),
      expected: [/topics → anger/, /description/],
    },
    {
      name: 'a quiz whose bands leave a gap',
      file: QUIZ,
      edit: (text: string) => text.replace(/^    min: 20$/m, '    min: 22'),
      expected: [/quizzes → anger/, /bands/, /Leaves a gap after the previous band, which ends at 19; start at 20/],
    },
    {
      name: 'a quiz naming an unknown guide section',
      file: QUIZ,
      edit: (text: string) => text.replace(/^sections: \[turning-rage-into-fuel, /m, 'sections: [turning-rage-into-fuel, heartbreak-basics, '),
      expected: [/content\/quizzes\/anger\.yaml → sections\[1\]/, /unknown guide section "heartbreak-basics"/],
    },
    {
      name: 'a quiz linking a subscale to a heading that does not exist',
      file: QUIZ,
      edit: (text: string) => text.replace(/anchor: the-pull-of-revenge$/m, 'anchor: the-push-of-revenge'),
      expected: [/content\/quizzes\/anger\.yaml → subscales\[1\]\.link\.anchor/, /"the-push-of-revenge" is not an h2 or h3 heading/],
    },
  ])('$name', { timeout: 120_000 }, async ({ file, edit, expected }) => {
    const result = await build(copyWithEdit(file, edit));
    expect(result.failed, result.output.slice(-2000)).toBe(true);
    for (const pattern of expected) expect(result.output).toMatch(pattern);
  });
});
