import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { THEME_KEY as toggleKey } from '../../../src/features/theme/theme';
import { THEME_KEY as storedKey } from '../../../src/features/theme/theme-choice';

describe('the theme key', () => {
  it('is spelled the same by the toggle, the backup and the script that runs before first paint', () => {
    expect(toggleKey).toBe(storedKey);
    const init = readFileSync(new URL('../../../src/features/theme/theme-init.js', import.meta.url), 'utf8');
    expect(init).toContain(`localStorage.getItem('${storedKey}')`);
  });
});
