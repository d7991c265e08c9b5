/**
 * The chat protocol: every event name with its payload and acknowledgement, for both namespaces.
 * Server: `new Server<...>` / `io.of(YOUTH_NAMESPACE) as YouthNamespace`.
 * Browser: `io('/jongeren', …) as YouthClientSocket`. Only types are imported from the schemas,
 * so nothing here ends up in a browser bundle.
 *
 * Conventions:
 * - Every client→server event takes one payload object (use `{}` when there is nothing to say)
 *   and, except `typing`, an acknowledgement callback. Acks are `{ ok: true, … }` or
 *   `{ ok: false, error, code }` with `error` a Dutch sentence ready to show.
 * - Messages carry a per-conversation `seq` (1, 2, 3 …). A young person's tab sends the last `seq`
 *   it has in `auth.lastSeq` when it reconnects and gets only what it missed.
 * - Times are milliseconds since the epoch (server clock); durations are milliseconds.
 */
import type { ErrorCode } from './errors.ts';
import type { ChatAgeBand, ChatTopic, StaffRole } from './limits.ts';
import type { QuestionAlert, ReviewedAnswer } from '../vraag/types.ts';
import type {
  ConversationRefPayload,
  FeedbackPayload,
  PresencePayload,
  QueueJoinPayload,
  SessionEndPayload,
  StaffMessagePayload,
  StaffTypingPayload,
  TakePayload,
  TransferPayload,
  YouthMessagePayload,
  YouthTypingPayload,
} from './schemas.ts';

export type { ErrorCode } from './errors.ts';
export type * from './schemas.ts';

// ---- acknowledgements ----

export interface AckError {
  ok: false;
  /** One clear Dutch sentence for the person using the chat. */
  error: string;
  code: ErrorCode;
  /** For `rate_limited` and `throttled`: when trying again makes sense. */
  retryAfterMs?: number;
  /** For `closed`: when the chat opens next (ISO 8601), if known. */
  opensAt?: string;
  /** For `closed`: the opening moment in Dutch words ("morgen om 14:00"). */
  opensText?: string;
}
export type Ack<T extends object = object> = ({ ok: true } & T) | AckError;
export type AckCallback<T extends object = object> = (response: Ack<T>) => void;

// ---- shared shapes ----

/**
 * Notices the server puts into a conversation as system messages, seen by both sides; the islands
 * render them with their own Dutch strings (`chat.notice.*`). Staff-only facts (connection of the
 * young person, "zorgelijk") travel as their own events and never enter the shared log.
 */
export type NoticeCode =
  | 'counsellorJoined' // name: the counsellor
  | 'transferred' // name: the new counsellor
  | 'requeued' // counsellor gone or handed back: the young person is at the front of the queue
  | 'colleagueReading' // a supervisor started reading along (the young person is always told)
  | 'colleagueStopped'; // that supervisor stopped reading along (told as well, so nobody keeps believing it)

export type ChatMessage =
  | { seq: number; id: string; at: number; from: 'youth'; text: string }
  /** `colleague`: written by a second counsellor (a supervisor reading along who stepped in). */
  | { seq: number; id: string; at: number; from: 'counsellor'; name: string; text: string; colleague?: true }
  | { seq: number; id: string; at: number; from: 'system'; notice: NoticeCode; name?: string };

export type EndedBy = 'youth' | 'quickExit' | 'counsellor' | 'expired' | 'blocked';

/** Live status for the static pages (`GET /api/chat/status`) and the waiting room. */
export interface ChatStatus {
  state: 'open' | 'closed' | 'busy';
  /** Rough wait for someone joining now, in whole minutes; absent when unknown. */
  waitMinutes?: number;
  /** Next opening (ISO 8601), when closed. */
  opensAt?: string;
  /** One Dutch sentence describing the state. */
  text: string;
}

/**
 * `GET /api/chat/verbinding`: whether this network is refused new chat connections right now (too many
 * open, or too many new ones at once). A browser's WebSocket cannot read why a handshake was refused, so
 * the youth chat asks this after a failed connection and shows the Dutch sentence.
 */
export type ConnectionCheck = { ok: true } | { ok: false; code: 'too_many_connections'; error: string };

// ---- young people: /jongeren ----

export type YouthPhase = 'idle' | 'queued' | 'chatting';

/** Sent on every (re)connect: where this session stands. */
export interface YouthSessionState {
  phase: YouthPhase;
  /** True when this connection continued an earlier one (same queue place or conversation). */
  resumed: boolean;
  /** True when the tab sent a token whose session had expired or ended. */
  expired: boolean;
  position?: number;
  waitMinutes?: number | null;
  counsellorName?: string;
  /** Messages after `auth.lastSeq`, in order. */
  messages: ChatMessage[];
  status: ChatStatus;
}

export interface QueuePosition {
  position: number;
  /** Honest estimate in whole minutes; `null` when there is no basis for one (no counsellor online). */
  waitMinutes: number | null;
}

export interface YouthClientToServerEvents {
  'queue:join': (payload: QueueJoinPayload, ack: AckCallback<QueuePosition>) => void;
  'message:send': (payload: YouthMessagePayload, ack: AckCallback<{ id: string; seq: number }>) => void;
  typing: (payload: YouthTypingPayload) => void;
  /** Leave the queue or end the conversation; the server forgets the session. */
  'session:end': (payload: SessionEndPayload, ack: AckCallback<{ feedbackId?: string }>) => void;
  'feedback:send': (payload: FeedbackPayload, ack: AckCallback) => void;
}

export interface YouthServerToClientEvents {
  'session:state': (state: YouthSessionState) => void;
  'queue:position': (position: QueuePosition) => void;
  'conversation:started': (info: { counsellorName: string }) => void;
  message: (message: ChatMessage) => void;
  typing: (info: { typing: boolean }) => void;
  /** `feedbackId` lets the tab send one satisfaction score within FEEDBACK_WINDOW_MS. */
  'conversation:ended': (info: { by: EndedBy; feedbackId?: string }) => void;
}

// ---- counsellors: /medewerkers ----

export interface StaffMember {
  name: string;
  role: StaffRole;
}

export interface QueueEntryView {
  entryId: string;
  /** 1 = first in line. */
  position: number;
  joinedAt: number;
  /** How long they have waited when this view was made. */
  waitedMs: number;
  topic: ChatTopic | null;
  ageBand: ChatAgeBand | null;
  /** Back in the queue after a counsellor dropped out or handed them back. */
  requeued: boolean;
  /** Back in the queue after it was marked "zorgelijk" or suggested acute danger: shown on the queue card. */
  flagged: boolean;
  danger: boolean;
  /** "Jongere N" of a requeued conversation (null for a new young person): the same name the supervisor's banner uses. */
  number: number | null;
  /** False while the young person's connection is down (their place is kept). */
  connected: boolean;
}

export interface ConversationView {
  conversationId: string;
  /** "Jongere 7": the one name of this young person in every console (counted per day by the server). */
  number: number;
  counsellorName: string;
  startedAt: number;
  topic: ChatTopic | null;
  ageBand: ChatAgeBand | null;
  youthConnected: boolean;
  flagged: boolean;
  /** A message of the young person suggested acute danger (shared/danger.ts): show the crisis script. */
  danger: boolean;
  /** The note of the counsellor who transferred this conversation, for whoever has it now. */
  handover?: HandoverView;
  /** True for a supervisor reading along (who may still step in with a message of their own). */
  readOnly: boolean;
  messages: ChatMessage[];
}

export interface HandoverView {
  from: string;
  note: string;
  at: number;
}

export interface TeamMemberView extends StaffMember {
  available: boolean;
  conversations: number;
  maxConversations: number;
}

export interface FlagView {
  conversationId: string;
  /** "Jongere N", the same name the counsellor sees, so two flags of one counsellor can be told apart. */
  number: number;
  topic: ChatTopic | null;
  /** The young person's words suggested acute danger (the crisis signal). */
  danger: boolean;
  counsellorName: string;
  /** Who flagged it; after a transfer not the one who has it now (`counsellorName`). */
  flaggedBy: string;
  flaggedAt: number;
}

export interface CrisisLineView {
  name: string;
  phone: string;
  when: string;
}

export interface StaffSessionState {
  me: StaffMember;
  available: boolean;
  maxConversations: number;
  conversations: ConversationView[];
  observing: ConversationView[];
  queue: QueueEntryView[];
  team: TeamMemberView[];
  /** Only for supervisors; empty for counsellors. */
  flags: FlagView[];
  /** The lines for the crisis script (112, 113, Veilig Thuis, Kindertelefoon), from the site configuration. */
  crisisLines: CrisisLineView[];
  status: ChatStatus;
}

export interface StaffClientToServerEvents {
  'conversation:take': (payload: TakePayload, ack: AckCallback<{ conversation: ConversationView }>) => void;
  /** Into your own conversation, or (supervisor reading along) into one you read: marked `colleague`. */
  'message:send': (payload: StaffMessagePayload, ack: AckCallback<{ id: string; seq: number }>) => void;
  typing: (payload: StaffTypingPayload) => void;
  'conversation:end': (payload: ConversationRefPayload, ack: AckCallback) => void;
  'conversation:transfer': (payload: TransferPayload, ack: AckCallback) => void;
  /** Blocks this young person's session (and, briefly, their network); ends the conversation. */
  'conversation:block': (payload: ConversationRefPayload, ack: AckCallback) => void;
  /** "Zorgelijk": alerts online supervisors; the ack carries the crisis script lines. */
  'conversation:flag': (payload: ConversationRefPayload, ack: AckCallback<{ crisisLines: CrisisLineView[] }>) => void;
  /** Supervisors only: read along with a conversation. */
  'conversation:observe': (payload: ConversationRefPayload, ack: AckCallback<{ conversation: ConversationView }>) => void;
  'conversation:unobserve': (payload: ConversationRefPayload, ack: AckCallback) => void;
  'presence:set': (payload: PresencePayload, ack: AckCallback) => void;
}

export interface StaffServerToClientEvents {
  'session:state': (state: StaffSessionState) => void;
  'queue:update': (info: { entries: QueueEntryView[] }) => void;
  'team:update': (info: { members: TeamMemberView[] }) => void;
  /** Your own availability changed (in this console or another of yours). */
  'presence:update': (info: { available: boolean }) => void;
  /** A conversation became yours (taken, transferred to you) or you started reading along. */
  'conversation:assigned': (info: { conversation: ConversationView; reason: 'taken' | 'transferred' | 'observing' }) => void;
  'conversation:youth': (info: { conversationId: string; connected: boolean }) => void;
  message: (info: { conversationId: string; message: ChatMessage }) => void;
  typing: (info: { conversationId: string; typing: boolean }) => void;
  /** The conversation left your console: ended, handed on, or (for readers) closed. */
  'conversation:ended': (info: { conversationId: string; by: EndedBy | 'transferred' | 'requeued' }) => void;
  'conversation:flagged': (info: { conversationId: string; flagged: boolean }) => void;
  /** A message of the young person suggested acute danger: the counsellor (and readers) see the signal. No text. */
  'conversation:danger': (info: { conversationId: string }) => void;
  /** Supervisors: a conversation was marked "zorgelijk". */
  'flag:alert': (flag: FlagView) => void;
  'flags:update': (info: { flags: FlagView[] }) => void;
  /** Supervisors: an anonymous question ("Stel je vraag") was flagged, by the danger check or a counsellor. */
  'question:alert': (alert: QuestionAlert) => void;
  /** To the author only: the colleague who read along sent their answer to an anonymous question. */
  'question:reviewed': (answer: ReviewedAnswer) => void;
  /** Everyone: the Vragen queue changed (new, claimed, answered, deleted); fetch the list again. */
  'questions:changed': () => void;
  /** The login session ended (logout, account removed): log in again. */
  'session:expired': () => void;
}

// ---- between server nodes (issue 6: Redis adapter) ----

export interface InterServerEvents {
  /** Another node changed the queue: push fresh positions to its own sockets. */
  'queue:changed': () => void;
  /** Another node changed who is online or available. */
  'team:changed': () => void;
  /** Reconciliation: every other node answers with the sessions and counsellors it has sockets for. */
  who: (reply: (keys: NodeSocketKeys) => void) => void;
}

/** The sockets of one node: session keys of young people, account keys of counsellors. */
export interface NodeSocketKeys {
  youth: string[];
  staff: string[];
}

/** What the server keeps on a socket. Nothing identifying: no address, no user agent, no raw token. */
export type YouthSocketData = {
  kind: 'youth';
  /** Hash of the session token; the store never sees the token itself. */
  sessionKey: string;
  /** Keyed hash of the network address (daily secret), only for blocks and connection limits. */
  networkKey: string;
};
export type StaffSocketData = {
  kind: 'staff';
  name: string;
  role: StaffRole;
  /** Hash of the login session token. */
  sessionKey: string;
  /** Only listening for the supervisor's alarm (a staff page other than the console). */
  watch?: boolean;
};
export type SocketData = YouthSocketData | StaffSocketData;

// ---- HTTP: /api/medewerkers/login ----

export type LoginResponse = { ok: true; token: string; name: string; role: StaffRole; expiresAt: number } | AckError;
