import type { APIRoute } from 'astro';
import { SITE_DESCRIPTION, SITE_NAME } from '../site';

/** The web app manifest, so the guide can be added to a home screen. */
export const GET: APIRoute = () =>
  new Response(
    JSON.stringify({
      name: `${SITE_NAME}: a gentle guide after a breakup`,
      short_name: SITE_NAME,
      description: SITE_DESCRIPTION,
      lang: 'en',
      start_url: '/',
      scope: '/',
      display: 'standalone',
      background_color: '#fbf8f3',
      theme_color: '#f3ece2',
      icons: [{ src: '/favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
    }),
    { headers: { 'Content-Type': 'application/manifest+json' } },
  );
