/**
 * AES-256-GCM boxes with the server key (server-key.ts): what the CJG's staff must be able to read, and
 * nobody with only a copy of the data folder. Each feature encrypts with its own subkey (HKDF of the
 * server key with the feature's name), so a box of one can never be opened as a box of the other. The
 * record id is the associated data: a box moved to another record does not open.
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/** First byte of every box: the format, so a later format can be told apart. */
export const BOX_VERSION = 1;

export function aesEncrypt(key: Buffer, plaintext: Buffer, aad: string): { iv: Buffer; body: Buffer } {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
  return { iv, body };
}

export function aesDecrypt(key: Buffer, iv: Buffer, body: Buffer, aad: string): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAAD(Buffer.from(aad));
  decipher.setAuthTag(body.subarray(body.length - 16));
  return Buffer.concat([decipher.update(body.subarray(0, body.length - 16)), decipher.final()]);
}

/** Encrypts with the server key. Output: version | iv | ciphertext+tag. */
export function serverEncrypt(serverKey: Buffer, plaintext: string, aad: string): Buffer {
  const { iv, body } = aesEncrypt(serverKey, Buffer.from(plaintext, 'utf8'), aad);
  return Buffer.concat([Buffer.from([BOX_VERSION]), iv, body]);
}

export function serverDecrypt(serverKey: Buffer, data: Buffer, aad: string): string {
  if (data[0] !== BOX_VERSION || data.length < 1 + 12 + 16) throw new Error('server box: unknown format');
  return aesDecrypt(serverKey, data.subarray(1, 13), data.subarray(13), aad).toString('utf8');
}

/** A key of 32 bytes for one purpose, derived from the server key (HKDF-SHA256). */
export function subkey(serverKey: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', serverKey, Buffer.alloc(0), Buffer.from(`cjg-portaal ${purpose}`), 32));
}

/** A keyed hash (HMAC-SHA256, base64url): equal inputs match, and without the key nothing can be matched. */
export function keyedHash(key: Buffer, text: string): string {
  return createHmac('sha256', key).update(text).digest('base64url');
}
