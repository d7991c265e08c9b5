/**
 * At most `concurrency` scrypt derivations at once (each takes 32 MiB and a thread-pool thread), and at
 * most `queue` waiting. Beyond that a look-up is refused at once instead of piling up memory, so a storm
 * of code guesses from many networks slows look-ups, not the chat or the site.
 */
export class KdfGate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly concurrency: number;
  private readonly queue: number;

  constructor(concurrency: number, queue: number) {
    this.concurrency = concurrency;
    this.queue = queue;
  }

  /** Runs `task` when a slot is free; null when too many are waiting. */
  async run<T>(task: () => Promise<T>): Promise<T | null> {
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.queue) return null;
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else this.running++;
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}
