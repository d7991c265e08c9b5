import type { APIRoute } from 'astro';
import { site } from '../../shared/config/site.ts';

/** Staff pages stay out of search engines; the sitemap URL follows the configured site address. */
export const GET: APIRoute = () =>
  new Response(`User-agent: *\nDisallow: /medewerkers/\n\nSitemap: ${new URL('/sitemap-index.xml', site.siteUrl).href}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
