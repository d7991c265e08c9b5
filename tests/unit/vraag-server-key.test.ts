import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { loadServerKey } from '../../chat-server/crypto/server-key.ts';

const root = mkdtempSync(join(tmpdir(), 'cjg-vraag-key-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('server key', () => {
  test('is created once with mode 0600 outside the data folder, and read back on the next start', () => {
    const dataDir = join(root, 'data');
    const first = loadServerKey({ env: {}, root, dataDir });
    expect(first.source).toBe('created');
    expect(first.key).toHaveLength(32);
    const file = join(root, 'secrets', 'vragen.key');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(root, 'secrets')).mode & 0o777).toBe(0o700);
    const second = loadServerKey({ env: {}, root, dataDir });
    expect(second).toEqual({ key: first.key, source: 'file' });
    expect(readFileSync(file, 'utf8').trim()).toBe(first.key.toString('base64url'));
  });

  test('refuses a key file inside the data folder, and a key of the wrong size, naming the variable', () => {
    const dataDir = join(root, 'data2');
    expect(() => loadServerKey({ env: { CJG_QUESTIONS_KEY_FILE: join(dataDir, 'sleutel') }, root, dataDir })).toThrow(
      /CJG_QUESTIONS_KEY_FILE mag niet in de datamap/,
    );
    expect(() => loadServerKey({ env: { CJG_QUESTIONS_KEY: 'te-kort' }, root, dataDir })).toThrow(/CJG_QUESTIONS_KEY moet een sleutel van 32 bytes/);
    const fromEnv = loadServerKey({ env: { CJG_QUESTIONS_KEY: Buffer.alloc(32, 7).toString('base64') }, root, dataDir });
    expect(fromEnv).toEqual({ key: Buffer.alloc(32, 7), source: 'env' });
  });
});
