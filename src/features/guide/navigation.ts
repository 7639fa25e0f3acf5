/** Anything placed in the guide's reading order. */
export interface Ordered {
  id: string;
  data: { order: number };
}

/** Where a section sits in the guide and what comes before and after it. */
export interface Neighbours<T> {
  previous: T | undefined;
  next: T | undefined;
  /** 1-based position in reading order. */
  position: number;
  total: number;
}

/** Returns a copy sorted by `data.order`, ties broken by id so the result never depends on file order. */
export function sortByOrder<T extends Ordered>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => a.data.order - b.data.order || a.id.localeCompare(b.id));
}

/** Finds the previous and next items around `id` in an already sorted list. */
export function findNeighbours<T extends Ordered>(sorted: readonly T[], id: string): Neighbours<T> {
  const index = sorted.findIndex((item) => item.id === id);
  if (index === -1) throw new Error(`No section with id "${id}" in the guide.`);
  return { previous: sorted[index - 1], next: sorted[index + 1], position: index + 1, total: sorted.length };
}
