import type { APIRoute } from 'astro';
import { withBase } from '../kit/paths';
import { ASSETS, href } from '../routes';

/** Lets every crawler in and points it to the sitemap. */
export const GET: APIRoute = ({ site }) => {
  const sitemap = new URL(withBase(ASSETS.sitemap), site).href;
  return new Response(`User-agent: *\nAllow: ${href('home')}\n\nSitemap: ${sitemap}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
};
