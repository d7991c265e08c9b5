import type { ChatContext } from './context.ts';

/** Throughput is measured over this window. */
const THROUGHPUT_WINDOW_MS = 30 * 60_000;

/**
 * Honest waiting estimates. Someone who fits in a free counsellor slot waits about a minute.
 * Beyond that: the people ahead of them divided by how many conversations the team started per
 * minute in the last half hour; with fewer than 3 answers measured, by the team's slots and an
 * assumed conversation length. No counsellor available: no estimate (`null`), rather than a made-up one.
 */
export async function waitEstimator(ctx: ChatContext): Promise<(position: number) => number | null> {
  const now = ctx.now();
  const available = (await ctx.store.listPresence()).filter((p) => p.online && p.available);
  const slots = available.reduce((sum, p) => sum + p.maxConversations, 0);
  if (slots === 0) return () => null;
  const free = available.reduce((sum, p) => sum + Math.max(0, p.maxConversations - p.conversationIds.length), 0);
  const answers = await ctx.store.answersSince(now - THROUGHPUT_WINDOW_MS);
  const measuredPerMinute = answers.length / (THROUGHPUT_WINDOW_MS / 60_000);
  const assumedPerMinute = slots / ctx.config.assumedConversationMinutes;
  // A quiet half hour measures demand, not capacity: never go below half the nominal capacity.
  const perMinute = answers.length >= 3 ? Math.max(measuredPerMinute, assumedPerMinute / 2) : assumedPerMinute;
  return (position) => (position <= free ? 1 : Math.max(1, Math.ceil((position - free) / perMinute)));
}
