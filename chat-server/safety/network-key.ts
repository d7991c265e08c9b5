import { createHmac } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';
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

/**
 * The network an address belongs to, in one spelling: an IPv4 address as itself; an IPv6 address as
 * its /64 (one household or phone gets a whole /64 and can pick any address in it). IPv4-mapped IPv6
 * (`::ffff:127.0.0.1`) is the IPv4 address, upper/lower case, leading zeros and `::` compression do
 * not matter, and a port (`1.2.3.4:443`, `[2001:db8::1]:443`) or zone (`fe80::1%eth0`) is dropped.
 * Anything that is not an address shares one key, so made-up text cannot make new networks.
 */
export function normaliseAddress(address: string): string {
  let text = address.trim().toLowerCase();
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(text);
  if (bracketed?.[1]) text = bracketed[1];
  else if (/^[\d.]+:\d{1,5}$/.test(text)) text = text.slice(0, text.lastIndexOf(':'));
  text = text.replace(/%.*$/, '');
  if (isIPv4(text)) return text;
  if (!isIPv6(text)) return 'not-an-address';
  const groups = ipv6Groups(text);
  const [g6 = 0, g7 = 0] = groups.slice(6);
  if (groups.slice(0, 6).join(':') === '0:0:0:0:0:65535') return [g6 >> 8, g6 & 255, g7 >> 8, g7 & 255].join('.');
  return `${groups
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(':')}::/64`;
}

/** The eight 16-bit groups of a valid IPv6 address (with `::` and a trailing dotted IPv4 part expanded). */
function ipv6Groups(address: string): number[] {
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(address);
  let text = address;
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    text = `${address.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const halves = text.split('::');
  const part = (s: string | undefined) => (s ? s.split(':').map((g) => parseInt(g, 16)) : []);
  const left = part(halves[0]);
  const right = part(halves[1]);
  return halves.length === 1 ? left : [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
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
