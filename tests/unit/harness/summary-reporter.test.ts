import { describe, expect, it } from 'vitest';
import { formatCounts, formatProjectTimes } from '../../harness/summary-reporter.ts';

describe('the summary reporter', () => {
  it.each([
    // CI reads this line: passed and failed always, skipped only when there were some.
    [{ passed: 3, failed: 0, skipped: 0 }, '3 passed, 0 failed'],
    [{ passed: 0, failed: 2, skipped: 0 }, '0 passed, 2 failed'],
    [{ passed: 5, failed: 1, skipped: 4 }, '5 passed, 1 failed, 4 skipped'],
  ])('formats %o as "%s"', (counts, line) => {
    expect(formatCounts(counts)).toBe(line);
  });

  it('lists each project with its files, its wall time and its files added up, slowest first', () => {
    const lines = formatProjectTimes([
      { project: 'unit', files: 30, wallMs: 20_400, fileMs: 31_000 },
      { project: 'deploy', files: 1, wallMs: 19_960, fileMs: 19_900 },
      { project: 'browser', files: 15, wallMs: 90_000, fileMs: 101_250 },
    ]);
    expect(lines.slice(1)).toEqual([
      '  browser  15 files  90.0 s   files add up to 101.3 s',
      '  unit     30 files  20.4 s   files add up to 31.0 s',
      '  deploy    1 file   20.0 s   files add up to 19.9 s',
    ]);
  });
});
