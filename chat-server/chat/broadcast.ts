import type { ChatContext } from './context.ts';
import { waitEstimator } from './estimate.ts';
import { flagViews, queueViews, teamView } from './views.ts';

/** One queue broadcast running and at most one waiting, per pusher. */
const queueBroadcasts = new WeakMap<object, { current: Promise<void> | null; next: Promise<void> | null }>();

/**
 * Pushes every waiting young person their position and estimate, and all staff the queue.
 * Calls that arrive while one runs are folded into a single follow-up run (it reads the queue
 * fresh, so nobody misses a change): a burst of joins costs two broadcasts, not one per join.
 */
export function broadcastQueue(ctx: ChatContext): Promise<void> {
  let state = queueBroadcasts.get(ctx.push);
  if (!state) queueBroadcasts.set(ctx.push, (state = { current: null, next: null }));
  const s = state;
  const start = (): Promise<void> => {
    s.current = sendQueue(ctx).finally(() => {
      s.current = null;
    });
    return s.current;
  };
  if (s.next) return s.next;
  if (!s.current) return start();
  s.next = s.current
    .catch(() => {})
    .then(() => {
      s.next = null;
      return start();
    });
  return s.next;
}

async function sendQueue(ctx: ChatContext): Promise<void> {
  const entries = await ctx.store.listQueue();
  const estimate = await waitEstimator(ctx);
  entries.forEach((entry, index) => {
    ctx.push.youth(entry.sessionKey, 'queue:position', { position: index + 1, waitMinutes: estimate(index + 1) });
  });
  ctx.push.staff('all', 'queue:update', { entries: await queueViews(ctx, entries) });
}

export async function broadcastTeam(ctx: ChatContext): Promise<void> {
  ctx.push.staff('all', 'team:update', { members: await teamView(ctx) });
}

export async function broadcastFlags(ctx: ChatContext): Promise<void> {
  ctx.push.staff('supervisors', 'flags:update', { flags: await flagViews(ctx) });
}
