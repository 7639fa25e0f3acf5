/**
 * Draws the PNG icons listed in offline-icons.ts from the one SVG, with sharp (already installed with
 * Astro for images). Build-time only; sharp is loaded when the first icon is drawn.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { APP_COLORS, FULL_BLEED_ARTWORK_SCALE, ICONS, type IconSpec } from './icons';

/** The source SVG's own width in user units (from its viewBox). */
function svgWidth(svg: Buffer): number {
  const viewBox = /viewBox="([^"]+)"/.exec(svg.toString('utf8'))?.[1];
  const width = Number(viewBox?.trim().split(/[\s,]+/)[2]);
  if (!(width > 0)) throw new Error('The icon source needs a viewBox (min-x min-y width height).');
  return width;
}

/** Renders one icon as a PNG. */
export async function renderIcon(svg: Buffer, icon: IconSpec): Promise<Buffer> {
  // Node's own require: Astro's config module runner has closed by the time build hooks run.
  const sharp = createRequire(import.meta.url)('sharp') as typeof import('sharp').default;
  // Rasterize at the final size (no upscaling of a small bitmap): density is dots per inch at 72 per unit.
  const draw = (size: number) =>
    sharp(svg, { density: (72 * size) / svgWidth(svg) })
      .resize(size, size)
      .png()
      .toBuffer();
  // Palette PNGs: the icon has few colors, so this keeps each file a few kilobytes.
  const output = { palette: true, compressionLevel: 9 } as const;
  if (icon.kind === 'any') return sharp(await draw(icon.size)).png(output).toBuffer();
  const artwork = await draw(Math.round(icon.size * FULL_BLEED_ARTWORK_SCALE));
  return sharp({ create: { width: icon.size, height: icon.size, channels: 4, background: APP_COLORS.iconBackground } })
    .composite([{ input: artwork, gravity: 'center' }])
    .flatten({ background: APP_COLORS.iconBackground })
    .png(output)
    .toBuffer();
}

/** Renders every icon from `sourceFile` into `siteDir`; returns the files written (relative paths). */
export async function writeIcons(sourceFile: string, siteDir: string): Promise<string[]> {
  const svg = await readFile(sourceFile);
  await Promise.all(
    ICONS.map(async (icon) => {
      const target = join(siteDir, icon.file);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, await renderIcon(svg, icon));
    }),
  );
  return ICONS.map((icon) => icon.file);
}
