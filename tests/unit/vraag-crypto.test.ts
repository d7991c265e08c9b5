import { randomBytes } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { serverDecrypt, serverEncrypt } from '../../chat-server/crypto/server-box.ts';
import { deriveFromSecret, newSalt, openSealed, seal, verifierMatches } from '../../chat-server/questions/crypto.ts';

describe('question cryptography', () => {
  test('the code derives the same key pair and verifier every time; another code or salt does not', async () => {
    const salt = newSalt();
    const a = await deriveFromSecret('KDVMTRAXPQHENWUC', salt);
    const b = await deriveFromSecret('KDVMTRAXPQHENWUC', salt);
    expect(a.publicKey.equals(b.publicKey)).toBe(true);
    expect(verifierMatches(a.verifier, b.verifier)).toBe(true);
    const otherCode = await deriveFromSecret('KDVMTRAXPQHENWUD', salt);
    expect(verifierMatches(a.verifier, otherCode.verifier)).toBe(false);
    expect(otherCode.publicKey.equals(a.publicKey)).toBe(false);
    const otherSalt = await deriveFromSecret('KDVMTRAXPQHENWUC', newSalt());
    expect(otherSalt.publicKey.equals(a.publicKey)).toBe(false);
    // The verifier is not the public key (one does not give away the other).
    expect(a.verifier.equals(a.publicKey)).toBe(false);
  });

  test('sealed to the public key, opened only with the code-derived private key and the right id', async () => {
    const salt = newSalt();
    const keys = await deriveFromSecret('ABCDEFGHJKMNPQRS', salt);
    const thread = JSON.stringify({ messages: [{ from: 'youth', text: 'Mijn ouders maken elke avond ruzie, wat moet ik doen?' }] });
    const sealed = seal(keys.publicKey, thread, 'vraag-1');
    expect(sealed.toString('utf8')).not.toContain('ruzie');
    expect(seal(keys.publicKey, thread, 'vraag-1').equals(sealed)).toBe(false); // fresh ephemeral key each time
    const again = await deriveFromSecret('ABCDEFGHJKMNPQRS', salt);
    expect(openSealed(again.privateKey, sealed, 'vraag-1')).toBe(thread);
    const wrong = await deriveFromSecret('ABCDEFGHJKMNPQRT', salt);
    expect(() => openSealed(wrong.privateKey, sealed, 'vraag-1')).toThrow();
    expect(() => openSealed(keys.privateKey, sealed, 'vraag-2')).toThrow();
    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 20] ^= 1;
    expect(() => openSealed(keys.privateKey, tampered, 'vraag-1')).toThrow();
  });

  test('the server box round-trips with the server key and fails with another key or id', () => {
    const key = randomBytes(32);
    const box = serverEncrypt(key, 'Ik word gepest op school', 'id-1');
    expect(box.toString('utf8')).not.toContain('gepest');
    expect(serverDecrypt(key, box, 'id-1')).toBe('Ik word gepest op school');
    expect(() => serverDecrypt(randomBytes(32), box, 'id-1')).toThrow();
    expect(() => serverDecrypt(key, box, 'id-2')).toThrow();
  });
});
