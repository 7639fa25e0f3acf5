import type { APIRoute } from 'astro';
import { APP_COLORS, manifestIcons } from '../features/offline/icons';
import { SITE_DESCRIPTION, SITE_NAME } from '../site';
import { withBase } from '../kit/paths';
import { href } from '../routes';

/**
 * The web app manifest, so the guide can be added to a home screen. The PNG icons are drawn at build
 * time from /favicon.svg (src/features/offline/offline-integration.ts); the colors follow the light theme, with the dark
 * theme's in `color_scheme_dark` for browsers that read it (others keep the light ones).
 */
export const GET: APIRoute = () =>
  new Response(
    JSON.stringify({
      id: href('home'),
      name: `${SITE_NAME}: a gentle guide after a breakup`,
      short_name: SITE_NAME,
      description: SITE_DESCRIPTION,
      lang: 'en',
      dir: 'ltr',
      start_url: href('home'),
      scope: href('home'),
      display: 'standalone',
      background_color: APP_COLORS.light.background,
      theme_color: APP_COLORS.light.theme,
      color_scheme_dark: { background_color: APP_COLORS.dark.background, theme_color: APP_COLORS.dark.theme },
      icons: manifestIcons().map((icon) => ({ ...icon, src: withBase(icon.src) })),
      shortcuts: [
        { name: 'Self-check quizzes', url: href('quizzes') },
        { name: 'My results', url: href('myResults') },
        { name: 'If you are struggling', url: href('help') },
      ],
    }),
    { headers: { 'Content-Type': 'application/manifest+json' } },
  );
