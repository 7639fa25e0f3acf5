// Temporary copies of the project, built for real: the malformed-content tests break one file in a copy,
// the deploy tests build a copy for a sub-path, and the benchmark times builds of copies with generated
// sections.
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The project's root folder. */
export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

/** What a build reads, besides the installed packages. */
const BUILD_INPUTS = ['src', 'content', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json'];

/** Copies what a build needs into a new temporary folder named after `prefix`; the caller removes it. */
export function copyProject(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `letting-go-${prefix}-`));
  for (const name of BUILD_INPUTS) cpSync(join(projectRoot, name), join(dir, name), { recursive: true });
  // Link the installed packages one by one rather than node_modules whole: Astro and Vite keep caches in
  // node_modules/.astro and .vite, and a shared cache would let builds see each other's content (and
  // make a timed build faster than a clean one).
  mkdirSync(join(dir, 'node_modules'));
  for (const name of readdirSync(join(projectRoot, 'node_modules'))) {
    if (!name.startsWith('.')) symlinkSync(join(projectRoot, 'node_modules', name), join(dir, 'node_modules', name));
  }
  symlinkSync(join(projectRoot, 'node_modules', '.bin'), join(dir, 'node_modules', '.bin'));
  return dir;
}

/** How a build went: whether it failed, what it printed, and how long it took. */
export interface BuildOutcome {
  failed: boolean;
  output: string;
  ms: number;
}

/**
 * What Vitest puts in process.env to back import.meta.env (and NODE_ENV=test). A build that inherited
 * them would render with the test run's BASE_URL and as a development build.
 */
const TEST_RUN_ENV = new Set(['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV']);

/** Runs `astro build` in `dir` with the project's Node, and `extraEnv` (e.g. BASE_PATH) set. */
export async function buildProject(dir: string, extraEnv: Record<string, string> = {}): Promise<BuildOutcome> {
  const astro = join(projectRoot, 'node_modules', 'astro', 'bin', 'astro.mjs');
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !TEST_RUN_ENV.has(name)));
  const env = { ...inherited, PATH: `${dirname(process.execPath)}:${process.env.PATH}`, NO_COLOR: '1', FORCE_COLOR: '0', ...extraEnv };
  const started = performance.now();
  try {
    const { stdout, stderr } = await run(process.execPath, [astro, 'build'], { cwd: dir, env, maxBuffer: 256 << 20 });
    return { failed: false, output: stdout + stderr, ms: performance.now() - started };
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    return { failed: true, output: stdout + stderr, ms: performance.now() - started };
  }
}
