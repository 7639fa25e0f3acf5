import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildProject as build, copyProject } from '../harness/project-copy.ts';

// Two real builds of a copy of the project with one file broken: one breaks a file's schema, one a reference
// across files. The build must fail and its output must name the file and the field, so an author knows
// what to fix. Every other rule runs through the same functions, much faster, in content-check.test.ts.

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

describe('malformed content fails the build with the file and the field', () => {
  it.concurrent.each([
    {
      name: 'a section without a title (a schema rule)',
      file: 'content/guide/turning-rage-into-fuel.mdx',
      edit: (text: string) => text.replace(/^title:.*\n/m, ''),
      expected: 'content/guide/turning-rage-into-fuel.mdx → title: is required. Hint: The section heading and page title',
    },
    {
      name: 'a quiz linking to a heading the guide does not have (a rule across files)',
      file: 'content/quizzes/anger.yaml',
      edit: (text: string) => text.replace('anchor: the-pull-of-revenge', 'anchor: the-push-of-revenge'),
      expected:
        'content/quizzes/anger.yaml → subscales[1].link.anchor: "the-push-of-revenge" is not an h2 or h3 heading of turning-rage-into-fuel.',
    },
  ])('$name', { timeout: 120_000 }, async ({ file, edit, expected }) => {
    const result = await build(copyWithEdit(file, edit));
    expect(result.failed, result.output.slice(-2000)).toBe(true);
    expect(result.output).toContain(expected);
    // Nothing was built: the check stops the build before any page.
    expect(result.output).not.toMatch(/page\(s\) built/);
  });
});
