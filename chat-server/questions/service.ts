/**
 * "Stel je vraag": anonymous questions answered under a pickup code. Everything the young person and the
 * counsellor can do, independent of HTTP (http.ts) and of the storage engine (store.ts).
 *
 * Lifecycle of a record: open → claimed → (review →) answered → deleted, with follow-up: answered → open
 * again (once). An unanswered question past its promise + margin becomes a tombstone ('expired': hashes
 * only, no text) so the young person can still read "we konden je vraag niet op tijd beantwoorden".
 */
import { randomBytes, webcrypto } from 'node:crypto';
import { clearFailures, recordFailure, throttleWait, type ThrottlePolicy } from '../accounts/login-throttle.ts';
import type { Logger } from '../log.ts';
import type { ChatStore } from '../store/types.ts';
import type { BucketLimit, ChatAgeBand, ChatTopic, StaffRole } from '../../shared/protocol/limits.ts';
import { formatCode, LOCATOR_LENGTH, parseCode, randomLetters, SECRET_LENGTH, type CodeParts } from '../../shared/vraag/code.ts';
import { suggestsDanger } from '../../shared/danger.ts';
import { answerDueAt, answeredDeleteAt, dayText, dueDayText, unansweredDeleteAt } from '../../shared/vraag/deadline.ts';
import { CLAIM_TIMEOUT_MS, EXPIRED_NOTICE_DAYS, MAX_FOLLOW_UPS, REVIEW_NOTICE_DAYS } from '../../shared/vraag/limits.ts';
import type {
  AskResult,
  PickupResult,
  QuestionAlert,
  QuestionDetail,
  QuestionErrorCode,
  QuestionSummary,
  ReviewedAnswer,
  ThreadMessage,
} from '../../shared/vraag/types.ts';
import { serverDecrypt, serverEncrypt } from '../crypto/server-box.ts';
import { deriveFromSecret, newSalt, openSealed, seal, verifierMatches, type DerivedKeys } from './crypto.ts';
import { noQuestionIndicators, type QuestionIndicators } from './indicators.ts';
import { KdfGate } from './kdf-gate.ts';
import type { QuestionRecord, QuestionStore } from './store.ts';

const DAY_MS = 86_400_000;

export interface QuestionConfig {
  /** The promise from the site configuration. */
  answerWorkingDays: number;
  timeZone: string;
  /** Days an answered thread is kept (site config `questions.keepAnsweredDays`). */
  keepAnsweredDays: number;
  /** Days after the promise before an unanswered question is deleted (CJG_QUESTIONS_MARGIN_DAYS). */
  marginDays: number;
  /** New questions per network (hashed address). */
  askLimit: BucketLimit;
  /** Wrong codes per network before look-ups from it are refused for a while. */
  lookupThrottle: ThrottlePolicy;
  /** Extra delay on a wrong code, on top of the KDF. */
  wrongCodeDelayMs: number;
  /** Most questions stored at once (a flood from many networks cannot fill the disk). */
  maxStored: number;
  /** Concurrent scrypt derivations (each 32 MiB); further look-ups wait their turn. */
  kdfConcurrency: number;
  /** Look-ups waiting beyond this are refused as "unavailable" (the server keeps serving the chat). */
  kdfQueue: number;
}

export interface StaffMemberRef {
  /** Account key (lower-case name). */
  key: string;
  name: string;
  role: StaffRole;
}

export class QuestionError extends Error {
  readonly code: QuestionErrorCode;
  readonly retryAfterMs: number | undefined;
  constructor(code: QuestionErrorCode, retryAfterMs?: number) {
    super(code);
    this.name = 'QuestionError';
    this.code = code;
    this.retryAfterMs = retryAfterMs;
  }
}

interface OpenBox {
  messages: ThreadMessage[];
  draft: string | null;
}

export interface QuestionServiceOptions {
  store: QuestionStore;
  /** The server key (../crypto/server-key.ts). */
  serverKey: Buffer;
  /** The chat's store: per-network buckets, throttles and the daily network secret. */
  chatStore: ChatStore;
  config: QuestionConfig;
  logger: Logger;
  now?: () => number;
  indicators?: QuestionIndicators;
  /** A question was flagged (danger check or counsellor): raise it to supervisors. */
  alert?: (alert: QuestionAlert) => void;
  /** The queue changed: consoles fetch the list again. */
  changed?: () => void;
  /** A second reader sent `authorKey`'s answer: tell the author. */
  reviewed?: (authorKey: string, answer: ReviewedAnswer) => void;
  /** Waits (wrong-code delay); tests may shorten nothing, it is real time. */
  sleep?: (ms: number) => Promise<void>;
}

const b64 = (buffer: Buffer) => buffer.toString('base64url');
const unb64 = (text: string) => Buffer.from(text, 'base64url');
const getRandom = (n: number) => webcrypto.getRandomValues(new Uint8Array(n));

export function createQuestionService(options: QuestionServiceOptions) {
  const { store, serverKey, chatStore, config, logger } = options;
  const now = options.now ?? Date.now;
  const indicators = options.indicators ?? noQuestionIndicators;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const gate = new KdfGate(config.kdfConcurrency, config.kdfQueue);
  const changed = () => options.changed?.();
  // Derivations for unknown locators use a fixed decoy salt, so they cost what a real one costs.
  const decoySalt = newSalt();

  const derive = async (secret: string, salt: Buffer): Promise<DerivedKeys> => {
    const keys = await gate.run(() => deriveFromSecret(secret, salt));
    if (!keys) throw new QuestionError('unavailable');
    return keys;
  };

  const openBox = (record: QuestionRecord): OpenBox => {
    // Only a question that waits for an answer has an open box; a sealed one is read with its code (thread()).
    if (record.open === null) throw new Error('question record without an open box');
    return JSON.parse(serverDecrypt(serverKey, unb64(record.open), record.id)) as OpenBox;
  };
  const boxFor = (record: Pick<QuestionRecord, 'id'>, box: OpenBox): string => b64(serverEncrypt(serverKey, JSON.stringify(box), record.id));

  const summary = (r: QuestionRecord): QuestionSummary => ({
    id: r.id,
    status: r.status,
    askedAt: r.askedAt,
    dueAt: r.dueAt,
    topic: r.topic,
    ageBand: r.ageBand,
    flagged: r.flagged,
    danger: r.danger,
    followUp: r.followUps > 0,
    round: r.followUps,
    claimedBy: r.claimedBy,
    draftBy: r.draftBy,
  });

  /** Writes a change made by `change` with compare-and-set, retrying on a concurrent change. */
  async function update(id: string, change: (record: QuestionRecord) => QuestionRecord): Promise<QuestionRecord> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const current = await store.get(id);
      if (!current) throw new QuestionError('gone');
      const next = change(current);
      if (await store.replace(next, current.version)) return { ...next, version: current.version + 1 };
    }
    throw new QuestionError('wrong_state');
  }

  function raise(record: QuestionRecord, reason: QuestionAlert['reason']): void {
    indicators.flagged(record.askedAt);
    logger.warn('question.flagged', { reason });
    options.alert?.({ questionId: record.id, reason, flaggedAt: now(), topic: record.topic, round: record.followUps });
  }

  /** Finds and verifies a code, or throws `not_found` / `throttled` (wrong codes cost time and count). */
  async function unlock(code: string, network: string): Promise<{ record: QuestionRecord; keys: DerivedKeys; parts: CodeParts }> {
    const throttleKey = `vraag:code:${network}`;
    const wait = await throttleWait(chatStore, throttleKey, now());
    if (wait > 0) {
      logger.warn('question.lookup_throttled', { waitSeconds: Math.ceil(wait / 1000) });
      throw new QuestionError('throttled', wait);
    }
    const parts = parseCode(code);
    const record = parts ? await store.findByLocator(parts.locator) : null;
    const keys = await derive(parts?.secret ?? 'x'.repeat(SECRET_LENGTH), record ? unb64(record.salt) : decoySalt);
    if (!parts || !record || !verifierMatches(unb64(record.verifier), keys.verifier)) {
      const locked = await recordFailure(chatStore, throttleKey, config.lookupThrottle, now());
      logger.warn('question.wrong_code', { lockedSeconds: Math.ceil(locked / 1000) });
      await sleep(config.wrongCodeDelayMs);
      throw new QuestionError('not_found');
    }
    await clearFailures(chatStore, throttleKey);
    return { record, keys, parts };
  }

  function thread(record: QuestionRecord, keys: DerivedKeys): ThreadMessage[] {
    if (record.sealed) return (JSON.parse(openSealed(keys.privateKey, unb64(record.sealed), record.id)) as { messages: ThreadMessage[] }).messages;
    return openBox(record).messages;
  }

  /**
   * Seals the thread with the answer and deletes the readable copy. `approval`: sent by a second reader
   * (the author stays on the record as `draftBy`, so they can see it went out). Returns when it was sent.
   */
  async function send(
    id: string,
    text: string,
    author: StaffMemberRef,
    authorName: string,
    check: (r: QuestionRecord) => void,
    approval?: { edited: boolean },
  ): Promise<number> {
    const at = now();
    let askedAt = 0;
    let dueAt = 0;
    await update(id, (record) => {
      check(record);
      askedAt = record.askedAt;
      dueAt = record.dueAt;
      const messages: ThreadMessage[] = [...openBox(record).messages, { from: 'cjg', at, name: authorName, text }];
      return {
        ...record,
        status: 'answered',
        open: null,
        sealed: b64(seal(unb64(record.publicKey), JSON.stringify({ messages }), record.id)),
        answeredAt: at,
        deleteAt: answeredDeleteAt(at, config.keepAnsweredDays),
        claimedBy: null,
        claimedAt: null,
        draftBy: approval ? record.draftBy : null,
        approval: approval ? { by: author.key, at, edited: approval.edited } : null,
      };
    });
    indicators.answered(askedAt, at, at <= dueAt);
    logger.info('question.answered', { inTime: at <= dueAt, reviewed: approval !== undefined });
    changed();
    return at;
  }

  return {
    config,

    /** A young person asks. The code is returned once and not kept. */
    async ask(input: { text: string; topic?: ChatTopic | undefined; ageBand?: ChatAgeBand | undefined }, network: string): Promise<AskResult> {
      const at = now();
      const bucket = await chatStore.takeToken(`vraag:ask:${network}`, config.askLimit.burst, config.askLimit.perSecond, at);
      if (!bucket.ok) {
        logger.warn('question.ask_limited');
        throw new QuestionError('rate_limited', bucket.retryAfterMs);
      }
      if ((await store.count()) >= config.maxStored) {
        logger.error('question.store_full');
        throw new QuestionError('unavailable');
      }
      const danger = suggestsDanger(input.text);
      const dueAt = answerDueAt(at, config.answerWorkingDays, config.timeZone);
      for (;;) {
        const letters = randomLetters(LOCATOR_LENGTH + SECRET_LENGTH, getRandom);
        const salt = newSalt();
        const keys = await derive(letters.slice(LOCATOR_LENGTH), salt);
        const id = randomBytes(12).toString('base64url');
        const record: QuestionRecord = {
          id,
          locator: letters.slice(0, LOCATOR_LENGTH),
          version: 1,
          salt: b64(salt),
          verifier: b64(keys.verifier),
          publicKey: b64(keys.publicKey),
          status: 'open',
          createdAt: at,
          askedAt: at,
          dueAt,
          deleteAt: unansweredDeleteAt(dueAt, config.marginDays),
          topic: input.topic ?? null,
          ageBand: input.ageBand ?? null,
          flagged: danger,
          danger,
          followUps: 0,
          claimedBy: null,
          claimedAt: null,
          draftBy: null,
          answeredAt: null,
          open: boxFor({ id }, { messages: [{ from: 'youth', at, text: input.text }], draft: null }),
          sealed: null,
        };
        // A taken locator (1 in 279,841 per stored question) just means drawing again.
        if (!(await store.insert(record))) continue;
        indicators.asked(at, false);
        logger.info('question.asked', { danger });
        if (danger) raise(record, 'danger');
        changed();
        return { ok: true, code: formatCode(letters), dueAt, dueText: dueDayText(dueAt, config.timeZone), danger };
      }
    },

    /** The young person reads their thread (or learns it is not answered yet, or expired). */
    async pickup(code: string, network: string): Promise<PickupResult> {
      const { record, keys } = await unlock(code, network);
      logger.info('question.pickup', { status: record.status });
      if (record.status === 'expired') return { ok: true, state: 'expired' };
      const messages = thread(record, keys);
      if (record.status !== 'answered') {
        const dueText = dueDayText(record.dueAt, config.timeZone);
        return { ok: true, state: 'waiting', messages, dueAt: record.dueAt, dueText, followUp: record.followUps > 0, danger: record.danger };
      }
      return {
        ok: true,
        state: 'answered',
        messages,
        canFollowUp: record.followUps < MAX_FOLLOW_UPS,
        deleteAt: record.deleteAt,
        deleteText: dayText(record.deleteAt, config.timeZone),
      };
    },

    /** One reaction under the same code: the thread is opened with the code and waits for a counsellor again. */
    async followUp(code: string, text: string, network: string): Promise<AskResult> {
      const { record, keys, parts } = await unlock(code, network);
      if (record.status !== 'answered') throw new QuestionError(record.status === 'expired' ? 'gone' : 'not_answered_yet');
      if (record.followUps >= MAX_FOLLOW_UPS) throw new QuestionError('follow_up_used');
      const at = now();
      const danger = suggestsDanger(text);
      const dueAt = answerDueAt(at, config.answerWorkingDays, config.timeZone);
      const messages: ThreadMessage[] = [...thread(record, keys), { from: 'youth', at, text }];
      const next = await update(record.id, (current) => {
        if (current.status !== 'answered' || current.followUps >= MAX_FOLLOW_UPS) throw new QuestionError('follow_up_used');
        return {
          ...current,
          status: 'open',
          askedAt: at,
          dueAt,
          deleteAt: unansweredDeleteAt(dueAt, config.marginDays),
          followUps: current.followUps + 1,
          flagged: current.flagged || danger,
          danger: current.danger || danger,
          sealed: null,
          open: boxFor(current, { messages, draft: null }),
          // A new round: whoever answered the first one through a second reader is not part of it.
          draftBy: null,
          approval: null,
        };
      });
      indicators.asked(at, true);
      logger.info('question.follow_up', { danger });
      if (danger) raise(next, 'danger');
      changed();
      return { ok: true, code: formatCode(parts.locator + parts.secret), dueAt, dueText: dueDayText(dueAt, config.timeZone), danger };
    },

    /** "Verwijder mijn vraag": everything under this code, at once. */
    async remove(code: string, network: string): Promise<void> {
      const { record } = await unlock(code, network);
      await store.delete(record.id);
      if (record.status !== 'expired') indicators.deleted(record.askedAt);
      logger.info('question.deleted_by_youth');
      changed();
    },

    // ---- counsellors ----

    async list(): Promise<QuestionSummary[]> {
      const at = now();
      return (await store.list())
        .filter((r) => r.status === 'open' || r.status === 'claimed' || r.status === 'review')
        .map((r) =>
          r.status === 'claimed' && r.claimedAt !== null && at - r.claimedAt > CLAIM_TIMEOUT_MS ? { ...r, status: 'open' as const, claimedBy: null } : r,
        )
        .sort((a, b) => Number(b.flagged) - Number(a.flagged) || a.dueAt - b.dueAt)
        .map(summary);
    },

    /** The text, for whoever holds the question (or the second reader, or a supervisor of a flagged one). */
    async read(id: string, staff: StaffMemberRef): Promise<QuestionDetail> {
      const record = await store.get(id);
      if (!record || record.status === 'answered' || record.status === 'expired') throw new QuestionError('gone');
      const mayRead =
        record.claimedBy === staff.key || (record.status === 'review' && record.draftBy !== staff.key) || (record.flagged && staff.role === 'supervisor');
      if (!mayRead) throw new QuestionError('not_yours');
      const box = openBox(record);
      logger.info('question.read');
      return { ...summary(record), messages: box.messages, draft: box.draft };
    },

    async claim(id: string, staff: StaffMemberRef): Promise<QuestionDetail> {
      const at = now();
      await update(id, (record) => {
        const stale = record.status === 'claimed' && record.claimedAt !== null && at - record.claimedAt > CLAIM_TIMEOUT_MS;
        if (record.status !== 'open' && !stale && !(record.status === 'claimed' && record.claimedBy === staff.key)) throw new QuestionError('wrong_state');
        return { ...record, status: 'claimed', claimedBy: staff.key, claimedAt: at };
      });
      logger.info('question.claimed');
      changed();
      return this.read(id, staff);
    },

    async release(id: string, staff: StaffMemberRef): Promise<void> {
      await update(id, (record) => {
        if (record.status !== 'claimed' || record.claimedBy !== staff.key) throw new QuestionError('not_yours');
        return { ...record, status: 'open', claimedBy: null, claimedAt: null };
      });
      changed();
    },

    async flag(id: string, flagged: boolean, staff: StaffMemberRef): Promise<void> {
      const next = await update(id, (record) => {
        if (record.status === 'answered' || record.status === 'expired') throw new QuestionError('gone');
        if (record.claimedBy !== staff.key && staff.role !== 'supervisor') throw new QuestionError('not_yours');
        if (!flagged && record.danger && staff.role !== 'supervisor') throw new QuestionError('forbidden');
        return { ...record, flagged };
      });
      if (flagged) raise(next, 'counsellor');
      changed();
    },

    /** Sends the answer, or (review) leaves it for a colleague. A flagged question always needs a second reader. */
    async answer(id: string, text: string, review: boolean, staff: StaffMemberRef): Promise<'sent' | 'review'> {
      const current = await store.get(id);
      if (!current || current.status === 'answered' || current.status === 'expired') throw new QuestionError('gone');
      if (current.status !== 'claimed' || current.claimedBy !== staff.key) throw new QuestionError('not_yours');
      if (current.flagged && !review) throw new QuestionError('review_required');
      if (review) {
        await update(id, (record) => {
          if (record.status !== 'claimed' || record.claimedBy !== staff.key) throw new QuestionError('not_yours');
          return { ...record, status: 'review', draftBy: staff.key, open: boxFor(record, { messages: openBox(record).messages, draft: text }) };
        });
        logger.info('question.review_requested');
        changed();
        return 'review';
      }
      await send(id, text, staff, staff.name, (record) => {
        if (record.status !== 'claimed' || record.claimedBy !== staff.key) throw new QuestionError('not_yours');
      });
      return 'sent';
    },

    /** The second reader sends the colleague's answer (as written or edited), signed with the author's name. */
    async approve(id: string, text: string | undefined, staff: StaffMemberRef, authorName: (key: string) => string): Promise<void> {
      const current = await store.get(id);
      if (!current || current.status === 'answered' || current.status === 'expired') throw new QuestionError('gone');
      if (current.status !== 'review') throw new QuestionError('wrong_state');
      if (current.draftBy === staff.key) throw new QuestionError('own_answer');
      const draft = openBox(current).draft ?? '';
      const final = text ?? draft;
      const edited = final !== draft;
      const author = current.draftBy ?? staff.key;
      const sentAt = await send(
        id,
        final,
        staff,
        authorName(author),
        (record) => {
          if (record.status !== 'review' || record.draftBy === staff.key) throw new QuestionError('wrong_state');
        },
        { edited },
      );
      // The author hears it at once (their console), whichever node they are on.
      options.reviewed?.(author, { questionId: id, topic: current.topic, state: 'sent', reviewerName: staff.name, sentAt, edited });
    },

    /**
     * A counsellor's own answers that went to a second reader: those still waiting, and those a colleague
     * sent in the last REVIEW_NOTICE_DAYS (who, when, changed or not). Metadata only: the text is sealed.
     */
    async mine(staff: StaffMemberRef, nameOf: (key: string) => string): Promise<ReviewedAnswer[]> {
      const since = now() - REVIEW_NOTICE_DAYS * DAY_MS;
      return (await store.list()).flatMap((r): ReviewedAnswer[] => {
        if (r.draftBy !== staff.key) return [];
        if (r.status === 'review') return [{ questionId: r.id, topic: r.topic, state: 'waiting' }];
        if (r.status !== 'answered' || !r.approval || r.approval.at < since) return [];
        return [{ questionId: r.id, topic: r.topic, state: 'sent', reviewerName: nameOf(r.approval.by), sentAt: r.approval.at, edited: r.approval.edited }];
      });
    },

    /** Retention: deletes answered threads and tombstones that ran out; unanswered past the margin become tombstones. */
    async sweep(): Promise<{ deleted: number; expired: number }> {
      const at = now();
      let deleted = 0;
      let expired = 0;
      for (const id of await store.dueForDeletion(at)) {
        const record = await store.get(id);
        if (!record) continue;
        if (record.status === 'answered' || record.status === 'expired') {
          await store.delete(id);
          deleted++;
          continue;
        }
        const ok = await store.replace(
          {
            ...record,
            status: 'expired',
            open: null,
            sealed: null,
            claimedBy: null,
            claimedAt: null,
            draftBy: null,
            deleteAt: at + EXPIRED_NOTICE_DAYS * DAY_MS,
          },
          record.version,
        );
        if (ok) {
          indicators.expired(record.askedAt);
          expired++;
        }
      }
      if (deleted || expired) {
        logger.info('question.retention', { deleted, expired });
        changed();
      }
      return { deleted, expired };
    },
  };
}

export type QuestionService = ReturnType<typeof createQuestionService>;
