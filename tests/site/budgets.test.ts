import { describe, expect, it } from 'vitest';
import { PAGE_TYPES, findPageType } from '../../src/routes.ts';
import { BUDGETS } from '../harness/budgets.ts';
import { distDir, listPages } from '../harness/dist.ts';
import { pageWeight, staticImports, type PageWeight } from '../harness/page-weight.ts';

// Byte budgets of a first visit, from the built files alone (gzip level 9, as hosts precompress).
// `npm run bench` measures the same pages in Chromium and adds Lighthouse; these are the parts that
// are deterministic enough to fail a build on. Which page is which type comes from src/routes.ts.

const paths = listPages().map((page) => page.path);

function pathsOf(typeId: string): string[] {
  if (!PAGE_TYPES.some((type) => type.id === typeId)) throw new Error(`No page type ${typeId}`);
  return paths.filter((path) => findPageType(path)?.id === typeId);
}

/** One line per file, for a failure message that says where the bytes went. */
function breakdown(weight: PageWeight): string {
  const files = weight.files.map((file) => `${file.path} (${file.kind}) ${file.bytes} B`);
  return [...files, `inline scripts ${weight.inlineScript} B`].join('; ');
}

const sections = pathsOf('section');
const quizzes = pathsOf('quiz');
const tools = [...pathsOf('right-now'), ...pathsOf('my-notes')];
const myResults = pathsOf('my-results');

describe('first-visit budgets (gzip)', () => {
  it('every page type has at least one built page', () => {
    expect(PAGE_TYPES.filter((type) => pathsOf(type.id).length === 0).map((type) => type.id)).toEqual([]);
  });

  it.each(sections)(`guide section %s: at most ${BUDGETS.sectionTotal / 1024} KB in total`, (path) => {
    const weight = pageWeight(distDir, path);
    expect(weight.total, breakdown(weight)).toBeLessThanOrEqual(BUDGETS.sectionTotal);
  });

  it.each(sections)(`guide section %s: at most ${BUDGETS.sectionScript / 1024} KB of JavaScript`, (path) => {
    const weight = pageWeight(distDir, path);
    expect(weight.script, breakdown(weight)).toBeLessThanOrEqual(BUDGETS.sectionScript);
  });

  it.each(quizzes)(`quiz %s: at most ${BUDGETS.quizScript / 1024} KB of JavaScript, inline and files`, (path) => {
    const weight = pageWeight(distDir, path);
    expect(weight.script, breakdown(weight)).toBeLessThanOrEqual(BUDGETS.quizScript);
  });

  it.each(tools)(`tool page %s: at most ${BUDGETS.toolScript / 1024} KB of JavaScript, inline and files`, (path) => {
    const weight = pageWeight(distDir, path);
    expect(weight.script, breakdown(weight)).toBeLessThanOrEqual(BUDGETS.toolScript);
    // The tool's island arrives with the page.
    expect(weight.scriptFiles).toBeGreaterThan(0);
  });

  it.each(myResults)(`My results %s: at most ${BUDGETS.myResultsScript / 1024} KB of JavaScript, inline and files`, (path) => {
    const weight = pageWeight(distDir, path);
    expect(weight.script, breakdown(weight)).toBeLessThanOrEqual(BUDGETS.myResultsScript);
  });
});

describe('how the weight is worked out', () => {
  it('counts the page, its stylesheets and the modules its scripts import, but not on-demand imports', () => {
    const weight = pageWeight(distDir, quizzes[0]!);
    expect(weight.files.map((file) => file.kind)).toEqual(expect.arrayContaining(['html', 'css', 'script']));
    expect(weight.total).toBe(weight.files.reduce((sum, file) => sum + file.bytes, 0));
    expect(weight.script).toBe(weight.scriptFiles + weight.inlineScript);
  });

  it('finds static imports in minified modules and skips dynamic ones', () => {
    const code = 'import{a as b}from"./one.js";import"./two.js";export{c}from"./three.js";const d=()=>import("./later.js");x.import("no")';
    expect(staticImports(code)).toEqual(['./one.js', './two.js', './three.js']);
  });
});
