/** Anything that names topics by id in its data. */
export interface HasTopics {
  data: { topics: readonly string[] };
}

/** Keeps the items that belong to a topic, in their given order. */
export function filterByTopic<T extends HasTopics>(items: readonly T[], topicId: string): T[] {
  return items.filter((item) => item.data.topics.includes(topicId));
}

/** Looks up topics by id in the order given; unknown ids are skipped (content checks report them). */
export function resolveTopics<T extends { id: string }>(topicIds: readonly string[], topics: readonly T[]): T[] {
  const byId = new Map(topics.map((topic) => [topic.id, topic]));
  return topicIds.flatMap((id) => byId.get(id) ?? []);
}
