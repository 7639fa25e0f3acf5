import type { APIRoute } from 'astro';
import { withBase } from '../kit/paths';

/** Lets every crawler in and points it to the sitemap. */
export const GET: APIRoute = ({ site }) => {
  const sitemap = new URL(withBase('/sitemap-index.xml'), site).href;
  return new Response(`User-agent: *\nAllow: ${withBase('/')}\n\nSitemap: ${sitemap}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
};
