/** A stored question record for store tests: ciphertext-shaped fields, no real crypto needed here. */
import { randomBytes } from 'node:crypto';
import type { QuestionRecord } from '../../chat-server/questions/store.ts';

export function sampleRecord(overrides: Partial<QuestionRecord> = {}): QuestionRecord {
  const at = Date.UTC(2026, 11, 2, 10);
  return {
    id: randomBytes(12).toString('base64url'),
    locator: randomBytes(3).toString('hex').toUpperCase().slice(0, 4),
    version: 1,
    salt: randomBytes(16).toString('base64url'),
    verifier: randomBytes(32).toString('base64url'),
    publicKey: randomBytes(32).toString('base64url'),
    status: 'open',
    createdAt: at,
    askedAt: at,
    dueAt: at + 3 * 86_400_000,
    deleteAt: at + 5 * 86_400_000,
    topic: null,
    ageBand: null,
    flagged: false,
    danger: false,
    followUps: 0,
    claimedBy: null,
    claimedAt: null,
    draftBy: null,
    answeredAt: null,
    open: randomBytes(64).toString('base64url'),
    sealed: null,
    ...overrides,
  };
}
