/**
 * Merging results from a backup file into the ones saved here: a set by id, where nothing saved is ever
 * dropped or changed. Kept out of quiz/engine/results.ts because only restoring a backup needs it, and the
 * quiz page should not carry it.
 */
import { sortByTakenAt, type StoredResult } from '../quiz/engine/results';

/** Whether two results say exactly the same thing. */
export function isSameResult(first: StoredResult, second: StoredResult): boolean {
  return JSON.stringify(first) === JSON.stringify(second);
}

/** What merging incoming results into saved ones did: nothing saved is ever dropped or changed. */
export interface ResultsMerge {
  results: StoredResult[];
  /** Incoming results whose id was new. */
  added: StoredResult[];
  /** Incoming results already saved, word for word. */
  identicalCount: number;
  /** Incoming results with a saved id but other content: the saved one is kept. */
  conflicting: StoredResult[];
}

/** Adds the incoming results whose ids are new; an id already saved keeps its saved version. */
export function mergeResults(saved: readonly StoredResult[], incoming: readonly StoredResult[]): ResultsMerge {
  const byId = new Map(saved.map((result) => [result.id, result]));
  const added: StoredResult[] = [];
  const conflicting: StoredResult[] = [];
  let identicalCount = 0;
  for (const result of incoming) {
    const existing = byId.get(result.id);
    if (existing === undefined) {
      byId.set(result.id, result);
      added.push(result);
    } else if (isSameResult(existing, result)) identicalCount += 1;
    else conflicting.push(result);
  }
  return { results: sortByTakenAt([...byId.values()]), added, identicalCount, conflicting };
}
