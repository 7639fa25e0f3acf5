import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderIcon } from '../../../src/features/offline/icon-render';
import { APP_COLORS, ICONS, ICON_SOURCE, manifestIcons, type IconSpec } from '../../../src/features/offline/icons';

const sharp = createRequire(import.meta.url)('sharp') as typeof import('sharp').default;
const svg = readFileSync(join(fileURLToPath(new URL('../../../public/', import.meta.url)), ICON_SOURCE));

interface Pixels {
  size: number;
  /** RGBA at (x, y). */
  at(x: number, y: number): [number, number, number, number];
}

async function draw(icon: IconSpec): Promise<{ png: Buffer; pixels: Pixels }> {
  const png = await renderIcon(svg, icon);
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const at = (x: number, y: number) => {
    const offset = (y * info.width + x) * 4;
    return [data[offset]!, data[offset + 1]!, data[offset + 2]!, data[offset + 3]!] as [number, number, number, number];
  };
  return { png, pixels: { size: info.width, at } };
}

const hex = (rgb: readonly number[]) => `#${rgb.map((channel) => channel.toString(16).padStart(2, '0')).join('')}`;

describe('the app icons', () => {
  const drawn = new Map<string, { png: Buffer; pixels: Pixels }>();
  beforeAll(async () => {
    for (const icon of ICONS) drawn.set(icon.file, await draw(icon));
  });

  it('come in 192, 512, maskable 512 and a 180 apple-touch-icon, each a small PNG of its size', async () => {
    expect(ICONS.map((icon) => `${icon.kind} ${icon.size}`)).toEqual(['any 192', 'any 512', 'maskable 512', 'apple 180']);
    for (const icon of ICONS) {
      const { png } = drawn.get(icon.file)!;
      const meta = await sharp(png).metadata();
      expect([meta.format, meta.width, meta.height], icon.file).toEqual(['png', icon.size, icon.size]);
      expect(png.byteLength, icon.file).toBeLessThan(16 * 1024);
    }
  });

  it('"any" icons keep the favicon as it is: a round badge on a transparent square', () => {
    for (const icon of ICONS.filter((candidate) => candidate.kind === 'any')) {
      const { pixels } = drawn.get(icon.file)!;
      expect(pixels.at(0, 0)[3], icon.file).toBe(0);
      expect(hex(pixels.at(pixels.size / 2, Math.round(pixels.size * 0.06)).slice(0, 3))).toBe(APP_COLORS.iconBackground);
    }
  });

  it('full-bleed icons are opaque to the corners, with all the artwork inside the maskable safe zone', () => {
    for (const icon of ICONS.filter((candidate) => candidate.kind !== 'any')) {
      const { pixels } = drawn.get(icon.file)!;
      const { size } = pixels;
      const center = size / 2;
      const outside: string[] = [];
      let seeThrough = 0;
      for (let y = 0; y < size; y += 1) {
        for (let x = 0; x < size; x += 1) {
          const [r, g, b, alpha] = pixels.at(x, y);
          if (alpha !== 255) seeThrough += 1;
          // The artwork is white on the background color; the safe zone is a circle of radius 0.4 × size.
          const isArtwork = r > 200 && g > 200 && b > 200;
          if (isArtwork && Math.hypot(x + 0.5 - center, y + 0.5 - center) > 0.4 * size) outside.push(`${x},${y}`);
        }
      }
      expect(seeThrough, `${icon.file}: pixels that are not opaque`).toBe(0);
      expect(outside, `${icon.file}: artwork outside the safe zone`).toEqual([]);
      expect(hex(pixels.at(0, 0).slice(0, 3)), icon.file).toBe(APP_COLORS.iconBackground);
    }
  });

  it('are listed in the manifest, the maskable one with its purpose; the apple-touch-icon is not', () => {
    const listed = manifestIcons();
    expect(listed.map((icon) => `${icon.src} ${icon.sizes} ${icon.purpose}`)).toEqual([
      '/favicon.svg any any',
      '/icons/icon-192.png 192x192 any',
      '/icons/icon-512.png 512x512 any',
      '/icons/icon-maskable-512.png 512x512 maskable',
    ]);
  });
});
