import type { ChatContext } from './context.ts';
import { waitEstimator } from './estimate.ts';
import { flagViews, queueViews, teamView } from './views.ts';

/**
 * Queue broadcasts start at most this often. A broadcast sends every counsellor the whole queue;
 * with hundreds waiting and people joining every few milliseconds, one per change made filling the
 * queue quadratic. A fifth of a second is not noticeable to anyone waiting or watching the queue.
 */
const QUEUE_BROADCAST_MIN_INTERVAL_MS = 200;

interface BroadcastState {
  current: Promise<void> | null;
  next: Promise<void> | null;
  lastStart: number;
}

/** One queue broadcast running and at most one waiting, per pusher. */
const queueBroadcasts = new WeakMap<object, BroadcastState>();

/**
 * Pushes every waiting young person their position and estimate, and all staff the queue.
 * Calls that arrive while one runs, or within the minimum interval after one started, are folded
 * into a single follow-up run (it reads the queue fresh, so nobody misses a change).
 */
export function broadcastQueue(ctx: ChatContext): Promise<void> {
  let state = queueBroadcasts.get(ctx.push);
  if (!state) queueBroadcasts.set(ctx.push, (state = { current: null, next: null, lastStart: -Infinity }));
  const s = state;
  const start = (): Promise<void> => {
    s.lastStart = performance.now();
    s.current = sendQueue(ctx).finally(() => {
      s.current = null;
    });
    return s.current;
  };
  if (s.next) return s.next;
  const sinceLast = performance.now() - s.lastStart;
  if (!s.current && sinceLast >= QUEUE_BROADCAST_MIN_INTERVAL_MS) return start();
  s.next = (s.current ?? Promise.resolve())
    .catch(() => {})
    .then(() => new Promise((resolve) => setTimeout(resolve, Math.max(0, s.lastStart + QUEUE_BROADCAST_MIN_INTERVAL_MS - performance.now()))))
    .then(() => {
      s.next = null;
      return start();
    });
  return s.next;
}

/**
 * What each waiting young person was last pushed, per node (a node has one store object). A join
 * at the back moves nobody, so it should not cost a push to everyone ahead: with 2,000 waiting,
 * pushing every position on every change made filling the queue quadratic. The entry id is part
 * of the value, so a new turn in the queue (a requeued conversation) is always pushed; a
 * reconnect or an acknowledgement forgets the value, because the client then heard its place
 * another way (see forgetSentPosition).
 */
const sentPositions = new WeakMap<object, Map<string, string>>();

function sentOn(ctx: ChatContext): Map<string, string> {
  let sent = sentPositions.get(ctx.store);
  if (!sent) {
    sent = new Map<string, string>();
    sentPositions.set(ctx.store, sent);
  }
  return sent;
}

/** Call right before the young person's socket hears its place other than by a position push. */
export function forgetSentPosition(ctx: ChatContext, sessionKey: string): void {
  sentPositions.get(ctx.store)?.delete(sessionKey);
}

async function sendQueue(ctx: ChatContext): Promise<void> {
  const entries = await ctx.store.listQueue();
  const estimate = await waitEstimator(ctx);
  const sent = sentOn(ctx);
  const waiting = new Set<string>();
  entries.forEach((entry, index) => {
    waiting.add(entry.sessionKey);
    const place = { position: index + 1, waitMinutes: estimate(index + 1) };
    const value = `${entry.entryId}:${place.position}:${place.waitMinutes}`;
    if (sent.get(entry.sessionKey) === value) return;
    sent.set(entry.sessionKey, value);
    ctx.push.youth(entry.sessionKey, 'queue:position', place);
  });
  for (const sessionKey of sent.keys()) if (!waiting.has(sessionKey)) sent.delete(sessionKey);
  ctx.push.staff('all', 'queue:update', { entries: await queueViews(ctx, entries) });
}

export async function broadcastTeam(ctx: ChatContext): Promise<void> {
  ctx.push.staff('all', 'team:update', { members: await teamView(ctx) });
}

export async function broadcastFlags(ctx: ChatContext): Promise<void> {
  ctx.push.staff('supervisors', 'flags:update', { flags: await flagViews(ctx) });
}
