import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { distDir } from './dist.ts';

/** One message from the Nu HTML Checker's JSON output. */
export interface NuMessage {
  readonly type: string;
  readonly subType?: string;
  readonly url?: string;
  readonly lastLine?: number;
  readonly message: string;
  readonly extract?: string;
}

/** Whether a Java runtime is on PATH (the checker is a Java program). */
export function hasJava(): boolean {
  return !spawnSync('java', ['-version'], { stdio: 'ignore' }).error;
}

/** Path of the checker's jar inside the installed vnu-jar package. */
export function nuJarPath(): string {
  const packageJson = createRequire(import.meta.url).resolve('vnu-jar/package.json');
  return join(dirname(packageJson), 'build', 'dist', 'vnu.jar');
}

/** Runs the Nu HTML Checker over the files and returns its errors (warnings are not requested). */
export function checkHtml(files: readonly string[]): NuMessage[] {
  const result = spawnSync('java', ['-jar', nuJarPath(), '--errors-only', '--format', 'json', ...files], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  // The checker writes its JSON report to stderr and exits non-zero when it found errors.
  const output = result.stderr.trim();
  if (!output.startsWith('{')) {
    throw new Error(`The Nu HTML Checker did not produce a report (exit ${result.status}):\n${output}`);
  }
  return (JSON.parse(output) as { messages: NuMessage[] }).messages;
}

/** Formats a message as `page:line: message`, relative to dist/. */
export function formatNuMessage(message: NuMessage): string {
  const file = message.url?.startsWith('file:') ? relative(distDir, fileURLToPath(message.url)) : message.url;
  const where = `${file ?? '?'}${message.lastLine ? `:${message.lastLine}` : ''}`;
  return `${where}: ${message.message}${message.extract ? ` [${message.extract.trim()}]` : ''}`;
}
