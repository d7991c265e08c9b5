/**
 * The activities of the content collection with organiser and place looked up on the sociale kaart.
 * Astro-only (it reads the collections); the logic lives in the pure `activity-catalogue.ts`.
 */
import { getCollection } from 'astro:content';
import { resolveActivities, type Activity } from './activity-catalogue.ts';
import { nextStartMs } from './activities.ts';

let cached: Promise<Activity[]> | undefined;

/** All activities, soonest first (ongoing groups after dated ones), past ones included. */
export function loadActivities(now: number): Promise<Activity[]> {
  cached ??= (async () => {
    const [entries, organisations] = await Promise.all([getCollection('activiteiten'), getCollection('organisaties')]);
    return resolveActivities(entries, organisations);
  })();
  return cached.then((all) => [...all].sort((a, b) => nextStartMs(a, now) - nextStartMs(b, now) || a.data.title.localeCompare(b.data.title, 'nl')));
}
