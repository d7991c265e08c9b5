import { createHmac } from 'node:crypto';
import type { ChatStore } from '../store/types.ts';

/**
 * A keyed hash of a network address, with a secret that changes every (UTC) day and is then
 * forgotten. It is good for "same network as the one blocked an hour ago" and nothing else:
 * without the secret it cannot be reversed or matched against a list of addresses, and after
 * the day it cannot be recomputed at all. The address itself is never stored or logged.
 */
export async function networkKey(store: ChatStore, address: string, now: number): Promise<string> {
  const day = new Date(now).toISOString().slice(0, 10);
  const secret = await store.dailySecret(day);
  return createHmac('sha256', secret).update(normaliseAddress(address)).digest('base64url').slice(0, 22);
}

/** `::ffff:127.0.0.1` and `127.0.0.1` are the same network address. */
function normaliseAddress(address: string): string {
  return address.startsWith('::ffff:') ? address.slice(7) : address;
}

/**
 * The client address of a request or socket. Behind `trustedHops` proxies of your own, each of which
 * appends the address it received from to X-Forwarded-For, the client is the `trustedHops`-th entry
 * from the right; everything further left was written by the client and is ignored. With fewer
 * entries than hops, the leftmost one is the best there is. 0 hops: the header is ignored.
 */
export function clientAddress(remoteAddress: string | undefined, forwardedFor: string | string[] | undefined, trustedHops: number): string {
  if (trustedHops > 0 && forwardedFor) {
    const entries = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor)
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean);
    const chosen = entries[Math.max(0, entries.length - trustedHops)];
    if (chosen) return chosen;
  }
  return remoteAddress ?? 'unknown';
}
