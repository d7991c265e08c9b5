/**
 * Where questions live between restarts. One interface, two engines, one contract suite
 * (tests/integration/question-store-contract.test.ts):
 * - `SqliteQuestionStore`: one node, a file in CJG_DATA_DIR through node:sqlite (WAL, full sync).
 * - `RedisQuestionStore`: several nodes, the persistent Redis of the indicators (CJG_INDICATORS_REDIS_URL).
 *
 * A record never holds readable text: `open` is encrypted with the server key (until answered), `sealed`
 * with the question's public key (after). Updates are compare-and-set on `version`, so two counsellors
 * (on one node or several) can never both claim or both send.
 */
import type { ChatAgeBand, ChatTopic } from '../../shared/protocol/limits.ts';
import type { QuestionStatus } from '../../shared/vraag/types.ts';

export interface QuestionRecord {
  id: string;
  /** First group of the code; unique among stored records. */
  locator: string;
  /** Bumped by every successful `replace`. */
  version: number;
  /** base64url: scrypt salt, verifier hash, raw X25519 public key. */
  salt: string;
  verifier: string;
  publicKey: string;
  status: QuestionStatus;
  createdAt: number;
  /** When the current round (question or follow-up) was asked. */
  askedAt: number;
  dueAt: number;
  /** Deleted by the sweep at this moment (retention). */
  deleteAt: number;
  topic: ChatTopic | null;
  ageBand: ChatAgeBand | null;
  flagged: boolean;
  danger: boolean;
  /** Follow-ups used (at most MAX_FOLLOW_UPS). */
  followUps: number;
  claimedBy: string | null;
  claimedAt: number | null;
  /** Who wrote the answer that waits for (or, once answered, went through) a second reader. */
  draftBy: string | null;
  answeredAt: number | null;
  /** The second reader who sent it (account key), when, and whether they changed it. Absent on older records. */
  approval?: { by: string; at: number; edited: boolean } | null;
  /** base64url of a server-key box: `{ messages, draft }` while not answered. */
  open: string | null;
  /** base64url of an ECIES box to `publicKey`: `{ messages }` once answered. */
  sealed: string | null;
}

export interface QuestionStore {
  /** Stores a new record; false when its locator is taken (the caller draws a new code). */
  insert(record: QuestionRecord): Promise<boolean>;
  get(id: string): Promise<QuestionRecord | null>;
  findByLocator(locator: string): Promise<QuestionRecord | null>;
  /** Writes `record` with version `expectedVersion + 1` if the stored version is `expectedVersion`. */
  replace(record: QuestionRecord, expectedVersion: number): Promise<boolean>;
  delete(id: string): Promise<void>;
  list(): Promise<QuestionRecord[]>;
  /** How many records are stored (cheap: checked on every new question against the cap). */
  count(): Promise<number>;
  /** Ids whose `deleteAt` has passed. */
  dueForDeletion(now: number): Promise<string[]>;
  close(): Promise<void>;
}
