import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../harness/project-copy.ts';

const run = promisify(execFile);

// The benchmark runs in Node directly, not through the bundler, so a module it imports that Node cannot
// resolve (say, a TypeScript import without its extension) would break `npm run bench` without breaking
// the build. This loads every module of it, measuring nothing.
describe('npm run bench', () => {
  it('loads all of its modules and prints its report with nothing measured', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'letting-go-bench-smoke-'));
    try {
      const out = join(dir, 'bench.json');
      const env = { ...process.env, BENCH_BUILD: '0', BENCH_PAGES: '0', BENCH_BUILD_SCALES: 'none', BENCH_OUT: out };
      const { stdout } = await run(process.execPath, ['tests/bench/bench.mjs'], { cwd: projectRoot, env });
      expect(stdout).toContain('Wrote ');
      const report = JSON.parse(readFileSync(out, 'utf8')) as { budgets: unknown[]; node: string };
      expect(report.budgets).toEqual([]);
      expect(report.node).toBe(process.version);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
