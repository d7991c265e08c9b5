import { describe, expect, test } from 'vitest';
import { ANNOUNCE_INTERVAL_MS, shouldAnnounceQueue } from '../../src/lib/chat-announce.ts';

describe('queue announcements', () => {
  test('the first update is always spoken', () => {
    expect(shouldAnnounceQueue(null, { position: 5 }, null, 0)).toBe(true);
  });
  test('no change, no announcement', () => {
    expect(shouldAnnounceQueue({ position: 5 }, { position: 5 }, 0, ANNOUNCE_INTERVAL_MS * 10)).toBe(false);
  });
  test('moving up is spoken at most once per interval', () => {
    expect(shouldAnnounceQueue({ position: 5 }, { position: 4 }, 0, 10_000)).toBe(false);
    expect(shouldAnnounceQueue({ position: 5 }, { position: 4 }, 0, ANNOUNCE_INTERVAL_MS)).toBe(true);
  });
  test('becoming next or moving back is always spoken', () => {
    expect(shouldAnnounceQueue({ position: 2 }, { position: 1 }, 0, 1000)).toBe(true);
    expect(shouldAnnounceQueue({ position: 2 }, { position: 3 }, 0, 1000)).toBe(true);
  });
});
