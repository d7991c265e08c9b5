import type { ChatContext } from './context.ts';
import { waitEstimator } from './estimate.ts';
import { flagViews, queueViews, teamView } from './views.ts';

/** Pushes every waiting young person their position and estimate, and all staff the queue. */
export async function broadcastQueue(ctx: ChatContext): Promise<void> {
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
