import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { knownCounters, type Counters } from '../../shared/indicators/counters.ts';
import { isValidDayKey, isValidHourKey } from '../../shared/indicators/hour-key.ts';
import { mergeInto, pruneBefore, selectRange, type IndicatorStore } from './store.ts';
import type { Logger } from '../log.ts';

export const INDICATORS_FILE = 'indicators.json';
const FORMAT_VERSION = 1;

export interface FileIndicatorStoreOptions {
  dataDir: string;
  logger?: Logger;
  /** Wait this long after a change before writing, so a busy hour is one write, not hundreds. */
  debounceMs?: number;
}

/**
 * The embedded default: all buckets in memory, written to `<data dir>/indicators.json` shortly after
 * a change (temp file + rename, so a crash never leaves half a file). A file that cannot be read is
 * moved aside, never overwritten, and a counter name or bucket key that is not in the closed
 * vocabulary is dropped on load.
 */
export class FileIndicatorStore implements IndicatorStore {
  readonly path: string;
  private readonly buckets = new Map<string, Counters>();
  private readonly logger: Logger | undefined;
  private readonly debounceMs: number;
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();
  private dirty = false;

  constructor({ dataDir, logger, debounceMs = 2000 }: FileIndicatorStoreOptions) {
    this.path = join(dataDir, INDICATORS_FILE);
    this.logger = logger;
    this.debounceMs = debounceMs;
    mkdirSync(dataDir, { recursive: true });
    this.load();
  }

  private load(): void {
    if (!existsSync(this.path)) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(this.path, 'utf8'));
    } catch {
      parsed = undefined;
    }
    const buckets = (parsed as { version?: unknown; buckets?: unknown } | undefined)?.buckets;
    if (!buckets || typeof buckets !== 'object' || (parsed as { version?: unknown }).version !== FORMAT_VERSION) {
      const aside = `${this.path}.onleesbaar-${Date.now()}`;
      renameSync(this.path, aside);
      this.logger?.warn('indicators.file.unreadable', { movedAside: true });
      return;
    }
    let dropped = 0;
    for (const [key, counts] of Object.entries(buckets as Record<string, unknown>)) {
      if (!(isValidHourKey(key) || isValidDayKey(key)) || !counts || typeof counts !== 'object') {
        dropped++;
        continue;
      }
      const known = knownCounters(counts as Record<string, unknown>);
      dropped += known.dropped;
      mergeInto(this.buckets, key, known.clean);
    }
    if (dropped > 0) this.logger?.warn('indicators.file.dropped', { entries: dropped });
  }

  async merge(bucket: string, counts: Counters): Promise<void> {
    mergeInto(this.buckets, bucket, counts);
    this.schedule();
  }

  async get(from: string, toExclusive: string): Promise<Map<string, Counters>> {
    return selectRange(this.buckets, from, toExclusive);
  }

  async prune(before: string): Promise<void> {
    if (pruneBefore(this.buckets, before) > 0) this.schedule();
  }

  private schedule(): void {
    this.dirty = true;
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, this.debounceMs);
    this.timer.unref();
  }

  /** Writes the buckets now if anything changed. */
  flush(): Promise<void> {
    this.writing = this.writing.then(async () => {
      if (!this.dirty) return;
      this.dirty = false;
      const sorted = Object.fromEntries([...this.buckets.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
      const temp = join(dirname(this.path), `.${INDICATORS_FILE}.${process.pid}.tmp`);
      try {
        await writeFile(temp, `${JSON.stringify({ version: FORMAT_VERSION, buckets: sorted })}\n`, { mode: 0o600 });
        await rename(temp, this.path);
      } catch (error) {
        this.dirty = true;
        this.logger?.error('indicators.file.write_failed', { code: (error as { code?: string }).code });
      }
    });
    return this.writing;
  }

  async close(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.flush();
  }
}
