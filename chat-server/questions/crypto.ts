/**
 * The cryptography of "Stel je vraag", all in node:crypto.
 *
 * - `deriveFromSecret`: scrypt (memory-hard, 32 MiB) of the code's secret part with a random salt per
 *   question gives 64 bytes: the first 32 are an X25519 private key, the hash of the last 32 is the
 *   verifier the server keeps to recognise the code. One scrypt per look-up, so a wrong code costs the
 *   same time as a right one, and an offline guess costs a scrypt per guess against 72 bits.
 * - `seal`/`openSealed`: ECIES to the question's public key: an ephemeral X25519 key, HKDF-SHA256 over
 *   the shared secret (salted with both public keys), AES-256-GCM with the question id as associated
 *   data. Only the code opens it; the server keeps the public key only.
 * - The server-key boxes for questions not yet answered (the counsellor must read them) are in
 *   ../crypto/server-box.ts, shared with the sign-ups for activities.
 */
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  randomBytes,
  scrypt,
  timingSafeEqual,
  type KeyObject,
} from 'node:crypto';
import { aesDecrypt, aesEncrypt } from '../crypto/server-box.ts';

/** scrypt cost: N = 2^15, r = 8 → 32 MiB and ~0.1 s per derivation on a server core. */
export const KDF_PARAMS = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const;
export const SALT_BYTES = 16;
const VERSION = 1;
const HKDF_INFO = Buffer.from('cjg-portaal vraag v1');
// DER prefixes of an X25519 key in PKCS#8 (private) and SPKI (public) form (RFC 8410).
const PKCS8_X25519 = Buffer.from('302e020100300506032b656e04220420', 'hex');
const SPKI_X25519 = Buffer.from('302a300506032b656e032100', 'hex');

export interface DerivedKeys {
  privateKey: KeyObject;
  /** Raw 32-byte X25519 public key. */
  publicKey: Buffer;
  /** SHA-256 of the second half of the scrypt output: compared, never reversible to the code. */
  verifier: Buffer;
}

function scryptAsync(secret: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(secret.normalize('NFC'), salt, 64, KDF_PARAMS, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

function privateKeyFromSeed(seed: Buffer): KeyObject {
  return createPrivateKey({ key: Buffer.concat([PKCS8_X25519, seed]), format: 'der', type: 'pkcs8' });
}

function publicKeyFromRaw(raw: Buffer): KeyObject {
  return createPublicKey({ key: Buffer.concat([SPKI_X25519, raw]), format: 'der', type: 'spki' });
}

function rawPublicKey(key: KeyObject): Buffer {
  const publicKey = key.type === 'public' ? key : createPublicKey(key);
  return publicKey.export({ format: 'der', type: 'spki' }).subarray(SPKI_X25519.length);
}

export async function deriveFromSecret(secret: string, salt: Buffer): Promise<DerivedKeys> {
  const out = await scryptAsync(secret, salt);
  const privateKey = privateKeyFromSeed(out.subarray(0, 32));
  const verifier = createHash('sha256').update(out.subarray(32)).digest();
  out.fill(0);
  return { privateKey, publicKey: rawPublicKey(privateKey), verifier };
}

export function verifierMatches(stored: Buffer, computed: Buffer): boolean {
  return stored.length === computed.length && timingSafeEqual(stored, computed);
}

/** Seals `plaintext` to a raw X25519 public key. Output: version | ephemeral public key | iv | ciphertext+tag. */
export function seal(recipientPublicKey: Buffer, plaintext: string, aad: string): Buffer {
  const ephemeral = generateKeyPairSync('x25519');
  const ephemeralRaw = rawPublicKey(ephemeral.publicKey);
  const shared = diffieHellman({ privateKey: ephemeral.privateKey, publicKey: publicKeyFromRaw(recipientPublicKey) });
  const key = Buffer.from(hkdfSync('sha256', shared, Buffer.concat([ephemeralRaw, recipientPublicKey]), HKDF_INFO, 32));
  const { iv, body } = aesEncrypt(key, Buffer.from(plaintext, 'utf8'), aad);
  key.fill(0);
  shared.fill(0);
  return Buffer.concat([Buffer.from([VERSION]), ephemeralRaw, iv, body]);
}

/** Opens what `seal` made, with the private key derived from the code. Throws when it does not fit. */
export function openSealed(privateKey: KeyObject, sealed: Buffer, aad: string): string {
  if (sealed[0] !== VERSION || sealed.length < 1 + 32 + 12 + 16) throw new Error('sealed: unknown format');
  const ephemeralRaw = sealed.subarray(1, 33);
  const iv = sealed.subarray(33, 45);
  const shared = diffieHellman({ privateKey, publicKey: publicKeyFromRaw(ephemeralRaw) });
  const key = Buffer.from(hkdfSync('sha256', shared, Buffer.concat([ephemeralRaw, rawPublicKey(privateKey)]), HKDF_INFO, 32));
  try {
    return aesDecrypt(key, iv, sealed.subarray(45), aad).toString('utf8');
  } finally {
    key.fill(0);
    shared.fill(0);
  }
}

export function newSalt(): Buffer {
  return randomBytes(SALT_BYTES);
}
