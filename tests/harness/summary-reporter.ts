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

/** How long one project took: its files, the span from its first file's start to its last one's end, and their own times added up. */
export interface ProjectTime {
  readonly project: string;
  readonly files: number;
  readonly wallMs: number;
  readonly fileMs: number;
}

/** Formats project times as an aligned block, slowest first. */
export function formatProjectTimes(times: readonly ProjectTime[]): string[] {
  const rows = [...times].sort((a, b) => b.wallMs - a.wallMs);
  const width = Math.max(0, ...rows.map((row) => row.project.length));
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`.padStart(7);
  return [
    'Time per project (first file started to last file done; files run side by side, so the files add up to more):',
    ...rows.map(
      (row) =>
        `  ${row.project.padEnd(width)} ${String(row.files).padStart(3)} file${row.files === 1 ? ' ' : 's'} ${seconds(row.wallMs)}` +
        `   files add up to ${seconds(row.fileMs).trim()}`,
    ),
  ];
}

/** A module's own time: environment, preparation, import and setup, then its tests and hooks. */
function moduleMs(module: TestModule): number {
  const { environmentSetupDuration, prepareDuration, collectDuration, setupDuration, duration } = module.diagnostic();
  return environmentSetupDuration + prepareDuration + collectDuration + setupDuration + duration;
}

/**
 * Prints how long each project took, then the run's test counts as the very last line (CI reads it);
 * list it after the default reporter.
 */
export default class SummaryReporter implements Reporter {
  private vitest: Vitest | undefined;
  private readonly started = new Map<string, number>();
  private readonly ended = new Map<string, number>();

  onInit(vitest: Vitest): void {
    this.vitest = vitest;
  }

  onTestModuleQueued(module: TestModule): void {
    if (!this.started.has(module.moduleId)) this.started.set(module.moduleId, performance.now());
  }

  onTestModuleEnd(module: TestModule): void {
    this.ended.set(module.moduleId, performance.now());
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const byProject = new Map<string, TestModule[]>();
    for (const module of modules) byProject.set(module.project.name, [...(byProject.get(module.project.name) ?? []), module]);
    const times = [...byProject].map(([project, members]): ProjectTime => {
      const starts = members.map((module) => this.started.get(module.moduleId)).filter((time) => time !== undefined);
      const ends = members.map((module) => this.ended.get(module.moduleId)).filter((time) => time !== undefined);
      return {
        project,
        files: members.length,
        wallMs: starts.length && ends.length ? Math.max(...ends) - Math.min(...starts) : 0,
        fileMs: members.reduce((sum, module) => sum + moduleMs(module), 0),
      };
    });
    const lines = ['', ...formatProjectTimes(times), '', formatCounts(countTests(modules))];
    // Through Vitest's logger so the lines land on the same stream, after the default summary.
    for (const line of lines) {
      if (this.vitest) this.vitest.logger.log(line);
      else console.log(line);
    }
  }
}
