/**
 * What the question endpoints answer, and the staff event a console can alert on. Types only.
 * Times are milliseconds since the epoch; Dutch texts are ready to show.
 */
import type { ChatAgeBand, ChatTopic } from '../protocol/limits.ts';

export type QuestionErrorCode =
  | 'invalid'
  | 'rate_limited'
  | 'throttled'
  | 'not_found'
  | 'follow_up_used'
  | 'not_answered_yet'
  | 'bad_origin'
  | 'unauthorized'
  | 'forbidden'
  | 'gone'
  | 'not_yours'
  | 'wrong_state'
  | 'own_answer'
  | 'review_required'
  | 'internal'
  | 'unavailable';

export interface QuestionError {
  ok: false;
  code: QuestionErrorCode;
  /** One clear Dutch sentence. */
  error: string;
  /** Per-field messages from the schema, by field name. */
  fields?: Record<string, string>;
  retryAfterMs?: number;
}

/** One line of a thread as the young person reads it. */
export type ThreadMessage = { from: 'youth'; at: number; text: string } | { from: 'cjg'; at: number; name: string; text: string };

export interface AskResult {
  ok: true;
  /** The pickup code, formatted (`ABCD-EFGH-…`). Shown once; the server does not keep it. */
  code: string;
  /** The answer is promised by this moment (end of the last promised working day). */
  dueAt: number;
  /** "woensdag 9 december" */
  dueText: string;
  /** The text suggests acute danger: show the crisis lines now. */
  danger: boolean;
}

export type PickupResult =
  | {
      ok: true;
      state: 'waiting';
      /** The question(s) as sent, so the young person knows the code is right. */
      messages: ThreadMessage[];
      dueAt: number;
      dueText: string;
      /** What waits is the follow-up under an earlier answer. */
      followUp: boolean;
      /** The thread suggested acute danger: the lines again, every time they look. */
      danger: boolean;
    }
  | {
      ok: true;
      state: 'answered';
      messages: ThreadMessage[];
      /** A follow-up may still be sent under this code. */
      canFollowUp: boolean;
      deleteAt: number;
      deleteText: string;
    }
  | { ok: true; state: 'expired' };

export type QuestionStatus = 'open' | 'claimed' | 'review' | 'answered' | 'expired';

/** One line in the counsellors' "Vragen" queue. No text: that is read by claiming. */
export interface QuestionSummary {
  id: string;
  status: QuestionStatus;
  /** When this round was asked (the first question or the follow-up). */
  askedAt: number;
  dueAt: number;
  topic: ChatTopic | null;
  ageBand: ChatAgeBand | null;
  flagged: boolean;
  /** Raised automatically: the text suggests acute danger. */
  danger: boolean;
  /** A follow-up under an answered question. */
  followUp: boolean;
  /** Which round waits: 0 the first question, 1 the follow-up (a new round may be flagged anew). */
  round: number;
  claimedBy: string | null;
  /** Who wrote the answer waiting for a second reader. */
  draftBy: string | null;
}

export interface QuestionDetail extends QuestionSummary {
  messages: ThreadMessage[];
  /** The answer waiting for a second reader. */
  draft: string | null;
}

/**
 * An answer this counsellor wrote that went to a second reader: still waiting, or sent by the colleague
 * (who, when, and whether they changed it). Pushed as `question:reviewed` the moment it is sent.
 */
export interface ReviewedAnswer {
  questionId: string;
  topic: ChatTopic | null;
  state: 'waiting' | 'sent';
  /** sent: the colleague who read along and sent it. */
  reviewerName?: string;
  sentAt?: number;
  /** sent: the colleague changed the text before sending. */
  edited?: boolean;
}

export interface StaffQuestionList {
  ok: true;
  questions: QuestionSummary[];
  /** My answers at a second reader, and those sent after reading along in the last REVIEW_NOTICE_DAYS. */
  mine: ReviewedAnswer[];
  /** For the crisis script beside a flagged question. */
  answerWorkingDays: number;
}

/**
 * Pushed on the staff namespace to supervisors (room `supervisors`) when a question is flagged, by the
 * danger check or by a counsellor: the console shows it like a flagged chat (StaffServerToClientEvents).
 */
export interface QuestionAlert {
  questionId: string;
  reason: 'danger' | 'counsellor';
  flaggedAt: number;
  topic: ChatTopic | null;
  /** The round that was flagged (QuestionSummary.round): a follow-up in danger alarms again after "Gezien". */
  round: number;
}
