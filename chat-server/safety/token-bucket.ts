import type { BucketLimit } from '../../shared/protocol/limits.ts';

/** A token bucket for one socket, in this process (a socket lives on one node). */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;
  private readonly limit: BucketLimit;

  constructor(limit: BucketLimit, now: number) {
    this.limit = limit;
    this.tokens = limit.burst;
    this.updatedAt = now;
  }

  /** Takes a token; returns 0 when allowed, else the milliseconds until one is available. */
  take(now: number): number {
    this.tokens = Math.min(this.limit.burst, this.tokens + ((now - this.updatedAt) / 1000) * this.limit.perSecond);
    this.updatedAt = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return 0;
    }
    return Math.ceil(((1 - this.tokens) / this.limit.perSecond) * 1000);
  }
}
