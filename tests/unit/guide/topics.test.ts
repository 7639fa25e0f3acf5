import { describe, expect, it } from 'vitest';
import { filterByTopic, resolveTopics } from '../../../src/features/guide/topics';

const sections = [
  { id: 'a', data: { topics: ['anger', 'purpose'] } },
  { id: 'b', data: { topics: ['letting-go'] } },
  { id: 'c', data: { topics: ['purpose'] } },
];
const topics = [{ id: 'anger' }, { id: 'letting-go' }, { id: 'purpose' }];

describe('filterByTopic', () => {
  it.each([
    // keeps every section naming the topic, in order
    ['purpose', ['a', 'c']],
    ['letting-go', ['b']],
    // a topic no section names gives an empty list
    ['self-worth', []],
  ])('%s → %j', (topic, ids) => {
    expect(filterByTopic(sections, topic).map((s) => s.id)).toEqual(ids);
  });
});

describe('resolveTopics', () => {
  it('returns topics in the order the section names them', () => {
    expect(resolveTopics(['purpose', 'anger'], topics).map((t) => t.id)).toEqual(['purpose', 'anger']);
  });

  it('skips ids that do not exist (the content check reports them)', () => {
    expect(resolveTopics(['nope', 'anger'], topics).map((t) => t.id)).toEqual(['anger']);
  });
});
