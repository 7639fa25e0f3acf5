import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import {
  assertNoProblems,
  checkAgainstSchema,
  checkOrders,
  checkReferences,
  formatField,
  formatProblem,
  formatProblems,
} from '../../../src/kit/content-problems';

const section = (id: string, order: number, topics: string[] = ['anger']) => ({
  id,
  filePath: `content/guide/${id}.mdx`,
  data: { order, topics },
});

describe('formatProblem', () => {
  it.each([
    // The style every rule shares: file → field: message, then the hint.
    [
      { file: 'content/quizzes/anger.yaml', field: 'items', message: 'No statement is marked safety: true.', hint: 'every quiz needs one.' },
      'content/quizzes/anger.yaml → items: no statement is marked safety: true. Hint: every quiz needs one.',
    ],
    // A problem with the file as a whole has no field.
    [{ file: 'content/topics/x.yaml', field: '', message: 'no section names this topic.' }, 'content/topics/x.yaml: no section names this topic.'],
    // A message that starts with a quoted name keeps it as it is.
    [{ file: 'f.yaml', field: 'id', message: '"X" is not kebab-case.' }, 'f.yaml → id: "X" is not kebab-case.'],
  ])('formats %j', (problem, line) => {
    expect(formatProblem(problem)).toBe(line);
  });

  it.each([
    [['items', 2, 'pair'], 'items[2].pair'],
    [['bands', 1, 'sections', 0], 'bands[1].sections[0]'],
    [[], ''],
  ] as const)('writes the path %j as %s', (path, field) => {
    expect(formatField(path)).toBe(field);
  });
});

describe('checkAgainstSchema', () => {
  const schema = z.strictObject({
    title: z.string().min(3).describe('The page heading.'),
    order: z.int().min(1),
    tags: z.array(z.string()).min(1, 'Name at least one tag.'),
    kind: z.enum(['a', 'b']),
  });
  const problems = (data: unknown) => checkAgainstSchema('content/x.yaml', data, schema).map(formatProblem);

  it.each([
    // A missing field is required, with its documentation as the hint.
    [{ order: 1, tags: ['t'], kind: 'a' }, 'content/x.yaml → title: is required. Hint: The page heading.'],
    // zod's default messages become plain words.
    [{ title: 'ab', order: 1, tags: ['t'], kind: 'a' }, 'content/x.yaml → title: use at least 3 characters. Hint: The page heading.'],
    [{ title: 'abc', order: 1.5, tags: ['t'], kind: 'a' }, 'content/x.yaml → order: should be a whole number, not a number.'],
    [{ title: 'abc', order: 1, tags: ['t'], kind: 'c' }, 'content/x.yaml → kind: must be one of "a", "b".'],
    // A schema's own message is kept.
    [{ title: 'abc', order: 1, tags: [], kind: 'a' }, 'content/x.yaml → tags: name at least one tag.'],
    // An unknown key is reported as a typo, with the fields it could have meant.
    [
      { title: 'abc', order: 1, tags: ['t'], kind: 'a', tilte: 'x' },
      'content/x.yaml → tilte: "tilte" is not a field of this file. Hint: check the spelling; the fields here are title, order, tags, kind.',
    ],
  ])('reports %j', (data, line) => {
    expect(problems(data)).toEqual([line]);
  });

  it('finds nothing wrong with valid data', () => {
    expect(problems({ title: 'abc', order: 1, tags: ['t'], kind: 'b' })).toEqual([]);
  });
});

describe('checkOrders', () => {
  it.each([
    // 1..N in any file order is fine
    [[section('b', 2), section('a', 1), section('c', 3)], []],
    // a repeated number names the second file and the first one
    [[section('a', 1), section('b', 1)], ['content/guide/b.mdx order: order 1 is already used by content/guide/a.mdx']],
    // a gap shows up as a number too high for the count
    [[section('a', 1), section('b', 3)], ['content/guide/b.mdx order: order 3 is too high']],
  ])('case %#', (entries, expected) => {
    const found = checkOrders(entries).map((p) => `${p.file} ${p.field}: ${p.message}`);
    expect(found).toHaveLength(expected.length);
    expected.forEach((start, index) => expect(found[index]).toContain(start));
  });
});

describe('checkReferences', () => {
  const known = new Set(['anger', 'purpose']);

  it('accepts known ids', () => {
    expect(checkReferences([section('a', 1, ['anger', 'purpose'])], 'topics', known, 'topic')).toEqual([]);
  });

  it('names the file, the field with its index and the unknown id, and lists the known ones', () => {
    const [problem, ...rest] = checkReferences([section('a', 1, ['anger', 'angr'])], 'topics', known, 'topic');
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ file: 'content/guide/a.mdx', field: 'topics[1]', message: 'unknown topic "angr".' });
    expect(problem?.hint).toBe('the known topics are anger, purpose.');
  });

  it('checks a single-valued field too', () => {
    const entries = [{ id: 'q', data: { section: 'missing' } }];
    expect(checkReferences(entries, 'section', known, 'section')[0]).toMatchObject({ file: 'q', field: 'section' });
  });
});

describe('assertNoProblems', () => {
  it('is quiet when there is nothing wrong', () => {
    expect(() => assertNoProblems([])).not.toThrow();
  });

  it('throws every problem in one message', () => {
    const problems = [
      { file: 'content/guide/a.mdx', field: 'order', message: 'one' },
      { file: 'content/topics/x.yaml', field: 'title', message: 'two' },
    ];
    expect(() => assertNoProblems(problems)).toThrow(formatProblems(problems));
    expect(formatProblems(problems)).toMatch(/2 problems:[\s\S]*a\.mdx → order: one[\s\S]*x\.yaml → title: two/);
  });
});
