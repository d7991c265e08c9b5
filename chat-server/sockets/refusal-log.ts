/**
 * Log lines for refused events, bounded per socket: a flood of unknown, over-the-limit or invalid
 * events would otherwise write one line each (hundreds per socket, about a hundred sockets per
 * network). The first few of each kind in a window are written; the rest are counted and written as
 * one `chat.refusals_suppressed` line when the window is over or the socket closes. Like every chat
 * log line: no text, no addresses, only what was refused and how often.
 */
import type { LogFields, Logger } from '../log.ts';

export const REFUSAL_LOG = { perWindow: 5, windowMs: 60_000 } as const;

type Level = 'info' | 'warn';

export interface RefusalLog {
  /** One refused event: logged while under the window's allowance, counted otherwise. */
  note(level: Level, event: string, fields: LogFields): void;
  /** Writes what was counted (on disconnect). */
  flush(): void;
}

export function createRefusalLog(logger: Logger, now: () => number, limits: { perWindow: number; windowMs: number } = REFUSAL_LOG): RefusalLog {
  let windowStart = now();
  const written = new Map<string, number>();
  const suppressed = new Map<string, { count: number; fields: LogFields }>();

  function flush(): void {
    for (const [refused, { count, fields }] of suppressed) logger.warn('chat.refusals_suppressed', { ...fields, refused, count });
    suppressed.clear();
    written.clear();
  }

  return {
    note(level, event, fields) {
      if (now() - windowStart >= limits.windowMs) {
        flush();
        windowStart = now();
      }
      const count = written.get(event) ?? 0;
      if (count < limits.perWindow) {
        written.set(event, count + 1);
        logger[level](event, fields);
        return;
      }
      const held = suppressed.get(event);
      if (held) held.count += 1;
      else suppressed.set(event, { count: 1, fields });
    },
    flush,
  };
}
