/**
 * Thrown by the Redis store when Redis does not answer in time (stopped, paused, unreachable).
 * The socket dispatcher turns it into the Dutch `unavailable` answer instead of a generic error,
 * so a young person reads "even geen verbinding" and knows their conversation is kept.
 */
export class StoreUnavailableError extends Error {
  readonly code = 'store_unavailable';
  constructor(cause?: unknown) {
    super('chat store unavailable', cause === undefined ? undefined : { cause });
    this.name = 'StoreUnavailableError';
  }
}

export function isStoreUnavailable(error: unknown): boolean {
  return error instanceof StoreUnavailableError || (typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'store_unavailable');
}
