/**
 * The server key that encrypts what staff must be able to read: questions until they are answered, and
 * sign-ups for activities (each through its own subkey, server-box.ts). It lives OUTSIDE the data folder,
 * so a copy of the data folder (a backup, a stolen disk image of the data volume) holds only ciphertext.
 *
 * - `CJG_QUESTIONS_KEY`: the key itself, 32 bytes base64 or base64url (for secret stores that inject env vars);
 * - otherwise `CJG_QUESTIONS_KEY_FILE` (default `<repo>/secrets/vragen.key`): read, or created on first start
 *   with 32 random bytes, mode 0600 in a folder with mode 0700.
 * Several nodes must use the same key (same file on a secret volume, or the same env var).
 * Losing the key makes unanswered questions and sign-ups unreadable; answered questions do not need it.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve, isAbsolute } from 'node:path';

export const KEY_BYTES = 32;

export interface ServerKeySource {
  env: NodeJS.ProcessEnv;
  /** Repository root, for the default key file. */
  root: string;
  /** The data folder: the key file may not be inside it. */
  dataDir: string;
}

export function defaultKeyFile(root: string): string {
  return resolve(root, 'secrets', 'vragen.key');
}

function decodeKey(value: string, name: string): Buffer {
  const key = Buffer.from(value.trim(), value.includes('+') || value.includes('/') ? 'base64' : 'base64url');
  if (key.length !== KEY_BYTES) throw new Error(`${name} moet een sleutel van ${KEY_BYTES} bytes zijn (base64); maak er een met: openssl rand -base64 32`);
  return key;
}

function inside(folder: string, file: string): boolean {
  const rel = relative(resolve(folder), resolve(file));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

export function loadServerKey({ env, root, dataDir }: ServerKeySource): { key: Buffer; source: 'env' | 'file' | 'created' } {
  const fromEnv = env['CJG_QUESTIONS_KEY'];
  if (fromEnv) return { key: decodeKey(fromEnv, 'CJG_QUESTIONS_KEY'), source: 'env' };
  const file = resolve(env['CJG_QUESTIONS_KEY_FILE'] || defaultKeyFile(root));
  if (inside(dataDir, file)) {
    throw new Error(`CJG_QUESTIONS_KEY_FILE mag niet in de datamap (${dataDir}) staan: wie de datamap heeft, zou dan ook de sleutel hebben.`);
  }
  if (existsSync(file)) return { key: decodeKey(readFileSync(file, 'utf8'), 'CJG_QUESTIONS_KEY_FILE'), source: 'file' };
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const key = randomBytes(KEY_BYTES);
  // 'wx': two nodes starting at once on one shared volume must not overwrite each other's key.
  try {
    writeFileSync(file, `${key.toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return { key: decodeKey(readFileSync(file, 'utf8'), 'CJG_QUESTIONS_KEY_FILE'), source: 'file' };
    throw error;
  }
  chmodSync(file, 0o600);
  return { key, source: 'created' };
}
