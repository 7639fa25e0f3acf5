// The benchmark's report: budgets checked against what was measured, and the tables it prints.
import { BUDGETS } from '../harness/budgets.ts';
import { CATEGORIES } from './bench-lighthouse.mjs';
import { kb, ms, seconds } from './bench-shared.mjs';

/** Prints rows as an aligned text table; numbers are right-aligned. */
export function printTable(title, rows) {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]);
  const cells = rows.map((row) => columns.map((column) => String(row[column] ?? '')));
  const widths = columns.map((column, index) => Math.max(column.length, ...cells.map((row) => row[index].length)));
  const numeric = columns.map((_, index) => cells.every((row) => /^\d/.test(row[index])));
  const line = (values) =>
    `| ${values.map((value, index) => (numeric[index] ? value.padStart(widths[index]) : value.padEnd(widths[index]))).join(' | ')} |`;
  console.log(`\n${title}\n`);
  console.log(line(columns));
  console.log(`|${widths.map((width, index) => (numeric[index] ? `${'-'.repeat(width + 1)}:` : '-'.repeat(width + 2))).join('|')}|`);
  for (const row of cells) console.log(line(row));
}

/** Each budget with its limit, what was measured, on which page, and whether it passed. */
export function checkBudgets(report) {
  const byType = Object.fromEntries(report.firstVisits.map((visit) => [visit.type, visit]));
  const budgets = [];
  if (byType.section) {
    const section = byType.section.heaviest;
    budgets.push({
      budget: 'Guide section: first visit, total',
      limit: kb(BUDGETS.sectionTotal),
      value: kb(section.total),
      pass: section.total <= BUDGETS.sectionTotal,
      page: section.path,
    });
    budgets.push({
      budget: 'Guide section: JavaScript',
      limit: kb(BUDGETS.sectionScript),
      value: kb(section.script),
      pass: section.script <= BUDGETS.sectionScript,
      page: section.path,
    });
  }
  if (byType.quiz) {
    const quiz = byType.quiz.visits.reduce((worst, visit) => (visit.script > worst.script ? visit : worst));
    budgets.push({
      budget: 'Quiz: JavaScript',
      limit: kb(BUDGETS.quizScript),
      value: kb(quiz.script),
      pass: quiz.script <= BUDGETS.quizScript,
      page: quiz.path,
    });
  }
  // The pages with a tool of their own: "Before you text them" on Right now, and My notes.
  for (const [type, label] of [['right-now', 'Right now (pause tool)'], ['my-notes', 'My notes']]) {
    if (!byType[type]) continue;
    const tool = byType[type].heaviest;
    budgets.push({
      budget: `${label}: JavaScript`,
      limit: kb(BUDGETS.toolScript),
      value: kb(tool.script),
      pass: tool.script <= BUDGETS.toolScript,
      page: tool.path,
    });
  }
  if (byType['my-results']) {
    const mine = byType['my-results'].visits.reduce((worst, visit) => (visit.script > worst.script ? visit : worst));
    budgets.push({
      budget: 'My results: JavaScript',
      limit: kb(BUDGETS.myResultsScript),
      value: kb(mine.script),
      pass: mine.script <= BUDGETS.myResultsScript,
      page: mine.path,
    });
  }
  for (const result of report.lighthouse) {
    const misses = CATEGORIES.filter((category) => result.scores[category] < BUDGETS.lighthouse[category]);
    budgets.push({
      budget: `Lighthouse: ${result.label}`,
      limit: CATEGORIES.map((category) => BUDGETS.lighthouse[category]).join(' / '),
      value: CATEGORIES.map((category) => result.scores[category]).join(' / '),
      pass: misses.length === 0,
      page: new URL(result.url).pathname,
      why: misses.flatMap((category) => result.lostPoints[category].map((audit) => `${category}: ${audit}`)),
    });
  }
  return budgets;
}

/** Prints the report's tables: first visits, Lighthouse, build time and growth, budgets. */
export function printReport(report, { lighthouseRuns, realSections }) {
  const { budgets } = report;
  printTable(
    'First visit, empty cache, headless Chromium (gzip -9 bytes; heaviest page of each type)',
    report.firstVisits.map(({ label, pages, heaviest }) => ({
      'Page type': label,
      Page: `${heaviest.path}${pages > 1 ? ` (of ${pages})` : ''}`,
      HTML: kb(heaviest.html),
      CSS: kb(heaviest.css),
      JS: kb(heaviest.script),
      'JS inline': kb(heaviest.inlineScript),
      'HTML+CSS+JS': kb(heaviest.total),
      Other: kb(heaviest.other),
      Requests: heaviest.requests,
      'Then, SW precache': `${kb(heaviest.worker.bytes)} in ${heaviest.worker.requests}`,
    })),
  );
  if (report.firstVisits.length > 0) {
    console.log('\nJS = script files + inline scripts; inline scripts travel inside the HTML, so HTML+CSS+JS counts them once.');
    console.log('Other = what the page fetches besides (the search page loads its index).');
    console.log('Then, SW precache = what the service worker downloads once the page has loaded (once per build); not in the totals.');
  }

  printTable(
    `Lighthouse ${report.lighthouse[0]?.lighthouseVersion ?? ''} (mobile defaults, simulated throttling${lighthouseRuns > 1 ? `, median of ${lighthouseRuns}` : ''})`,
    report.lighthouse.map(({ label, url, scores, metrics }) => ({
      'Page type': label,
      Page: new URL(url).pathname,
      Performance: scores.performance,
      Accessibility: scores.accessibility,
      'Best practices': scores['best-practices'],
      SEO: scores.seo,
      LCP: ms(metrics.lcp),
      TBT: ms(metrics.tbt),
      FCP: ms(metrics.fcp),
      CLS: metrics.cls.toFixed(3),
    })),
  );

  const precacheCell = (scale) => (scale.precacheBytes === undefined ? '' : `${kb(scale.precacheBytes)} in ${scale.precacheFiles}`);
  const leftOutCell = (scale) => (scale.leftOutFiles > 0 ? `${scale.leftOutFiles} files, ${kb(scale.leftOutBytes)}` : 'none');
  printTable('Build time', [
    ...(report.siteBuild
      ? [
          {
            Build: 'Real site, in place (npm run build)',
            Sections: realSections,
            Pages: report.siteBuild.pages,
            Time: seconds(report.siteBuild.ms),
            'SW precache': precacheCell(report.siteBuild),
            'Left to network': leftOutCell(report.siteBuild),
          },
        ]
      : []),
    ...report.buildScale.map((scale) => ({
      Build: `Clean copy + ${scale.generated} generated sections`,
      Sections: scale.sections,
      Pages: scale.pages,
      Time: seconds(scale.ms),
      'SW precache': precacheCell(scale),
      'Left to network': leftOutCell(scale),
    })),
  ]);
  if (report.buildGrowth) {
    const { msPer100Sections, ratio, from, to, precacheBytesPer100Sections, sectionsUntilPrecacheBudget } = report.buildGrowth;
    console.log(
      `\nGrowth: ${seconds(msPer100Sections)} per 100 sections (least squares); ${to} generated sections take ${ratio.toFixed(1)}x the time of ${from}.`,
    );
    if (precacheBytesPer100Sections !== undefined) {
      console.log(`What the service worker would precache grows by ${kb(precacheBytesPer100Sections)} per 100 sections (uncompressed).`);
    }
    if (sectionsUntilPrecacheBudget !== undefined) {
      console.log(
        `At that rate the real site can add about ${sectionsUntilPrecacheBudget} sections before its ${kb(report.siteBuild.precacheBudget)} ` +
          'precache budget is full; past that, the build precaches the most important part and leaves the rest to the network (see "Left to network").',
      );
    }
  }

  for (const { generated, error } of report.buildFailures) {
    // Astro prints the error's message on the lines after its "[ERROR]" line, before the location.
    const lines = error.split('\n');
    const start = Math.max(
      0,
      lines.findIndex((line) => /\[ERROR\]|Error:/.test(line)),
    );
    console.log(`\nThe build with ${generated} generated sections failed:\n${lines.slice(start, start + 4).join('\n')}`);
  }

  printTable(
    'Budgets',
    budgets.map(({ budget, limit, value, pass, page }) => ({
      Budget: budget,
      Limit: limit,
      Measured: value,
      Page: page,
      Result: pass ? 'pass' : 'FAIL',
    })),
  );
  for (const { budget, why } of budgets.filter((entry) => !entry.pass && entry.why?.length)) {
    console.log(`\n${budget} lost points on:\n  ${why.join('\n  ')}`);
  }
}
