/** Refused events are logged a few at a time per socket, the rest as one count (chat-server/sockets/refusal-log.ts). */
import { describe, expect, test } from 'vitest';
import { createLogger } from '../../chat-server/log.ts';
import { createRefusalLog } from '../../chat-server/sockets/refusal-log.ts';

function setup() {
  const lines: Record<string, unknown>[] = [];
  const clock = { now: 0 };
  const log = createRefusalLog(
    createLogger((line) => lines.push(JSON.parse(line) as Record<string, unknown>)),
    () => clock.now,
    { perWindow: 2, windowMs: 1000 },
  );
  return { lines, clock, log };
}

describe('refusal log', () => {
  test('the first lines of each kind pass; the rest are counted and written once the window is over', () => {
    const { lines, clock, log } = setup();
    for (let i = 0; i < 10; i++) log.note('warn', 'chat.rate_limited', { namespace: 'youth' });
    log.note('info', 'chat.payload_invalid', { namespace: 'youth' });
    expect(lines.map((l) => l['event'])).toEqual(['chat.rate_limited', 'chat.rate_limited', 'chat.payload_invalid']);
    clock.now = 1000;
    log.note('warn', 'chat.rate_limited', { namespace: 'youth' });
    expect(lines.slice(3)).toMatchObject([
      { event: 'chat.refusals_suppressed', level: 'warn', namespace: 'youth', refused: 'chat.rate_limited', count: 8 },
      { event: 'chat.rate_limited' },
    ]);
  });

  test('flush writes what is counted, once, and nothing when nothing was held back', () => {
    const { lines, log } = setup();
    log.flush();
    expect(lines).toEqual([]);
    for (let i = 0; i < 3; i++) log.note('warn', 'chat.event_refused', { namespace: 'staff' });
    log.flush();
    log.flush();
    expect(lines.map((l) => [l['event'], l['count']])).toEqual([
      ['chat.event_refused', undefined],
      ['chat.event_refused', undefined],
      ['chat.refusals_suppressed', 1],
    ]);
  });
});
