import type { ChatStore, ThrottleState } from '../store/types.ts';

/**
 * Login throttling with exponential backoff, per account name and per network (keyed hash).
 * The network limit is far more lenient, because a whole team may share one office address.
 */
export interface ThrottlePolicy {
  /** Failures allowed before waiting starts. */
  free: number;
  /** First wait; doubles with every further failure. */
  baseMs: number;
  maxMs: number;
  /** Failures are forgotten after this much quiet. */
  resetMs: number;
}

export const NAME_THROTTLE: ThrottlePolicy = { free: 5, baseMs: 30_000, maxMs: 15 * 60_000, resetMs: 60 * 60_000 };
export const NETWORK_THROTTLE: ThrottlePolicy = { free: 30, baseMs: 30_000, maxMs: 15 * 60_000, resetMs: 60 * 60_000 };

/** Milliseconds to wait before trying again (0: go ahead). */
export async function throttleWait(store: ChatStore, key: string, now: number): Promise<number> {
  const state = await store.getThrottle(key);
  if (!state || state.resetAt <= now) return 0;
  return Math.max(0, state.lockedUntil - now);
}

export async function recordFailure(store: ChatStore, key: string, policy: ThrottlePolicy, now: number): Promise<number> {
  const previous = await store.getThrottle(key);
  const failures = (previous && previous.resetAt > now ? previous.failures : 0) + 1;
  const wait = failures > policy.free ? Math.min(policy.maxMs, policy.baseMs * 2 ** (failures - policy.free - 1)) : 0;
  const state: ThrottleState = { failures, lockedUntil: now + wait, resetAt: now + policy.resetMs };
  await store.putThrottle(key, state);
  return wait;
}

export async function clearFailures(store: ChatStore, key: string): Promise<void> {
  await store.deleteThrottle(key);
}
