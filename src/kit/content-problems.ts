/**
 * Checks that span entries and collections (a section's topics, the guide's order), which a
 * per-file schema cannot see. Each problem names the file and the field, so the build error says exactly
 * what to fix.
 */

/** One thing wrong with the content, located by file and field. */
export interface ContentProblem {
  file: string;
  field: string;
  message: string;
}

/** The minimum a content entry needs for these checks. */
interface Entry {
  id: string;
  filePath?: string | undefined;
}

/** Names an entry's file for messages, falling back to its id when the loader gave no path. */
export function describeFile(entry: Entry): string {
  return entry.filePath ?? entry.id;
}

/**
 * Finds duplicate and out-of-range orders. With N entries, N distinct orders between 1 and N can only be
 * 1 to N, so these two checks together also rule out gaps.
 */
export function checkOrders(entries: readonly (Entry & { data: { order: number } })[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const firstWithOrder = new Map<number, Entry>();
  const total = entries.length;
  for (const entry of entries) {
    const { order } = entry.data;
    const earlier = firstWithOrder.get(order);
    if (earlier) {
      problems.push({
        file: describeFile(entry),
        field: 'order',
        message: `order ${order} is already used by ${describeFile(earlier)}; each entry needs its own number.`,
      });
    } else firstWithOrder.set(order, entry);
    if (order > total) {
      problems.push({
        file: describeFile(entry),
        field: 'order',
        message: `order ${order} is too high: with ${total} entries the orders must run from 1 to ${total}.`,
      });
    }
  }
  return problems;
}

/** Finds references to ids that do not exist, e.g. a section naming an unknown topic. */
export function checkReferences(
  entries: readonly (Entry & { data: Record<string, unknown> })[],
  field: string,
  knownIds: ReadonlySet<string>,
  kind: string,
): ContentProblem[] {
  return entries.flatMap((entry) => {
    const value = entry.data[field];
    const ids = Array.isArray(value) ? value : [value];
    return ids.flatMap((id, index) =>
      typeof id === 'string' && !knownIds.has(id)
        ? [
            {
              file: describeFile(entry),
              field: Array.isArray(value) ? `${field}[${index}]` : field,
              message: `unknown ${kind} "${id}". Known ${kind}s: ${[...knownIds].sort().join(', ')}.`,
            },
          ]
        : [],
    );
  });
}

/** Turns problems into one message a content author can act on. */
export function formatProblems(problems: readonly ContentProblem[]): string {
  const lines = problems.map((p) => `  - ${p.file} → ${p.field}: ${p.message}`);
  return `The content has ${problems.length} problem(s):\n${lines.join('\n')}`;
}

/** Throws one error listing every problem, so the build stops with all of them at once. */
export function assertNoProblems(problems: readonly ContentProblem[]): void {
  if (problems.length > 0) throw new Error(formatProblems(problems));
}
