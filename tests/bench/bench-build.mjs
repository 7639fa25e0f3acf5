// Build timing for the benchmark: the real site in place, and clean copies of the project with generated
// guide sections added, to show how the build grows.
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildProject, copyProject, projectRoot } from '../harness/project-copy.ts';
import { makeVocabulary, mulberry32, sentence } from './bench-shared.mjs';

/** Runs `astro build` in a folder; returns the time, the page count and what the service worker precaches. */
export async function timedBuild(dir) {
  const { failed, output, ms } = await buildProject(dir);
  if (failed) throw new Error(`astro build failed in ${dir}:\n${output.slice(-3000)}`);
  const pages = Number(/(\d+) page\(s\) built/.exec(output)?.[1] ?? NaN);
  // The offline integration logs what the service worker precaches, and its budget.
  const precache = /precaches (\d+) files, (\d+) bytes .*?budget (\d+) bytes/.exec(output);
  const leftOut = /left (\d+) files, (\d+) bytes, to the network/.exec(output);
  return {
    ms,
    pages,
    ...(precache && { precacheFiles: Number(precache[1]), precacheBytes: Number(precache[2]), precacheBudget: Number(precache[3]) }),
    leftOutFiles: Number(leftOut?.[1] ?? 0),
    leftOutBytes: Number(leftOut?.[2] ?? 0),
  };
}

/** Generated sentences, at least `min` and at most `max` characters long (frontmatter limits). */
function textBetween(random, vocabulary, min, max) {
  let text = sentence(random, vocabulary);
  while (text.length < min) text += ` ${sentence(random, vocabulary)}`;
  return text.length <= max ? text : `${text.slice(0, max - 1).replace(/\s+\S*$/, '')}.`;
}

/**
 * One generated guide section, shaped like the real ones: about 650 words (the content rules allow 400 to 900)
 * under four headings.
 */
function makeSection(random, vocabulary, index, order, topics) {
  const words = (count) => Array.from({ length: count }, () => vocabulary.pick()).join(' ');
  const paragraph = () => Array.from({ length: 4 + Math.floor(random() * 3) }, () => sentence(random, vocabulary)).join(' ');
  const sectionTopics = [...new Set([topics[index % topics.length], topics[(index * 7 + 3) % topics.length]])];
  const body = [paragraph(), paragraph()];
  for (let heading = 0; heading < 4; heading += 1) {
    body.push(`## ${words(3)} ${heading + 1}`, paragraph(), paragraph());
  }
  const frontmatter = [
    `title: Generated section ${index + 1}`,
    `description: ${textBetween(random, vocabulary, 80, 150)}`,
    `summary: ${textBetween(random, vocabulary, 20, 120)}`,
    `order: ${order}`,
    `topics: [${sectionTopics.join(', ')}]`,
    'keyIdeas:',
    ...Array.from({ length: 3 }, () => `  - ${textBetween(random, vocabulary, 20, 200)}`),
    'tryThis:',
    `  title: ${words(3)}`,
    `  intro: ${textBetween(random, vocabulary, 20, 300)}`,
    '  steps:',
    ...Array.from({ length: 3 }, () => `    - ${textBetween(random, vocabulary, 10, 200)}`),
  ];
  return `---\n${frontmatter.join('\n')}\n---\n\n${body.join('\n\n')}\n`;
}

/** How many guide sections the project has. */
export function realSectionCount() {
  return readdirSync(join(projectRoot, 'content', 'guide')).filter((name) => name.endsWith('.mdx')).length;
}

/** Builds a clean copy of the project with `count` generated sections added to the real ones. */
export async function benchBuildScale(count) {
  const dir = copyProject('bench');
  try {
    const guideDir = join(dir, 'content', 'guide');
    const realOrders = readdirSync(guideDir)
      .filter((name) => name.endsWith('.mdx'))
      .map((name) => Number(/^order:\s*(\d+)\s*$/m.exec(readFileSync(join(guideDir, name), 'utf8'))?.[1] ?? 0));
    const topics = readdirSync(join(dir, 'content', 'topics'))
      .filter((name) => name.endsWith('.yaml'))
      .map((name) => name.replace(/\.yaml$/, ''))
      .sort();
    const random = mulberry32(count + 1);
    const vocabulary = makeVocabulary(random, 20_000);
    const firstOrder = Math.max(0, ...realOrders) + 1;
    for (let index = 0; index < count; index += 1) {
      const slug = `generated-section-${String(index + 1).padStart(4, '0')}`;
      writeFileSync(join(guideDir, `${slug}.mdx`), makeSection(random, vocabulary, index, firstOrder + index, topics));
    }
    const result = await timedBuild(dir);
    return { generated: count, sections: realOrders.length + count, ...result };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Least-squares slope of y over x. */
function slope(points) {
  const n = points.length;
  const meanX = points.reduce((sum, [x]) => sum + x, 0) / n;
  const meanY = points.reduce((sum, [, y]) => sum + y, 0) / n;
  const covariance = points.reduce((sum, [x, y]) => sum + (x - meanX) * (y - meanY), 0);
  const variance = points.reduce((sum, [x]) => sum + (x - meanX) ** 2, 0);
  return variance === 0 ? NaN : covariance / variance;
}

/**
 * How build time, and what the service worker would precache, grow with the section count, from two or
 * more scaled builds; with the real site's build, how many sections it can add before the precache
 * budget starts leaving pages to the network.
 */
export function buildGrowth(scales, siteBuild) {
  if (scales.length < 2) return undefined;
  const first = scales[0];
  const last = scales.at(-1);
  const growth = {
    msPer100Sections: slope(scales.map((scale) => [scale.generated, scale.ms])) * 100,
    ratio: last.ms / first.ms,
    from: first.generated,
    to: last.generated,
  };
  const withPrecache = scales.filter((scale) => scale.precacheBytes !== undefined);
  if (withPrecache.length < 2) return growth;
  const bytesPerSection = slope(withPrecache.map((scale) => [scale.generated, scale.precacheBytes + scale.leftOutBytes]));
  growth.precacheBytesPer100Sections = bytesPerSection * 100;
  if (siteBuild?.precacheBudget && siteBuild.precacheBytes !== undefined) {
    growth.sectionsUntilPrecacheBudget = Math.floor((siteBuild.precacheBudget - siteBuild.precacheBytes) / bytesPerSection);
  }
  return growth;
}
