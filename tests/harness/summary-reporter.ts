import type { Reporter, TestModule, Vitest } from 'vitest/node';

/** Test counts for one run. */
export interface RunCounts {
  passed: number;
  failed: number;
  skipped: number;
}

/**
 * Counts test outcomes over all modules. A module or suite that failed outside any test (a syntax
 * error, a failing beforeAll) counts as one failure, so a broken file can never read as "0 failed".
 */
export function countTests(modules: readonly TestModule[]): RunCounts {
  const counts: RunCounts = { passed: 0, failed: 0, skipped: 0 };
  for (const module of modules) {
    let failedTests = 0;
    for (const test of module.children.allTests()) {
      const { state } = test.result();
      if (state === 'passed') counts.passed += 1;
      else if (state === 'failed') failedTests += 1;
      else counts.skipped += 1; // skipped, todo, or never finished (interrupted)
    }
    const suiteErrors = [module, ...module.children.allSuites()].some((suite) => suite.errors().length > 0);
    counts.failed += failedTests + (suiteErrors && failedTests === 0 ? 1 : 0);
  }
  return counts;
}

/** Formats counts as `N passed, N failed` with `, N skipped` only when something was skipped. */
export function formatCounts({ passed, failed, skipped }: RunCounts): string {
  return `${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`;
}

/** Prints the run's test counts as the very last line; list it after the default reporter. */
export default class SummaryReporter implements Reporter {
  private vitest: Vitest | undefined;

  onInit(vitest: Vitest): void {
    this.vitest = vitest;
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const line = formatCounts(countTests(modules));
    // Through Vitest's logger so the line lands on the same stream, after the default summary.
    if (this.vitest) this.vitest.logger.log(line);
    else console.log(line);
  }
}
