import type { ChatStore, ThrottleState } from '../store/types.ts';

/**
 * Login throttling with exponential backoff, on three keys:
 * - name + network: guessing one name from one network soon gets slow, while the real person on
 *   another network is not locked out (names are shown to young people, so anyone can try them);
 * - network: one network trying many names;
 * - name from anywhere: far more lenient, only against guessing one name from very many networks.
 * An attempt is counted BEFORE its password is checked (see chat-api.ts), and forgiven after a success.
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

export const NAME_NETWORK_THROTTLE: ThrottlePolicy = { free: 5, baseMs: 30_000, maxMs: 15 * 60_000, resetMs: 60 * 60_000 };
/** Lenient: a whole team may share one office address. */
export const NETWORK_THROTTLE: ThrottlePolicy = { free: 30, baseMs: 30_000, maxMs: 15 * 60_000, resetMs: 60 * 60_000 };
export const NAME_THROTTLE: ThrottlePolicy = { free: 50, baseMs: 30_000, maxMs: 15 * 60_000, resetMs: 60 * 60_000 };

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

/** Takes back one counted attempt (it turned out to be the right password). */
export async function forgiveAttempt(store: ChatStore, key: string, policy: ThrottlePolicy, now: number): Promise<void> {
  const state = await store.getThrottle(key);
  if (!state) return;
  const failures = state.failures - 1;
  if (failures <= 0) return store.deleteThrottle(key);
  await store.putThrottle(key, { ...state, failures, lockedUntil: failures > policy.free ? state.lockedUntil : now });
}

export async function clearFailures(store: ChatStore, key: string): Promise<void> {
  await store.deleteThrottle(key);
}
