/**
 * How many password checks may run at once. scrypt takes ~0.1 s and 32 MiB on a thread of Node's
 * small thread pool, which the static files and Redis connections also need. Without a cap, 200
 * parallel attempts were all checked and a page took seconds. The gate is taken synchronously,
 * before anything is awaited, so parallel requests cannot all pass a check that only counts later:
 * - per account name and per network only a few checks at a time (beyond that: refused at once);
 * - overall a few at a time, with a short waiting line (beyond that: refused at once).
 * A refusal is a 429 with Retry-After; no password was checked for it.
 * The limits hold per node; with several nodes, each node has its own gate.
 */
export interface LoginGateLimits {
  perName: number;
  perNetwork: number;
  overall: number;
  /** Checks that may wait for an overall slot. */
  waiting: number;
}

/** Two checks at a time leave two of Node's four pool threads for files and sockets. */
export const DEFAULT_LOGIN_GATE: LoginGateLimits = { perName: 1, perNetwork: 2, overall: 2, waiting: 8 };

export class LoginGate {
  private readonly limits: LoginGateLimits;
  private running = 0;
  private readonly line: (() => void)[] = [];
  private readonly names = new Map<string, number>();
  private readonly networks = new Map<string, number>();

  constructor(limits: LoginGateLimits) {
    this.limits = limits;
  }

  /**
   * A slot for one check, or null when this attempt must be refused. Resolves when the check may
   * start; call the returned function when it is done.
   */
  enter(name: string, network: string): Promise<() => void> | null {
    const { perName, perNetwork, overall, waiting } = this.limits;
    if ((this.names.get(name) ?? 0) >= perName || (this.networks.get(network) ?? 0) >= perNetwork) return null;
    if (this.running >= overall && this.line.length >= waiting) return null;
    bump(this.names, name, 1);
    bump(this.networks, network, 1);
    const release = () => {
      bump(this.names, name, -1);
      bump(this.networks, network, -1);
      this.running--;
      this.line.shift()?.();
    };
    return new Promise((resolve) => {
      const start = () => {
        this.running++;
        resolve(release);
      };
      if (this.running < overall) start();
      else this.line.push(start);
    });
  }
}

function bump(counts: Map<string, number>, key: string, by: number): void {
  const n = (counts.get(key) ?? 0) + by;
  if (n > 0) counts.set(key, n);
  else counts.delete(key);
}
