import { getCollection } from 'astro:content';
import type { APIRoute } from 'astro';
import { site } from '../../shared/config/site.ts';
import { toCsv, toHsdsList } from '../lib/hsds-export.ts';

/** The sociale kaart as CSV, one row per service, from the same mapping as the JSON export. */
export const GET: APIRoute = async () => {
  const organizations = toHsdsList(await getCollection('organisaties'), { siteUrl: site.siteUrl, chat: site.chat });
  return new Response(toCsv(organizations), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
};
