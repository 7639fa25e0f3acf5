import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const SYSTEM_CHROMIUMS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

// Background networking, component updates and sync would otherwise call hosts that are unreachable
// here and slow every launch; the GPU is unavailable in CI containers.
/** The project's Chromium flags, besides the headless mode. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The Chromium to drive: CHROME_PATH, a system install, or the npm-packaged build as a last resort. */
export async function chromiumExecutable(): Promise<string> {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) return fromEnv;
  const system = SYSTEM_CHROMIUMS.find((path) => existsSync(path));
  if (system) return system;
  // Only the binary is taken from this package: its recommended flags include --single-process and
  // --disable-web-security, which would hide exactly the CSP and isolation problems the tests look for.
  const { default: packaged } = await import('@sparticuz/chromium');
  return packaged.executablePath();
}

/** Launches headless Chromium with the project's flags. */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: await chromiumExecutable(), headless: true, args: ['--headless', ...CHROMIUM_FLAGS] });
}
