import { describe, it } from 'vitest';
import { listPages } from '../harness/dist.ts';
import { checkHtml, formatNuMessage, hasJava } from '../harness/nu-checker.ts';
import { expectNoProblems } from '../harness/problems.ts';

describe('HTML validity', () => {
  it('the W3C Nu HTML checker reports no errors on any page', (context) => {
    if (!hasJava()) {
      context.skip('java is not on PATH, so the Nu HTML checker (a Java program) cannot run');
    }
    // One checker run over all pages: the JVM start-up dominates the cost.
    const messages = checkHtml(listPages().map((page) => page.file));
    const found = messages.map(formatNuMessage);
    expectNoProblems(found);
  });
});
