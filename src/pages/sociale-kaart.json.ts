import { getCollection } from 'astro:content';
import type { APIRoute } from 'astro';
import { site } from '../../shared/config/site.ts';
import { toHsdsList } from '../lib/hsds-export.ts';

/** The sociale kaart as a list of Open Referral HSDS 3.0 organizations (see README, "Open data"). */
export const GET: APIRoute = async () => {
  const organizations = toHsdsList(await getCollection('organisaties'), { siteUrl: site.siteUrl, chat: site.chat });
  return new Response(JSON.stringify(organizations, null, 2), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
