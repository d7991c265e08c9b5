/**
 * Where the indicator buckets live. Deliberately tiny, so a Redis version (one hash per bucket,
 * HINCRBY to merge) is a few lines: merge counts into a bucket, read a range of buckets, drop old
 * ones. Bucket keys are hour keys (`2026-03-29T14`) or day keys (`2026-03-29`), and they sort
 * lexically in time order: a day key sorts just before the hours of that day.
 */
import type { Counters } from '../../shared/indicators/counters.ts';

export interface IndicatorStore {
  /** Adds the counts to the bucket (creating it). */
  merge(bucket: string, counts: Counters): Promise<void>;
  /** Buckets with `from <= key < toExclusive`. */
  get(from: string, toExclusive: string): Promise<Map<string, Counters>>;
  /** Drops every bucket with a key before `before` (retention). */
  prune(before: string): Promise<void>;
  /** Writes what is pending; the store is not used afterwards. */
  close(): Promise<void>;
}

/** For tests and for a server without a data folder: nothing survives a restart. */
export class MemoryIndicatorStore implements IndicatorStore {
  readonly buckets = new Map<string, Counters>();

  async merge(bucket: string, counts: Counters): Promise<void> {
    mergeInto(this.buckets, bucket, counts);
  }

  async get(from: string, toExclusive: string): Promise<Map<string, Counters>> {
    return selectRange(this.buckets, from, toExclusive);
  }

  async prune(before: string): Promise<void> {
    pruneBefore(this.buckets, before);
  }

  async close(): Promise<void> {}
}

export function mergeInto(buckets: Map<string, Counters>, bucket: string, counts: Counters): void {
  let target = buckets.get(bucket);
  if (!target) {
    target = {};
    buckets.set(bucket, target);
  }
  for (const [name, count] of Object.entries(counts)) target[name] = (target[name] ?? 0) + count;
}

export function selectRange(buckets: Map<string, Counters>, from: string, toExclusive: string): Map<string, Counters> {
  const out = new Map<string, Counters>();
  for (const [key, counts] of buckets) if (key >= from && key < toExclusive) out.set(key, { ...counts });
  return out;
}

export function pruneBefore(buckets: Map<string, Counters>, before: string): number {
  let dropped = 0;
  for (const key of [...buckets.keys()]) {
    if (key < before) {
      buckets.delete(key);
      dropped++;
    }
  }
  return dropped;
}
