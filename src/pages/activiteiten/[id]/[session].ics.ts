import type { APIRoute, GetStaticPaths } from 'astro';
import { site } from '../../../../shared/config/site.ts';
import { t } from '../../../../shared/i18n/nl.ts';
import { upcomingSessions } from '../../../lib/activities.ts';
import { isStandalone, sessionEvents, sessionFileKey, type Activity } from '../../../lib/activity-catalogue.ts';
import { loadActivities } from '../../../lib/activity-collection.ts';
import { buildCalendar } from '../../../lib/ics.ts';

/**
 * One date of a meeting given on several dates (`format: losse-bijeenkomsten`): a calendar file with only
 * that date, for "Zet in je agenda" next to each date. A course keeps one file with all its sessions.
 */
export const getStaticPaths = (async () => {
  const now = Date.now();
  return (await loadActivities(now))
    .filter(isStandalone)
    .flatMap((activity) =>
      upcomingSessions(activity.sessions, now).map((s) => ({ params: { id: activity.id, session: sessionFileKey(s) }, props: { activity } })),
    );
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, params }) => {
  const { activity } = props as { activity: Activity };
  const body = buildCalendar(activity.data.title, sessionEvents(activity, params.session ?? '', site.siteUrl, t('act.online')));
  return new Response(body, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
};
