// The first step of `npm test`: `astro build` and `astro check` side by side, as each keeps about one core
// busy for seconds. Both write the generated types in .astro/, and not atomically, so the check starts
// once the build says it has written them (or, should its log never say so, when the build is done).
// The build's log is shown as it comes and the check's report after it, so the two never interleave.
// Exits non-zero when either failed.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const astro = fileURLToPath(new URL('../../node_modules/astro/bin/astro.mjs', import.meta.url));

/** The line the build logs once .astro/ holds its types; the check may sync them again from then on. */
const TYPES_WRITTEN = /\[types\] Generated/;

/** Runs `astro <command>` with this Node; calls `onOutput` with each chunk it prints. */
function runAstro(command, onOutput) {
  const started = performance.now();
  const child = spawn(process.execPath, [astro, command], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', onOutput);
  child.stderr.on('data', onOutput);
  return new Promise((resolve) => {
    child.on('error', (error) => resolve({ code: 1, ms: performance.now() - started, error }));
    child.on('close', (code) => resolve({ code: code ?? 1, ms: performance.now() - started }));
  });
}

const started = performance.now();
const checkOutput = [];
let check;
/** Starts the check once; returns it. */
const startCheck = () => (check ??= runAstro('check', (chunk) => checkOutput.push(chunk)));

let seen = '';
const build = await runAstro('build', (chunk) => {
  process.stdout.write(chunk);
  if (check) return;
  seen = (seen + chunk).slice(-4096);
  if (TYPES_WRITTEN.test(seen)) startCheck();
});
const checked = await startCheck();

process.stdout.write(`\n> astro check\n\n${Buffer.concat(checkOutput).toString()}`);
for (const { error } of [build, checked]) if (error) console.error(error);
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
console.log(
  `\nastro build ${build.code === 0 ? 'passed' : 'FAILED'} in ${seconds(build.ms)}, astro check ${checked.code === 0 ? 'passed' : 'FAILED'} ` +
    `in ${seconds(checked.ms)}; both together ${seconds(performance.now() - started)}.`,
);
process.exitCode = build.code || checked.code;
