// Site benchmark (`npm run bench`): what a first visit costs, what Lighthouse thinks, and how the
// build scales. Measured, printed as tables with the budgets marked pass or fail, and written to
// .bench/bench.json. Exits non-zero when a budget fails.
//
// 1. Builds the site (dist/), timed.
// 2. First visits: every page of each page type in headless Chromium with an empty cache, served
//    gzip-compressed with the headers of dist/_headers (the harness's static server); the HTML, CSS
//    and JavaScript each downloads (gzip bytes) and its request count (bench-visit.mjs). Each type is
//    reported by its heaviest page (page types: src/routes.ts).
// 3. Lighthouse (mobile defaults: emulated phone, simulated slow 4G and 4x CPU slowdown) on that page
//    of each type, in the same Chromium; a score under budget lists the audits that cost points
//    (bench-lighthouse.mjs).
// 4. Build scale: `astro build` of clean copies of the project with 0 to 1,000 generated guide
//    sections (bench-build.mjs).
//
// Environment:
//   BENCH_BUILD=0              reuse dist/ as it is instead of building;
//   BENCH_PAGES=0              skip first visits and Lighthouse;
//   BENCH_LIGHTHOUSE_RUNS=3    Lighthouse runs per page; the run with the median performance score is kept;
//   BENCH_BUILD_SCALES=0,250,500,1000   generated section counts to build, or "none";
//   BENCH_OUT=file.json        where to write the report instead of .bench/bench.json.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { PAGE_TYPES, findPageType } from '../../src/routes.ts';
import { launchChromium } from '../harness/chromium.ts';
import { listPages } from '../harness/dist.ts';
import { pageWeight } from '../harness/page-weight.ts';
import { projectRoot as root } from '../harness/project-copy.ts';
import { start, stop } from '../harness/static-server.ts';
import { benchBuildScale, buildGrowth, realSectionCount, timedBuild } from './bench-build.mjs';
import { CATEGORIES, launchForLighthouse, runLighthouse } from './bench-lighthouse.mjs';
import { checkBudgets, printReport } from './bench-report.mjs';
import { ms, seconds } from './bench-shared.mjs';
import { measureFirstVisit } from './bench-visit.mjs';

const distDir = join(root, 'dist');
const outFile = process.env.BENCH_OUT ? resolve(process.env.BENCH_OUT) : join(root, '.bench', 'bench.json');
const LIGHTHOUSE_RUNS = Math.max(1, Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3));
const BUILD_SCALES =
  process.env.BENCH_BUILD_SCALES === 'none' ? [] : (process.env.BENCH_BUILD_SCALES ?? '0,250,500,1000').split(',').map(Number);
const PAGES = process.env.BENCH_PAGES !== '0';

const report = {
  date: new Date().toISOString(),
  node: process.version,
  firstVisits: [],
  lighthouse: [],
  buildScale: [],
  buildFailures: [],
};

/** First visits and Lighthouse on the built site, served like a static host serves it. */
async function benchPages(paths) {
  const types = PAGE_TYPES.map((type) => ({ ...type, paths: paths.filter((path) => findPageType(path)?.id === type.id) })).filter(
    (type) => type.paths.length > 0,
  );
  const server = await start(distDir);
  try {
    const browser = await launchChromium();
    report.chromium = browser.version();
    try {
      for (const type of types) {
        const visits = [];
        for (const path of type.paths) {
          const started = performance.now();
          const visit = await measureFirstVisit(browser, server.origin, distDir, path);
          if (process.env.BENCH_VERBOSE) console.log(`First visit: ${path} in ${ms(performance.now() - started)}`);
          visit.static = pageWeight(distDir, path);
          visits.push(visit);
        }
        const heaviest = visits.reduce((worst, visit) => (visit.total > worst.total ? visit : worst));
        report.firstVisits.push({ type: type.id, label: type.label, pages: visits.length, heaviest, visits });
      }
    } finally {
      await browser.close();
    }

    // Lighthouse, on the heaviest page of each type, in a Chromium it can drive over a DevTools port.
    const chrome = await launchForLighthouse();
    try {
      for (const visit of report.firstVisits) {
        process.stdout.write(`Lighthouse: ${visit.heaviest.path}…`);
        const result = await runLighthouse(chrome.port, `${server.origin}${visit.heaviest.path}`, LIGHTHOUSE_RUNS);
        console.log(` ${CATEGORIES.map((category) => result.scores[category]).join(' / ')}`);
        report.lighthouse.push({ type: visit.type, label: visit.label, ...result });
      }
    } finally {
      await chrome.stop();
    }
  } finally {
    await stop(server);
  }
}

if (process.env.BENCH_BUILD !== '0') {
  console.log('Building the site…');
  report.siteBuild = await timedBuild(root);
  console.log(`Built ${report.siteBuild.pages} pages in ${seconds(report.siteBuild.ms)}.`);
}

if (PAGES) await benchPages(listPages(distDir).map((page) => page.path));

for (const count of BUILD_SCALES) {
  process.stdout.write(`Building with ${count} generated sections…`);
  try {
    const result = await benchBuildScale(count);
    console.log(` ${seconds(result.ms)}`);
    report.buildScale.push(result);
  } catch (error) {
    // Keep what was measured so far; the failure is reported with the tables.
    console.log(' failed');
    report.buildFailures.push({ generated: count, error: String(error.message ?? error).slice(-2000) });
  }
}
report.buildGrowth = buildGrowth(report.buildScale, report.siteBuild);
report.budgets = checkBudgets(report);

printReport(report, { lighthouseRuns: LIGHTHOUSE_RUNS, realSections: realSectionCount() });

await mkdir(dirname(outFile), { recursive: true });
await writeFile(outFile, `${JSON.stringify(report, null, 2)}\n`);
console.log(`\nWrote ${relative(root, outFile)}`);
if (report.budgets.some((entry) => !entry.pass) || report.buildFailures.length > 0) process.exitCode = 1;
