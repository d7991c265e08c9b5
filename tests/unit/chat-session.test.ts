import { describe, expect, test } from 'vitest';
import { SESSION_TOKEN_PATTERN } from '../../shared/protocol/limits.ts';
import { SESSION_TOKEN_KEY, ensureSessionToken, newSessionToken, readSessionToken, wipeSessionToken } from '../../src/lib/chat-session.ts';

function memoryStorage() {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
  };
}

describe('chat session token', () => {
  test('a fresh token has the shape the server accepts, and differs every time', () => {
    const a = ensureSessionToken(memoryStorage());
    const b = ensureSessionToken(memoryStorage());
    expect(a).toMatch(SESSION_TOKEN_PATTERN);
    expect(a).not.toBe(b);
  });

  test('uses the random source it is given (all bytes 0xff → all "_")', () => {
    expect(newSessionToken((bytes) => bytes.fill(255))).toBe('_'.repeat(42) + '8');
    // Bytes whose base64 is "+" become "-": URL- and storage-safe.
    expect(newSessionToken((bytes) => bytes.map((_, i) => [0xfb, 0xef, 0xbe][i % 3]))).toBe('-'.repeat(42) + '8');
  });

  test('is created once per tab, then read back, and wiped', () => {
    const storage = memoryStorage();
    expect(readSessionToken(storage)).toBeNull();
    const token = ensureSessionToken(storage);
    expect(storage.map.get(SESSION_TOKEN_KEY)).toBe(token);
    expect(ensureSessionToken(storage)).toBe(token);
    wipeSessionToken(storage);
    expect(readSessionToken(storage)).toBeNull();
    expect(ensureSessionToken(storage)).not.toBe(token);
  });

  test('blocked storage still gives a working token and does not throw', () => {
    const broken = {
      getItem: () => {
        throw new Error('blocked');
      },
      setItem: () => {
        throw new Error('blocked');
      },
      removeItem: () => {
        throw new Error('blocked');
      },
    };
    expect(readSessionToken(broken)).toBeNull();
    expect(ensureSessionToken(broken)).toMatch(SESSION_TOKEN_PATTERN);
    expect(() => wipeSessionToken(broken)).not.toThrow();
  });

  test("the token sits under the tab's fixed key, so a reload (even after a new release) finds it, and wiping touches nothing else", () => {
    const storage = memoryStorage();
    storage.map.set('cjg-andere-instelling', 'blijft');
    const token = ensureSessionToken(storage);
    expect(storage.map.get('cjg-chat-sessie')).toBe(token);
    storage.map.set('cjg-chat-sessie', 'token-van-voor-de-reload');
    expect(ensureSessionToken(storage)).toBe('token-van-voor-de-reload');
    wipeSessionToken(storage);
    expect([...storage.map]).toEqual([['cjg-andere-instelling', 'blijft']]);
  });
});
