import { describe, expect, test } from 'vitest';
import { createLogger, errorFields } from '../../chat-server/log.ts';

describe('privacy-safe logger', () => {
  const lines: string[] = [];
  const logger = createLogger((line) => lines.push(line));

  test('writes one JSON line per event', () => {
    logger.info('chat.queue.joined', { position: 3, topic: 'pesten' });
    const entry: unknown = JSON.parse(lines.at(-1) ?? '{}');
    expect(entry).toMatchObject({ level: 'info', event: 'chat.queue.joined', position: 3, topic: 'pesten' });
  });

  test('replaces free text, which could be a message or a user agent', () => {
    logger.warn('chat.rejected', { reason: 'ik voel me zo alleen', ua: 'Mozilla/5.0 (X11; Linux x86_64)' });
    const line = lines.at(-1) ?? '';
    expect(line).not.toContain('alleen');
    expect(line).not.toContain('Mozilla');
    expect(JSON.parse(line)).toMatchObject({ reason: '[weggelaten]', ua: '[weggelaten]' });
  });

  test('error fields carry the kind of error, not its message', () => {
    const fields = errorFields(new TypeError('bericht van 127.0.0.1: hallo'));
    expect(fields).toEqual({ error: 'TypeError', code: undefined });
  });
});
