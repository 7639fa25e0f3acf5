import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { getViteConfig } from 'astro/config';
import SummaryReporter from './harness/summary-reporter.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

// Four projects: `unit` runs through Astro's Vite config (content, components, pure modules);
// `site` reads the built dist/; `browser` drives headless Chromium against dist/ served locally;
// `deploy` builds a copy of the project for a sub-path and checks it as files and in Chromium.
// Browser tests use a plain node environment: inside Astro's Vite config `astro`'s preview() is empty.
export default defineConfig({
  root,
  test: {
    root,
    // The summary reporter must come last: its per-project times and its count line close the run's output.
    reporters: ['default', new SummaryReporter()],
    // Vitest's default is one worker per core but one, which on a 2-core machine runs every file one
    // after the other. Most of a browser file's time is spent waiting on Chromium (pages, axe, PBKDF2),
    // so three files at a time keep both cores busy: on 2 cores the whole run took 125 s with three,
    // 139 s with two. Each browser file has its own Chromium and server.
    maxWorkers: Math.max(3, availableParallelism()),
    projects: [
      getViteConfig({
        test: {
          name: 'unit',
          root,
          include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/content/**/*.test.ts', 'tests/bench/**/*.test.ts'],
          environment: 'node',
        },
      }),
      {
        // Site and browser files hold no global state between files, so workers can be reused.
        test: {
          name: 'site',
          root,
          include: ['tests/site/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          isolate: false,
        },
      },
      {
        test: {
          name: 'browser',
          root,
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          // The first launch may unpack the npm-packaged Chromium.
          hookTimeout: 120_000,
          isolate: false,
        },
      },
      {
        test: {
          name: 'deploy',
          root,
          include: ['tests/deploy/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          // The hooks build the site and may unpack the npm-packaged Chromium.
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
