import type { APIRoute, GetStaticPaths } from 'astro';
import { site } from '../../../../shared/config/site.ts';
import { AUDIENCES, TOPICS } from '../../../../shared/taxonomy.ts';
import { t } from '../../../../shared/i18n/nl.ts';
import { EMPTY_ACTIVITY_FILTERS, feedUrl, passesActivityFilters } from '../../../lib/activities.ts';
import { activityEvents } from '../../../lib/activity-catalogue.ts';
import { loadActivities } from '../../../lib/activity-collection.ts';
import { buildCalendar } from '../../../lib/ics.ts';

/**
 * Calendar feeds a gemeente site, a library or a parent can subscribe to: one per audience × topic
 * ("alle" for either), the same selections as the filters on /activiteiten/.
 */
export const getStaticPaths = (() =>
  ['', ...AUDIENCES].flatMap((doelgroep) =>
    ['', ...TOPICS].map((onderwerp) => ({
      params: { feed: feedUrl({ doelgroep, onderwerp }).replace(/^.*\/|\.ics$/g, '') },
      props: { doelgroep, onderwerp },
    })),
  )) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { doelgroep, onderwerp } = props as { doelgroep: string; onderwerp: string };
  const now = Date.now();
  const filters = { ...EMPTY_ACTIVITY_FILTERS, doelgroep, onderwerp };
  const events = (await loadActivities(now))
    .filter((a) => passesActivityFilters(a.facts, filters, now))
    .flatMap((a) => activityEvents(a, site.siteUrl, now, t('act.online')));
  const body = buildCalendar(t('act.calendarName', { cjg: site.cjgName }), events);
  return new Response(body, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
};
