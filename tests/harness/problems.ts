import { assert } from 'vitest';

/** Formats a list of problems for an assertion message, one per line. */
export function report(problems: readonly string[]): string {
  return problems.length === 0 ? 'no problems' : `${problems.length} problem(s):\n  ${problems.join('\n  ')}`;
}

/** Asserts that a check found nothing, listing every problem (deduplicated) when it did. */
export function expectNoProblems(problems: readonly string[]): void {
  const unique = [...new Set(problems)];
  // A plain failure with the list: an equality diff would only print the same list a second time.
  if (unique.length > 0) assert.fail(report(unique));
}
