/**
 * The home-screen icons and colors. One list drives both the build (offline-icon-render.ts draws each
 * PNG from public/favicon.svg) and the manifest (src/pages/manifest.webmanifest.ts lists them), so the
 * two cannot drift apart. Nothing here touches the file system: pages can import it.
 */

/** The one source image every icon is drawn from, in the public folder (served as /favicon.svg too). */
export const ICON_SOURCE = 'favicon.svg';

/**
 * Colors of the installed app, matching the theme-color meta tags of BaseLayout.astro and the
 * `--surface` / `--bg` colors of both themes in global.css.
 */
export const APP_COLORS = {
  light: { theme: '#f3ece2', background: '#fbf8f3' },
  dark: { theme: '#24211e', background: '#191715' },
  /** The favicon's circle color: fills the full-bleed icons, so a mask never shows a seam. */
  iconBackground: '#8f3a12',
} as const;

/** One generated icon. */
export interface IconSpec {
  /** Path in the built site, without the leading slash. */
  file: string;
  /** Width and height in pixels. */
  size: number;
  /**
   * `any`: the favicon as it is, on a transparent background.
   * `maskable`: full bleed; the artwork is shrunk into the safe zone (the central circle of 80%
   * diameter) on the favicon's own color, so any mask shape the platform applies keeps all of it.
   * `apple`: like maskable (iOS rounds the corners itself and would fill transparency with black).
   */
  kind: 'any' | 'maskable' | 'apple';
}

export const ICONS: readonly IconSpec[] = [
  { file: 'icons/icon-192.png', size: 192, kind: 'any' },
  { file: 'icons/icon-512.png', size: 512, kind: 'any' },
  { file: 'icons/icon-maskable-512.png', size: 512, kind: 'maskable' },
  // At the root as well as linked from every page: iOS also asks for this path on its own.
  { file: 'apple-touch-icon.png', size: 180, kind: 'apple' },
];

/** The apple-touch-icon's URL from the site's root, for the layout's link (which adds the base path). */
export const APPLE_TOUCH_ICON_HREF = `/${ICONS.find((icon) => icon.kind === 'apple')!.file}`;

/**
 * Share of the icon's width the artwork takes in full-bleed icons. The favicon's outermost white
 * stroke ends about 0.43 of its width from the center, so at 80% it stays within 0.35: inside the
 * 0.4 radius of the maskable safe zone.
 */
export const FULL_BLEED_ARTWORK_SCALE = 0.8;

/** The manifest's `icons` member, with URLs from the site's root (the manifest adds the base path). */
export function manifestIcons(): Array<{ src: string; sizes: string; type: string; purpose?: string }> {
  return [
    { src: '/favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
    ...ICONS.filter((icon) => icon.kind !== 'apple').map((icon) => ({
      src: `/${icon.file}`,
      sizes: `${icon.size}x${icon.size}`,
      type: 'image/png',
      purpose: icon.kind,
    })),
  ];
}
