// Lighthouse for the benchmark (the pinned version, mobile defaults), driving its own Chromium over a
// DevTools port: scores for the four categories, the main timings, and what cost points.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import { CHROMIUM_FLAGS, chromiumExecutable } from '../harness/chromium.ts';
import { median } from './bench-shared.mjs';

/** The categories scored, in the order the tables show them. */
export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

/** Starts Chromium with a DevTools port for Lighthouse; resolves with the port and a stop function. */
export async function launchForLighthouse() {
  const profile = mkdtempSync(join(tmpdir(), 'letting-go-lighthouse-'));
  const args = ['--headless=new', ...CHROMIUM_FLAGS, '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'];
  const chrome = spawn(await chromiumExecutable(), args, { stdio: ['ignore', 'ignore', 'pipe'] });
  const port = await new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`Chromium gave no DevTools port:\n${output}`)), 30_000);
    chrome.stderr.on('data', (chunk) => {
      output += chunk;
      const match = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    chrome.once('exit', (code) => reject(new Error(`Chromium exited (${code}):\n${output}`)));
  });
  const stopChrome = async () => {
    if (chrome.exitCode === null) {
      const exited = new Promise((resolve) => chrome.once('exit', resolve));
      chrome.kill();
      await exited;
    }
    rmSync(profile, { recursive: true, force: true });
  };
  return { port, stop: stopChrome };
}

/** The audits that cost a category points: weighted, and scored below 1. */
function lostPoints(lhr, category) {
  return lhr.categories[category].auditRefs
    .filter((ref) => ref.weight > 0 && lhr.audits[ref.id].score !== null && lhr.audits[ref.id].score < 1)
    .map((ref) => {
      const audit = lhr.audits[ref.id];
      return `${ref.id} (score ${audit.score}${audit.displayValue ? `, ${audit.displayValue}` : ''})`;
    });
}

/** Runs Lighthouse on a URL `count` times; keeps the run with the median performance score. */
export async function runLighthouse(port, url, count) {
  const runs = [];
  for (let attempt = 0; attempt < count; attempt += 1) {
    const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES });
    const { lhr } = result;
    if (lhr.runtimeError) throw new Error(`Lighthouse failed on ${url}: ${lhr.runtimeError.message}`);
    runs.push({
      url,
      scores: Object.fromEntries(CATEGORIES.map((category) => [category, Math.round(lhr.categories[category].score * 100)])),
      metrics: {
        lcp: lhr.audits['largest-contentful-paint'].numericValue,
        tbt: lhr.audits['total-blocking-time'].numericValue,
        fcp: lhr.audits['first-contentful-paint'].numericValue,
        cls: lhr.audits['cumulative-layout-shift'].numericValue,
        si: lhr.audits['speed-index'].numericValue,
      },
      lostPoints: Object.fromEntries(CATEGORIES.map((category) => [category, lostPoints(lhr, category)])),
      // What moved, when anything did: the usual cause of a performance score just under 100.
      layoutShifts: (lhr.audits['layout-shifts']?.details?.items ?? []).map((item) => ({
        score: item.score,
        selector: item.node?.selector,
        snippet: item.node?.snippet?.slice(0, 160),
      })),
      warnings: lhr.runWarnings,
      lighthouseVersion: lhr.lighthouseVersion,
      userAgent: lhr.environment.hostUserAgent,
    });
  }
  const performances = runs.map((entry) => entry.scores.performance);
  const middle = median(performances);
  return { ...runs.find((entry) => entry.scores.performance === middle), performanceRuns: performances };
}
