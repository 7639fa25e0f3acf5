import { describe, expect, it } from 'vitest';
import {
  assertNoProblems,
  checkOrders,
  checkReferences,
  formatProblems,
} from '../../../src/kit/content-problems';

const section = (id: string, order: number, topics: string[] = ['anger']) => ({
  id,
  filePath: `content/guide/${id}.mdx`,
  data: { order, topics },
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

  it('names the file, the field with its index and the unknown id', () => {
    const [problem, ...rest] = checkReferences([section('a', 1, ['anger', 'angr'])], 'topics', known, 'topic');
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ file: 'content/guide/a.mdx', field: 'topics[1]' });
    expect(problem?.message).toContain('unknown topic "angr"');
    expect(problem?.message).toContain('anger, purpose');
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
    expect(formatProblems(problems)).toMatch(/2 problem\(s\)[\s\S]*a\.mdx → order: one[\s\S]*x\.yaml → title: two/);
  });
});
