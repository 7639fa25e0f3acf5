import { describe, expect, it } from 'vitest';
import { findNeighbours, sortByOrder } from '../../../src/features/guide/navigation';

const entry = (id: string, order: number) => ({ id, data: { order } });

describe('sortByOrder', () => {
  it('sorts by order without changing the input', () => {
    const input = [entry('c', 3), entry('a', 1), entry('b', 2)];
    expect(sortByOrder(input).map((e) => e.id)).toEqual(['a', 'b', 'c']);
    expect(input.map((e) => e.id)).toEqual(['c', 'a', 'b']);
  });

  it('breaks ties by id so file order never matters', () => {
    expect(sortByOrder([entry('z', 1), entry('m', 1)]).map((e) => e.id)).toEqual(['m', 'z']);
  });
});

describe('findNeighbours', () => {
  const sorted = [entry('one', 1), entry('two', 2), entry('three', 3)];

  it.each([
    // the first section has no previous
    ['one', undefined, 'two', 1],
    // a middle section has both
    ['two', 'one', 'three', 2],
    // the last section has no next
    ['three', 'two', undefined, 3],
  ])('%s sits between %s and %s at position %i', (id, previous, next, position) => {
    const result = findNeighbours(sorted, id);
    expect(result.previous?.id).toBe(previous);
    expect(result.next?.id).toBe(next);
    expect(result.position).toBe(position);
    expect(result.total).toBe(3);
  });

  it('names an unknown id in its error', () => {
    expect(() => findNeighbours(sorted, 'four')).toThrow(/"four"/);
  });
});
