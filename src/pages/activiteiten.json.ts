import type { APIRoute } from 'astro';
import { site } from '../../shared/config/site.ts';
import { isUpcoming } from '../lib/activities.ts';
import { activityRecord } from '../lib/activity-catalogue.ts';
import { loadActivities } from '../lib/activity-collection.ts';

/** Courses, groups and meetings still ahead, as open data (fields in the README, "Open data: activiteiten"). */
export const GET: APIRoute = async () => {
  const now = Date.now();
  const records = (await loadActivities(now)).filter((a) => isUpcoming(a.facts, now)).map((a) => activityRecord(a, site.siteUrl, now));
  return new Response(JSON.stringify(records, null, 2), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
