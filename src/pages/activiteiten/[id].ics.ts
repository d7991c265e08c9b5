import type { APIRoute, GetStaticPaths } from 'astro';
import { site } from '../../../shared/config/site.ts';
import { t } from '../../../shared/i18n/nl.ts';
import { activityEvents, type Activity } from '../../lib/activity-catalogue.ts';
import { loadActivities } from '../../lib/activity-collection.ts';
import { buildCalendar } from '../../lib/ics.ts';

/** "Toevoegen aan je agenda": the sessions of one activity still ahead at build time, as iCalendar. */
export const getStaticPaths = (async () => {
  const activities = await loadActivities(Date.now());
  return activities.map((activity) => ({ params: { id: activity.id }, props: { activity } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { activity } = props as { activity: Activity };
  const body = buildCalendar(activity.data.title, activityEvents(activity, site.siteUrl, Date.now(), t('act.online')));
  return new Response(body, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
};
