/**
 * Numbers and word lists of the chat protocol, shared by the server and the browser islands.
 * Plain constants only (the taxonomy import is type-only), so a browser bundle can import this
 * file without pulling in zod or Socket.IO.
 */
import type { AgeBandId, Topic } from '../taxonomy.ts';

/** Socket.IO path on the portal's own origin. */
export const SOCKET_PATH = '/socket.io/';
/** Anonymous young people. */
export const YOUTH_NAMESPACE = '/jongeren';
/** Counsellors and supervisors, authenticated in the namespace middleware. */
export const STAFF_NAMESPACE = '/medewerkers';

/** HTTP endpoints next to the socket. */
export const LOGIN_PATH = '/api/medewerkers/login';
export const LOGOUT_PATH = '/api/medewerkers/logout';
export const STATUS_PATH = '/api/chat/status';
/** Asked by the youth chat when a connection fails: was it this network's connection limit? (ConnectionCheck) */
export const CONNECTION_PATH = '/api/chat/verbinding';

/** Longest chat message, in characters (UTF-16 code units, as `String.length` counts them). */
export const MAX_MESSAGE_LENGTH = 2000;
/**
 * Largest single Socket.IO packet the server accepts, in bytes. A message of MAX_MESSAGE_LENGTH
 * characters fits with room to spare even in 4-byte characters; anything bigger is not a chat
 * message and the connection is closed by Socket.IO itself.
 */
export const MAX_PACKET_BYTES = 16 * 1024;

/**
 * The random session token a young person's tab keeps in sessionStorage: base64url, at least
 * 32 characters (≥ 192 bits). Only its shape is checked; it names no one.
 */
export const SESSION_TOKEN_PATTERN = /^[A-Za-z0-9_-]{32,128}$/;

/** Counsellor account names: shown to young people ("Sanne praat nu met je"). */
export const COUNSELLOR_NAME_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N} ._-]{0,39}$/u;
export const MAX_PASSWORD_LENGTH = 1024;
/** A transferring counsellor's note for the colleague who takes over: a few sentences, no transcript. */
export const MAX_HANDOVER_NOTE_LENGTH = 300;
export const MIN_PASSWORD_LENGTH = 10;
/**
 * `counsellor` and `supervisor` answer young people (chat, questions; supervisors also see the figures
 * and the sign-ups); `activities` only manages the sign-ups for activities and has no access to the chat
 * or the questions.
 */
export const STAFF_ROLES = ['counsellor', 'supervisor', 'activities'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
/** Roles that may open the console and answer questions. */
export const CHAT_ROLES: readonly StaffRole[] = ['counsellor', 'supervisor'];

/** Defaults the server may override through its configuration. */
export const DEFAULT_QUEUE_CAP = 40;
/** How long a dropped young person keeps their place or conversation. */
export const DEFAULT_RESUME_WINDOW_MS = 5 * 60_000;
/**
 * How long a dropped young person who was never answered keeps their queue place: shorter, so
 * sockets that join and vanish do not keep the chat "busy" for the whole resume window.
 */
export const DEFAULT_QUEUED_RESUME_WINDOW_MS = 60_000;
/** Waiting places one network (keyed hash of the address) may hold at once. */
export const DEFAULT_QUEUE_PER_NETWORK = 5;
/** Open connections (any namespace) one network may hold at once, on one node. */
export const DEFAULT_OPEN_CONNECTIONS_PER_NETWORK = 100;
/** How long a dropped counsellor keeps their conversations before they go back to the queue. */
export const DEFAULT_COUNSELLOR_GRACE_MS = 30_000;
export const DEFAULT_MAX_CONVERSATIONS_PER_COUNSELLOR = 3;
/** A counsellor's login session; they log in again after a shift. */
export const STAFF_SESSION_TTL_MS = 10 * 60 * 60_000;
/** How long a young person may still send the satisfaction check after the chat ended. */
export const FEEDBACK_WINDOW_MS = 30 * 60_000;
/** Lowest and highest satisfaction score (1 = heel slecht … 5 = heel goed). */
export const RATING_MIN = 1;
export const RATING_MAX = 5;

/** Token bucket: `burst` events at once, refilled at `perSecond`. */
export interface BucketLimit {
  burst: number;
  perSecond: number;
}

/**
 * Rate limits. Per socket (`socket*`) for floods from one tab; per key (`key*`) over all sockets
 * of one anonymous session or one counsellor, so opening many tabs does not multiply the budget.
 * Typing indicators have their own bucket and are dropped silently when over it.
 */
export const RATE_LIMITS = {
  socketEvents: { burst: 20, perSecond: 4 },
  keyEvents: { burst: 40, perSecond: 6 },
  youthMessages: { burst: 6, perSecond: 0.5 },
  staffMessages: { burst: 15, perSecond: 2 },
  typing: { burst: 10, perSecond: 2 },
  /** New connections per network (hashed), checked before any namespace; generous because a school shares one address. */
  connectionsPerNetwork: { burst: 60, perSecond: 1 },
} as const satisfies Record<string, BucketLimit>;

/** Topics a young person may pick when joining the queue: the youth-relevant part of TOPICS. */
export const CHAT_TOPICS = ['problemen', 'middelengebruik', 'gezondheid', 'veiligheid', 'school', 'hulp'] as const satisfies readonly Topic[];
export type ChatTopic = (typeof CHAT_TOPICS)[number];

/** Age bands a young person may pick: the ids of AGE_BANDS from school age up (labels live there). */
export const CHAT_AGE_BANDS = ['4-12', '12-18', '18-23'] as const satisfies readonly AgeBandId[];
export type ChatAgeBand = (typeof CHAT_AGE_BANDS)[number];
/**
 * The bands the young person's chat offers: the chat serves 12 to 23. '4-12' stays valid on the wire
 * and in the figures (older tabs, stored aggregates), but nobody is asked to pick an age we do not serve.
 */
export const YOUTH_CHAT_AGE_BANDS = ['12-18', '18-23'] as const satisfies readonly ChatAgeBand[];
export type YouthChatAgeBand = (typeof YOUTH_CHAT_AGE_BANDS)[number];
